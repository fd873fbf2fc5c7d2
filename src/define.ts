/** Registers every tag (once: defining twice is harmless). */
import { RatingSummary } from "./components/rating-summary/rating-summary.js";
import { ReviewForm } from "./components/review-form/review-form.js";
import { ReviewList } from "./components/review-list/review-list.js";
import { ReviewModeration } from "./components/review-moderation/review-moderation.js";
import { StarRating } from "./components/star-rating/star-rating.js";

StarRating.define();
RatingSummary.define();
ReviewList.define();
ReviewForm.define();
ReviewModeration.define();

export * from "./index.js";
