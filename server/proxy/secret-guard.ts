/**
 * Last line of defence for the API key: if it ever shows up in a response
 * header or body, that response is replaced by a generic 502. Nothing is
 * logged. Runs inside the CORS middleware, so the replacement still carries
 * the CORS headers a browser needs to read it.
 */
import type { MiddlewareHandler } from "hono";
import { NO_STORE } from "./cache.ts";

export const UNAVAILABLE = { detail: "The review service is unavailable. Please try again later." } as const;

export function secretGuard(secret: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let leaked = false;
    c.res.headers.forEach((value) => {
      if (value.includes(secret)) leaked = true;
    });
    if (!leaked && c.res.body) leaked = (await c.res.clone().text()).includes(secret);
    if (leaked) {
      // Drop the old response first: Hono would otherwise copy its headers over.
      c.res = undefined;
      c.res = new Response(JSON.stringify(UNAVAILABLE), {
        status: 502,
        headers: { "Content-Type": "application/json", "Cache-Control": NO_STORE },
      });
    }
  };
}

/** Whether `secret` occurs in any string (value or property name) of parsed JSON. */
export function containsSecret(value: unknown, secret: string): boolean {
  if (typeof value === "string") return value.includes(secret);
  if (Array.isArray(value)) return value.some((item) => containsSecret(item, secret));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).some(([name, item]) => name.includes(secret) || containsSecret(item, secret));
  }
  return false;
}
