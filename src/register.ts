import { RatingSummary } from "./components/rating-summary/rating-summary.js";
import { ReviewForm } from "./components/review-form/review-form.js";
import { ReviewList } from "./components/review-list/review-list.js";
import { ReviewModeration } from "./components/review-moderation/review-moderation.js";
import { StarRating } from "./components/star-rating/star-rating.js";

/** Registers every tag; a tag that already exists (a second embed) is left alone. */
export function defineAll(registry: CustomElementRegistry = customElements): void {
  for (const element of [StarRating, RatingSummary, ReviewList, ReviewForm, ReviewModeration]) element.define(element.tag, registry);
}
