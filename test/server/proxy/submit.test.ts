import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import type { WireReview } from "../directory/fixture.ts";
import { jsonInit } from "../directory/listen.ts";
import { ALLOWED_ORIGIN, DIR, PROXY_KEY, assertNoSecret, call, startStack, type Stack } from "./fixture.ts";

const ADMIN = DIRECTORY_DEMO.keys.admin;
const ENTRY = DIRECTORY_DEMO.entries[1];
assert.ok(ENTRY);

const VALID = {
  entry_id: ENTRY.id,
  title: "Quick and thorough",
  company: "Helios Solar",
  summary: "They connected our billing system to the CRM in two weeks, with tests.",
  first_name: "Jane",
  last_name: "Doe",
  email: "jane.doe@example.com",
  rating: 5,
};

describe("proxy: POST submissions", () => {
  let stack: Stack;
  let client = 0;
  /** Each test posts as its own client, so the rate limit stays out of the way. */
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    call(stack.proxy.reviewsUrl(), jsonInit("POST", body, { "X-Forwarded-For": `198.51.100.${++client}`, ...headers }));

  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  it("creates the review pending upstream, whatever status the body claims", async () => {
    const answer = await post({ ...VALID, status: "A", approved_by: "someone", approvedBy: { id: "x" } });
    assert.equal(answer.status, 201);
    assertNoSecret(answer, PROXY_KEY);
    assert.equal(answer.headers.get("cache-control"), "no-store");
    const created = answer.body as Record<string, unknown> & { id: string };
    assert.deepEqual(Object.keys(created), [
      "id",
      "entry",
      "entryType",
      "title",
      "company",
      "summary",
      "shortSummary",
      "firstName",
      "lastName",
      "rating",
      "created",
      "status",
      "statusDisplay",
    ]);
    assert.equal(created["status"], "P");
    assert.equal(created["lastName"], "D");
    assert.ok(!answer.text.includes("jane.doe@example.com"));

    // The admin sees it, pending, with the full submitted data and no approver.
    const upstream = await stack.directory.api("GET", `/reviews/directory/${DIR}/${created.id}/`, ADMIN);
    assert.equal(upstream.status, 200);
    const review = upstream.body as WireReview;
    assert.equal(review.status, "P");
    assert.equal(review.approvedBy, null);
    assert.equal(review.declinedBy, null);
    assert.equal(review.email, "jane.doe@example.com");
    assert.equal(review.lastName, "Doe");
    assert.equal(review.entry.id, ENTRY.id);
    assert.equal(review.summary, VALID.summary);

    // And it is not public.
    const list = await call(`${stack.proxy.reviewsUrl()}?entry_id=${ENTRY.id}`);
    assert.ok(!list.text.includes(created.id));
  });

  it("answers 400 with field errors for invalid submissions", async () => {
    const required = ["This field is required."];
    const empty = await post({});
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body, { entry_id: required, summary: required, first_name: required, last_name: required, email: required, rating: required });
    assert.equal(empty.headers.get("cache-control"), "no-store");

    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [{ rating: 6 }, { rating: ["Ensure this value is less than or equal to 5."] }],
      [{ rating: 0 }, { rating: ["Ensure this value is greater than or equal to 1."] }],
      [{ rating: "5" }, { rating: ["A valid integer is required."] }],
      [{ rating: 4.5 }, { rating: ["A valid integer is required."] }],
      [{ summary: "Too short" }, { summary: ["Ensure this field has at least 10 characters."] }],
      [{ summary: "x".repeat(2001) }, { summary: ["Ensure this field has no more than 2000 characters."] }],
      [{ first_name: "" }, { first_name: ["This field may not be blank."] }],
      [{ last_name: "x".repeat(61) }, { last_name: ["Ensure this field has no more than 60 characters."] }],
      [{ email: "jane@" }, { email: ["Enter a valid email address."] }],
      [{ title: "t".repeat(121) }, { title: ["Ensure this field has no more than 120 characters."] }],
      [{ company: "c".repeat(121) }, { company: ["Ensure this field has no more than 120 characters."] }],
      [{ entry_id: 42 }, { entry_id: ["Not a valid string."] }],
    ];
    for (const [change, errors] of cases) {
      const answer = await post({ ...VALID, ...change });
      assert.equal(answer.status, 400, JSON.stringify(change).slice(0, 80));
      assert.deepEqual(answer.body, errors);
    }
  });

  it("passes the upstream's field errors through (unknown entry)", async () => {
    const answer = await post({ ...VALID, entry_id: "no-such-entry" });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { entry_id: ['Invalid pk "no-such-entry" - object does not exist.'] });
    assertNoSecret(answer, PROXY_KEY);
  });

  it("answers 415 unless the body is JSON", async () => {
    const variants: Array<Record<string, string>> = [{ "Content-Type": "text/plain" }, { "Content-Type": "application/x-www-form-urlencoded" }, {}];
    for (const headers of variants) {
      const answer = await call(stack.proxy.reviewsUrl(), { method: "POST", headers, body: "entry_id=x" });
      assert.equal(answer.status, 415, JSON.stringify(headers));
      assertNoSecret(answer, PROXY_KEY);
    }
  });

  it("answers 413 for a body over 64 KB, 400 for malformed JSON", async () => {
    const big = await post({ ...VALID, padding: "x".repeat(65 * 1024) });
    assert.equal(big.status, 413);
    // The longest review a person can write: 2,000 characters as people see them, each an emoji family (18 bytes).
    const longest = await post({ ...VALID, summary: "👨‍👩‍👧".repeat(2000) });
    assert.equal(longest.status, 201, JSON.stringify(longest.body));
    const broken = await call(stack.proxy.reviewsUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.200" },
      body: "{",
    });
    assert.equal(broken.status, 400);
    const array = await call(stack.proxy.reviewsUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.201" },
      body: "[]",
    });
    assert.equal(array.status, 400);
  });

  it("sends CORS headers on errors for a configured origin, so the page can read them", async () => {
    const answer = await post({ ...VALID, rating: 9 }, { Origin: ALLOWED_ORIGIN });
    assert.equal(answer.status, 400);
    assert.equal(answer.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
  });
});

