import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  API,
  CONTROL,
  aggregatesOf,
  DEMO,
  assertError,
  reviewOf,
  reviewsOf,
  startHarness,
  storyGuestReview,
  storyListingReview,
  type Harness,
  type HttpResult,
  type World,
} from "./helpers.ts";

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const MAIN = DEMO.listings.main;
const patch = (world: World, id: string, token: string | undefined, body: unknown): Promise<HttpResult> =>
  world.call("PATCH", `${API}/v1/reviews/${id}`, { token, body });
const remove = (world: World, id: string, token: string | undefined): Promise<HttpResult> => world.call("DELETE", `${API}/v1/reviews/${id}`, { token });

async function publicIds(world: World, query = `?revieweeId=${MAIN}`): Promise<string[]> {
  return reviewsOf(await world.listReviews(`${query}&pageRowCount=100`)).map((r) => r.id);
}

describe("moderation", () => {
  test("approving a published review makes it public and updates the aggregate", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const id = DEMO.hiddenReviews.pendingPublished[0] ?? "";
    const before = await world.aggregateOf("listing", MAIN);
    assert.ok(before);
    const original = reviewOf(await world.getReview(id, admin));
    const res = await patch(world, id, admin, { moderationStatus: "approved" });
    assert.equal(res.status, 200);
    const review = reviewOf(res);
    assert.equal(review.moderationStatus, "approved");
    assert.equal(review.moderationStatus_idx, 1);
    assert.equal(review.recordVersion, original.recordVersion + 1);
    assert.ok(Date.parse(review.updatedAt) > Date.parse(original.updatedAt));
    assert.ok((await publicIds(world)).includes(id));
    const after = await world.aggregateOf("listing", MAIN);
    assert.equal(after?.reviewCount, before.reviewCount + 1);
    assert.equal(after?.recordVersion, before.recordVersion + 1);
    const ratings = reviewsOf(await world.listReviews(`?revieweeId=${MAIN}&pageRowCount=100`)).map((r) => r.rating);
    assert.equal(after?.averageRating, Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100);
  });

  test("rejecting keeps it hidden and leaves the aggregate untouched", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const id = DEMO.hiddenReviews.pendingPublished[1] ?? "";
    const before = await world.aggregateOf("listing", MAIN);
    const res = await patch(world, id, admin, { moderationStatus: "rejected" });
    assert.equal(reviewOf(res).moderationStatus_idx, 2);
    assert.ok(!(await publicIds(world)).includes(id));
    assertError(await world.getReview(id), 404, "errMsg_reviewNotFound");
    assert.deepEqual(await world.aggregateOf("listing", MAIN), before);
  });

  test("a moderator may take an approved review down; it cannot go back to pending", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const [id] = await publicIds(world);
    assert.ok(id);
    assertError(await patch(world, id, admin, { moderationStatus: "pending" }), 400, "errMsg_invalidModerationTransition");
    assert.equal(reviewOf(await patch(world, id, admin, { moderationStatus: "rejected" })).moderationStatus, "rejected");
    assert.ok(!(await publicIds(world)).includes(id));
  });

  test("only the moderator moderates", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const host = await world.login("host");
    const own = reviewOf(await world.createReview(guest, storyListingReview()));
    assertError(await patch(world, own.id, guest, { moderationStatus: "approved" }), 403, "errMsg_onlyModeratorsCanModerate");
    assertError(await patch(world, own.id, guest, { isPublished: true }), 403, "errMsg_onlyModeratorsCanModerate");
    // Someone else's public review.
    const [publicId] = await publicIds(world);
    assertError(await patch(world, publicId ?? "", host, { moderationStatus: "rejected" }), 403, "errMsg_notReviewOwner");
    // Someone else's hidden review does not exist for the caller.
    assertError(await patch(world, own.id, host, { reviewText: "x" }), 404, "errMsg_reviewNotFound");
    assertError(await patch(world, own.id, undefined, { reviewText: "x" }), 401, "errMsg_loginRequired");
  });

  test("the moderator may not publish before double-blind completes; approval waits for it", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const guest = await world.login("guest");
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    assertError(await patch(world, review.id, admin, { isPublished: true }), 403, "errMsg_doubleBlindNotComplete");
    assertError(await patch(world, review.id, admin, { moderationStatus: "approved", isPublished: true }), 403, "errMsg_doubleBlindNotComplete");
    const approved = reviewOf(await patch(world, review.id, admin, { moderationStatus: "approved" }));
    assert.deepEqual([approved.moderationStatus, approved.isPublished], ["approved", false]);
    assert.ok(!(await publicIds(world)).includes(review.id), "approved is not published");
    await world.createReview(await world.login("host"), storyGuestReview());
    assert.ok((await publicIds(world)).includes(review.id), "published when the other side reviewed");
  });

  test("the moderator may publish or unpublish a completed stay directly, but not rewrite a review", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const id = DEMO.hiddenReviews.approvedUnpublished[0] ?? "";
    assertError(await patch(world, id, admin, { isPublished: true }), 403, "errMsg_doubleBlindNotComplete");
    await world.advanceDays(14); // the window closes: published by itself
    assert.ok((await publicIds(world)).includes(id));
    const unpublished = reviewOf(await patch(world, id, admin, { isPublished: false }));
    assert.equal(unpublished.isPublished, false);
    assert.ok(!(await publicIds(world)).includes(id));
    const published = reviewOf(await patch(world, id, admin, { isPublished: true }));
    assert.equal(published.isPublished, true);
    assert.ok((await publicIds(world)).includes(id));
    assertError(await patch(world, id, admin, { reviewText: "Moderated text" }), 403, "errMsg_forbiddenFields");
    const both = reviewOf(await patch(world, id, admin, { moderationStatus: "rejected", isPublished: false }));
    assert.deepEqual([both.moderationStatus, both.isPublished], ["rejected", false]);
  });

  test("update bodies are validated", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const guest = await world.login("guest");
    const id = DEMO.hiddenReviews.pendingPublished[0] ?? "";
    assertError(await patch(world, id, admin, {}), 400, "errMsg_noFieldsToUpdate");
    assertError(await patch(world, id, admin, { moderationStatus: "APPROVED" }), 400, "errMsg_moderationStatusisNotAValidValue");
    assertError(await patch(world, id, admin, { isPublished: "true" }), 400, "errMsg_isPublishedMustBeABoolean");
    assertError(await patch(world, id, admin, { reviewText: "" }), 400, "errMsg_reviewTextIsRequired");
    assertError(await world.call("PATCH", `${API}/v1/reviews/${id}`, { token: admin, rawBody: "nope" }), 400, "errMsg_invalidJsonBody");
    assertError(await patch(world, "123", admin, { moderationStatus: "approved" }), 400, "errMsg_reviewIdisNotAValidID");
    const own = reviewOf(await world.createReview(guest, storyListingReview()));
    assertError(await patch(world, own.id, guest, { rating: 5 }), 403, "errMsg_forbiddenFields");
    assertError(await patch(world, own.id, guest, { reviewText: "ok", reviewerId: DEMO.users.host }), 403, "errMsg_forbiddenFields");
    assertError(await patch(world, own.id, guest, { reviewText: "x".repeat(2001) }), 400, "errMsg_reviewTextIsTooLong");
  });
});

