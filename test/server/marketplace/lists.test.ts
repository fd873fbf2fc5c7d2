import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { API, DEMO, assertError, aggregatesOf, reviewsOf, startHarness, type Harness, type ReviewJson, type World } from "./helpers.ts";

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const MAIN = DEMO.listings.main;
const MAIN_PUBLIC = 24;

async function allReviews(world: World, query: string, token?: string): Promise<ReviewJson[]> {
  const out: ReviewJson[] = [];
  for (let page = 1; ; page++) {
    const res = await world.listReviews(`${query}${query ? "&" : "?"}pageRowCount=100&pageNumber=${page}`, token);
    assert.equal(res.status, 200);
    out.push(...reviewsOf(res));
    if (page >= (res.body.paging?.pageCount ?? 0)) return out;
  }
}

describe("paging", () => {
  test("defaults: page 1 of 25 rows", async () => {
    const world = harness.fresh();
    const res = await world.listReviews("");
    assert.equal(res.body.paging?.pageNumber, 1);
    assert.equal(res.body.paging?.pageRowCount, 25);
    assert.equal(res.body.rowCount, 25);
    const total = res.body.paging?.totalRowCount ?? 0;
    assert.ok(total > 100, `many public reviews in the seed, got ${total}`);
    assert.equal(res.body.paging?.pageCount, Math.ceil(total / 25));
  });

  test("pages slice the newest-first order; the last page is short; past the end is empty", async () => {
    const world = harness.fresh();
    const everything = await allReviews(world, `?revieweeId=${MAIN}`);
    assert.equal(everything.length, MAIN_PUBLIC);
    const pages: ReviewJson[][] = [];
    for (const pageNumber of [1, 2, 3]) {
      const res = await world.listReviews(`?revieweeId=${MAIN}&pageRowCount=10&pageNumber=${pageNumber}`);
      assert.deepEqual(res.body.paging, { pageNumber, pageRowCount: 10, totalRowCount: MAIN_PUBLIC, pageCount: 3 });
      assert.equal(res.body.rowCount, pageNumber === 3 ? 4 : 10);
      pages.push(reviewsOf(res));
    }
    assert.deepEqual(
      pages.flat().map((r) => r.id),
      everything.map((r) => r.id),
    );
    const beyond = await world.listReviews(`?revieweeId=${MAIN}&pageRowCount=10&pageNumber=4`);
    assert.equal(beyond.status, 200);
    assert.equal(beyond.body.rowCount, 0);
    assert.deepEqual(reviewsOf(beyond), []);
    assert.equal(beyond.body.paging?.totalRowCount, MAIN_PUBLIC);
  });

  test("reviews are listed newest first", async () => {
    const world = harness.fresh();
    const reviews = await allReviews(world, "");
    for (let i = 1; i < reviews.length; i++) {
      const previous = reviews[i - 1];
      const current = reviews[i];
      assert.ok(previous && current);
      assert.ok(Date.parse(previous.submittedAt) >= Date.parse(current.submittedAt), `order at ${i}`);
    }
  });

  test("invalid paging is 400", async () => {
    const world = harness.fresh();
    for (const value of ["0", "-1", "abc", "1.5", ""]) {
      assertError(await world.listReviews(`?pageNumber=${value}`), 400, "errMsg_pageNumberisNotAValidNumber");
    }
    for (const value of ["0", "101", "x", "2e1"]) {
      assertError(await world.listReviews(`?pageRowCount=${value}`), 400, "errMsg_pageRowCountisNotAValidNumber");
      assertError(await world.call("GET", `${API}/v1/reviewaggregates?pageRowCount=${value}`), 400, "errMsg_pageRowCountisNotAValidNumber");
    }
    const max = await world.listReviews("?pageRowCount=100");
    assert.equal(max.body.rowCount, 100);
  });
});