describe("proxy: submission rate limit", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  // The load balancer appends the real address; whatever a client wrote stays on the left.
  const postAs = (address: string, clientWrote = "10.0.0.1") =>
    call(stack.proxy.reviewsUrl(), jsonInit("POST", VALID, { "X-Forwarded-For": `${clientWrote}, ${address}` }));

  it("cannot be escaped by writing a different X-Forwarded-For", async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await postAs("203.0.113.50", `198.51.100.${i}`)).status, 201, `POST ${i}`);
    assert.equal((await postAs("203.0.113.50", "198.51.100.99")).status, 429);
  });

  it("allows 5 POSTs per client in 10 minutes; the 6th gets 429 with Retry-After; the window then resets", async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await postAs("203.0.113.7")).status, 201, `POST ${i}`);
    const limited = await postAs("203.0.113.7");
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 590 && retryAfter <= 600, `Retry-After ${retryAfter}`);
    assert.equal(limited.headers.get("cache-control"), "no-store");
    assertNoSecret(limited, PROXY_KEY);

    // Another client is not affected.
    assert.equal((await postAs("203.0.113.8")).status, 201);

    // Later in the window: still limited, with less time to wait.
    stack.clock.advance(4 * 60 * 1000);
    const still = await postAs("203.0.113.7");
    assert.equal(still.status, 429);
    const later = Number(still.headers.get("retry-after"));
    assert.ok(later > 350 && later <= 360, `Retry-After ${later}`);

    // After the window: allowed again.
    stack.clock.advance(6 * 60 * 1000);
    assert.equal((await postAs("203.0.113.7")).status, 201);
  });

  it("uses the configured limit", async () => {
    const strict = await startStack({ rateLimit: { max: 1, windowMs: 1000 } });
    try {
      const send = () => call(strict.proxy.reviewsUrl(), jsonInit("POST", VALID));
      assert.equal((await send()).status, 201);
      const limited = await send();
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get("retry-after"), "1");
      strict.clock.advance(1000);
      assert.equal((await send()).status, 201);
    } finally {
      await strict.close();
    }
  });
});

describe("proxy: rate limit when exposed directly (no trusted proxy in front)", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ trustedHops: 0 });
  });
  after(() => stack.close());

  it("ignores X-Forwarded-For entirely: rotating it does not reset the limit", async () => {
    for (let i = 1; i <= 5; i++) {
      const response = await call(stack.proxy.reviewsUrl(), jsonInit("POST", VALID, { "X-Forwarded-For": `198.51.100.${i}` }));
      assert.equal(response.status, 201, `POST ${i}`);
    }
    const sixth = await call(stack.proxy.reviewsUrl(), jsonInit("POST", VALID, { "X-Forwarded-For": "198.51.100.77" }));
    assert.equal(sixth.status, 429);
  });
});
