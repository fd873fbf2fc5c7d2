/** dist/review-widgets-listing.js: a marketplace listing page where guests and hosts also write reviews. */
import { RatingSummary } from "../components/rating-summary/rating-summary.js";
import { ReviewForm } from "../components/review-form/review-form.js";
import { ReviewList } from "../components/review-list/review-list.js";
import { StarRating } from "../components/star-rating/star-rating.js";
import { serverRendered } from "../internal/takeover.js";
import { boot } from "./boot.js";

boot([StarRating, RatingSummary, ReviewList, ReviewForm], serverRendered);