describe("reviewer edits", () => {
  test("before publish the reviewer edits the text (back to moderation); after publish: 403", async () => {
    const world = harness.fresh();
    const [guest, host, admin] = [await world.login("guest"), await world.login("host"), await world.login("admin")];
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    const approved = reviewOf(await patch(world, review.id, admin, { moderationStatus: "approved" }));
    assert.equal(approved.recordVersion, 1);

    const edited = reviewOf(await patch(world, review.id, guest, { reviewText: "  Second thoughts: still lovely.  " }));
    assert.equal(edited.reviewText, "Second thoughts: still lovely.");
    assert.equal(edited.recordVersion, 2);
    assert.equal(edited.moderationStatus, "pending", "edited text needs a new moderation decision");
    const again = reviewOf(await patch(world, review.id, guest, { reviewText: "Third version." }));
    assert.equal(again.recordVersion, 3);

    await world.createReview(host, storyGuestReview()); // both sides in: published
    assert.equal(reviewOf(await world.getReview(review.id, guest)).isPublished, true);
    assertError(await patch(world, review.id, guest, { reviewText: "Too late" }), 403, "errMsg_reviewIsPublished");
    assert.equal(reviewOf(await world.getReview(review.id, guest)).reviewText, "Third version.");
  });

  test("a new rating: the reviewer withdraws and posts again (the widget's Edit); the stay's window does not restart", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const first = reviewOf(await world.createReview(guest, storyListingReview({ rating: 4 })));
    reviewOf(await remove(world, first.id, guest));
    await world.advanceDays(2);
    const second = reviewOf(await world.createReview(guest, storyListingReview({ rating: 2 })));
    assert.notEqual(second.id, first.id);
    assert.equal(second.rating, 2);
    assert.equal(second.isPublished, false);
    // The window counts from the first submission, deleted ones included: 14 days after it, published.
    await world.advanceDays(12);
    assert.equal(reviewOf(await world.getReview(second.id, guest)).isPublished, true);
    assertError(await remove(world, second.id, guest), 403, "errMsg_reviewIsPublished");
  });

  test("with auto-approval an edit stays approved", async () => {
    const world = harness.fresh({ autoApprove: true });
    const guest = await world.login("guest");
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    assert.equal(reviewOf(await patch(world, review.id, guest, { reviewText: "Edited." })).moderationStatus, "approved");
  });
});

