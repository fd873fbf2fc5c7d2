/** HTTP caching for public GET responses: Cache-Control, strong ETags, 304s. */
import type { Context } from "hono";

export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";
export const NO_STORE = "no-store";

/** A strong ETag: the SHA-256 of the exact body bytes (Web Crypto, any runtime). */
export async function strongEtag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return `"${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}"`;
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`; `*` matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const wanted = header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return wanted.includes("*") || wanted.includes(etag);
}

/** A cacheable JSON 200, or a 304 when the client already has this exact body. */
export async function cacheableJson(c: Context, payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  const etag = await strongEtag(body);
  const headers = { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL };
  if (matchesIfNoneMatch(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "Content-Type": "application/json" });
}