describe("review filters", () => {
  test("a repeated key means any of the values", async () => {
    const world = harness.fresh();
    const other = DEMO.listings.grid[5] ?? "";
    const a = (await allReviews(world, `?revieweeId=${MAIN}`)).length;
    const b = (await allReviews(world, `?revieweeId=${other}`)).length;
    const both = await allReviews(world, `?revieweeId=${MAIN}&revieweeId=${other}`);
    assert.ok(b > 0);
    assert.equal(both.length, a + b);
    assert.ok(both.every((r) => r.revieweeId === MAIN || r.revieweeId === other));
  });

  test("reviewerId and reservationId filters", async () => {
    const world = harness.fresh();
    const [sample] = await allReviews(world, `?revieweeId=${MAIN}`);
    assert.ok(sample);
    const byReviewer = await allReviews(world, `?reviewerId=${sample.reviewerId}`);
    assert.ok(byReviewer.length >= 1);
    assert.ok(byReviewer.every((r) => r.reviewerId === sample.reviewerId));
    const byReservation = await allReviews(world, `?reservationId=${sample.reservationId}`);
    assert.ok(byReservation.some((r) => r.id === sample.id));
    assert.ok(byReservation.every((r) => r.reservationId === sample.reservationId));
    const combined = await allReviews(world, `?reservationId=${sample.reservationId}&revieweeType=listing`);
    assert.deepEqual(
      combined.map((r) => r.id),
      [sample.id],
    );
  });

  test("enum filters are case-insensitive and may repeat", async () => {
    const world = harness.fresh();
    const listing = await allReviews(world, "?revieweeType=listing");
    const upper = await allReviews(world, "?revieweeType=LISTING");
    const mixed = await allReviews(world, "?revieweeType=Listing");
    assert.ok(listing.length > 0);
    assert.deepEqual(
      upper.map((r) => r.id),
      listing.map((r) => r.id),
    );
    assert.deepEqual(
      mixed.map((r) => r.id),
      listing.map((r) => r.id),
    );
    assert.ok(listing.every((r) => r.revieweeType === "listing"));
    const hosts = await allReviews(world, "?revieweeType=host");
    const both = await allReviews(world, "?revieweeType=HOST&revieweeType=listing");
    assert.equal(both.length, listing.length + hosts.length);
    assertError(await world.listReviews("?revieweeType=building"), 400, "errMsg_revieweeTypeisNotAValidValue");
  });

  test("=null matches null or absent values only", async () => {
    const world = harness.fresh();
    const none = await world.listReviews("?revieweeId=null");
    assert.equal(none.status, 200);
    assert.equal(none.body.paging?.totalRowCount, 0);
    const nullOrMain = await world.listReviews(`?revieweeId=null&revieweeId=${MAIN}`);
    assert.equal(nullOrMain.body.paging?.totalRowCount, MAIN_PUBLIC);
    const typeNull = await world.listReviews("?revieweeType=null");
    assert.equal(typeNull.body.paging?.totalRowCount, 0);
  });

  test("a malformed id filter is 400", async () => {
    const world = harness.fresh();
    assertError(await world.listReviews("?revieweeId=abc"), 400, "errMsg_revieweeIdisNotAValidID");
    assertError(await world.listReviews("?reviewerId=1"), 400, "errMsg_reviewerIdisNotAValidID");
    assertError(await world.listReviews("?reservationId=x"), 400, "errMsg_reservationIdisNotAValidID");
  });

  test("_idx fields are the index in the enum list", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const reviews = await allReviews(world, `?revieweeId=${MAIN}&revieweeId=${DEMO.users.host}&revieweeId=${DEMO.users.guest}`, admin);
    const moderation = ["pending", "approved", "rejected"];
    const types = ["host", "guest", "listing"];
    const seen = new Set<string>();
    for (const review of reviews) {
      assert.equal(review.moderationStatus_idx, moderation.indexOf(review.moderationStatus));
      assert.equal(review.revieweeType_idx, types.indexOf(review.revieweeType));
      seen.add(`${review.moderationStatus}/${review.revieweeType}`);
    }
    for (const expected of ["pending/listing", "approved/listing", "rejected/listing", "approved/host", "approved/guest"]) {
      assert.ok(seen.has(expected), `the admin's view has a ${expected} review`);
    }
  });
});

describe("review aggregates", () => {
  test("listed in a stable order, filtered by repeated ids and case-insensitive types", async () => {
    const world = harness.fresh();
    const first = await world.call("GET", `${API}/v1/reviewaggregates?pageRowCount=100`);
    const again = await world.call("GET", `${API}/v1/reviewaggregates?pageRowCount=100`);
    assert.deepEqual(
      aggregatesOf(first).map((a) => a.id),
      aggregatesOf(again).map((a) => a.id),
    );
    const total = first.body.paging?.totalRowCount ?? 0;
    assert.ok(total > 30);

    const wanted = DEMO.listings.grid.slice(0, 5);
    const some = await world.call("GET", `${API}/v1/reviewaggregates?${wanted.map((id) => `revieweeId=${id}`).join("&")}`);
    assert.deepEqual(
      aggregatesOf(some)
        .map((a) => a.revieweeId)
        .sort(),
      [...wanted].sort(),
    );
    assert.equal(some.body.rowCount, 5);

    const hosts = await world.call("GET", `${API}/v1/reviewaggregates?revieweeType=HOST&pageRowCount=100`);
    assert.ok(aggregatesOf(hosts).length >= 9);
    assert.ok(aggregatesOf(hosts).every((a) => a.revieweeType === "host" && a.revieweeType_idx === 0));

    const paged = await world.call("GET", `${API}/v1/reviewaggregates?pageRowCount=10&pageNumber=2`);
    assert.deepEqual(paged.body.paging, { pageNumber: 2, pageRowCount: 10, totalRowCount: total, pageCount: Math.ceil(total / 10) });
    assert.deepEqual(
      aggregatesOf(paged).map((a) => a.id),
      aggregatesOf(first)
        .slice(10, 20)
        .map((a) => a.id),
    );

    const none = await world.call("GET", `${API}/v1/reviewaggregates?revieweeId=null`);
    assert.equal(none.body.rowCount, 0);
    assertError(await world.call("GET", `${API}/v1/reviewaggregates?revieweeType=x`), 400, "errMsg_revieweeTypeisNotAValidValue");
    assertError(await world.call("GET", `${API}/v1/reviewaggregates?revieweeId=x`), 400, "errMsg_revieweeIdisNotAValidID");
  });

  test("fields: enum indexes, public numbers from public reviews only", async () => {
    const world = harness.fresh();
    const main = await world.aggregateOf("listing", MAIN);
    assert.ok(main);
    const publicReviews = await allReviews(world, `?revieweeId=${MAIN}&revieweeType=listing`);
    const average = publicReviews.reduce((sum, r) => sum + r.rating, 0) / publicReviews.length;
    assert.equal(main.reviewCount, MAIN_PUBLIC);
    assert.equal(main.averageRating, Math.round(average * 100) / 100);
    assert.equal(main.visibilityStatus, "public");
    assert.equal(main.visibilityStatus_idx, 0);
    assert.equal(main.revieweeType_idx, 2);
    assert.equal(main.isActive, true);
    assert.equal(main.recordVersion, 0);
    const hidden = await world.aggregateOf("listing", DEMO.listings.fewReviews[0] ?? "", await world.login("admin"));
    assert.equal(hidden?.visibilityStatus, "hidden");
    assert.equal(hidden?.visibilityStatus_idx, 1);
  });
});
