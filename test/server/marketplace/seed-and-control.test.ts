import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  API,
  CONTROL,
  DEMO,
  assertError,
  aggregatesOf,
  reviewOf,
  reviewsOf,
  startHarness,
  storyListingReview,
  type Harness,
  type ReviewAggregateJson,
  type ReviewJson,
  type World,
} from "./helpers.ts";

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const DAY = 86_400_000;
const MAIN = DEMO.listings.main;

async function everyReview(world: World, token?: string, query = ""): Promise<ReviewJson[]> {
  const out: ReviewJson[] = [];
  for (let page = 1; ; page++) {
    const res = await world.listReviews(`?pageRowCount=100&pageNumber=${page}${query}`, token);
    out.push(...reviewsOf(res));
    if (page >= (res.body.paging?.pageCount ?? 0)) return out;
  }
}

async function everyAggregate(world: World, token?: string): Promise<ReviewAggregateJson[]> {
  const out: ReviewAggregateJson[] = [];
  for (let page = 1; ; page++) {
    const res = await world.call("GET", `${API}/v1/reviewaggregates?pageRowCount=100&pageNumber=${page}`, { token });
    out.push(...aggregatesOf(res));
    if (page >= (res.body.paging?.pageCount ?? 0)) return out;
  }
}

describe("seed", () => {
  test("the main listing: hosted by host@demo.test, 20–30 varied public reviews over about two years", async () => {
    const world = harness.fresh();
    const reviews = await everyReview(world, undefined, `&revieweeId=${MAIN}`);
    assert.ok(reviews.length >= 20 && reviews.length <= 30, `${reviews.length}`);
    assert.deepEqual([...new Set(reviews.map((r) => r.rating))].sort(), [1, 2, 3, 4, 5]);
    assert.ok(reviews.filter((r) => r.reviewText.length > 600).length >= 2, "a few long reviews");
    assert.ok(
      reviews.some((r) => r.reviewText.length < 120),
      "and short ones",
    );
    assert.equal(new Set(reviews.map((r) => r.reviewText)).size, reviews.length);
    assert.ok(reviews.every((r) => r.reviewText.split(/[.!?]\s/).length >= 1 && r.reviewText.length > 20));
    const ages = reviews.map((r) => (world.clock.nowMs() - Date.parse(r.submittedAt)) / DAY);
    assert.ok(Math.min(...ages) < 60 && Math.max(...ages) > 600 && Math.max(...ages) < 800, "spread over ~2 years");
    const names = new Set(reviews.map((r) => r.reviewer?.fullname));
    assert.ok(names.size >= 10, "many different guests");
    // The host's stays: the host has a public host aggregate.
    const hostAggregate = await world.aggregateOf("host", DEMO.users.host);
    assert.equal(hostAggregate?.visibilityStatus, "public");
    assert.ok((hostAggregate?.reviewCount ?? 0) >= 3);
  });

  test("the grid: 30 titled listings; most public aggregates, some hidden, two with none", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    assert.equal(DEMO.listings.grid.length, 30);
    assert.equal(DEMO.listings.grid[0], MAIN);
    assert.equal(new Set(DEMO.listings.grid).size, 30);
    for (const id of DEMO.listings.grid) assert.ok((DEMO.listingTitles[id] ?? "").length > 5, `title of ${id}`);
    const aggregates = new Map((await everyAggregate(world)).filter((a) => a.revieweeType === "listing").map((a) => [a.revieweeId, a]));
    let publicCount = 0;
    for (const id of DEMO.listings.grid) {
      const aggregate = aggregates.get(id);
      if (DEMO.listings.noReviews.includes(id)) {
        assert.equal(aggregate, undefined);
        assert.equal((await world.listReviews(`?revieweeId=${id}`)).body.paging?.totalRowCount, 0);
      } else if (DEMO.listings.fewReviews.includes(id)) {
        assert.equal(aggregate?.visibilityStatus, "hidden");
        assert.deepEqual([aggregate.averageRating, aggregate.reviewCount], [null, null], "no numbers for the public");
        const numbers = await world.aggregateOf("listing", id, admin);
        assert.ok(numbers && numbers.reviewCount >= 1 && numbers.reviewCount <= 2);
      } else {
        assert.equal(aggregate?.visibilityStatus, "public", id);
        assert.ok((aggregate.reviewCount ?? 0) >= 3);
        publicCount++;
      }
    }
    assert.equal(DEMO.listings.noReviews.length, 2);
    assert.ok(DEMO.listings.fewReviews.length >= 2);
    assert.ok(publicCount >= 20);
  });

  test("one aggregate per reviewee that has public reviews; its numbers match the public reviews", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const reviewees = new Set((await everyReview(world)).map((r) => `${r.revieweeType}:${r.revieweeId}`));
    const aggregates = await everyAggregate(world, admin);
    const keys = aggregates.map((a) => `${a.revieweeType}:${a.revieweeId}`);
    assert.equal(new Set(keys).size, keys.length, "no duplicates");
    assert.deepEqual(new Set(keys), reviewees);
    assert.ok(aggregates.some((a) => a.revieweeType === "guest") && aggregates.some((a) => a.revieweeType === "host"));
    const publicReviews = await everyReview(world);
    for (const aggregate of aggregates) {
      const ratings = publicReviews.filter((r) => r.revieweeId === aggregate.revieweeId && r.revieweeType === aggregate.revieweeType).map((r) => r.rating);
      assert.equal(aggregate.reviewCount, ratings.length);
      const average = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : 0;
      assert.equal(aggregate.averageRating, average);
      assert.equal(aggregate.visibilityStatus, ratings.length >= 3 ? "public" : "hidden");
    }
  });

  test("the story stay is completed and unreviewed; the upcoming one is not completed", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    assert.equal((await world.listReviews(`?reservationId=${DEMO.reservations.story}`, admin)).body.paging?.totalRowCount, 0);
    const guest = await world.login("guest");
    assert.equal((await world.createReview(guest, storyListingReview())).status, 201);
    assertError(await world.createReview(guest, storyListingReview({ reservationId: DEMO.reservations.upcoming })), 403, "errMsg_stayNotCompleted");
  });

  test("seeded users: international names, the three demo logins", () => {
    assert.deepEqual(DEMO.logins, { guest: "guest@demo.test", host: "host@demo.test", admin: "admin@demo.test" });
    assert.ok(DEMO.users.otherGuests.length >= 20);
    assert.ok(DEMO.users.otherHosts.length >= 6);
    const names = Object.values(DEMO.userNames);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.every((n) => /\S+ \S+/.test(n)));
    assert.equal(new Set(Object.values(DEMO.userEmails)).size, names.length);
  });

  test("deterministic: two fresh worlds at the same instant are identical", async () => {
    const fixed = Date.UTC(2026, 10, 25, 12, 0, 0);
    const snapshot = async () => {
      const world = harness.fresh({ realNow: () => fixed });
      const admin = await world.login("admin");
      return { reviews: await everyReview(world, admin), aggregates: await everyAggregate(world) };
    };
    const a = await snapshot();
    const b = await snapshot();
    assert.ok(a.reviews.length > 300);
    assert.deepEqual(a, b);
    // At another instant: same ids, texts and ratings, dates shifted.
    const world = harness.fresh();
    const c = await everyReview(world, await world.login("admin"));
    const strip = (r: ReviewJson) => [r.id, r.reviewText, r.rating, r.reviewerId, r.revieweeId, r.blindSubmissionCode];
    assert.deepEqual(c.map(strip), a.reviews.map(strip));
  });
});

