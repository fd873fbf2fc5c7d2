import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../../server/directory/index.ts";
import { IDEMPOTENCY_TTL_MS } from "../../../server/proxy/idempotency.ts";
import type { WireReview } from "../directory/fixture.ts";
import { jsonInit } from "../directory/listen.ts";
import { ALLOWED_ORIGIN, DIR, call, startStack, type Stack } from "./fixture.ts";

const ADMIN = DIRECTORY_DEMO.keys.admin;
const ENTRY = DIRECTORY_DEMO.entries[2];
assert.ok(ENTRY);

let unique = 0;
/** A valid submission whose summary no other test uses, so its copies upstream can be counted. */
function submission() {
  unique += 1;
  return {
    entry_id: ENTRY!.id,
    summary: `Idempotency check number ${unique}: one review however often it is sent.`,
    first_name: "Ada",
    last_name: "Lovelace",
    email: "ada@example.com",
    rating: 4,
  };
}

describe("proxy: Idempotency-Key on submissions", () => {
  let stack: Stack;
  let client = 0;
  const post = (body: unknown, key?: string, address = `198.51.100.${++client}`) =>
    call(stack.proxy.reviewsUrl(), jsonInit("POST", body, { "X-Forwarded-For": address, ...(key ? { "Idempotency-Key": key } : {}) }));
  /** How many reviews upstream carry this summary (the directory owner's view). */
  const copiesUpstream = async (summary: string) => {
    const page = await stack.directory.api("GET", `/reviews/directory/${DIR}/?page_size=1000&entry_id=${ENTRY!.id}`, ADMIN);
    assert.equal(page.status, 200);
    const body = page.body as { results: WireReview[] } | WireReview[];
    return (Array.isArray(body) ? body : body.results).filter((review) => review.summary === summary).length;
  };

  before(async () => {
    stack = await startStack({ rateLimit: { max: 3, windowMs: 60_000 } });
  });
  after(() => stack.close());

  it("answers a repeat with the first answer and creates one review", async () => {
    const body = submission();
    const key = "d2c7e1f0-3b7a-4a55-9f0e-5a1b2c3d4e5f";
    const first = await post(body, key);
    assert.equal(first.status, 201);
    assert.equal(first.headers.get("idempotent-replayed"), null);
    const again = await post({ ...body }, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.equal(again.headers.get("cache-control"), "no-store");
    assert.deepEqual(again.body, first.body);
    assert.equal(await copiesUpstream(body.summary), 1);
  });

  it("treats the same fields in another order, with ignored extras, as the same submission", async () => {
    const body = submission();
    const key = "order-does-not-matter-0001";
    assert.equal((await post(body, key)).status, 201);
    const reordered = Object.fromEntries(Object.entries({ ...body, status: "A" }).reverse());
    const again = await post(reordered, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.equal(await copiesUpstream(body.summary), 1);
  });

  it("creates one review when two copies arrive at once (a browser re-sending a POST)", async () => {
    const body = submission();
    const key = "concurrent-copies-000000001";
    const [a, b] = await Promise.all([post(body, key), post(body, key)]);
    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.deepEqual(a.body, b.body);
    assert.deepEqual([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort(), ["true", null].sort());
    assert.equal(await copiesUpstream(body.summary), 1);
  });

  it("refuses a key reused for different content with 422, creating nothing", async () => {
    const body = submission();
    const key = "reused-for-other-text-0001";
    assert.equal((await post(body, key)).status, 201);
    const changed = { ...body, summary: `${body.summary} Edited afterwards.` };
    const reused = await post(changed, key);
    assert.equal(reused.status, 422);
    assert.deepEqual(reused.body, { detail: "This Idempotency-Key was already used for a different submission." });
    assert.equal(await copiesUpstream(changed.summary), 0);
  });

  it("remembers only created reviews: a refused attempt can be corrected and sent with the same key", async () => {
    const body = submission();
    const key = "refused-then-corrected-0001";
    const refused = await post({ ...body, entry_id: "no-such-entry" }, key);
    assert.equal(refused.status, 400);
    const corrected = await post(body, key);
    assert.equal(corrected.status, 201);
    assert.equal(corrected.headers.get("idempotent-replayed"), null);
    assert.equal(await copiesUpstream(body.summary), 1);
  });

  it("rejects a malformed key with 400 before anything is created", async () => {
    const body = submission();
    for (const key of ["short", "has spaces in it, too many", "ü".repeat(20), "x".repeat(101)]) {
      const answer = await post(body, key);
      assert.equal(answer.status, 400, key);
      assert.deepEqual(answer.body, { detail: "Idempotency-Key must be 16 to 100 letters, digits, - or _." });
    }
    assert.equal(await copiesUpstream(body.summary), 0);
  });

  it("does not count a repeat against the rate limit", async () => {
    const address = "203.0.113.90";
    const body = submission();
    const key = "rate-limit-free-repeat-001";
    assert.equal((await post(body, key, address)).status, 201);
    for (let i = 0; i < 5; i++) assert.equal((await post(body, key, address)).status, 201, `repeat ${i + 1}`);
    assert.equal((await post(submission(), undefined, address)).status, 201);
    assert.equal((await post(submission(), undefined, address)).status, 201);
    assert.equal((await post(submission(), undefined, address)).status, 429);
  });

  it("forgets a key after a day: the same key then creates a new review", async () => {
    const body = submission();
    const key = "forgotten-after-a-day-0001";
    const first = await post(body, key);
    stack.clock.advance(IDEMPOTENCY_TTL_MS + 1000);
    const later = await post(body, key);
    assert.equal(later.status, 201);
    assert.equal(later.headers.get("idempotent-replayed"), null);
    assert.notEqual((later.body as { id: string }).id, (first.body as { id: string }).id);
    assert.equal(await copiesUpstream(body.summary), 2);
  });

  it("lets a configured origin send the header (preflight)", async () => {
    const preflight = await call(stack.proxy.reviewsUrl(), {
      method: "OPTIONS",
      headers: { Origin: ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, idempotency-key" },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /Idempotency-Key/);
  });
});
