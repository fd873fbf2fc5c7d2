/** dist/review-widgets-directory.js: a partner directory's public pages, through the proxy. */
import { RatingSummary } from "../components/rating-summary/rating-summary.js";
import { ReviewForm } from "../components/review-form/review-form.js";
import { ReviewList } from "../components/review-list/review-list.js";
import { StarRating } from "../components/star-rating/star-rating.js";
import { serverRendered } from "../internal/takeover.js";
import { boot } from "./boot.js";

boot([StarRating, RatingSummary, ReviewList, ReviewForm], serverRendered);
