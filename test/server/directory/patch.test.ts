import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { Clock } from "../../../server/clock.ts";
import { DIRECTORY_DEMO, DIRECTORY_DEMO_IDS } from "../../../server/directory/index.ts";
import { call, jsonInit } from "./listen.ts";
import { CONTROL_PREFIX, SEED_REVIEW_KEYS, startDirectory, type DirectoryServer, type WirePage, type WireReview } from "./fixture.ts";

const DIR = DIRECTORY_DEMO.directoryId;
const OTHER = DIRECTORY_DEMO.otherDirectoryId;
const ADMIN = DIRECTORY_DEMO.keys.admin;
const OTHER_ADMIN = DIRECTORY_DEMO.otherAdminKey;
const LIST = `/reviews/directory/${DIR}/`;

const DANA = { firstName: "Dana", lastName: "Whitfield" };

describe("directory API: PATCH and DELETE", () => {
  let server: DirectoryServer;
  let reviews: WireReview[];
  const byStatus = (status: string) => {
    const review = reviews.find((r) => r.status === status);
    assert.ok(review, `a seeded review with status ${status}`);
    return review;
  };
  const patch = (id: string, body: unknown, key = ADMIN) => server.api("PATCH", `${LIST}${id}/`, key, body);

  before(async () => {
    // A frozen clock: re-seeding gives byte-identical data.
    server = await startDirectory(new Clock(() => Date.parse("2026-06-01T12:00:00Z")));
  });
  beforeEach(async () => {
    assert.equal((await call(`${server.origin}${CONTROL_PREFIX}/reset`, jsonInit("POST", {}))).status, 200);
    reviews = ((await server.api("GET", `${LIST}?page_size=200`, ADMIN)).body as WirePage).results;
  });
  after(() => server.close());

  it("updates each editable field on its own (snake_case in, camelCase out)", async () => {
    const target = byStatus("A");
    const cases: Array<[string, unknown, keyof WireReview, unknown]> = [
      ["title", "Renamed title", "title", "Renamed title"],
      ["company", "Initech Payments", "company", "Initech Payments"],
      ["summary", "A new summary.", "summary", "A new summary."],
      ["first_name", "Janet", "firstName", "Janet"],
      ["last_name", "Dorsey", "lastName", "Dorsey"],
      ["email", "janet@example.org", "email", "janet@example.org"],
      ["rating", 2, "rating", 2],
      ["status", "P", "status", "P"],
    ];
    let previous = target;
    for (const [field, value, key, expected] of cases) {
      const answer = await patch(target.id, { [field]: value });
      assert.equal(answer.status, 200, field);
      const updated = answer.body as WireReview;
      assert.deepEqual(Object.keys(updated), SEED_REVIEW_KEYS);
      assert.equal(updated[key], expected, field);
      // Nothing else changed, apart from derived fields.
      const derived = new Set<string>([key, "shortSummary", "statusDisplay"]);
      for (const k of SEED_REVIEW_KEYS) {
        if (!derived.has(k)) assert.deepEqual(updated[k as keyof WireReview], previous[k as keyof WireReview], `${field} left ${k}`);
      }
      previous = updated;
    }
    assert.equal(previous.statusDisplay, "pending");
    assert.equal(previous.shortSummary, "A new summary.");
    // Persisted.
    assert.deepEqual((await server.api("GET", `${LIST}${target.id}/`, ADMIN)).body, previous);
  });

  it("updates several fields at once and ignores unknown ones", async () => {
    const target = byStatus("A");
    const answer = await patch(target.id, { rating: 3, title: "Two at once", id: "hijack", approved_by: "me", created: "2000-01-01T00:00:00Z" });
    assert.equal(answer.status, 200);
    const updated = answer.body as WireReview;
    assert.equal(updated.rating, 3);
    assert.equal(updated.title, "Two at once");
    assert.equal(updated.id, target.id);
    assert.equal(updated.created, target.created);
    assert.deepEqual(updated.approvedBy, target.approvedBy);
  });

  it("400 when no editable field is given", async () => {
    const target = byStatus("A");
    for (const body of [{}, { unknown: 1 }, { first: "x", lastName: "camelCase is not the input format" }]) {
      const answer = await patch(target.id, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.deepEqual(answer.body, { non_field_errors: ["At least one field must be provided."] });
    }
  });

  it("400 for invalid values, one key per bad field, and nothing is saved", async () => {
    const target = byStatus("A");
    const one = await patch(target.id, { rating: 6 });
    assert.equal(one.status, 400);
    assert.deepEqual(one.body, { rating: ["Ensure this value is less than or equal to 5."] });

    const several = await patch(target.id, { rating: 0, email: "nope", status: "approved", summary: "", title: "fine" });
    assert.equal(several.status, 400);
    assert.deepEqual(several.body, {
      rating: ["Ensure this value is greater than or equal to 1."],
      email: ["Enter a valid email address."],
      status: ['"approved" is not a valid choice.'],
      summary: ["This field may not be blank."],
    });
    assert.deepEqual((await server.api("GET", `${LIST}${target.id}/`, ADMIN)).body, target);
  });

  it("400 when entry_id is sent, even with valid fields", async () => {
    const target = byStatus("A");
    const other = DIRECTORY_DEMO.entries.find((e) => e.id !== target.entry.id);
    assert.ok(other);
    for (const body of [{ entry_id: other.id }, { entry_id: target.entry.id, rating: 1 }]) {
      const answer = await patch(target.id, body);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { entry_id: ["This field is immutable."] });
    }
    assert.deepEqual((await server.api("GET", `${LIST}${target.id}/`, ADMIN)).body, target);
  });

  it("approving records the caller in approvedBy and clears declinedBy", async () => {
    const declined = byStatus("D");
    assert.equal(declined.declinedBy?.firstName, "Dana");
    const answer = await patch(declined.id, { status: "A" });
    assert.equal(answer.status, 200);
    const review = answer.body as WireReview;
    assert.equal(review.status, "A");
    assert.equal(review.statusDisplay, "approved");
    assert.deepEqual(review.approvedBy && { firstName: review.approvedBy.firstName, lastName: review.approvedBy.lastName }, DANA);
    assert.deepEqual(Object.keys(review.approvedBy ?? {}), ["id", "firstName", "lastName", "email"]);
    assert.equal(review.approvedBy?.email, "dana@demo.test");
    assert.equal(review.declinedBy, null);
  });

  it("declining records the caller in declinedBy and clears approvedBy", async () => {
    const approved = byStatus("A");
    const review = (await patch(approved.id, { status: "D" })).body as WireReview;
    assert.equal(review.status, "D");
    assert.equal(review.statusDisplay, "declined");
    assert.equal(review.declinedBy?.firstName, "Dana");
    assert.equal(review.approvedBy, null);
  });

  it("P, and the same status again, leave approvedBy and declinedBy untouched", async () => {
    const approved = byStatus("A");
    const pending = (await patch(approved.id, { status: "P" })).body as WireReview;
    assert.equal(pending.status, "P");
    assert.equal(pending.statusDisplay, "pending");
    assert.deepEqual(pending.approvedBy, approved.approvedBy);
    assert.equal(pending.declinedBy, null);

    const declined = byStatus("D");
    const same = (await patch(declined.id, { status: "D", rating: 2 })).body as WireReview;
    assert.deepEqual(same.declinedBy, declined.declinedBy);
    assert.equal(same.approvedBy, null);
  });

  it("the approver is whoever calls (the other directory's admin)", async () => {
    const theirs = ((await server.api("GET", `/reviews/directory/${OTHER}/?status=P`, OTHER_ADMIN)).body as WirePage).results[0];
    assert.ok(theirs);
    const approved = (await server.api("PATCH", `/reviews/directory/${OTHER}/${theirs.id}/`, OTHER_ADMIN, { status: "A" })).body as WireReview;
    assert.equal(approved.approvedBy?.firstName, "Owen");
    assert.equal(approved.approvedBy?.lastName, "Castillo");
    const declined = (await server.api("PATCH", `/reviews/directory/${OTHER}/${theirs.id}`, OTHER_ADMIN, { status: "D" })).body as WireReview;
    assert.equal(declined.declinedBy?.firstName, "Owen");
    assert.equal(declined.approvedBy, null);
  });

  it("400 for malformed JSON", async () => {
    const target = byStatus("A");
    const answer = await call(`${server.apiBase}${LIST}${target.id}/`, {
      method: "PATCH",
      headers: { Authorization: ADMIN, "Content-Type": "application/json" },
      body: '{"rating": ',
    });
    assert.equal(answer.status, 400);
    assert.match((answer.body as { detail: string }).detail, /^JSON parse error/);
  });

  it("DELETE answers 204 without a body, then the review is gone", async () => {
    const target = byStatus("P");
    const answer = await server.api("DELETE", `${LIST}${target.id}/`, ADMIN);
    assert.equal(answer.status, 204);
    assert.equal(answer.text, "");
    assert.equal((await server.api("GET", `${LIST}${target.id}/`, ADMIN)).status, 404);
    assert.equal((await server.api("DELETE", `${LIST}${target.id}`, ADMIN)).status, 404);
    const list = (await server.api("GET", `${LIST}?page_size=200`, ADMIN)).body as WirePage;
    assert.equal(list.count, reviews.length - 1);
  });

  it("control: /reset re-seeds, /ids lists the named ids", async () => {
    const target = byStatus("A");
    await server.api("DELETE", `${LIST}${target.id}/`, ADMIN);
    const reset = await call(`${server.origin}${CONTROL_PREFIX}/reset`, jsonInit("POST", {}));
    assert.equal(reset.status, 200);
    const restored = await server.api("GET", `${LIST}${target.id}/`, ADMIN);
    assert.equal(restored.status, 200);
    assert.deepEqual(restored.body, target);

    const ids = await call(`${server.origin}${CONTROL_PREFIX}/ids`);
    assert.equal(ids.status, 200);
    assert.deepEqual(ids.body, JSON.parse(JSON.stringify(DIRECTORY_DEMO_IDS)));
    assert.ok(!ids.text.includes("-key"), "no API key is listed");
  });
});
