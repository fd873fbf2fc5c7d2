/** dist/review-widgets-summary.js: pages that show only ratings, such as search results (the summary draws its own stars). */
import { RatingSummary } from "../components/rating-summary/rating-summary.js";
import { serverRendered } from "../internal/takeover.js";
import { boot } from "./boot.js";

boot([RatingSummary], serverRendered);
