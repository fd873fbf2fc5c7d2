import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  API,
  AUTH,
  CONTROL,
  DEMO,
  assertError,
  aggregatesOf,
  reviewOf,
  reviewsOf,
  startHarness,
  storyListingReview,
  type Body,
  type Harness,
  type HttpResult,
} from "./helpers.ts";

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const REVIEW_KEYS = [
  "id",
  "moderationStatus",
  "moderationStatus_idx",
  "isPublished",
  "reviewText",
  "rating",
  "blindSubmissionCode",
  "revieweeId",
  "reservationId",
  "reviewerId",
  "revieweeType",
  "revieweeType_idx",
  "submittedAt",
  "isActive",
  "recordVersion",
  "createdAt",
  "updatedAt",
  "_owner",
  "reviewer",
  "reviewee",
  "reservation",
];

const AGGREGATE_KEYS = [
  "id",
  "revieweeId",
  "revieweeType",
  "revieweeType_idx",
  "averageRating",
  "reviewCount",
  "visibilityStatus",
  "visibilityStatus_idx",
  "isActive",
  "recordVersion",
  "createdAt",
  "updatedAt",
  "_owner",
];

interface Expected {
  statusCode: 200 | 201;
  dataName: string;
  method: string;
  action: string;
  userId: string | null;
  list: boolean;
}

function assertEnvelope(res: HttpResult, expected: Expected): void {
  assert.equal(res.status, expected.statusCode, JSON.stringify(res.body));
  assert.equal(res.contentType, "application/json; charset=utf-8");
  const body: Body = res.body;
  const keys = [
    "status",
    "statusCode",
    "elapsedMs",
    "ssoTime",
    "source",
    "cacheKey",
    "userId",
    "sessionId",
    "requestId",
    "dataName",
    "method",
    "action",
    "appVersion",
    "rowCount",
    expected.dataName,
    ...(expected.list ? ["paging"] : []),
    "filters",
    "uiPermissions",
  ];
  assert.deepEqual(Object.keys(body), keys);
  assert.equal(body.status, "OK");
  assert.equal(body.statusCode, expected.statusCode);
  assert.equal(typeof body.elapsedMs, "number");
  assert.equal(typeof body.ssoTime, "number");
  assert.equal(body.source, "db");
  assert.match(body.cacheKey ?? "", /^[0-9a-f]{16}$/);
  assert.equal(body.userId, expected.userId);
  if (expected.userId === null) assert.equal(body.sessionId, null);
  else assert.match(body.sessionId ?? "", /^[0-9a-f-]{36}$/);
  assert.match(body.requestId ?? "", /^[0-9a-f-]{36}$/);
  assert.equal(body.dataName, expected.dataName);
  assert.equal(body.method, expected.method);
  assert.equal(body.action, expected.action);
  assert.equal(typeof body.appVersion, "string");
  assert.deepEqual(body.filters, []);
  assert.deepEqual(body.uiPermissions, []);
}

describe("login", () => {
  test("demo users sign in with password demo and get a token and their id", async () => {
    const world = harness.fresh();
    for (const who of ["guest", "host", "admin"] as const) {
      const res = await world.call("POST", `${AUTH}/login`, { body: { username: DEMO.logins[who], password: "demo" } });
      assert.equal(res.status, 200);
      assert.equal(res.contentType, "application/json; charset=utf-8");
      assert.deepEqual(Object.keys(res.body).sort(), ["accessToken", "userId"]);
      assert.equal(res.body.userId, DEMO.users[who]);
      assert.match(res.body.accessToken ?? "", /^[0-9a-f]{64}$/);
    }
    // Other seeded users too, and the username is case-insensitive.
    const other = DEMO.users.otherGuests[3];
    assert.ok(other);
    const res = await world.call("POST", `${AUTH}/login`, {
      body: { username: DEMO.userEmails[other]?.toUpperCase(), password: "demo" },
    });
    assert.equal(res.body.userId, other);
  });

  test("the token identifies the caller in the envelope", async () => {
    const world = harness.fresh();
    const token = await world.login("host");
    const res = await world.listReviews("", token);
    assert.equal(res.body.userId, DEMO.users.host);
    assert.match(res.body.sessionId ?? "", /^[0-9a-f-]{36}$/);
  });

  test("wrong credentials are 401, a malformed login is 400", async () => {
    const world = harness.fresh();
    assertError(await world.call("POST", `${AUTH}/login`, { body: { username: "guest@demo.test", password: "nope" } }), 401, "errMsg_invalidCredentials");
    assertError(await world.call("POST", `${AUTH}/login`, { body: { username: "nobody@demo.test", password: "demo" } }), 401, "errMsg_invalidCredentials");
    assertError(await world.call("POST", `${AUTH}/login`, { body: { username: "guest@demo.test" } }), 400, "errMsg_usernameAndPasswordAreRequired");
    assertError(await world.call("POST", `${AUTH}/login`, { rawBody: "{not json" }), 400, "errMsg_invalidJsonBody");
    assertError(await world.call("GET", `${AUTH}/login`), 404, "errMsg_routeNotFound");
  });
});

