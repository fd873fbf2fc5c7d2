/**
 * The demo directory's detail pages, server-rendered (issue 17): GET /directory/{entryId} is
 * demo/directory.html's detail view with the proxy's fragment for the entry inlined (stars and reviews in
 * the first HTML, readable and styled without JavaScript), the page's CSP extended with the fragment's
 * style hashes, and the page's own script tag, which takes the widgets over without a request. When the
 * fragment fails, the page carries the bare elements, which load in the browser. The client-rendered
 * variant stays at /directory.html#entry={entryId}.
 */
import { readFile } from "node:fs/promises";
import { Hono } from "hono";
import { PATHS } from "./app.ts";
import { DIRECTORY_DEMO } from "./directory/index.ts";

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** The logo's letters, as directory.js makes them. */
const initials = (title: string) =>
  title
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join("");

/** `html` with `from` replaced (as text, never as a pattern): a page that no longer has it is an error, not a quiet miss. */
function edit(html: string, from: string | RegExp, to: string): string {
  if (!(typeof from === "string" ? html.includes(from) : from.test(html))) throw new Error(`demo/directory.html has no ${String(from)}`);
  return html.replace(from, () => to);
}

/** `root`: the folder holding demo/; `fetch`: the server's own app, which answers the proxy's fragment route. */
export function directoryPages(root: string, fetch: Fetch): Hono {
  const app = new Hono();
  app.get("/directory/:entryId", async (c) => {
    const index = DIRECTORY_DEMO.entries.findIndex((entry) => entry.id === c.req.param("entryId"));
    const entry = DIRECTORY_DEMO.entries[index];
    if (!entry) return c.notFound();
    const id = entry.id;
    const forwarded = c.req.header("x-forwarded-for");
    const fragmentUrl = new URL(`${PATHS.proxy}/directories/${DIRECTORY_DEMO.directoryId}/fragments/${id}?page_size=5`, c.req.url);
    const [page, blurbs, fragment] = await Promise.all([
      readFile(`${root}/demo/directory.html`, "utf8"),
      readFile(`${root}/demo/partners.json`, "utf8").then((text) => JSON.parse(text) as string[]),
      // The visitor's own request, as far as the proxy's rate limit can tell.
      fetch(new Request(fragmentUrl, forwarded === undefined ? {} : { headers: { "X-Forwarded-For": forwarded } }), c.env),
    ]);
    const rendered = fragment.status === 200 ? await fragment.text() : null;
    const split = rendered?.indexOf("\n<review-list ") ?? -1;
    const [summary, list] =
      rendered && split > 0
        ? [rendered.slice(0, split), rendered.slice(split + 1)]
        : [`<rating-summary entry-id="${id}" show-distribution></rating-summary>`, `<review-list entry-id="${id}" page-size="5"></review-list>`];
    const title = escapeHtml(entry.title);
    let html = page;
    if (rendered) html = edit(html, "style-src 'self'", `style-src 'self' ${fragment.headers.get("X-Style-Hashes") ?? ""}`);
    html = edit(html, "<title>", `<title>${title} · `);
    html = edit(html, /\s*<script src="\/directory\.js" type="module"><\/script>/, "");
    html = edit(html, /<section id="grid-view"[\s\S]*?<\/section>\s*/, "");
    html = edit(html, '<section id="detail-view" hidden', '<section id="detail-view"');
    html = edit(html, /<!-- biome-ignore[^>]*-->\s*<a class="back" href="#">/, '<a class="back" href="/directory.html">');
    html = edit(html, 'id="partner-logo" aria-hidden="true"></span>', `id="partner-logo" aria-hidden="true">${escapeHtml(initials(entry.title))}</span>`);
    html = edit(html, /<!-- biome-ignore[^>]*-->\s*<h1 id="partner-name"><\/h1>/, `<h1 id="partner-name">${title}</h1>`);
    html = edit(
      html,
      '<p class="muted" id="partner-blurb"></p>',
      `<p class="muted" id="partner-blurb">${escapeHtml(blurbs[index % blurbs.length] ?? "")} · <a href="/directory.html#entry=${id}">client-rendered version</a></p>`,
    );
    html = edit(html, '<div id="detail-reviews"></div>', `<div id="detail-reviews"><div class="reviews-head">${summary}</div>${list}</div>`);
    html = edit(html, '<div id="detail-write"></div>', `<div id="detail-write"><review-form entry-id="${id}" min-length="20"></review-form></div>`);
    return c.html(html, 200, { "Cache-Control": "no-cache" });
  });
  return app;
}