describe("demo controls", () => {
  test("clock: read and advance", async () => {
    const world = harness.fresh();
    const start = await world.call("GET", `${CONTROL}/clock`);
    assert.equal(start.status, 200);
    assert.equal(start.body.offsetMs, 0);
    assert.ok(Math.abs(Date.parse(start.body.now ?? "") - Date.now()) < 5000);
    const moved = await world.advanceDays(2.5);
    assert.equal(moved.body.offsetMs, 2.5 * DAY);
    assert.ok(Math.abs(Date.parse(moved.body.now ?? "") - (Date.now() + 2.5 * DAY)) < 5000);
    assert.equal((await world.call("GET", `${CONTROL}/clock`)).body.offsetMs, 2.5 * DAY);
    assert.equal(world.clock.offsetMs, 2.5 * DAY);
    for (const days of [0, -1, 366, "3", null]) {
      assertError(await world.advanceDays(days as number), 400, "errMsg_daysMustBeAPositiveNumberUpTo365");
    }
    assertError(await world.call("POST", `${CONTROL}/clock/advance`, { body: {} }), 400, "errMsg_daysMustBeAPositiveNumberUpTo365");
    assertError(await world.call("POST", `${CONTROL}/clock/advance`, { rawBody: "x" }), 400, "errMsg_invalidJsonBody");
    assert.equal((await world.advanceDays(363.5)).status, 200);
    // At most 366 days ahead in total, so dates stay far inside what a JS Date can hold.
    assertError(await world.advanceDays(1), 400, "errMsg_clockLimitReached");
    assert.equal(world.clock.offsetMs, 366 * DAY);
  });

  test("reset restores the clock and the seed; tokens and ids survive", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const admin = await world.login("admin");
    await world.call("PUT", `${CONTROL}/settings`, { body: { autoApprove: true } });
    const created = reviewOf(await world.createReview(guest, storyListingReview()));
    await world.call("DELETE", `${API}/v1/reviews/${DEMO.hiddenReviews.rejected[0]}`, { token: admin });
    await world.advanceDays(20);

    const reset = await world.call("POST", `${CONTROL}/reset`, { body: {} });
    assert.equal(reset.status, 200);
    assert.equal(reset.body.offsetMs, 0);
    assert.equal(world.clock.offsetMs, 0);
    assertError(await world.getReview(created.id, guest), 404, "errMsg_reviewNotFound");
    assert.equal((await world.getReview(DEMO.hiddenReviews.rejected[0] ?? "", admin)).status, 200);
    assert.deepEqual((await world.call("GET", `${CONTROL}/settings`)).body, { autoApprove: false });
    // The clock is back to real time: the story stay checked out 2 days ago,
    // and the seeded window-open reviews are still unpublished.
    const waiting = reviewOf(await world.getReview(DEMO.hiddenReviews.approvedUnpublished[0] ?? "", admin));
    assert.equal(waiting.isPublished, false);
    assert.ok(world.clock.nowMs() - Date.parse(waiting.submittedAt) < 14 * DAY);
    assert.equal((await world.listReviews(`?revieweeId=${MAIN}`)).body.paging?.totalRowCount, 24);
    // Same ids as before the reset: the story reservation is reviewable again.
    assert.equal((await world.createReview(guest, storyListingReview())).status, 201);
  });

  test("ids: the DEMO object", async () => {
    const world = harness.fresh();
    const res = await world.call("GET", `${CONTROL}/ids`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, JSON.parse(JSON.stringify(DEMO)));
  });
});
