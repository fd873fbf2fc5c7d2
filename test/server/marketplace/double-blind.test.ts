import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  API,
  CONTROL,
  DEMO,
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

async function ids(world: World, query: string, token?: string): Promise<string[]> {
  const res = await world.listReviews(`${query}&pageRowCount=100`, token);
  assert.equal(res.status, 200);
  return reviewsOf(res).map((r) => r.id);
}

async function approve(world: World, admin: string, id: string) {
  const res = await world.call("PATCH", `${API}/v1/reviews/${id}`, { token: admin, body: { moderationStatus: "approved" } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return reviewOf(res);
}

describe("double-blind publishing", () => {
  test("both sides submitting publishes every review of the reservation", async () => {
    const world = harness.fresh();
    const [guest, host, admin] = [await world.login("guest"), await world.login("host"), await world.login("admin")];
    const listingReview = reviewOf(await world.createReview(guest, storyListingReview()));
    const hostReview = reviewOf(await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host })));
    assert.equal(listingReview.isPublished, false);
    assert.equal(hostReview.isPublished, false);

    const guestReview = reviewOf(await world.createReview(host, storyGuestReview()));
    assert.equal(guestReview.isPublished, true, "the second side's review publishes at once");
    for (const id of [listingReview.id, hostReview.id]) {
      const now = reviewOf(await world.getReview(id, guest));
      assert.equal(now.isPublished, true);
      assert.equal(now.recordVersion, 1, "publishing is an update");
      assert.equal(now.moderationStatus, "pending");
    }
    // Published but not yet moderated: still hidden from the public.
    assert.ok(!(await ids(world, `?reservationId=${DEMO.reservations.story}`)).length);
    const approved = await approve(world, admin, listingReview.id);
    assert.equal(approved.recordVersion, 2);
    assert.ok((await ids(world, `?revieweeId=${MAIN}`)).includes(listingReview.id));
    assert.equal(reviewOf(await world.getReview(listingReview.id)).isPublished, true);
  });

  test("one side alone publishes when the 14-day window from the first submission closes", async () => {
    const world = harness.fresh({ autoApprove: true });
    const guest = await world.login("guest");
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    assert.equal(review.moderationStatus, "approved");
    assert.equal(review.isPublished, false);
    assert.ok(!(await ids(world, `?revieweeId=${MAIN}`)).includes(review.id));

    const advanced = await world.advanceDays(13);
    assert.equal(advanced.status, 200);
    assert.equal(reviewOf(await world.getReview(review.id, guest)).isPublished, false);
    await world.advanceDays(1.01);
    // No write needed: the next request applies the expiry.
    assert.ok((await ids(world, `?revieweeId=${MAIN}`)).includes(review.id));
    const after = reviewOf(await world.getReview(review.id));
    assert.equal(after.isPublished, true);
    assert.equal(after.recordVersion, 1);
    assert.ok(Date.parse(after.updatedAt) >= Date.parse(after.submittedAt) + 14 * 86_400_000);
  });

  test("the window counts from the first submission on the reservation, not each review's own", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const first = reviewOf(await world.createReview(guest, storyListingReview()));
    await world.advanceDays(10);
    const second = reviewOf(await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host })));
    assert.equal(second.isPublished, false);
    await world.advanceDays(4.01);
    assert.equal(reviewOf(await world.getReview(first.id, guest)).isPublished, true);
    assert.equal(reviewOf(await world.getReview(second.id, guest)).isPublished, true);
  });

  test("a seeded approved review waiting for its window goes public when the clock moves", async () => {
    const world = harness.fresh();
    const waiting = DEMO.hiddenReviews.approvedUnpublished;
    const before = await world.aggregateOf("listing", MAIN);
    assert.ok(before);
    const publicBefore = await ids(world, `?revieweeId=${MAIN}`);
    assert.ok(waiting.every((id) => !publicBefore.includes(id)));
    await world.advanceDays(14);
    const publicAfter = await ids(world, `?revieweeId=${MAIN}`);
    assert.ok(waiting.every((id) => publicAfter.includes(id)));
    assert.equal(publicAfter.length, publicBefore.length + waiting.length);
    const after = await world.aggregateOf("listing", MAIN);
    assert.equal(after?.reviewCount, before.reviewCount + waiting.length);
    assert.equal(after?.recordVersion, before.recordVersion + 1);
    assert.notEqual(after?.updatedAt, before.updatedAt);
  });

  test("a moderator's unpublish is not undone by the window", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const [target] = await ids(world, `?revieweeId=${MAIN}`);
    assert.ok(target);
    const res = await world.call("PATCH", `${API}/v1/reviews/${target}`, { token: admin, body: { isPublished: false } });
    assert.equal(reviewOf(res).isPublished, false);
    await world.advanceDays(30);
    assert.ok(!(await ids(world, `?revieweeId=${MAIN}`)).includes(target));
    assert.equal(reviewOf(await world.getReview(target, admin)).isPublished, false);
  });
});

