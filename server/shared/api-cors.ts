/**
 * CORS for the reference APIs (marketplace, its sign-in, the directory API),
 * so a site on another origin can use them as a real deployment would: Hono's
 * `cors`, with only configured origins echoed (never `*`) and never
 * `Access-Control-Allow-Credentials`: the widgets send no cookies
 * (`credentials: "omit"`), credentials travel in `Authorization`. Unlike the
 * public proxy, a foreign origin is not refused here: without the header the
 * browser withholds the answer, and non-browser clients are authenticated
 * like any other.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { normalizeOrigins } from "../proxy/cors.ts";

export function apiCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = normalizeOrigins(allowedOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PATCH", "DELETE"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
    exposeHeaders: ["Retry-After"],
    maxAge: 600,
  });
}
