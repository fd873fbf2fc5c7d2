import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { PUBLIC_CACHE_CONTROL } from "../../../server/proxy/cache.ts";
import type { WirePage } from "../directory/fixture.ts";
import { ALLOWED_ORIGIN, DIR, OTHER_ORIGIN, PROXY_KEY, assertNoSecret, call, sendJson, startFault, startProxy, startStack, type Stack } from "./fixture.ts";

const PUBLIC_KEYS = [
  "id",
  "entry",
  "entryType",
  "title",
  "company",
  "summary",
  "shortSummary",
  "firstName",
  "lastName",
  "rating",
  "created",
  "status",
  "statusDisplay",
];
const ALL_ENTRY_IDS = DIRECTORY_DEMO.entries.map((e) => e.id);
const ADMIN = DIRECTORY_DEMO.keys.admin;

interface PublicPage {
  count: number;
  results: Array<Record<string, unknown> & { id: string; entry: Record<string, unknown>; lastName: string; status: string }>;
}

const query = (ids: readonly string[]) => ids.map((id) => `entry_id=${encodeURIComponent(id)}`).join("&");

describe("proxy: GET approved reviews", () => {
  let stack: Stack;
  let adminView: WirePage;
  before(async () => {
    stack = await startStack();
    adminView = (await stack.directory.api("GET", `/reviews/directory/${DIR}/?page_size=200`, ADMIN)).body as WirePage;
  });
  after(() => stack.close());

  it("returns only approved reviews, PII removed, built from the allow-list", async () => {
    const answer = await call(`${stack.proxy.reviewsUrl()}?${query(ALL_ENTRY_IDS)}`);
    assert.equal(answer.status, 200);
    assertNoSecret(answer, PROXY_KEY);
    const page = answer.body as PublicPage;
    assert.deepEqual(Object.keys(page), ["count", "results"]);
    const approved = adminView.results.filter((r) => r.status === "A");
    assert.equal(page.count, approved.length);
    assert.deepEqual(
      page.results.map((r) => r.id),
      approved.map((r) => r.id),
    );
    for (const review of page.results) {
      assert.deepEqual(Object.keys(review), PUBLIC_KEYS);
      assert.deepEqual(Object.keys(review.entry), ["id", "title"]);
      assert.equal(review.status, "A");
      const full = approved.find((r) => r.id === review.id);
      assert.ok(full);
      assert.equal(review.lastName, full.lastName[0]);
      assert.equal(review.lastName.length, 1);
      assert.equal(review.firstName, full.firstName);
      assert.equal(review.company, full.company);
      assert.equal(review.summary, full.summary);
      assert.ok(!answer.text.includes(full.email), "no reviewer email");
      if (full.lastName.length > 1) assert.ok(!answer.text.includes(`"lastName":"${full.lastName}"`), "no full last name");
    }
    for (const forbidden of ["email", "approvedBy", "declinedBy", "owner", "dana@demo.test", "Whitfield", "org-"]) {
      assert.ok(!answer.text.includes(forbidden), forbidden);
    }
  });

  it("never returns pending or declined reviews", async () => {
    const answer = await call(`${stack.proxy.reviewsUrl()}?${query(DIRECTORY_DEMO.unapprovedEntryIds)}`);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { count: 0, results: [] });
    const hiddenIds = adminView.results.filter((r) => r.status !== "A").map((r) => r.id);
    assert.ok(hiddenIds.length > 0);
    const everything = await call(`${stack.proxy.reviewsUrl()}?${query(ALL_ENTRY_IDS)}`);
    for (const id of hiddenIds) assert.ok(!everything.text.includes(id), id);
  });

  it("filters by the requested entries (entry_id repeats)", async () => {
    const [a, b] = ALL_ENTRY_IDS;
    assert.ok(a && b);
    const page = (await call(`${stack.proxy.reviewsUrl()}?${query([a, b])}`)).body as PublicPage;
    const expected = adminView.results.filter((r) => r.status === "A" && (r.entry.id === a || r.entry.id === b));
    assert.deepEqual(
      page.results.map((r) => r.id),
      expected.map((r) => r.id),
    );
    assert.ok(page.results.some((r) => r.entry["id"] === b));
  });

  it("requires 1..100 well-formed entry ids (400, not cached)", async () => {
    const none = await call(stack.proxy.reviewsUrl());
    assert.equal(none.status, 400);
    assert.deepEqual(none.body, { entry_id: ["At least one entry_id is required."] });
    assert.equal(none.headers.get("cache-control"), "no-store");

    const many = Array.from({ length: 101 }, (_, i) => `entry-${i}`);
    const tooMany = await call(`${stack.proxy.reviewsUrl()}?${query(many)}`);
    assert.equal(tooMany.status, 400);
    assert.deepEqual(tooMany.body, { entry_id: ["At most 100 entry_id values are allowed."] });

    const hundred = await call(`${stack.proxy.reviewsUrl()}?${query([...many.slice(0, 99), ALL_ENTRY_IDS[0] ?? ""])}`);
    assert.equal(hundred.status, 200);
    assert.ok((hundred.body as PublicPage).count > 0);

    const odd = await call(`${stack.proxy.reviewsUrl()}?entry_id=${encodeURIComponent("../../x")}`);
    assert.equal(odd.status, 400);
  });

  it("sets public cache headers, a strong ETag, Vary: Origin, and answers 304 to If-None-Match", async () => {
    const url = `${stack.proxy.reviewsUrl()}?${query(ALL_ENTRY_IDS.slice(0, 3))}`;
    const first = await call(url);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("cache-control"), PUBLIC_CACHE_CONTROL);
    assert.match(first.headers.get("vary") ?? "", /\bOrigin\b/);
    const etag = first.headers.get("etag");
    assert.ok(etag);
    assert.match(etag, /^"[A-Za-z0-9_-]{20,}"$/, "strong ETag");

    const again = await call(url);
    assert.equal(again.headers.get("etag"), etag, "same body, same ETag");

    const notModified = await call(url, { headers: { "If-None-Match": etag } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.text, "");
    assert.equal(notModified.headers.get("etag"), etag);
    assert.equal(notModified.headers.get("cache-control"), PUBLIC_CACHE_CONTROL);
    assert.equal((await call(url, { headers: { "If-None-Match": `"other", W/${etag}` } })).status, 304);
    assert.equal((await call(url, { headers: { "If-None-Match": '"something-else"' } })).status, 200);

    // Approving a review changes the body, hence the ETag.
    const pending = adminView.results.find((r) => r.status === "P" && ALL_ENTRY_IDS.slice(0, 3).includes(r.entry.id));
    assert.ok(pending);
    const approved = await stack.directory.api("PATCH", `/reviews/directory/${DIR}/${pending.id}/`, ADMIN, { status: "A" });
    assert.equal(approved.status, 200);
    const changed = await call(url, { headers: { "If-None-Match": etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get("etag"), etag);
    assert.ok((changed.body as PublicPage).results.some((r) => r.id === pending.id));
  });
});

describe("proxy: CORS", () => {
  let stack: Stack;
  const entry = ALL_ENTRY_IDS[0] ?? "";
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  it("echoes a configured origin (never *)", async () => {
    const answer = await call(`${stack.proxy.reviewsUrl()}?entry_id=${entry}`, { headers: { Origin: ALLOWED_ORIGIN } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
    assert.match(answer.headers.get("vary") ?? "", /\bOrigin\b/);
    assert.equal(answer.headers.get("access-control-allow-credentials"), null);
  });

  it("gives another origin no Access-Control-Allow-Origin on GET", async () => {
    const answer = await call(`${stack.proxy.reviewsUrl()}?entry_id=${entry}`, { headers: { Origin: OTHER_ORIGIN } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("access-control-allow-origin"), null);
  });

  it("answers the preflight of a configured origin, refuses another with 403", async () => {
    const preflight = (origin: string, method: string) =>
      call(stack.proxy.reviewsUrl(), {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "content-type" },
      });
    for (const method of ["GET", "POST"]) {
      const ok = await preflight(ALLOWED_ORIGIN, method);
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
      assert.match(ok.headers.get("access-control-allow-methods") ?? "", new RegExp(`\\b${method}\\b`));
      assert.match(ok.headers.get("access-control-allow-headers") ?? "", /content-type/i);
    }
    const refused = await preflight(OTHER_ORIGIN, "POST");
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get("access-control-allow-origin"), null);
  });

  it("refuses a POST from another origin with 403 and creates nothing", async () => {
    const before = (await stack.directory.api("GET", `/reviews/directory/${DIR}/`, ADMIN)).body as WirePage;
    const answer = await call(stack.proxy.reviewsUrl(), {
      method: "POST",
      headers: { Origin: OTHER_ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ entry_id: entry, summary: "Cross-site spam attempt", first_name: "E", last_name: "Vil", email: "e@vil.example", rating: 5 }),
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get("access-control-allow-origin"), null);
    const afterwards = (await stack.directory.api("GET", `/reviews/directory/${DIR}/`, ADMIN)).body as WirePage;
    assert.equal(afterwards.count, before.count);
  });

  it("lets same-origin and Origin-less requests through", async () => {
    const body = JSON.stringify({
      entry_id: entry,
      summary: "Posted from the proxy's own page.",
      first_name: "S",
      last_name: "Ame",
      email: "same@origin.example",
      rating: 4,
    });
    const same = await call(stack.proxy.reviewsUrl(), { method: "POST", headers: { Origin: stack.proxy.origin, "Content-Type": "application/json" }, body });
    assert.equal(same.status, 201);
    const none = await call(stack.proxy.reviewsUrl(), { method: "POST", headers: { "Content-Type": "application/json" }, body });
    assert.equal(none.status, 201);
  });
});

describe("proxy: a misbehaving upstream list", () => {
  const SECRET = "fault-upstream-secret-key";
  const ENTRY = { id: "entry-1", owner: "org-secret-owner", title: "Entry One" };
  const review = (id: string, status: unknown, extra: Record<string, unknown> = {}) => ({
    id,
    entry: { ...ENTRY, internalNote: "never public" },
    entryType: "partner",
    title: "Title",
    company: "Company",
    summary: "Summary text",
    shortSummary: "Summary text",
    firstName: "Jane",
    lastName: "Doe",
    email: `${id}@leak.example`,
    rating: 4,
    created: "2026-04-21T10:15:30Z",
    status,
    statusDisplay: "approved",
    approvedBy: { id: "u", firstName: "Owner", lastName: "User", email: "owner@leak.example" },
    declinedBy: null,
    ...extra,
  });

  it("drops every review that is not exactly approved, and every field not on the allow-list", async () => {
    const fault = await startFault((request, res) => {
      const page = new URL(request.url, "http://x").searchParams.get("page");
      if (page === "2") {
        sendJson(res, 200, { count: 4, next: null, previous: null, results: [review("a-page-2", "A"), review("p-page-2", "P")] });
        return;
      }
      sendJson(res, 200, {
        count: 9,
        // A next link to a foreign host: only its page number may be used.
        next: "http://attacker.invalid/steal?page=2",
        previous: null,
        results: [
          review("a-1", "A", { phone: "+1 555 0100", ipAddress: "198.51.100.7" }),
          review("p-1", "P"),
          review("d-1", "D", { statusDisplay: "approved" }),
          review("lower-a", "a"),
          review("no-status", undefined),
          review("null-status", null),
          review("other-entry", "A", { entry: { id: "entry-not-requested", owner: "o", title: "T" } }),
          review("bad-rating", "A", { rating: 11 }),
          { id: "not-a-review", status: "A" },
        ],
      });
    });
    const proxy = await startProxy({ upstreamBase: `${fault.origin}/base`, apiKey: SECRET });
    try {
      const answer = await call(`${proxy.reviewsUrl()}?entry_id=entry-1`);
      assert.equal(answer.status, 200);
      assertNoSecret(answer, SECRET);
      const page = answer.body as PublicPage;
      assert.deepEqual(
        page.results.map((r) => r.id),
        ["a-1", "a-page-2"],
      );
      assert.equal(page.count, 2);
      for (const r of page.results) {
        assert.deepEqual(Object.keys(r), PUBLIC_KEYS);
        assert.deepEqual(r.entry, { id: "entry-1", title: "Entry One" });
        assert.equal(r.lastName, "D");
      }
      for (const leak of ["leak.example", "org-secret-owner", "never public", "555 0100", "198.51.100.7", "Owner"]) {
        assert.ok(!answer.text.includes(leak), leak);
      }
      // Both pages were asked of the real upstream, with the key, for approved reviews only.
      assert.equal(fault.requests.length, 2);
      for (const request of fault.requests) {
        assert.equal(request.method, "GET");
        assert.equal(request.authorization, SECRET);
        const url = new URL(request.url, "http://x");
        assert.equal(url.pathname, `/base/reviews/directory/${DIR}/`);
        assert.deepEqual(url.searchParams.getAll("status"), ["A"]);
        assert.deepEqual(url.searchParams.getAll("entry_id"), ["entry-1"]);
      }
      assert.equal(new URL(fault.requests[1]?.url ?? "", "http://x").searchParams.get("page"), "2");
    } finally {
      await proxy.close();
      await fault.close();
    }
  });

  it("accepts a bare-array list as well", async () => {
    const fault = await startFault((_request, res) => sendJson(res, 200, [review("a-1", "A"), review("p-1", "P")]));
    const proxy = await startProxy({ upstreamBase: fault.origin, apiKey: SECRET });
    try {
      const answer = await call(`${proxy.reviewsUrl()}?entry_id=entry-1`);
      assert.equal(answer.status, 200);
      assert.deepEqual(
        (answer.body as PublicPage).results.map((r) => r.id),
        ["a-1"],
      );
    } finally {
      await proxy.close();
      await fault.close();
    }
  });
});