describe("who sees a hidden review", () => {
  test("its reviewer and the moderator; nobody else, not even by id", async () => {
    const world = harness.fresh();
    const [guest, host, admin, stranger] = [
      await world.login("guest"),
      await world.login("host"),
      await world.login("admin"),
      await world.login(DEMO.users.otherGuests[2] ?? ""),
    ];
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    const query = `?revieweeId=${MAIN}`;
    assert.ok((await ids(world, query, guest)).includes(review.id), "the reviewer sees their own pending review");
    assert.equal((await world.getReview(review.id, guest)).status, 200);
    assert.ok((await ids(world, query, admin)).includes(review.id), "the moderator sees it");
    assert.equal((await world.getReview(review.id, admin)).status, 200);
    for (const token of [undefined, host, stranger]) {
      assert.ok(!(await ids(world, query, token)).includes(review.id));
      assertError(await world.getReview(review.id, token), 404, "errMsg_reviewNotFound");
    }
    // The reviewer's own hidden review counts in their list; the public total stays 24.
    const mine = await world.listReviews(`${query}&reviewerId=${DEMO.users.guest}`, guest);
    assert.equal(mine.body.paging?.totalRowCount, 1);
    assert.equal((await world.listReviews(query)).body.paging?.totalRowCount, 24);
  });

  test("the seed's non-public reviews: never public, the moderator sees all active ones", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const hidden = DEMO.hiddenReviews;
    const all = [...hidden.pendingPublished, ...hidden.approvedUnpublished, ...hidden.rejected, ...hidden.deleted, ...hidden.pendingUnpublished];
    assert.equal(all.length, 9);
    const publicIds = await ids(world, `?revieweeId=${MAIN}`);
    const signedIn = await ids(world, `?revieweeId=${MAIN}`, await world.login("host"));
    for (const id of all) {
      assert.ok(!publicIds.includes(id));
      assert.ok(!signedIn.includes(id));
      assertError(await world.getReview(id), 404, "errMsg_reviewNotFound");
    }
    const adminIds = await ids(world, `?revieweeId=${MAIN}`, admin);
    assert.equal(adminIds.length, 24 + all.length - hidden.deleted.length);
    for (const id of all) {
      const expected = !hidden.deleted.includes(id);
      assert.equal(adminIds.includes(id), expected, id);
      assert.equal((await world.getReview(id, admin)).status, expected ? 200 : 404);
    }
    const states = await Promise.all(
      [hidden.pendingPublished[0], hidden.approvedUnpublished[0], hidden.rejected[0], hidden.pendingUnpublished[0]].map(async (id) =>
        reviewOf(await world.getReview(id ?? "", admin)),
      ),
    );
    assert.deepEqual(
      states.map((r) => [r.moderationStatus, r.isPublished]),
      [
        ["pending", true],
        ["approved", false],
        ["rejected", true],
        ["pending", false],
      ],
    );
  });

  test("the reviewer of a seeded hidden review sees it, other guests do not", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const id = DEMO.hiddenReviews.rejected[0] ?? "";
    const reviewerId = reviewOf(await world.getReview(id, admin)).reviewerId;
    assert.equal((await world.getReview(id, await world.login(reviewerId))).status, 200);
    const someoneElse = DEMO.users.otherGuests.find((u) => u !== reviewerId) ?? "";
    assertError(await world.getReview(id, await world.login(someoneElse)), 404, "errMsg_reviewNotFound");
  });

  test("the demo clock endpoint applies expiry immediately", async () => {
    const world = harness.fresh({ autoApprove: true });
    const guest = await world.login("guest");
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    const res = await world.call("POST", `${CONTROL}/clock/advance`, { body: { days: 15 } });
    assert.equal(res.status, 200);
    assert.equal(res.body.offsetMs, 15 * 86_400_000);
    assert.equal(reviewOf(await world.getReview(review.id)).isPublished, true);
  });
});