describe("success envelope", () => {
  test("list and get of reviews, anonymous and signed in", async () => {
    const world = harness.fresh();
    const list = await world.listReviews(`?revieweeId=${DEMO.listings.main}`);
    assertEnvelope(list, { statusCode: 200, dataName: "reviews", method: "GET", action: "list", userId: null, list: true });
    assert.equal(list.body.rowCount, reviewsOf(list).length);
    assert.equal(list.body.rowCount, 24);
    assert.deepEqual(list.body.paging, { pageNumber: 1, pageRowCount: 25, totalRowCount: 24, pageCount: 1 });

    const first = reviewsOf(list)[0];
    assert.ok(first);
    assert.deepEqual(Object.keys(first), REVIEW_KEYS);
    const token = await world.login("guest");
    const get = await world.getReview(first.id, token);
    assertEnvelope(get, { statusCode: 200, dataName: "review", method: "GET", action: "get", userId: DEMO.users.guest, list: false });
    assert.equal(get.body.rowCount, 1);
    assert.deepEqual(reviewOf(get), first);
    assert.deepEqual(reviewOf(get).reviewer, { id: first.reviewerId, fullname: DEMO.userNames[first.reviewerId] });
  });

  test("create is 201, update and delete are 200, each with its action", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    const created = await world.createReview(token, storyListingReview());
    assertEnvelope(created, { statusCode: 201, dataName: "review", method: "POST", action: "create", userId: DEMO.users.guest, list: false });
    assert.equal(created.body.rowCount, 1);
    const review = reviewOf(created);
    assert.deepEqual(Object.keys(review), REVIEW_KEYS);

    const updated = await world.call("PATCH", `${API}/v1/reviews/${review.id}`, { token, body: { reviewText: "Edited." } });
    assertEnvelope(updated, { statusCode: 200, dataName: "review", method: "PATCH", action: "update", userId: DEMO.users.guest, list: false });
    assert.equal(reviewOf(updated).reviewText, "Edited.");

    const deleted = await world.call("DELETE", `${API}/v1/reviews/${review.id}`, { token });
    assertEnvelope(deleted, { statusCode: 200, dataName: "review", method: "DELETE", action: "delete", userId: DEMO.users.guest, list: false });
    assert.equal(reviewOf(deleted).isActive, false);
  });

  test("list and get of review aggregates", async () => {
    const world = harness.fresh();
    const list = await world.call("GET", `${API}/v1/reviewaggregates?revieweeId=${DEMO.listings.main}`);
    assertEnvelope(list, { statusCode: 200, dataName: "reviewAggregates", method: "GET", action: "list", userId: null, list: true });
    const [aggregate] = aggregatesOf(list);
    assert.ok(aggregate);
    assert.deepEqual(Object.keys(aggregate), AGGREGATE_KEYS);
    assert.equal(list.body.rowCount, 1);
    const get = await world.call("GET", `${API}/v1/reviewaggregates/${aggregate.id}`);
    assertEnvelope(get, { statusCode: 200, dataName: "reviewAggregate", method: "GET", action: "get", userId: null, list: false });
    assert.deepEqual(get.body.reviewAggregate, aggregate);
  });

  test("every request has its own requestId; the cacheKey depends on the request and the caller", async () => {
    const world = harness.fresh();
    const a = await world.listReviews("?revieweeType=host");
    const b = await world.listReviews("?revieweeType=host");
    const c = await world.listReviews("?revieweeType=guest");
    const d = await world.listReviews("?revieweeType=host", await world.login("guest"));
    assert.notEqual(a.body.requestId, b.body.requestId);
    assert.equal(a.body.cacheKey, b.body.cacheKey);
    assert.notEqual(a.body.cacheKey, c.body.cacheKey);
    assert.notEqual(a.body.cacheKey, d.body.cacheKey);
  });
});

