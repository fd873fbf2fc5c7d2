/**
 * Brute-force brakes for sign-in, in memory and bounded:
 * - per account: 5 wrong passwords within 15 minutes lock it for 15 minutes
 *   (a right password resets the count);
 * - per address: 20 failed sign-ins, or 300 sign-ins of any outcome, per
 *   15-minute window.
 * Times are the server clock's, so tests (and the demo clock) can move past a lock.
 */
const WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMITS = {
  accountFailures: 5,
  lockMs: WINDOW_MS,
  addressFailures: 20,
  addressAttempts: 300,
  windowMs: WINDOW_MS,
  /** Tracked accounts and addresses each; beyond it the oldest entries go. */
  maxTracked: 10_000,
} as const;

interface Counter {
  windowEndsMs: number;
  failures: number;
  attempts: number;
  lockedUntilMs: number;
}

export class LoginThrottle {
  readonly #accounts = new Map<string, Counter>();
  readonly #addresses = new Map<string, Counter>();

  /** Milliseconds until this account may try again from this address, or 0 when it may now. */
  waitMs(account: string, address: string, nowMs: number): number {
    const byAccount = this.#current(this.#accounts, account, nowMs);
    const byAddress = this.#current(this.#addresses, address, nowMs);
    let wait = Math.max(0, byAccount.lockedUntilMs - nowMs);
    if (byAddress.failures >= LOGIN_LIMITS.addressFailures || byAddress.attempts >= LOGIN_LIMITS.addressAttempts) {
      wait = Math.max(wait, byAddress.windowEndsMs - nowMs);
    }
    return wait;
  }

  record(account: string, address: string, succeeded: boolean, nowMs: number): void {
    const byAccount = this.#current(this.#accounts, account, nowMs);
    const byAddress = this.#current(this.#addresses, address, nowMs);
    byAddress.attempts += 1;
    if (succeeded) {
      byAccount.failures = 0;
      return;
    }
    byAddress.failures += 1;
    byAccount.failures += 1;
    if (byAccount.failures >= LOGIN_LIMITS.accountFailures) {
      byAccount.lockedUntilMs = nowMs + LOGIN_LIMITS.lockMs;
      byAccount.failures = 0;
    }
  }

  #current(map: Map<string, Counter>, key: string, nowMs: number): Counter {
    let counter = map.get(key);
    if (counter && counter.windowEndsMs <= nowMs && counter.lockedUntilMs <= nowMs) {
      map.delete(key);
      counter = undefined;
    }
    if (!counter) {
      if (map.size >= LOGIN_LIMITS.maxTracked) evict(map, nowMs);
      counter = { windowEndsMs: nowMs + LOGIN_LIMITS.windowMs, failures: 0, attempts: 0, lockedUntilMs: 0 };
      map.set(key, counter);
    } else if (counter.windowEndsMs <= nowMs) {
      // A new window; a running lock keeps its end.
      Object.assign(counter, { windowEndsMs: nowMs + LOGIN_LIMITS.windowMs, failures: 0, attempts: 0 });
    }
    return counter;
  }
}

/** Drops expired entries; if none expired, the oldest (Maps keep insertion order). */
function evict(map: Map<string, Counter>, nowMs: number): void {
  for (const [key, counter] of map) if (counter.windowEndsMs <= nowMs && counter.lockedUntilMs <= nowMs) map.delete(key);
  if (map.size >= LOGIN_LIMITS.maxTracked) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}
