import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { startServer, type RunningServer } from "../../../server/serve.ts";
import { closedPort } from "../proxy/fixture.ts";
import { buildSsr } from "../support/build-ssr.ts";
import { ROOT } from "./fixture.ts";

const ENTRY = DIRECTORY_DEMO.entries[0];
assert.ok(ENTRY);
const csp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? "";

describe("demo: server-rendered directory detail pages", () => {
  let server: RunningServer;
  before(async () => {
    buildSsr();
    server = await startServer({ root: ROOT, demo: true });
  });
  after(() => server?.close());

  it("is directory.html's detail view with the proxy's fragment inlined and its style hashes in the CSP", async () => {
    const answer = await fetch(`${server.url}/directory/${ENTRY.id}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("content-type"), "text/html; charset=UTF-8");
    const html = await answer.text();
    const fragment = await fetch(`${server.url}/directory-proxy/directories/${DIRECTORY_DEMO.directoryId}/fragments/${ENTRY.id}?page_size=5`);
    const hashes = fragment.headers.get("x-style-hashes") ?? "";
    assert.match(hashes, /^'sha256-/);
    assert.match(csp(html), new RegExp(`style-src 'self' ${hashes.replace(/[+/]/g, "\\$&")};`));
    assert.ok(html.includes((await fragment.text()).split("\n<review-list ")[0] ?? "-"), "the summary as the proxy renders it");
    assert.match(html, /<h1 id="partner-name">Northwind Cloud Consulting<\/h1>/);
    assert.match(html, /<review-list [^>]*page-size="5"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.ok(html.includes(`<review-form entry-id="${ENTRY.id}" min-length="20"></review-form>`));
    assert.ok(html.includes(`<a href="/directory.html#entry=${ENTRY.id}">client-rendered version</a>`));
    assert.ok(html.includes('src="/dist/review-widgets-directory.js"'));
    for (const gone of ['src="/directory.js"', 'id="grid-view"', '<section id="detail-view" hidden']) assert.ok(!html.includes(gone), gone);
  });

  it("404s an entry the directory does not have", async () => {
    assert.equal((await fetch(`${server.url}/directory/not-an-entry`)).status, 404);
  });

  it("carries the bare elements, which load in the browser, when the fragment fails", async () => {
    const down = await startServer({ root: ROOT, demo: true, proxy: { upstreamBase: `http://127.0.0.1:${await closedPort()}/api` } });
    try {
      const html = await (await fetch(`${down.url}/directory/${ENTRY.id}`)).text();
      assert.ok(html.includes(`<rating-summary entry-id="${ENTRY.id}" show-distribution></rating-summary>`));
      assert.ok(html.includes(`<review-list entry-id="${ENTRY.id}" page-size="5"></review-list>`));
      assert.match(csp(html), /style-src 'self';/);
    } finally {
      await down.close();
    }
  });
});
