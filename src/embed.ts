/**
 * dist/review-widgets.js: every element and both backends in one script-tag
 * file. Pages that show fewer elements load a lighter file (src/embed/).
 */
import { RatingSummary } from "./components/rating-summary/rating-summary.js";
import { ReviewForm } from "./components/review-form/review-form.js";
import { ReviewList } from "./components/review-list/review-list.js";
import { ReviewModeration } from "./components/review-moderation/review-moderation.js";
import { StarRating } from "./components/star-rating/star-rating.js";
import { boot } from "./embed/boot.js";
import { serverRendered } from "./internal/takeover.js";

boot([StarRating, RatingSummary, ReviewList, ReviewForm, ReviewModeration], serverRendered);
