import type { MiddlewareHandler } from "hono";

/**
 * Headers every response of this server carries, API and pages alike:
 * no MIME sniffing (a JSON error must never run as a script or a page), no
 * framing anywhere (the moderation pages hold an admin's powers, and no page
 * here is meant to be embedded in a frame), and no referrer (URLs can carry
 * ids a third party has no business seeing). Hono's `secureHeaders` is not
 * used: it also sets Cross-Origin-Resource-Policy: same-origin, which would
 * stop other sites from loading the embed script and the public proxy.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    try {
      setAll(c.res.headers);
    } catch {
      // A response with immutable headers (e.g. one passed through from fetch): copy it first.
      c.res = new Response(c.res.body, c.res);
      setAll(c.res.headers);
    }
  };
}

function setAll(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // A route that chose a stricter CSP keeps it; frame-ancestors is added to it.
    if (name === "Content-Security-Policy" && headers.has(name)) {
      const own = headers.get(name) ?? "";
      if (!/frame-ancestors/i.test(own)) headers.set(name, `${own}; ${value}`);
    } else headers.set(name, value);
  }
}
