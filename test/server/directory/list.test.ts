import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Clock } from "../../../server/clock.ts";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { API_PREFIX, SEED_REVIEW_KEYS, startDirectory, type DirectoryServer, type WirePage } from "./fixture.ts";

const DIR = DIRECTORY_DEMO.directoryId;
const ADMIN = DIRECTORY_DEMO.keys.admin;
const LIST = `/reviews/directory/${DIR}/`;

describe("directory API: list", () => {
  let server: DirectoryServer;
  let all: WirePage;
  before(async () => {
    server = await startDirectory();
    const answer = await server.api("GET", `${LIST}?page_size=200`, ADMIN);
    assert.equal(answer.status, 200);
    all = answer.body as WirePage;
  });
  after(() => server.close());

  it("returns the DRF paginated shape with every seeded review", () => {
    assert.deepEqual(Object.keys(all), ["count", "next", "previous", "results"]);
    assert.equal(all.count, all.results.length);
    assert.ok(all.count >= 55 && all.count <= 70, `about 60 reviews, got ${all.count}`);
    assert.equal(all.next, null);
    assert.equal(all.previous, null);
  });

  it("serializes reviews in camelCase with exactly the seed's fields", () => {
    for (const review of all.results) {
      assert.deepEqual(Object.keys(review), SEED_REVIEW_KEYS);
      assert.deepEqual(Object.keys(review.entry), ["id", "owner", "title"]);
      assert.equal(review.entryType, "partner");
      assert.match(review.entry.owner, /^org-/);
      assert.match(review.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok(Number.isInteger(review.rating) && review.rating >= 1 && review.rating <= 5);
      assert.equal(review.statusDisplay, { A: "approved", D: "declined", P: "pending" }[review.status]);
      if (review.status === "A") {
        assert.deepEqual(Object.keys(review.approvedBy ?? {}), ["id", "firstName", "lastName", "email"]);
        assert.equal(review.declinedBy, null);
      } else if (review.status === "D") {
        assert.notEqual(review.declinedBy, null);
        assert.equal(review.approvedBy, null);
      } else {
        assert.equal(review.approvedBy, null);
        assert.equal(review.declinedBy, null);
      }
    }
  });

  it("cuts shortSummary to at most 100 characters on a word boundary", () => {
    const long = all.results.filter((r) => r.summary.length > 100);
    assert.ok(long.length > 0, "the seed has long summaries");
    for (const review of long) {
      assert.ok(review.shortSummary.length <= 100, review.shortSummary);
      assert.ok(review.shortSummary.endsWith("…"));
      const kept = review.shortSummary.slice(0, -1);
      assert.ok(review.summary.startsWith(kept));
      assert.match(review.summary.slice(kept.length), /^[\s.,;:!?]/, "cut between words");
    }
    for (const review of all.results.filter((r) => r.summary.length <= 100)) {
      assert.equal(review.shortSummary, review.summary);
    }
  });

  it("lists newest first", () => {
    const times = all.results.map((r) => Date.parse(r.created));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
  });

  it("seeds 12 entries, every status, two entries without approved reviews and one without any", () => {
    assert.equal(DIRECTORY_DEMO.entries.length, 12);
    const byStatus = (s: string) => all.results.filter((r) => r.status === s).length;
    assert.ok(byStatus("A") > byStatus("P") && byStatus("P") > 0 && byStatus("D") > 0);
    const reviewed = new Set(all.results.map((r) => r.entry.id));
    const approved = new Set(all.results.filter((r) => r.status === "A").map((r) => r.entry.id));
    const withoutApproved = DIRECTORY_DEMO.entries.filter((e) => reviewed.has(e.id) && !approved.has(e.id));
    assert.deepEqual(
      withoutApproved.map((e) => e.id),
      [...DIRECTORY_DEMO.unapprovedEntryIds],
    );
    assert.equal(withoutApproved.length, 2);
    const empty = DIRECTORY_DEMO.entries.filter((e) => !reviewed.has(e.id)).map((e) => e.id);
    assert.deepEqual(empty, [DIRECTORY_DEMO.emptyEntryId]);
    assert.equal(new Set(all.results.map((r) => r.rating)).size, 5, "every rating occurs");
    for (const entry of DIRECTORY_DEMO.entries) {
      const titles = all.results.filter((r) => r.entry.id === entry.id).map((r) => r.entry.title);
      assert.ok(titles.every((t) => t === entry.title));
    }
  });

  it("paginates with page and page_size and path-absolute next/previous links (never built from Host)", async () => {
    const first = (await server.api("GET", `${LIST}?page_size=10`, ADMIN)).body as WirePage;
    assert.equal(first.count, all.count);
    assert.equal(first.results.length, 10);
    assert.equal(first.previous, null);
    assert.equal(first.next, `${API_PREFIX}${LIST}?page_size=10&page=2`);

    const second = await server.api("GET", `${LIST}?page_size=10&page=2`, ADMIN);
    assert.equal(second.status, 200);
    const page2 = second.body as WirePage;
    assert.deepEqual(
      page2.results.map((r) => r.id),
      all.results.slice(10, 20).map((r) => r.id),
    );
    assert.equal(page2.previous, `${API_PREFIX}${LIST}?page_size=10`);
    assert.equal(page2.next, `${API_PREFIX}${LIST}?page_size=10&page=3`);

    // Following `next` walks every review exactly once.
    const seen: string[] = [];
    let url: string | null = `${server.apiBase}${LIST}?page_size=25`;
    while (url) {
      const page = (await (await fetch(url, { headers: { Authorization: ADMIN } })).json()) as WirePage;
      seen.push(...page.results.map((r) => r.id));
      url = page.next === null ? null : new URL(page.next, server.origin).href;
    }
    assert.deepEqual(
      seen,
      all.results.map((r) => r.id),
    );
  });

  it("defaults to 50 per page and caps page_size at 200", async () => {
    const page = (await server.api("GET", LIST, ADMIN)).body as WirePage;
    assert.equal(page.results.length, 50);
    assert.ok(page.next);
    const capped = (await server.api("GET", `${LIST}?page_size=1000`, ADMIN)).body as WirePage;
    assert.equal(capped.results.length, all.count);
  });

  it("answers 404 Invalid page beyond the last page", async () => {
    const answer = await server.api("GET", `${LIST}?page=99`, ADMIN);
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.body, { detail: "Invalid page." });
    assert.equal((await server.api("GET", `${LIST}?page=abc`, ADMIN)).status, 404);
  });

  it("filters by one or several entry_id values", async () => {
    const [a, b] = DIRECTORY_DEMO.entries;
    assert.ok(a && b);
    const one = (await server.api("GET", `${LIST}?entry_id=${a.id}`, ADMIN)).body as WirePage;
    assert.ok(one.count > 0);
    assert.ok(one.results.every((r) => r.entry.id === a.id));
    assert.equal(one.count, all.results.filter((r) => r.entry.id === a.id).length);

    const both = (await server.api("GET", `${LIST}?entry_id=${a.id}&entry_id=${b.id}&page_size=200`, ADMIN)).body as WirePage;
    const expected = all.results.filter((r) => r.entry.id === a.id || r.entry.id === b.id).map((r) => r.id);
    assert.deepEqual(
      both.results.map((r) => r.id),
      expected,
    );
    assert.ok(both.results.some((r) => r.entry.id === b.id));

    const none = (await server.api("GET", `${LIST}?entry_id=${DIRECTORY_DEMO.emptyEntryId}`, ADMIN)).body as WirePage;
    assert.deepEqual(none, { count: 0, next: null, previous: null, results: [] });
  });

  it("filters by one or several status values and rejects unknown ones", async () => {
    const approved = (await server.api("GET", `${LIST}?status=A&page_size=200`, ADMIN)).body as WirePage;
    assert.equal(approved.count, all.results.filter((r) => r.status === "A").length);
    assert.ok(approved.results.every((r) => r.status === "A"));

    const hidden = (await server.api("GET", `${LIST}?status=P&status=D&page_size=200`, ADMIN)).body as WirePage;
    assert.deepEqual(
      hidden.results.map((r) => r.id),
      all.results.filter((r) => r.status !== "A").map((r) => r.id),
    );

    const bad = await server.api("GET", `${LIST}?status=X`, ADMIN);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { status: ["Select a valid choice. X is not one of the available choices."] });
  });

  it("accepts the path without the trailing slash", async () => {
    const answer = await server.api("GET", `/reviews/directory/${DIR}?page_size=200`, ADMIN);
    assert.equal(answer.status, 200);
    assert.equal((answer.body as WirePage).count, all.count);
  });

  it("lets the read-only and proxy keys list", async () => {
    for (const key of [DIRECTORY_DEMO.keys.readonly, DIRECTORY_DEMO.keys.proxy]) {
      const answer = await server.api("GET", LIST, key);
      assert.equal(answer.status, 200);
      assert.equal((answer.body as WirePage).count, all.count);
    }
  });
});

