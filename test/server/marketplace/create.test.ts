import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { API, DEMO, assertError, reviewOf, startHarness, storyGuestReview, storyListingReview, type Harness } from "./helpers.ts";

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const CODE = /^BSC-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

describe("create review", () => {
  test("the guest reviews the listing: pending, unpublished, bound to the session", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    const before = world.clock.nowMs();
    // The client's moderationStatus/isPublished are ignored, and so is a forged reviewerId.
    const res = await world.createReview(
      token,
      storyListingReview({ moderationStatus: "approved", isPublished: true, reviewerId: DEMO.users.host, reviewText: "  Great stay.  " }),
    );
    assert.equal(res.status, 201);
    const review = reviewOf(res);
    assert.equal(review.moderationStatus, "pending");
    assert.equal(review.moderationStatus_idx, 0);
    assert.equal(review.isPublished, false);
    assert.equal(review.reviewText, "Great stay.");
    assert.equal(review.rating, 4);
    assert.equal(review.reviewerId, DEMO.users.guest);
    assert.equal(review._owner, DEMO.users.guest);
    assert.deepEqual(review.reviewer, { id: DEMO.users.guest, fullname: "Lena Fischer" });
    assert.equal(review.revieweeId, DEMO.listings.main);
    assert.equal(review.revieweeType, "listing");
    assert.equal(review.revieweeType_idx, 2);
    assert.equal(review.reservationId, DEMO.reservations.story);
    assert.equal(review.isActive, true);
    assert.equal(review.recordVersion, 0);
    assert.match(review.blindSubmissionCode, CODE);
    const submitted = Date.parse(review.submittedAt);
    assert.ok(submitted >= before && submitted <= world.clock.nowMs(), "submittedAt is the clock's now");
    assert.equal(review.createdAt, review.submittedAt);
    assert.match(review.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test("the guest may also review the host; the host reviews the guest", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const host = await world.login("host");
    const ofHost = await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host }));
    assert.equal(ofHost.status, 201);
    assert.equal(reviewOf(ofHost).revieweeType_idx, 0);
    const ofGuest = await world.createReview(host, storyGuestReview());
    assert.equal(ofGuest.status, 201);
    assert.equal(reviewOf(ofGuest).reviewerId, DEMO.users.host);
    assert.equal(reviewOf(ofGuest).revieweeType_idx, 1);
    assert.notEqual(reviewOf(ofGuest).blindSubmissionCode, reviewOf(ofHost).blindSubmissionCode);
  });

  test("without a token: 401", async () => {
    const world = harness.fresh();
    assertError(await world.call("POST", `${API}/v1/reviews`, { body: storyListingReview() }), 401, "errMsg_loginRequired");
  });

  test("only the reservation's guest or host: 403", async () => {
    const world = harness.fresh();
    for (const who of ["admin", DEMO.users.otherGuests[0] ?? "", DEMO.users.otherHosts[0] ?? ""]) {
      assertError(await world.createReview(await world.login(who), storyListingReview()), 403, "errMsg_notReservationParty");
    }
  });

  test("the stay must be completed: 403 until checkout, allowed after", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    const body = storyListingReview({ reservationId: DEMO.reservations.upcoming });
    assertError(await world.createReview(token, body), 403, "errMsg_stayNotCompleted");
    await world.advanceDays(15);
    assert.equal((await world.createReview(token, body)).status, 201);
  });

  test("the reservation must exist: 404", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    assertError(
      await world.createReview(token, storyListingReview({ reservationId: "30000000-0000-4000-8000-00000000ffff" })),
      404,
      "errMsg_reservationNotFound",
    );
  });

  test("reviewee type and id must fit the reviewer's side of the reservation: 400", async () => {
    const world = harness.fresh();
    const guest = await world.login("guest");
    const host = await world.login("host");
    assertError(
      await world.createReview(guest, storyListingReview({ revieweeType: "guest", revieweeId: DEMO.users.guest })),
      400,
      "errMsg_revieweeTypeNotAllowed",
    );
    assertError(await world.createReview(host, storyListingReview()), 400, "errMsg_revieweeTypeNotAllowed");
    assertError(await world.createReview(host, storyGuestReview({ revieweeType: "host", revieweeId: DEMO.users.host })), 400, "errMsg_revieweeTypeNotAllowed");
    // Right type, wrong id.
    assertError(await world.createReview(guest, storyListingReview({ revieweeId: DEMO.listings.grid[3] })), 400, "errMsg_revieweeDoesNotMatchReservation");
    assertError(
      await world.createReview(guest, storyListingReview({ revieweeType: "host", revieweeId: DEMO.listings.main })),
      400,
      "errMsg_revieweeDoesNotMatchReservation",
    );
    assertError(await world.createReview(host, storyGuestReview({ revieweeId: DEMO.users.otherGuests[0] })), 400, "errMsg_revieweeDoesNotMatchReservation");
  });

  test("once per reservation, reviewer and reviewee type among active reviews", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    const first = reviewOf(await world.createReview(token, storyListingReview()));
    assertError(await world.createReview(token, storyListingReview({ reviewText: "Again" })), 400, "errMsg_reviewAlreadyExists");
    // Another type on the same reservation is fine.
    assert.equal((await world.createReview(token, storyListingReview({ revieweeType: "host", revieweeId: DEMO.users.host }))).status, 201);
    // After a soft delete the slot is free again.
    assert.equal((await world.call("DELETE", `${API}/v1/reviews/${first.id}`, { token })).status, 200);
    const second = await world.createReview(token, storyListingReview({ reviewText: "Second try." }));
    assert.equal(second.status, 201);
    assert.notEqual(reviewOf(second).id, first.id);
  });

  test("every seed-required parameter is required: 400", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    for (const key of ["moderationStatus", "isPublished", "reviewText", "rating", "revieweeId", "reservationId", "revieweeType"]) {
      const body = storyListingReview();
      delete body[key];
      assertError(await world.createReview(token, body), 400, `errMsg_${key}IsRequired`);
      assertError(await world.createReview(token, storyListingReview({ [key]: null })), 400, `errMsg_${key}IsRequired`);
    }
  });

  test("rating must be an integer from 1 to 5", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    for (const rating of [0, 6, 4.5, -1, "5", true]) {
      assertError(await world.createReview(token, storyListingReview({ rating })), 400, "errMsg_ratingMustBeAnIntegerFrom1To5");
    }
    for (const rating of [1, 5]) {
      const world2 = harness.fresh();
      const res = await world2.createReview(await world2.login("guest"), storyListingReview({ rating }));
      assert.equal(reviewOf(res).rating, rating);
    }
  });

  test("review text: not empty, at most 2000 characters", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    for (const reviewText of ["", "   \n ", 42]) {
      assertError(await world.createReview(token, storyListingReview({ reviewText })), 400, "errMsg_reviewTextIsRequired");
    }
    assertError(await world.createReview(token, storyListingReview({ reviewText: "a".repeat(2001) })), 400, "errMsg_reviewTextIsTooLong");
    // 2000 characters, counted as characters not UTF-16 units.
    const longest = "é".repeat(1000) + "😀".repeat(1000);
    const res = await world.createReview(token, storyListingReview({ reviewText: longest }));
    assert.equal(res.status, 201);
    assert.equal(reviewOf(res).reviewText, longest);
  });

  test("enum, boolean and id parameters are checked", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    assertError(await world.createReview(token, storyListingReview({ moderationStatus: "maybe" })), 400, "errMsg_moderationStatusisNotAValidValue");
    assertError(await world.createReview(token, storyListingReview({ isPublished: "yes" })), 400, "errMsg_isPublishedMustBeABoolean");
    assertError(await world.createReview(token, storyListingReview({ revieweeType: "LISTING" })), 400, "errMsg_revieweeTypeisNotAValidValue");
    assertError(await world.createReview(token, storyListingReview({ revieweeId: "main" })), 400, "errMsg_revieweeIdisNotAValidID");
    assertError(await world.createReview(token, storyListingReview({ reservationId: 7 })), 400, "errMsg_reservationIdisNotAValidID");
    assertError(await world.call("POST", `${API}/v1/reviews`, { token, rawBody: "rating=5" }), 400, "errMsg_invalidJsonBody");
  });
});
