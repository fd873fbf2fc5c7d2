import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { PATHS, createApp } from "../../../server/app.ts";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { PUBLIC_CACHE_CONTROL } from "../../../server/proxy/cache.ts";
import { FRAGMENT_LANGUAGES } from "../../../server/proxy/fragments.ts";
import { LOADABLE } from "../../../src/core/i18n/index.ts";
import { HOSTILE_TEXTS } from "../../fixtures/hostile.ts";
import type { WireReview } from "../directory/fixture.ts";
import { buildSsr } from "../support/build-ssr.ts";
import { DIR, PROXY_KEY, assertNoSecret, call, closedPort, startProxy, startStack, type Stack } from "./fixture.ts";

const ADMIN = DIRECTORY_DEMO.keys.admin;
const LIST = `/reviews/directory/${DIR}/`;
const ENTRY = DIRECTORY_DEMO.emptyEntryId;
const HOSTILE_ENTRY = DIRECTORY_DEMO.unapprovedEntryIds[1] ?? "";
const review = (entryId: string, status: string, rating: number, summary: string) => ({
  entry_id: entryId,
  title: `${status} title`,
  company: "Globex Logistics",
  summary,
  first_name: "Jane",
  last_name: "Doeberg",
  email: `jane.${status.toLowerCase()}${rating}@example.com`,
  rating,
  status,
});

/** The text of every element with `part` (first token) in `html`, e.g. "average" → ["4.5"]. */
const parts = (html: string, part: string) =>
  [...html.matchAll(new RegExp(`part="${part}"[^>]*>([\\s\\S]*?)</`, "g"))].map((match) => (match[1] ?? "").replace(/<!--[^>]*-->/g, "").trim());
