/** dist/review-widgets-moderation.js: the directory owner's moderation page (its cards draw their own stars). */
import { ReviewModeration } from "../components/review-moderation/review-moderation.js";
import { boot } from "./boot.js";

boot([ReviewModeration]);
