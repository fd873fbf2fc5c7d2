import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context, Next } from "hono";

/**
 * `npm start` serves the demo's listing and languages pages server-rendered (issue 17): their
 * summaries and reviews are in the first HTML, readable without JavaScript,
 * and the script file takes them over without a request. `?render=client`
 * serves a page as written, rendered in the browser only, for comparison.
 *
 * Each empty `<rating-summary>`, `<review-list>` and `<star-rating>` tag of the
 * page is replaced by `review-widgets/ssr`'s rendering of it, with the page's
 * own configuration (its script tag's `data-*`); the page's CSP gets the
 * hashes of the inline styles.
 */

/** The built server entry: the same built templates as the browser's script file (scripts/build.ts builds both). */
type Ssr = typeof import("../src/ssr/index.ts");

/** Demo pages served server-rendered. */
export const SERVER_RENDERED_PAGES = ["/", "/index.html", "/languages.html"];

const TAG = /<(rating-summary|review-list|star-rating)(\s[^>]*)?><\/\1>/g;
const ATTRIBUTE = /([\w-]+)(?:="([^"]*)")?/g;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&#39;": "'" };
const decode = (value: string) => value.replace(/&(?:amp|quot|lt|gt|#39);/g, (entity) => ENTITIES[entity] ?? entity);

function attributesOf(text: string): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const [, name = "", value] of text.matchAll(ATTRIBUTE)) attributes[name] = value === undefined ? true : decode(value);
  return attributes;
}

type Around = { lang?: string; dir?: "ltr" | "rtl" };
const ELEMENT = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** For each review element (by its offset in `html`), the `lang` and `dir` of its closest ancestors that say them. */
function contexts(html: string): Map<number, Around> {
  const open: { tag: string; lang?: string; dir?: string }[] = [];
  const found = new Map<number, Around>();
  for (const match of html.matchAll(ELEMENT)) {
    const [, closing, tag = "", rest = ""] = match;
    if (closing) {
      const at = open.map((element) => element.tag).lastIndexOf(tag);
      if (at >= 0) open.length = at;
      continue;
    }
    if (/^(rating-summary|review-list|star-rating)$/.test(tag)) {
      const lang = [...open].reverse().find((element) => element.lang)?.lang;
      const dir = [...open].reverse().find((element) => element.dir)?.dir;
      found.set(match.index, { ...(lang && { lang }), ...((dir === "rtl" || dir === "ltr") && { dir }) });
    }
    if (VOID.has(tag) || rest.endsWith("/")) continue;
    const attributes = attributesOf(rest);
    open.push({
      tag,
      ...(typeof attributes["lang"] === "string" && { lang: attributes["lang"] }),
      ...(typeof attributes["dir"] === "string" && { dir: attributes["dir"] }),
    });
  }
  return found;
}

/** The page's configuration, from its review-widgets script tag (`data-api-base`, `data-source`, `data-directory-id`). */
function pageConfig(html: string): { apiBase?: string; source?: string; directoryId?: string } {
  const tag = /<script\s[^>]*src="[^"]*\/review-widgets[^"]*\.js"[^>]*>/.exec(html)?.[0] ?? "";
  const data = attributesOf(tag.slice("<script".length, -1));
  const text = (name: string) => (typeof data[name] === "string" ? (data[name] as string) : undefined);
  return {
    ...(text("data-api-base") && { apiBase: text("data-api-base") }),
    ...(text("data-source") && { source: text("data-source") }),
    ...(text("data-directory-id") && { directoryId: text("data-directory-id") }),
  };
}

/** Renders every review element of `html`; `fetch` reaches the reference API in this process. */
export async function serverRenderPage(ssr: Ssr, html: string, origin: string, fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  const page = pageConfig(html);
  // One fetch per page view: the demo's writes show at the next reload (the store caches per fetch function).
  const options = { origin, page, fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(fetch(new Request(input, init))) };
  const around = contexts(html);
  const renders = [...html.matchAll(TAG)].map((match) => {
    const [, tag, attributes = ""] = match;
    const given = attributesOf(attributes);
    // The language and direction the element inherits in the browser, from its ancestors.
    const withContext = { ...options, context: around.get(match.index) ?? {} };
    if (tag === "rating-summary") return ssr.renderRatingSummary(given, withContext);
    if (tag === "review-list") return ssr.renderReviewList(given, withContext);
    return ssr.renderStarRating(given);
  });
  const rendered = await Promise.all(renders);
  let index = 0;
  const body = html.replace(TAG, () => rendered[index++] ?? "");
  const hashes = (await ssr.styleHashes()).join(" ");
  return body.replace(/(http-equiv="Content-Security-Policy"\s+content="[^"]*style-src 'self')/, `$1 ${hashes}`);
}

/**
 * Middleware for `startServer`: the listed demo pages, server-rendered from `root/demo`, unless
 * `?render=client`. `fetch` is the app's own (no socket round trip to itself).
 */
export function serverRenderedPages(root: string, fetch: (request: Request) => Response | Promise<Response>) {
  let ssr: Promise<Ssr> | undefined;
  return async (c: Context, next: Next) => {
    if (c.req.method !== "GET" || !SERVER_RENDERED_PAGES.includes(c.req.path) || c.req.query("render") === "client") return next();
    ssr ??= import(pathToFileURL(join(root, "dist/ssr/index.js")).href) as Promise<Ssr>;
    const file = c.req.path === "/" ? "index.html" : c.req.path.slice(1);
    const html = await readFile(join(root, "demo", file), "utf8");
    const origin = new URL(c.req.url).origin;
    c.header("Cache-Control", "no-store");
    return c.html(await serverRenderPage(await ssr, html, origin, fetch));
  };
}
