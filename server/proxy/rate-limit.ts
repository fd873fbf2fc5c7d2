/**
 * Per-client rate limits (fixed window), for submissions and for reads. The
 * counters live in the proxy's state (state.ts), so several proxy processes
 * can share one instead of each allowing the limit.
 */
import type { Clock } from "../clock.ts";
import type { ProxyState } from "./state.ts";

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  clock: Clock;
  store: Pick<ProxyState, "hit">;
  /** Keeps this limit's counters apart from the other limits' in a shared store. */
  name: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter(options: RateLimitOptions): (client: string) => Promise<RateLimitDecision> {
  const { max, windowMs, clock, store, name } = options;
  if (!Number.isInteger(max) || max < 1) throw new RangeError("rateLimit.max must be a positive integer");
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError("rateLimit.windowMs must be positive");
  return async (client) => {
    const nowMs = clock.nowMs();
    const window = await store.hit(`${name}:${client}`, windowMs, nowMs);
    if (window.count <= max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAtMs - nowMs) / 1000)) };
  };
}
