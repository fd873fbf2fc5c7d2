/** HTTP caching for public GET responses: Cache-Control and strong ETags (304s: server/shared/revalidate.ts). */
import type { Context } from "hono";

/**
 * Shared caches (a CDN) may keep a public list for a minute and serve it a
 * little stale while they refetch, or for longer while the service is down;
 * browsers must revalidate every time (max-age=0, answered 304 by ETag), so
 * a review the owner has just approved shows up on the next page load.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=60, stale-if-error=600";
export const NO_STORE = "no-store";

/** A strong ETag: the SHA-256 of the exact body bytes (Web Crypto, any runtime). */
export async function strongEtag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return `"${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}"`;
}

/** The JSON text of a public answer and its ETag, computed once (then cached as is). */
export async function publicPage(payload: unknown): Promise<{ etag: string; body: string }> {
  const body = JSON.stringify(payload);
  return { etag: await strongEtag(body), body };
}

/** A cacheable JSON 200 with its validator (`revalidatePublic` answers 304 when the client already has this exact body). */
export function cacheableJson(c: Context, page: { etag: string; body: string }): Response {
  return c.body(page.body, 200, { ETag: page.etag, "Cache-Control": PUBLIC_CACHE_CONTROL, "Content-Type": "application/json" });
}