describe("directory API: determinism", () => {
  it("builds the same world for the same clock time, and a fresh one per call", async () => {
    const fixed = Date.parse("2026-06-01T12:00:00Z");
    const one = await startDirectory(new Clock(() => fixed));
    const two = await startDirectory(new Clock(() => fixed));
    try {
      const a = await one.api("GET", `${LIST}?page_size=200`, ADMIN);
      const b = await two.api("GET", `${LIST}?page_size=200`, ADMIN);
      assert.equal(a.status, 200);
      // Same data (the absolute links differ only by port, and there are none on one page).
      assert.equal(a.text, b.text);
      const page = a.body as WirePage;
      assert.ok(page.results.every((r) => Date.parse(r.created) < fixed));
      assert.ok(
        page.results.some((r) => Date.parse(r.created) > fixed - 30 * 86_400_000),
        "some recent reviews",
      );

      // Independent: deleting in one world leaves the other untouched.
      const victim = page.results[0];
      assert.ok(victim);
      assert.equal((await one.api("DELETE", `${LIST}${victim.id}/`, ADMIN)).status, 204);
      assert.equal((await one.api("GET", `${LIST}${victim.id}/`, ADMIN)).status, 404);
      assert.equal((await two.api("GET", `${LIST}${victim.id}/`, ADMIN)).status, 200);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
