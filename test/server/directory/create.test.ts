import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { call } from "./listen.ts";
import { SEED_REVIEW_KEYS, startDirectory, type DirectoryServer, type WirePage, type WireReview } from "./fixture.ts";

const DIR = DIRECTORY_DEMO.directoryId;
const { admin: ADMIN, proxy: PROXY } = DIRECTORY_DEMO.keys;
const LIST = `/reviews/directory/${DIR}/`;
const ENTRY = DIRECTORY_DEMO.entries[3];
assert.ok(ENTRY);

const VALID = {
  entry_id: ENTRY.id,
  title: "Clear, steady delivery",
  company: "Globex Logistics",
  summary: "They migrated our partner portal in four weeks and trained our staff well.",
  first_name: "Jane",
  last_name: "Doe",
  email: "jane.doe@example.com",
  rating: 4,
};

describe("directory API: create", () => {
  let server: DirectoryServer;
  before(async () => {
    server = await startDirectory();
  });
  after(() => server.close());

  it("201 with the new review, pending by default, listed first", async () => {
    const before = Date.now();
    const answer = await server.api("POST", LIST, PROXY, VALID);
    assert.equal(answer.status, 201);
    const review = answer.body as WireReview;
    assert.deepEqual(Object.keys(review), SEED_REVIEW_KEYS);
    assert.match(review.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(
      { ...review, id: "", created: "" },
      {
        id: "",
        entry: { id: ENTRY.id, owner: review.entry.owner, title: ENTRY.title },
        entryType: "partner",
        title: VALID.title,
        company: VALID.company,
        summary: VALID.summary,
        shortSummary: VALID.summary,
        firstName: "Jane",
        lastName: "Doe",
        email: "jane.doe@example.com",
        rating: 4,
        created: "",
        status: "P",
        statusDisplay: "pending",
        approvedBy: null,
        declinedBy: null,
      },
    );
    assert.ok(Math.abs(Date.parse(review.created) - before) < 5000);

    const list = (await server.api("GET", `${LIST}?entry_id=${ENTRY.id}`, ADMIN)).body as WirePage;
    assert.equal(list.results[0]?.id, review.id);
    const detail = await server.api("GET", `${LIST}${review.id}`, ADMIN);
    assert.deepEqual(detail.body, review);
  });

  it("uses the clock for created", async () => {
    server.clock.advance(3 * 86_400_000);
    const review = (await server.api("POST", LIST, ADMIN, VALID)).body as WireReview;
    const expected = Date.now() + server.clock.offsetMs;
    assert.ok(Math.abs(Date.parse(review.created) - expected) < 5000, review.created);
  });

  it("title and company are optional; an explicit status is honoured with bookkeeping", async () => {
    const { title: _t, company: _c, ...minimal } = VALID;
    const answer = await server.api("POST", LIST, ADMIN, { ...minimal, status: "A" });
    assert.equal(answer.status, 201);
    const review = answer.body as WireReview;
    assert.equal(review.title, "");
    assert.equal(review.company, "");
    assert.equal(review.status, "A");
    assert.equal(review.approvedBy?.firstName, "Dana");
    assert.equal(review.declinedBy, null);
  });

  it("400 with one message per missing required field", async () => {
    const answer = await server.api("POST", LIST, ADMIN, { title: "only a title" });
    assert.equal(answer.status, 400);
    const required = ["This field is required."];
    assert.deepEqual(answer.body, {
      entry_id: required,
      summary: required,
      first_name: required,
      last_name: required,
      email: required,
      rating: required,
    });
  });

  it("400 for invalid values", async () => {
    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [{ rating: 6 }, { rating: ["Ensure this value is less than or equal to 5."] }],
      [{ rating: 0 }, { rating: ["Ensure this value is greater than or equal to 1."] }],
      [{ rating: 4.5 }, { rating: ["A valid integer is required."] }],
      [{ email: "not-an-email" }, { email: ["Enter a valid email address."] }],
      [{ summary: "   " }, { summary: ["This field may not be blank."] }],
      [{ first_name: null }, { first_name: ["This field may not be null."] }],
      [{ status: "X" }, { status: ['"X" is not a valid choice.'] }],
      [{ entry_id: "no-such-entry" }, { entry_id: ['Invalid pk "no-such-entry" - object does not exist.'] }],
      [{ entry_id: 7 }, { entry_id: ["Incorrect type. Expected pk value, received int."] }],
      [{ title: "x".repeat(256) }, { title: ["Ensure this field has no more than 255 characters."] }],
    ];
    for (const [change, errors] of cases) {
      const answer = await server.api("POST", LIST, ADMIN, { ...VALID, ...change });
      assert.equal(answer.status, 400, JSON.stringify(change));
      assert.deepEqual(answer.body, errors);
    }
  });

  it("400 for an entry of another directory", async () => {
    const theirs = (await server.api("GET", `/reviews/directory/${DIRECTORY_DEMO.otherDirectoryId}/`, DIRECTORY_DEMO.otherAdminKey)).body as WirePage;
    const foreignEntry = theirs.results[0]?.entry.id;
    assert.ok(foreignEntry);
    const answer = await server.api("POST", LIST, ADMIN, { ...VALID, entry_id: foreignEntry });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { entry_id: [`Invalid pk "${foreignEntry}" - object does not exist.`] });
  });

  it("400 for malformed JSON or a non-object, 415 for another media type", async () => {
    const url = server.apiBase + LIST;
    const broken = await call(url, { method: "POST", headers: { Authorization: ADMIN, "Content-Type": "application/json" }, body: "{nope" });
    assert.equal(broken.status, 400);
    assert.match((broken.body as { detail: string }).detail, /^JSON parse error/);

    const list = await server.api("POST", LIST, ADMIN, [VALID]);
    assert.equal(list.status, 400);
    assert.deepEqual(list.body, { non_field_errors: ["Invalid data. Expected a dictionary, but got list."] });

    const text = await call(url, { method: "POST", headers: { Authorization: ADMIN, "Content-Type": "text/plain" }, body: "hi" });
    assert.equal(text.status, 415);
  });

  it("trims text and accepts the path without the trailing slash", async () => {
    const answer = await server.api("POST", `/reviews/directory/${DIR}`, ADMIN, { ...VALID, first_name: "  Ana  " });
    assert.equal(answer.status, 201);
    assert.equal((answer.body as WireReview).firstName, "Ana");
  });
});
