import type { Context } from "hono";

/** The connection's remote address, as the runtime reports it (Node: `nodeSocketAddress`). */
export type SocketAddress = (c: Context) => string | undefined;

/**
 * Who is asking, for rate limits. With `trustedHops` 0 (the default) it is
 * the socket address: a client cannot choose its own identity. Behind n
 * trusted proxies (a CDN, a load balancer) it is the n-th `X-Forwarded-For`
 * entry from the right — the one those proxies wrote; entries further left
 * come from the client and are never trusted. The socket address comes from
 * the runtime (injected), so this runs on any Fetch runtime.
 */
export function clientAddress(c: Context, trustedHops: number, socketAddress: SocketAddress | undefined): string {
  if (trustedHops > 0) {
    const chain = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const address = chain[chain.length - trustedHops];
    if (address) return address.slice(0, 100);
  }
  return socketAddress?.(c) || "unknown-client";
}
