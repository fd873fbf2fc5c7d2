import "review-widgets/define";
import { configure, REVIEW_EVENT_NAMES, type ModerationStatus, type PendingReason, type RatingSummary, type ReviewList } from "review-widgets";
import { API_BASE } from "./api.ts";

configure({ apiBase: API_BASE });
const summary = document.querySelector("rating-summary") as RatingSummary;
const list = document.querySelector("review-list") as ReviewList;
list.sort = "highest";
// @ts-expect-error sort takes one of four values
list.sort = "best";
summary.addEventListener("review-load", (event) => document.body.setAttribute("data-loaded", String(event.detail.count)));
document.addEventListener("review-error", (event) => console.error(event.detail.error.kind));
window.addEventListener("review-widgets-ready", (event) => console.log(event.detail.tags.join()));
const status: ModerationStatus = "approved";
const reason: PendingReason = "double-blind";
export const names: readonly string[] = [...REVIEW_EVENT_NAMES, status, reason];
