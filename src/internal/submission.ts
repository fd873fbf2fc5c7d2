import { ApiError } from "../core/errors.js";
import type { Review, ReviewDraft } from "../core/model.js";
import type { RequestContext, ReviewSource } from "../core/source.js";

/** No answer, a timeout, a 5xx or an unreadable answer: a POST may have landed all the same. */
export const mayHaveLanded = (error: ApiError): boolean => error.kind !== "http" || (error.status ?? 0) >= 500;

/**
 * Sends a review once, however often it is submitted. After an answer that does not say whether the
 * POST landed (no answer, a timeout, a 5xx), the next attempt first asks the server for the viewer's own
 * review; an anonymous submitter, who cannot ask, sends every attempt at the same content with the same
 * idempotency key, and the proxy answers a repeat with the first answer.
 */
export class Submission {
  #uncertain = false;
  #key: string | null = null;

  /** Another review (another stay, viewer or reviewee): nothing of the last one's attempts carries over. */
  reset(): void {
    this.#uncertain = false;
    this.#key = null;
  }

  /** The content changed: its attempts are a new submission, with a new key. */
  changed(): void {
    this.#key = null;
  }

  /** Posts `draft` (or finds that an earlier attempt landed); `key` makes one for anonymous submitters. */
  async send(source: ReviewSource, draft: ReviewDraft, context: RequestContext, key?: () => string): Promise<Review> {
    if (key) draft.submissionId = this.#key ??= key();
    try {
      const landed = this.#uncertain ? (await source.findOwnReview(draft, context)).review : null;
      const review = landed ?? (await source.createReview(draft, context));
      this.reset();
      return review;
    } catch (error) {
      const failure = ApiError.from(error);
      if (mayHaveLanded(failure)) this.#uncertain = true;
      throw failure;
    }
  }
}
