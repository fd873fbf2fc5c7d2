/** dist/review-widgets-ratings.js: read-only marketplace pages, a listing's summary and reviews (they draw their own stars). */
import { RatingSummary } from "../components/rating-summary/rating-summary.js";
import { ReviewList } from "../components/review-list/review-list.js";
import { serverRendered } from "../internal/takeover.js";
import { boot } from "./boot.js";

boot([RatingSummary, ReviewList], serverRendered);
