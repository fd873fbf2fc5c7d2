import type { Context, MiddlewareHandler } from "hono";
import { isJsonMediaType } from "./json.ts";

/** Why a request to the demo controls was refused: 403 for another site, 415 for a non-JSON body. */
export interface Refusal {
  status: 403 | 415;
  detail: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Which requests the demo controls answer. They need no credentials, so a
 * page on another site must not be able to drive them: browsers label every
 * request with `Sec-Fetch-Site` (and `Origin` on POST), which a page cannot
 * forge. Requests without either come from tools (curl, tests), not from a
 * victim's browser. Changes must be `application/json`, a type no HTML form
 * can send and no cross-site fetch can send without a CORS preflight that
 * these routes never approve.
 */
export function demoRefusal(c: Context): Refusal | null {
  const fetchSite = c.req.header("sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { status: 403, detail: `The demo controls answer only their own pages (Sec-Fetch-Site: ${fetchSite}).` };
  }
  const origin = c.req.header("origin");
  if (origin !== undefined && !sameHost(origin, c.req.header("host"))) {
    return { status: 403, detail: "The demo controls answer only their own pages (cross-origin request)." };
  }
  if (!SAFE_METHODS.has(c.req.method) && !isJsonMediaType(c.req.header("content-type"))) {
    return { status: 415, detail: "Send the demo controls a JSON body (Content-Type: application/json)." };
  }
  return null;
}

/** Compares hosts only: behind a TLS-terminating proxy the scheme the server sees differs from the page's. */
function sameHost(origin: string, host: string | undefined): boolean {
  if (host === undefined || origin === "null") return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Middleware form: `refuse` answers in the backend's own error shape (or throws an error that does). */
export function demoGuard(refuse: (c: Context, refusal: Refusal) => Response): MiddlewareHandler {
  return async (c, next) => {
    const refusal = demoRefusal(c);
    if (refusal) return refuse(c, refusal);
    await next();
  };
}
