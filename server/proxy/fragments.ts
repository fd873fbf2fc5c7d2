/**
 * Server-rendered fragments (issue 17): one directory entry's `<rating-summary show-distribution>` and
 * `<review-list>` as HTML with declarative shadow DOM, stars and reviews readable before any script runs.
 *
 *   GET /directories/{directoryId}/fragments/{entryId}[?page_size=1…50][&lang=en|es|de|ar]
 *
 * The data is the proxy's own public list, read through the proxy app itself: approved reviews only, the
 * same short cache, and the caller's own read rate limit (one list read per fragment). A list that fails
 * fails the fragment with the list's own answer (404, 429, 502, 504), so a CDN keeps serving its last good
 * copy (stale-if-error). The elements' `api-base` is the proxy's public base, so the browser's takeover
 * reads through the proxy too.
 */
import type { Context, Hono } from "hono";
import { basePath } from "hono/route";
import { NO_STORE, PUBLIC_CACHE_CONTROL, strongEtag } from "./cache.ts";
import { UNAVAILABLE } from "./secret-guard.ts";

export const FRAGMENT_PATH = "/directories/:directoryId/fragments/:entryId";
/** The languages the widgets ship (English and src/core/i18n's LOADABLE; a test keeps them in step). */
export const FRAGMENT_LANGUAGES: readonly string[] = ["en", "es", "de", "ar"];
export const MAX_FRAGMENT_PAGE_SIZE = 50;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,100}$/;

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
/** The built server entry, dist/ssr/index.js: the server runs the same built templates as the browser's script files. */
type Ssr = typeof import("../../src/ssr/index.ts");
let ssr: Promise<Ssr> | undefined;
const loadSsr = (): Promise<Ssr> =>
  (ssr ??= (import(new URL("../../dist/ssr/index.js", import.meta.url).href) as Promise<Ssr>).catch((error: unknown) => {
    ssr = undefined;
    throw error;
  }));

const invalid = (c: Context, field: string, message: string) => c.json({ [field]: [message] }, 400, { "Cache-Control": NO_STORE });

/** The route's handler; `proxy` is the proxy app itself, `publicBase` its URL as pages see it (default: where it is mounted). */
export function fragmentRoute(proxy: Hono, publicBase: string | undefined) {
  return async (c: Context): Promise<Response> => {
    const directoryId = c.req.param("directoryId") ?? "";
    const entryId = c.req.param("entryId") ?? "";
    if (!ENTRY_ID.test(entryId)) return c.json({ detail: "Not found." }, 404, { "Cache-Control": NO_STORE });
    const pageSize = Number(c.req.query("page_size") ?? 10);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_FRAGMENT_PAGE_SIZE) {
      return invalid(c, "page_size", `Enter a whole number from 1 to ${MAX_FRAGMENT_PAGE_SIZE}.`);
    }
    const lang = c.req.query("lang");
    if (lang !== undefined && !FRAGMENT_LANGUAGES.includes(lang)) return invalid(c, "lang", `Enter one of ${FRAGMENT_LANGUAGES.join(", ")}.`);

    const apiBase = publicBase ?? basePath(c);
    const origin = new URL(c.req.url).origin;
    const base = new URL(apiBase, origin).href.replace(/\/+$/, "");
    // The caller's own address reaches the list's rate limit: the same socket (env) and forwarding chain.
    const forwarded = c.req.header("x-forwarded-for");
    const headers = forwarded === undefined ? undefined : { "X-Forwarded-For": forwarded };
    const reads = new Map<string, Promise<Response>>();
    // A list read that failed (its answer is the fragment's), or a render that failed otherwise.
    const outcome: { failed?: Response; broken?: boolean } = {};
    const read: Fetch = async (input, init) => {
      const url = new Request(input, init).url;
      // Only the proxy's own public routes; a render never reaches anywhere else.
      if (!url.startsWith(`${base}/`)) return new Response(null, { status: 404 });
      let answer = reads.get(url);
      if (!answer) {
        answer = Promise.resolve(proxy.fetch(new Request(new URL(url.slice(base.length), "http://proxy.invalid"), { headers }), c.env));
        reads.set(url, answer);
      }
      const response = (await answer).clone();
      if (response.ok) return response;
      outcome.failed ??= response;
      // A status the renderer does not retry: it stops at once, and the fragment answers with the real one.
      return new Response(null, { status: 404 });
    };

    const renderer = await loadSsr();
    const attributes = { "api-base": apiBase, source: "partnerpage", "directory-id": directoryId, "entry-id": entryId, ...(lang ? { lang } : {}) };
    const options = { origin, fetch: read, onError: () => void (outcome.broken = true) };
    const [summary, list, hashes] = await Promise.all([
      renderer.renderRatingSummary({ ...attributes, "show-distribution": true }, options),
      renderer.renderReviewList({ ...attributes, "page-size": pageSize }, options),
      renderer.styleHashes(),
    ]);
    const failure = outcome.failed;
    if (failure) {
      const retryAfter = failure.headers.get("Retry-After");
      return c.body(await failure.text(), failure.status as 404, {
        "Content-Type": failure.headers.get("Content-Type") ?? "application/json",
        "Cache-Control": NO_STORE,
        ...(retryAfter ? { "Retry-After": retryAfter } : {}),
      });
    }
    if (outcome.broken) return c.json(UNAVAILABLE, 502, { "Cache-Control": NO_STORE });
    const body = `${summary}\n${list}`;
    return c.body(body, 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
      ETag: await strongEtag(body),
      "X-Style-Hashes": hashes.join(" "),
    });
  };
}
