import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Who is asking, for rate limits. With `trustedHops` 0 (the default) it is
 * the socket address: a client cannot choose its own identity. Behind n
 * trusted proxies (a CDN, a load balancer) it is the n-th `X-Forwarded-For`
 * entry from the right — the one those proxies wrote; entries further left
 * come from the client and are never trusted. (Same rule as the proxy's
 * rate limit, which can import this one.)
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