/** The elements' server states, as the browser reads them. */
const states = (html: string) =>
  [...html.matchAll(/<script type="application\/json" data-review-widgets-state>([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? "") as Record<string, unknown>,
  );

describe("proxy: server-rendered fragments", () => {
  let stack: Stack;
  let fragmentUrl: (entryId: string, query?: string) => string;
  const seeded: Record<string, string> = {};
  before(async () => {
    buildSsr();
    stack = await startStack();
    fragmentUrl = (entryId, query = "") => `${stack.proxy.origin}/directories/${DIR}/fragments/${entryId}${query}`;
    for (const [status, rating, summary] of [
      ["A", 5, "APPROVED-ONE They migrated our billing stack in three weeks."],
      ["A", 4, "APPROVED-TWO Solid work, a little slow to answer email."],
      ["P", 1, "PENDING-MARK Still waiting for the owner to look at this."],
      ["D", 1, "DECLINED-MARK The owner declined this one."],
    ] as const) {
      const created = await stack.directory.api("POST", LIST, ADMIN, review(ENTRY, status, rating, summary));
      assert.equal(created.status, 201);
      seeded[summary.split(" ")[0] ?? ""] = (created.body as WireReview).id;
    }
  });
  after(() => stack?.close());

  it("holds the entry's average, count and approved reviews, and never a pending or declined one, an email, a last name or the key", async () => {
    const answer = await call(fragmentUrl(ENTRY));
    assert.equal(answer.status, 200);
    assertNoSecret(answer, PROXY_KEY);
    const html = answer.text;
    assert.match(html, /^<rating-summary [^>]*show-distribution><template shadowroot="open" shadowrootmode="open"><style>/);
    assert.match(html, /\n<review-list [^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
    assert.deepEqual(parts(html, "average"), ["4.5"]);
    assert.deepEqual(parts(html, "count"), ["2 reviews"]);
    assert.ok(html.includes('aria-label="Rated 4.5 out of 5"'));
    assert.deepEqual(parts(html, "review-body").sort(), [
      "APPROVED-ONE They migrated our billing stack in three weeks.",
      "APPROVED-TWO Solid work, a little slow to answer email.",
    ]);
    assert.deepEqual(parts(html, "review-author"), ["Jane D.", "Jane D."]);
    const [summaryState, listState] = states(html);
    assert.ok(summaryState && listState);
    assert.deepEqual((listState["reviews"] as { id: string }[]).map((item) => item.id).sort(), [seeded["APPROVED-ONE"], seeded["APPROVED-TWO"]].sort());
    for (const hidden of ["PENDING-MARK", "DECLINED-MARK", seeded["PENDING-MARK"], seeded["DECLINED-MARK"], "Doeberg", "@example.com", "Dana", ADMIN]) {
      assert.ok(hidden && !html.includes(hidden), `${hidden} is in the fragment`);
    }
  });

  it("points the elements at the proxy's public base: where it is mounted, or publicBase", async () => {
    assert.match((await call(fragmentUrl(ENTRY))).text, /^<rating-summary api-base="\/" source="partnerpage" directory-id="demo-directory" entry-id=/);
    const app = createApp({ demo: true });
    const mounted = await app.request(`${PATHS.proxy}/directories/${DIR}/fragments/${ENTRY}`);
    assert.equal(mounted.status, 200);
    assert.match(await mounted.text(), /^<rating-summary api-base="\/directory-proxy" /);
    const other = await startProxy({ upstreamBase: stack.directory.apiBase, apiKey: PROXY_KEY, publicBase: "https://reviews.example/directory-proxy" });
    try {
      const answer = await call(`${other.origin}/directories/${DIR}/fragments/${ENTRY}`);
      assert.equal(answer.status, 200);
      assert.match(answer.text, /^<rating-summary api-base="https:\/\/reviews.example\/directory-proxy" /);
      assert.deepEqual(parts(answer.text, "count"), ["2 reviews"]);
    } finally {
      await other.close();
    }
  });

  it("keeps hostile review text as text: no tag, attribute or script of it reaches the HTML", async () => {
    const accepted: string[] = [];
    for (const text of HOSTILE_TEXTS.filter((item) => item.length <= 2000)) {
      const created = await stack.directory.api("POST", LIST, ADMIN, { ...review(HOSTILE_ENTRY, "A", 3, text), first_name: `<img src=x onerror="__pwned()">` });
      if (created.status === 201) accepted.push(text);
    }
    assert.ok(accepted.length >= 30, `only ${accepted.length} hostile texts were accepted`);
    const answer = await call(fragmentUrl(HOSTILE_ENTRY, "?page_size=50"));
    assert.equal(answer.status, 200);
    const html = answer.text;
    for (const text of accepted.filter((item) => item.includes("<"))) assert.ok(!html.includes(text), `raw in the fragment: ${text}`);
    // The two state scripts are the only scripts; no tag of the payloads is there, and no tag has an event handler.
    assert.equal(html.match(/<script/gi)?.length, 2);
    const tags = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/g, "").match(/<[a-z][^>]*>/gi) ?? [];
    assert.ok(tags.length > 100);
    for (const tag of tags) assert.doesNotMatch(tag, /^<(img|iframe|object|embed|math|details|input|video|form|meta|base|body|a)\b|\son\w+\s*=|javascript:/i);
    assert.ok(html.includes("&lt;script&gt;__pwned()&lt;/script&gt;"), "the payload is shown as text");
  });

  it("is cached like the JSON list: public with revalidation, a stable strong ETag (304), HTML that is never sniffed, and its CSP style hashes", async () => {
    const first = await call(fragmentUrl(ENTRY));
    const second = await call(fragmentUrl(ENTRY));
    assert.equal(first.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(first.headers.get("cache-control"), PUBLIC_CACHE_CONTROL);
    assert.equal(first.headers.get("x-content-type-options"), "nosniff");
    const etag = first.headers.get("etag");
    assert.match(etag ?? "", /^"[\w-]{43}"$/);
    assert.equal(second.headers.get("etag"), etag);
    const revalidated = await call(fragmentUrl(ENTRY), { headers: { "If-None-Match": etag ?? "" } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.text, "");
    const other = await call(fragmentUrl(ENTRY, "?page_size=1"));
    assert.notEqual(other.headers.get("etag"), etag);

    const hashes = (first.headers.get("x-style-hashes") ?? "").split(" ");
    assert.equal(hashes.length, 3);
    const styles = [...first.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
      (match) =>
        `'sha256-${createHash("sha256")
          .update(match[1] ?? "")
          .digest("base64")}'`,
    );
    assert.equal(styles.length, 2);
    for (const style of styles) assert.ok(hashes.includes(style), `${style} is not in X-Style-Hashes`);
  });

  it("renders the page size and the language asked for, within bounds; other values are 400", async () => {
    const one = await call(fragmentUrl(ENTRY, "?page_size=1&lang=es"));
    assert.equal(one.status, 200);
    assert.equal(parts(one.text, "review-body").length, 1);
    assert.match(one.text, /<review-list [^>]*page-size="1"/);
    assert.match(one.text, /<rating-summary [^>]*lang="es"/);
    assert.deepEqual(parts(one.text, "count"), ["2 reseñas"]);
    for (const query of ["?page_size=0", "?page_size=51", "?page_size=2.5", "?page_size=ten", "?lang=fr", "?lang=", "?lang=EN"]) {
      const answer = await call(fragmentUrl(ENTRY, query));
      assert.equal(answer.status, 400, query);
      assert.equal(answer.headers.get("cache-control"), "no-store");
    }
  });

  it("ships a language exactly when the widgets do", () => {
    assert.deepEqual([...FRAGMENT_LANGUAGES].sort(), ["en", ...LOADABLE].sort());
  });

  it("404s a directory the proxy does not serve, and a malformed entry id, as the JSON route does", async () => {
    const restricted = await startProxy({ upstreamBase: stack.directory.apiBase, apiKey: PROXY_KEY, directories: [DIR] });
    try {
      for (const url of [
        `${restricted.origin}/directories/${DIRECTORY_DEMO.otherDirectoryId}/fragments/${ENTRY}`,
        `${restricted.origin}/directories/${DIR}/fragments/not.an.id`,
      ]) {
        const answer = await call(url);
        assert.equal(answer.status, 404, url);
        assert.deepEqual(answer.body, { detail: "Not found." });
        assert.equal(answer.headers.get("cache-control"), "no-store");
      }
    } finally {
      await restricted.close();
    }
  });

  it("counts one read per fragment against the caller's read limit, and answers 429 with Retry-After past it", async () => {
    const limited = await startProxy({ upstreamBase: stack.directory.apiBase, apiKey: PROXY_KEY, readRateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const as = (client: string) => ({ headers: { "X-Forwarded-For": client } });
      const url = `${limited.origin}/directories/${DIR}/fragments/${ENTRY}`;
      assert.equal((await call(url, as("192.0.2.1"))).status, 200);
      assert.equal((await call(`${limited.origin}/directories/${DIR}/reviews?entry_id=${ENTRY}`, as("192.0.2.1"))).status, 200);
      const refused = await call(url, as("192.0.2.1"));
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get("retry-after")) > 0);
      assert.equal(refused.headers.get("cache-control"), "no-store");
      assert.equal((await call(url, as("192.0.2.2"))).status, 200, "another client has its own limit");
    } finally {
      await limited.close();
    }
  });

  it("answers 502, never cached, when the directory API is down (a CDN keeps its last good copy: stale-if-error)", async () => {
    const down = await startProxy({ upstreamBase: `http://127.0.0.1:${await closedPort()}/api`, apiKey: PROXY_KEY });
    try {
      const answer = await call(`${down.origin}/directories/${DIR}/fragments/${ENTRY}`);
      assert.equal(answer.status, 502);
      assert.equal(answer.headers.get("cache-control"), "no-store");
      assert.equal(answer.headers.get("etag"), null);
      assertNoSecret(answer, PROXY_KEY);
    } finally {
      await down.close();
    }
  });
});