describe("soft delete", () => {
  test("the reviewer deletes their unpublished review; it disappears everywhere", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const admin = await world.login("admin");
    const review = reviewOf(await world.createReview(guest, storyListingReview()));
    const res = await remove(world, review.id, guest);
    assert.equal(res.status, 200);
    const deleted = reviewOf(res);
    assert.equal(deleted.isActive, false);
    assert.equal(deleted.id, review.id);
    assert.equal(deleted.recordVersion, 1);
    for (const token of [guest, admin]) {
      assertError(await world.getReview(review.id, token), 404, "errMsg_reviewNotFound");
      const list = reviewsOf(await world.listReviews(`?reservationId=${DEMO.reservations.story}`, token));
      assert.deepEqual(list, []);
    }
    assertError(await remove(world, review.id, guest), 404, "errMsg_reviewNotFound");
    assertError(await patch(world, review.id, guest, { reviewText: "x" }), 404, "errMsg_reviewNotFound");
  });

  test("a published review: the reviewer 403, others 403, the moderator 200", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const host = await world.login("host");
    const [id] = await publicIds(world);
    assert.ok(id);
    const reviewerId = reviewOf(await world.getReview(id)).reviewerId;
    assertError(await remove(world, id, await world.login(reviewerId)), 403, "errMsg_reviewIsPublished");
    assertError(await remove(world, id, host), 403, "errMsg_notReviewOwner");
    assertError(await remove(world, id, undefined), 401, "errMsg_loginRequired");

    const before = await world.aggregateOf("listing", MAIN);
    assert.ok(before);
    const deleted = reviewOf(await remove(world, id, admin));
    assert.equal(deleted.isActive, false);
    assert.ok(!(await publicIds(world)).includes(id));
    const after = await world.aggregateOf("listing", MAIN);
    assert.equal(after?.reviewCount, before.reviewCount - 1);
    assert.equal(after?.recordVersion, before.recordVersion + 1);
  });
});

