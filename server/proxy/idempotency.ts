/**
 * Idempotent submissions. A visitor whose POST may or may not have landed (a
 * dropped connection, a timeout, Chromium re-sending a POST on a reset
 * keep-alive connection) sends it again with the same `Idempotency-Key` and
 * gets the first answer back instead of creating a second pending review.
 *
 * The key is bound to the submission it came with (its fingerprint) and is
 * decided only once the whole body has been read: it is claimed atomically
 * in the proxy's state (SET NX), so of any number of concurrent copies — on
 * one proxy or several — exactly one is forwarded; the others wait for its
 * result and replay it. The same key with another body is refused (422).
 * Only created reviews are remembered (a day); a failed attempt releases
 * the key so the visitor can simply retry.
 */
import type { ProxyState, KeyRecord, PendingRecord } from "./state.ts";
import type { PublicReview } from "./strip.ts";
import { SUBMISSION_FIELDS, type Submission } from "./submission.ts";

/** Opaque client-chosen keys (a UUID fits); long enough not to be guessed. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How often a waiting copy looks whether the first one has finished. */
const POLL_MS = 25;

/** The validated fields in a fixed order: the same submission, however its JSON was written, gives the same fingerprint. */
export function fingerprint(submission: Submission): string {
  return JSON.stringify(SUBMISSION_FIELDS.map((field) => submission[field]));
}

/** A key this request holds: record what it created, or let it go so the visitor can retry. Neither fails: a claim left behind expires by itself. */
export interface Claim {
  complete(review: PublicReview): Promise<void>;
  release(): Promise<void>;
}

/** A submission without a key: nothing to record. */
export const NO_KEY: Claim = { complete: () => Promise.resolve(), release: () => Promise.resolve() };

export type KeyDecision =
  /** This request holds the key (or sent none): create, then `complete` or `release`. */
  | { kind: "claimed"; claim: Claim }
  /** Already created from the same submission: answer with it. */
  | { kind: "replay"; review: PublicReview }
  /** The key belongs to another submission. */
  | { kind: "reused" }
  /** Another copy is still being created after `waitMs`. */
  | { kind: "busy" };

export interface ClaimOptions {
  state: ProxyState;
  nowMs: () => number;
  /** How long a claim lives if its holder dies mid-way: longer than one upstream call. */
  pendingTtlMs: number;
  /** How long a copy waits for the first one to finish. */
  waitMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function decide(record: KeyRecord, print: string): KeyDecision | null {
  if (record.fingerprint !== print) return { kind: "reused" };
  return record.state === "done" ? { kind: "replay", review: record.review } : null;
}

function held(scope: string, pending: PendingRecord, options: ClaimOptions): Claim {
  const { state, nowMs } = options;
  return {
    // The review exists: the visitor gets 201 even if the shared state cannot record it.
    complete: (review) =>
      state.complete(scope, pending, { state: "done", fingerprint: pending.fingerprint, review }, IDEMPOTENCY_TTL_MS, nowMs()).catch(() => undefined),
    release: () => state.release(scope, pending).catch(() => undefined),
  };
}

/** Claims `scope` for the submission `print`, or says what to answer instead. */
export async function claimKey(scope: string, print: string, options: ClaimOptions): Promise<KeyDecision> {
  const { state, nowMs, pendingTtlMs, waitMs } = options;
  const giveUpAt = performance.now() + waitMs;
  for (;;) {
    const pending: PendingRecord = { state: "pending", fingerprint: print, token: crypto.randomUUID() };
    const existing = await state.claim(scope, pending, pendingTtlMs, nowMs());
    if (existing === null) return { kind: "claimed", claim: held(scope, pending, options) };
    const decided = decide(existing, print);
    if (decided) return decided;
    // The same submission is being created right now: wait for its outcome.
    for (;;) {
      if (performance.now() >= giveUpAt) return { kind: "busy" };
      await sleep(POLL_MS);
      const current = await state.read(scope, nowMs());
      // Released (that attempt failed) or expired: try to claim it ourselves.
      if (current === null) break;
      const outcome = decide(current, print);
      if (outcome) return outcome;
    }
  }
}
