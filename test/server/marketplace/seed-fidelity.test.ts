import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  API,
  DEMO,
  aggregatesOf,
  assertError,
  reviewOf,
  reviewsOf,
  startHarness,
  storyGuestReview,
  storyListingReview,
  type Harness,
  type World,
} from "./helpers.ts";

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const MAIN = DEMO.listings.main;
const STORY = DEMO.reservations.story;
const aggregatesPath = (query: string) => `${API}/v1/reviewaggregates${query}`;

/** Everything an anonymous caller can learn from a route: status, data and every header but the date and request id. */
async function outsideView(world: World, path: string): Promise<unknown> {
  const res = await world.call("GET", path);
  const { requestId: _r, elapsedMs: _e, ssoTime: _s, ...body } = res.body;
  const headers = [...res.headers].filter(([name]) => !["date", "content-length", "keep-alive", "connection"].includes(name));
  return { status: res.status, body, headers };
}

describe("the review window", () => {
  test("once it has closed, neither side may review the stay", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const host = await world.login("host");
    await world.createReview(guest, storyListingReview({ rating: 2 }));
    await world.advanceDays(14.01);
    const res = await world.createReview(host, storyGuestReview());
    assertError(res, 403, "errMsg_reviewWindowClosed");
    assert.match(res.body.detail ?? "", /\d{4}-\d\d-\d\dT/, "the detail says when it closed");
    assertError(await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host })), 403, "errMsg_reviewWindowClosed");
  });

  test("its length is a setting (reviewWindowDays)", async () => {
    const world = harness.fresh({ reviewWindowDays: 3, autoApprove: true });
    const guest = await world.login("guest");
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    await world.advanceDays(2.9);
    assert.equal(reviewOf(await world.getReview(review.id, guest)).isPublished, false);
    await world.advanceDays(0.2);
    assert.equal(reviewOf(await world.getReview(review.id, guest)).isPublished, true);
    assertError(await world.createReview(await world.login("host"), storyGuestReview()), 403, "errMsg_reviewWindowClosed");
  });
});

describe("hidden reviews leave no trace for the public", () => {
  test("a hidden review changes nothing any anonymous aggregate route or header says", async () => {
    const world = harness.fresh();
    const routes = [
      aggregatesPath(`?revieweeType=listing&revieweeId=${MAIN}`),
      aggregatesPath(`?revieweeType=host&revieweeId=${DEMO.users.host}`),
      aggregatesPath(`?revieweeType=guest&revieweeId=${DEMO.users.guest}`),
      aggregatesPath("?pageRowCount=100"),
    ];
    const beforeViews = await Promise.all(routes.map((path) => outsideView(world, path)));
    const guest = await world.login("guest");
    await world.createReview(guest, storyListingReview({ rating: 1 }));
    await world.createReview(guest, storyListingReview({ rating: 1, revieweeType: "host", revieweeId: DEMO.users.host }));
    const afterViews = await Promise.all(routes.map((path) => outsideView(world, path)));
    assert.deepEqual(afterViews, beforeViews);
  });

  test("a reviewee whose reviews are all hidden has no aggregate, exactly like one with no reviews", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const few = DEMO.listings.fewReviews[0] ?? "";
    const none = DEMO.listings.noReviews[0] ?? "";
    const [only, ...rest] = reviewsOf(await world.listReviews(`?revieweeId=${few}`));
    assert.ok(only && rest.length === 0, "a listing with one public review");
    const aggregateId = aggregatesOf(await world.call("GET", aggregatesPath(`?revieweeId=${few}`)))[0]?.id ?? "";
    await world.call("PATCH", `${API}/v1/reviews/${only.id}`, { token: admin, body: { moderationStatus: "rejected" } });
    const comparable = async (id: string) => {
      const view = (await outsideView(world, aggregatesPath(`?revieweeId=${id}`))) as { body: Record<string, unknown> };
      return { ...view, body: { ...view.body, cacheKey: "" } };
    };
    assert.deepEqual(await comparable(few), await comparable(none));
    assertError(await world.call("GET", aggregatesPath(`/${aggregateId}`)), 404, "errMsg_reviewAggregateNotFound");
  });

  test("a hidden aggregate has no numbers but for the moderator", async () => {
    const world = harness.fresh();
    const few = DEMO.listings.fewReviews[0] ?? "";
    const [anonymous] = aggregatesOf(await world.call("GET", aggregatesPath(`?revieweeId=${few}`)));
    assert.deepEqual([anonymous?.visibilityStatus, anonymous?.averageRating, anonymous?.reviewCount], ["hidden", null, null]);
    const signedIn = aggregatesOf(await world.call("GET", aggregatesPath(`?revieweeId=${few}`), { token: await world.login("guest") }));
    assert.equal(signedIn[0]?.reviewCount, null);
    const byId = await world.call("GET", aggregatesPath(`/${anonymous?.id ?? ""}`));
    assert.equal(byId.body.reviewAggregate?.averageRating, null);
    const moderator = await world.aggregateOf("listing", few, await world.login("admin"));
    assert.ok((moderator?.reviewCount ?? 0) >= 1);
  });
});

