/**
 * Idempotent submissions. A visitor whose POST may or may not have landed (a
 * dropped connection, a timeout, Chromium re-sending a POST on a reset
 * keep-alive connection) sends it again with the same `Idempotency-Key` and
 * gets the first answer back instead of creating a second pending review.
 * Only created reviews are remembered; a failed attempt can simply be retried.
 * Keys are scoped to a directory and kept for a day, behind
 * `IdempotencyStore`, so several proxy instances can share them.
 */
import type { PublicReview } from "./strip.ts";
import { SUBMISSION_FIELDS, type Submission } from "./submission.ts";

export interface RememberedSubmission {
  /** The submission as validated, canonicalised: a key reused for other content is refused. */
  fingerprint: string;
  review: PublicReview;
  expiresAtMs: number;
}

export interface IdempotencyStore {
  get(key: string, nowMs: number): Promise<RememberedSubmission | undefined>;
  set(key: string, value: RememberedSubmission): Promise<void>;
}

/** Opaque client-chosen keys (a UUID fits); long enough not to be guessed. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

/** The default store: a Map in this process, oldest entries dropped beyond 10,000. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, RememberedSubmission>();

  async get(key: string, nowMs: number): Promise<RememberedSubmission | undefined> {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAtMs <= nowMs) this.#entries.delete(key);
    return entry && entry.expiresAtMs > nowMs ? entry : undefined;
  }

  async set(key: string, value: RememberedSubmission): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(oldest);
    }
  }
}

/** The validated fields in a fixed order: the same submission, however its JSON was written, gives the same fingerprint. */
export function fingerprint(submission: Submission): string {
  return JSON.stringify(SUBMISSION_FIELDS.map((field) => submission[field]));
}
