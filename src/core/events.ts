import type { ApiError } from "./errors.js";
import type { ModerationStatus, Review, ReviewDraft } from "./model.js";

/** Every event the elements fire: bubbling, composed, with a typed `detail` (DESIGN.md §2). */
export interface ReviewEventMap {
  "review-load": { count: number };
  "review-error": { error: ApiError };
  /** Cancelable: fired before the POST; `preventDefault()` stops it. */
  "review-submit": { draft: ReviewDraft };
  "review-submitted": { review: Review };
  /** The author changed their own unpublished review (a new rating may give it a new `id`). */
  "review-updated": { review: Review };
  /** The author withdrew their own unpublished review. */
  "review-withdrawn": { id: string };
  /** The author closed the editor of their own review without saving (Cancel). */
  "review-edit-cancelled": { id: string };
  "review-auth-required": Record<string, never>;
  /** `status` "deleted" after a Delete. */
  "review-moderated": { id: string; status: ModerationStatus | "deleted" };
}

export type ReviewEventName = keyof ReviewEventMap;

/** Every event name, e.g. to listen to them all. */
export const REVIEW_EVENT_NAMES = [
  "review-load",
  "review-error",
  "review-submit",
  "review-submitted",
  "review-updated",
  "review-withdrawn",
  "review-edit-cancelled",
  "review-auth-required",
  "review-moderated",
] as const satisfies readonly ReviewEventName[];

/** Each event as a listener receives it. */
export type ReviewEvents = { [K in ReviewEventName]: CustomEvent<ReviewEventMap[K]> };

/** Fired on `document` (heard on `window` too) when a script file has registered its tags. */
export interface ReviewWidgetsReadyDetail {
  tags: string[];
}

// The events bubble and are composed: a listener on an element, the document or the window gets them typed.
declare global {
  interface HTMLElementEventMap extends ReviewEvents {}
  interface DocumentEventMap extends ReviewEvents {
    "review-widgets-ready": CustomEvent<ReviewWidgetsReadyDetail>;
  }
  interface WindowEventMap extends ReviewEvents {
    "review-widgets-ready": CustomEvent<ReviewWidgetsReadyDetail>;
  }
}
