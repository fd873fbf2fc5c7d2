import type { ApiError } from "../api/errors.js";
import type { ModerationStatus, Review, ReviewDraft } from "./model.js";

/** Every event the elements fire: bubbling, composed, with a typed `detail` (DESIGN.md §2). */
export interface ReviewEventMap {
  "review-load": { count: number };
  "review-error": { error: ApiError };
  /** Cancelable: fired before the POST; `preventDefault()` stops it. */
  "review-submit": { draft: ReviewDraft };
  "review-submitted": { review: Review };
  "review-auth-required": Record<string, never>;
  /** `status` "deleted" after a Delete. */
  "review-moderated": { id: string; status: ModerationStatus | "deleted" };
}

export type ReviewEventName = keyof ReviewEventMap;

declare global {
  interface HTMLElementEventMap {
    "review-load": CustomEvent<ReviewEventMap["review-load"]>;
    "review-error": CustomEvent<ReviewEventMap["review-error"]>;
    "review-submit": CustomEvent<ReviewEventMap["review-submit"]>;
    "review-submitted": CustomEvent<ReviewEventMap["review-submitted"]>;
    "review-auth-required": CustomEvent<ReviewEventMap["review-auth-required"]>;
    "review-moderated": CustomEvent<ReviewEventMap["review-moderated"]>;
  }
}
