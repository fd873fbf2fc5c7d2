/**
 * Per-client rate limiting of submissions (fixed window). The counter lives
 * behind `RateLimitStore`, so several proxy instances can share one (e.g. a
 * Redis or KV implementation) instead of the in-memory default.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Clock } from "../clock.ts";

export interface RateLimitWindow {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends (ms since the epoch). */
  resetAtMs: number;
}

export interface RateLimitStore {
  /** Counts one hit for `key` and returns the state of its window. */
  hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow>;
}

/** The default store: a Map in this process, swept of expired windows as it goes. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, RateLimitWindow>();
  #nextSweepMs = 0;

  async hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow> {
    if (nowMs >= this.#nextSweepMs) {
      for (const [k, w] of this.#windows) if (w.resetAtMs <= nowMs) this.#windows.delete(k);
      this.#nextSweepMs = nowMs + windowMs;
    }
    let window = this.#windows.get(key);
    if (!window || window.resetAtMs <= nowMs) {
      window = { count: 0, resetAtMs: nowMs + windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return { ...window };
  }

  get size(): number {
    return this.#windows.size;
  }
}

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  clock: Clock;
  store: RateLimitStore;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter(options: RateLimitOptions): (client: string) => Promise<RateLimitDecision> {
  const { max, windowMs, clock, store } = options;
  if (!Number.isInteger(max) || max < 1) throw new RangeError("rateLimit.max must be a positive integer");
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError("rateLimit.windowMs must be positive");
  return async (client) => {
    const nowMs = clock.nowMs();
    const window = await store.hit(client, windowMs, nowMs);
    if (window.count <= max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAtMs - nowMs) / 1000)) };
  };
}

/**
 * Who the client is: the first `X-Forwarded-For` address when present (the
 * proxy is meant to run behind a CDN or load balancer that sets it), else the
 * socket address, else a constant (runtimes that expose neither).
 */
/**
 * Who is asking, for the rate limit. With `trustedHops` 0 (the default) it is
 * the socket address: a client cannot choose its own identity. Behind n
 * trusted proxies (a CDN, a load balancer) it is the n-th `X-Forwarded-For`
 * entry from the right — the one those proxies wrote; entries further left
 * come from the client and are never trusted.
 */
export function clientAddress(c: Context, trustedHops = 0): string {
  if (trustedHops > 0) {
    const chain = (c.req.header("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
    const address = chain[chain.length - trustedHops];
    if (address) return address.slice(0, 100);
  }
  try {
    const address = getConnInfo(c).remote.address;
    if (address) return address;
  } catch {
    // Not running on @hono/node-server (or called in-process without bindings).
  }
  return "unknown-client";
}
