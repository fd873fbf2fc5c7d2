/**
 * CORS for the public proxy. Only configured origins get
 * `Access-Control-Allow-Origin` (the exact origin echoed, never `*`).
 * Requests without Origin, or from the proxy's own origin, always pass.
 * A foreign origin may still GET (the browser will not let it read the
 * answer), but its POSTs and preflights are refused with 403.
 */
import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import { NO_STORE } from "./cache.ts";

export const ORIGIN_REFUSED = { detail: "This origin is not allowed to use the review service." } as const;

/** Exact origins ("https://shop.example"); rejects wildcards and "null". */
export function normalizeOrigins(origins: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new TypeError(`allowedOrigins: "${origin}" is not an origin such as "https://shop.example"`);
    }
    if (parsed.origin === "null") throw new TypeError(`allowedOrigins: "${origin}" has no usable origin`);
    set.add(parsed.origin);
  }
  return set;
}

/**
 * The refusals above, then Hono's `cors` for the headers: an allowed origin is
 * echoed with what it may send and read; no other origin gets a CORS header.
 */
export function cors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = normalizeOrigins(allowedOrigins);
  const headers = honoCors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "POST"],
    allowHeaders: ["Content-Type", "Idempotency-Key"],
    exposeHeaders: ["ETag", "Retry-After", "Idempotent-Replayed"],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header("origin");
    const permitted = origin === undefined || allowed.has(origin) || origin === new URL(c.req.url).origin;
    if (!permitted && c.req.method !== "GET" && c.req.method !== "HEAD") {
      return c.json(ORIGIN_REFUSED, 403, { "Cache-Control": NO_STORE });
    }
    return headers(c, next);
  };
}
