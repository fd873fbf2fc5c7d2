/**
 * Per-client rate limits (fixed window), for submissions and for reads. The
 * counters live in the proxy's state (state.ts), so several proxy processes
 * can share one instead of each allowing the limit.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
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