describe("error bodies", () => {
  test("401: writing without a token, or any request with a bad token", async () => {
    const world = harness.fresh();
    const someId = DEMO.hiddenReviews.approvedUnpublished[0] ?? "";
    assertError(await world.call("POST", `${API}/v1/reviews`, { body: storyListingReview() }), 401, "errMsg_loginRequired");
    assertError(await world.call("PATCH", `${API}/v1/reviews/${someId}`, { body: { reviewText: "x" } }), 401, "errMsg_loginRequired");
    assertError(await world.call("DELETE", `${API}/v1/reviews/${someId}`), 401, "errMsg_loginRequired");
    assertError(await world.listReviews("", "not-a-token-we-issued"), 401, "errMsg_invalidToken");
    assertError(await world.call("GET", `${API}/v1/reviewaggregates`, { token: "0".repeat(64) }), 401, "errMsg_invalidToken");
    for (const header of ["Token abc", "Bearer", "Bearer a b", "Basic Z3Vlc3Q6ZGVtbw=="]) {
      assertError(await world.call("GET", `${API}/v1/reviews`, { headers: { authorization: header } }), 401, "errMsg_invalidToken");
    }
    // A bad token is 401 even on an unknown route.
    assertError(await world.call("GET", `${API}/v1/nothing`, { token: "bad" }), 401, "errMsg_invalidToken");
  });

  test("400: malformed ids, bodies and parameters", async () => {
    const world = harness.fresh();
    const token = await world.login("guest");
    assertError(await world.getReview("42"), 400, "errMsg_reviewIdisNotAValidID");
    assertError(await world.call("GET", `${API}/v1/reviewaggregates/xyz`), 400, "errMsg_reviewAggregateIdisNotAValidID");
    assertError(await world.call("POST", `${API}/v1/reviews`, { token, rawBody: "{oops" }), 400, "errMsg_invalidJsonBody");
    assertError(await world.call("POST", `${API}/v1/reviews`, { token, rawBody: "[1,2]" }), 400, "errMsg_bodyMustBeAJsonObject");
    assertError(await world.listReviews("?pageRowCount=1000"), 400, "errMsg_pageRowCountisNotAValidNumber");
  });

  test("403: not allowed", async () => {
    const world = harness.fresh();
    const token = await world.login("host");
    // The host of the story stay cannot review the listing: only its guest can; and a stranger cannot review at all.
    const stranger = DEMO.users.otherGuests[0] ?? "";
    assertError(await world.createReview(await world.login(stranger), storyListingReview()), 403, "errMsg_notReservationParty");
    assertError(
      await world.createReview(token, storyListingReview({ reservationId: DEMO.reservations.upcoming, revieweeType: "guest", revieweeId: DEMO.users.guest })),
      403,
      "errMsg_stayNotCompleted",
    );
  });

  test("404: unknown review, aggregate, reservation and route", async () => {
    const world = harness.fresh();
    const missing = "40000000-0000-4000-8000-0000ffffffff";
    assertError(await world.getReview(missing), 404, "errMsg_reviewNotFound");
    assertError(await world.call("GET", `${API}/v1/reviewaggregates/${missing}`), 404, "errMsg_reviewAggregateNotFound");
    assertError(await world.createReview(await world.login("guest"), storyListingReview({ reservationId: missing })), 404, "errMsg_reservationNotFound");
    assertError(await world.call("GET", `${API}/v1/nothing`), 404, "errMsg_routeNotFound");
    assertError(await world.call("PUT", `${API}/v1/reviews`), 404, "errMsg_routeNotFound");
    assertError(await world.call("GET", `${API}/v2/reviews`), 404, "errMsg_routeNotFound");
    assertError(await world.call("GET", `${CONTROL}/nothing`), 404, "errMsg_routeNotFound");
  });
});