describe("aggregates follow the public reviews", () => {
  test("create: with auto-approval both sides publish at once and count", async () => {
    const world = harness.fresh({ autoApprove: true });
    const before = await world.aggregateOf("listing", MAIN);
    const admin = await world.login("admin");
    const beforeGuest = await world.aggregateOf("guest", DEMO.users.guest, admin);
    assert.ok(before && beforeGuest);
    await world.createReview(await world.login("guest"), storyListingReview({ rating: 1 }));
    assert.deepEqual(await world.aggregateOf("listing", MAIN), before, "unpublished reviews do not count");
    await world.createReview(await world.login("host"), storyGuestReview({ rating: 5 }));
    const after = await world.aggregateOf("listing", MAIN);
    assert.equal(after?.reviewCount, before.reviewCount + 1);
    const expected = Math.round(((before.averageRating * before.reviewCount + 1) / (before.reviewCount + 1)) * 100) / 100;
    assert.ok(Math.abs((after?.averageRating ?? 0) - expected) <= 0.011, `${after?.averageRating} ≈ ${expected}`);
    assert.equal((await world.aggregateOf("guest", DEMO.users.guest, admin))?.reviewCount, beforeGuest.reviewCount + 1);
  });

  test("hidden below 3 public reviews, its numbers for the moderator only; public from 3 on", async () => {
    const world = harness.fresh();
    const admin = await world.login("admin");
    const anonymous = aggregatesOf(await world.call("GET", `${API}/v1/reviewaggregates?revieweeType=guest&revieweeId=${DEMO.users.guest}`));
    assert.deepEqual(
      anonymous.map((a) => [a.visibilityStatus, a.averageRating, a.reviewCount]),
      [["hidden", null, null]],
    );
    const before = await world.aggregateOf("guest", DEMO.users.guest, admin);
    assert.equal(before?.reviewCount, 2);
    assert.equal(before?.visibilityStatus, "hidden");
    assert.ok((before?.averageRating ?? 0) >= 1, "hidden aggregates keep their numbers");

    const guestReview = reviewOf(await world.createReview(await world.login("host"), storyGuestReview({ rating: 3 })));
    await world.createReview(await world.login("guest"), storyListingReview());
    await patch(world, guestReview.id, admin, { moderationStatus: "approved" });
    const after = await world.aggregateOf("guest", DEMO.users.guest);
    assert.equal(after?.reviewCount, 3);
    assert.equal(after?.visibilityStatus, "public");
    assert.equal(after?.visibilityStatus_idx, 0);
    assert.equal(after?.recordVersion, (before?.recordVersion ?? 0) + 1);

    await remove(world, guestReview.id, admin);
    const removed = await world.aggregateOf("guest", DEMO.users.guest, admin);
    assert.deepEqual([removed?.reviewCount, removed?.visibilityStatus], [2, "hidden"]);
  });
});

describe("auto-approval setting", () => {
  test("off by default; switched on by the control API for new reviews", async () => {
    const world = harness.fresh();
    const settings = await world.call("GET", `${CONTROL}/settings`);
    assert.deepEqual(settings.body, { autoApprove: false });
    const guest = await world.login("guest");
    assert.equal(reviewOf(await world.createReview(guest, storyListingReview())).moderationStatus, "pending");
    const put = await world.call("PUT", `${CONTROL}/settings`, { body: { autoApprove: true } });
    assert.deepEqual(put.body, { autoApprove: true });
    assert.deepEqual((await world.call("GET", `${CONTROL}/settings`)).body, { autoApprove: true });
    const second = reviewOf(await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host })));
    assert.equal(second.moderationStatus, "approved");
    assert.equal(second.isPublished, false, "auto-approval does not lift the double-blind hold");
    assertError(await world.call("PUT", `${CONTROL}/settings`, { body: { autoApprove: "yes" } }), 400, "errMsg_autoApproveMustBeABoolean");
  });

  test("createMarketplace({autoApprove: true}) starts approved", async () => {
    const world = harness.fresh({ autoApprove: true });
    assert.deepEqual((await world.call("GET", `${CONTROL}/settings`)).body, { autoApprove: true });
    const review = reviewOf(await world.createReview(await world.login("guest"), storyListingReview()));
    assert.equal(review.moderationStatus, "approved");
  });
});
