/**
 * CORS for the reference APIs (marketplace, its sign-in, the directory API),
 * so a site on another origin can use them as a real deployment would. Only
 * configured origins get `Access-Control-Allow-Origin` (the origin echoed,
 * never `*`), and never `Access-Control-Allow-Credentials`: the widgets send
 * no cookies (`credentials: "omit"`), credentials travel in `Authorization`.
 * Unlike the public proxy, a foreign origin is not refused here: without the
 * header the browser withholds the answer, and non-browser clients are
 * authenticated like any other.
 */
import type { MiddlewareHandler } from "hono";
import { normalizeOrigins } from "../proxy/cors.ts";

const ALLOWED_METHODS = "GET, POST, PATCH, DELETE";
const ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
const EXPOSED_HEADERS = "Retry-After";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

export function apiCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = normalizeOrigins(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header("origin");
    const isAllowed = origin !== undefined && allowed.has(origin);
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined) {
      const headers: Record<string, string> = { Allow: `${ALLOWED_METHODS}, OPTIONS`, Vary: "Origin", "Cache-Control": "no-store" };
      if (isAllowed) {
        headers["Access-Control-Allow-Origin"] = origin;
        headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS;
        headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS;
        headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE_SECONDS;
      }
      return c.body(null, 204, headers);
    }
    await next();
    const decorate = (headers: Headers) => {
      // Answers differ by Origin: caches must keep them apart.
      headers.append("Vary", "Origin");
      if (isAllowed) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      }
    };
    try {
      decorate(c.res.headers);
    } catch {
      // Immutable headers (a response passed through from fetch): copy it first.
      c.res = new Response(c.res.body, c.res);
      decorate(c.res.headers);
    }
  };
}