describe("cache headers", () => {
  test("anonymous public reads are shared-cacheable and revalidate with an ETag", async () => {
    const world = harness.fresh();
    for (const path of [aggregatesPath(`?revieweeId=${MAIN}`), `${API}/v1/reviews?revieweeId=${MAIN}`]) {
      const first = await world.call("GET", path);
      assert.equal(first.headers.get("cache-control"), "public, max-age=0, s-maxage=30");
      assert.match(first.headers.get("vary") ?? "", /authorization/i);
      const etag = first.headers.get("etag");
      assert.match(etag ?? "", /^"[0-9a-f]{16}"$/);
      const again = await world.call("GET", path, { headers: { "if-none-match": etag ?? "" } });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get("etag"), etag);
    }
  });

  test("anything read with a token stays no-store, and a change gives a new ETag", async () => {
    const world = harness.fresh({ autoApprove: true });
    const guest = await world.login("guest");
    const signedIn = await world.call("GET", aggregatesPath(`?revieweeId=${MAIN}`), { token: guest });
    assert.equal(signedIn.headers.get("cache-control"), "no-store");
    assert.equal(signedIn.headers.get("etag"), null);
    const path = `${API}/v1/reviews?revieweeId=${MAIN}`;
    const etag = (await world.call("GET", path)).headers.get("etag") ?? "";
    await world.createReview(guest, storyListingReview());
    await world.createReview(await world.login("host"), storyGuestReview());
    const changed = await world.call("GET", path, { headers: { "if-none-match": etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get("etag"), etag);
  });
});

describe("enrichment: names, never ids", () => {
  test("reviews carry the reviewer's name, the reviewee's name or title, and the stay's dates", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const listing = reviewOf(await world.createReview(guest, storyListingReview()));
    assert.deepEqual(listing.reviewer, { id: DEMO.users.guest, fullname: DEMO.userNames[DEMO.users.guest] });
    assert.deepEqual(listing.reviewee, { id: MAIN, name: DEMO.listingTitles[MAIN] });
    assert.equal(listing.reservation?.id, STORY);
    assert.ok(Date.parse(listing.reservation?.checkIn ?? "") < Date.parse(listing.reservation?.checkOut ?? ""));
    const host = reviewOf(await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host })));
    assert.equal(host.reviewee?.name, DEMO.userNames[DEMO.users.host]);
    const [publicOne] = reviewsOf(await world.listReviews(`?revieweeId=${MAIN}`));
    assert.equal(publicOne?.reviewee?.name, DEMO.listingTitles[MAIN]);
  });
});

describe("strict mode", () => {
  test("lists hold published, approved reviews only, with no enrichment, for every caller", async () => {
    const world = harness.fresh({ strict: true });
    const guest = await world.login("guest");
    const admin = await world.login("admin");
    const own = reviewOf(await world.createReview(guest, storyListingReview()));
    assert.equal(own.reviewer, undefined);
    assert.equal(own.reviewee, undefined);
    for (const token of [undefined, guest, admin]) {
      const list = reviewsOf(await world.listReviews(`?revieweeId=${MAIN}&pageRowCount=100`, token));
      assert.equal(list.length, 24);
      assert.ok(list.every((r) => r.isPublished && r.moderationStatus === "approved" && r.reviewer === undefined && r.reservation === undefined));
      assert.ok(!list.some((r) => r.id === own.id));
    }
  });
});
