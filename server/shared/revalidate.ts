import type { MiddlewareHandler } from "hono";
import { etag } from "hono/etag";

/**
 * 304 Not Modified for public reads, by Hono's `etag`: each route sets its own
 * validator (over the data, not per-request fields such as a request id) and
 * this answers an If-None-Match that holds it. A read that carries credentials
 * is private (`no-store`) and passes by untouched.
 */
export function revalidatePublic(): MiddlewareHandler {
  const notModified = etag();
  return (c, next) => (c.req.header("authorization") === undefined ? notModified(c, next) : next());
}
