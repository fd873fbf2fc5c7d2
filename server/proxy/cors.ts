/**
 * CORS for the public proxy. Only configured origins get
 * `Access-Control-Allow-Origin` (the exact origin echoed, never `*`).
 * Requests without Origin, or from the proxy's own origin, always pass.
 * A foreign origin may still GET (the browser will not let it read the
 * answer), but its POSTs and preflights are refused with 403.
 */
import type { MiddlewareHandler } from "hono";
import { NO_STORE } from "./cache.ts";

const ALLOWED_METHODS = "GET, POST";
const ALLOWED_HEADERS = "Content-Type, Idempotency-Key";
const EXPOSED_HEADERS = "ETag, Retry-After, Idempotent-Replayed";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

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

export function cors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = normalizeOrigins(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header("origin");
    const isAllowed = origin !== undefined && allowed.has(origin);
    const isSameOrigin = origin === undefined || origin === new URL(c.req.url).origin;
    const permitted = isAllowed || isSameOrigin;

    if (c.req.method === "OPTIONS") {
      if (!permitted) return c.json(ORIGIN_REFUSED, 403, { "Cache-Control": NO_STORE });
      const headers: Record<string, string> = { Allow: "GET, POST, OPTIONS" };
      if (isAllowed) {
        headers["Access-Control-Allow-Origin"] = origin;
        headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS;
        headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS;
        headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE_SECONDS;
      }
      return c.body(null, 204, headers);
    }
    if (!permitted && c.req.method !== "GET" && c.req.method !== "HEAD") {
      return c.json(ORIGIN_REFUSED, 403, { "Cache-Control": NO_STORE });
    }
    await next();
    if (isAllowed) {
      c.res.headers.set("Access-Control-Allow-Origin", origin);
      c.res.headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
  };
}
