/**
 * review-widgets: the element classes and page configuration, without side
 * effects. Import "review-widgets/define" (or call `X.define()`) to register the tags.
 */
export { configure, type ReviewWidgetsConfig, type TokenProvider } from "./core/config.js";
export { API_SERVERS } from "./core/servers.js";
export { addMessages, type Messages } from "./core/i18n/index.js";
export { refresh } from "./core/refresh.js";
export { serverRendered } from "./internal/takeover.js";
export { ApiError, type ApiErrorKind } from "./core/errors.js";
export { REVIEW_EVENT_NAMES, type ReviewEventMap, type ReviewEventName, type ReviewEvents, type ReviewWidgetsReadyDetail } from "./core/events.js";
export type { Aggregate, ModerationItem, ModerationStatus, Page, PendingReason, Review, ReviewDraft, RevieweeType, SourceKind } from "./core/model.js";
export type { Sort } from "./core/sort.js";
export { StarRating } from "./components/star-rating/star-rating.js";
export { RatingSummary } from "./components/rating-summary/rating-summary.js";
export { ReviewList } from "./components/review-list/review-list.js";
export { ReviewForm } from "./components/review-form/review-form.js";
export { ReviewModeration } from "./components/review-moderation/review-moderation.js";
