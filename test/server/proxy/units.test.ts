import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Clock } from "../../../server/clock.ts";
import { Hono } from "hono";
import { strongEtag } from "../../../server/proxy/cache.ts";
import { revalidatePublic } from "../../../server/shared/revalidate.ts";
import { normalizeOrigins } from "../../../server/proxy/cors.ts";
import { createRateLimiter } from "../../../server/proxy/rate-limit.ts";
import { MemoryProxyState, type ProxyState } from "../../../server/proxy/state.ts";
import { initial, toPublicReview } from "../../../server/proxy/strip.ts";

describe("proxy units", () => {
  it("initial() keeps the first letter only, whole code points", () => {
    assert.equal(initial("Doe"), "D");
    assert.equal(initial("  Øvergaard"), "Ø");
    assert.equal(initial("𝒜bc"), "𝒜");
    assert.equal(initial(""), "");
  });

  it("toPublicReview() rejects malformed reviews", () => {
    assert.equal(toPublicReview(null), null);
    assert.equal(toPublicReview([]), null);
    assert.equal(toPublicReview({ id: "x", status: "A" }), null);
  });

  it("ETags are strong, stable and body-specific; If-None-Match compares weakly", async () => {
    const a = await strongEtag('{"a":1}');
    assert.equal(a, await strongEtag('{"a":1}'));
    assert.notEqual(a, await strongEtag('{"a":2}'));
    assert.ok(!a.startsWith("W/"));
    const app = new Hono().use("*", revalidatePublic()).get("/", (c) => c.json({ a: 1 }, 200, { ETag: a, "Cache-Control": "public, max-age=0" }));
    const status = async (headers: Record<string, string>) => (await app.request("/", { headers })).status;
    assert.equal(await status({ "If-None-Match": `W/${a}` }), 304);
    assert.equal(await status({ "If-None-Match": "*" }), 304);
    assert.equal(await status({ "If-None-Match": '"other"' }), 200);
    assert.equal(await status({}), 200);
    // A read with credentials is private: never answered from the client's copy.
    assert.equal(await status({ "If-None-Match": a, Authorization: "key" }), 200);
  });

  it("allowed origins must be real origins", () => {
    assert.deepEqual([...normalizeOrigins(["https://shop.example/", "http://localhost:5173"])], ["https://shop.example", "http://localhost:5173"]);
    assert.throws(() => normalizeOrigins(["*"]), TypeError);
    assert.throws(() => normalizeOrigins(["file:///tmp/x"]), TypeError);
  });

  it("the in-memory state stays bounded: past its limits the oldest entries go first", async () => {
    const state = new MemoryProxyState({ rateLimitKeys: 3, idempotencyKeys: 2, cacheBytes: 100 });
    for (const key of ["a", "b", "c", "d"]) await state.hit(key, 1000, 0);
    assert.equal(state.sizes.rateLimitKeys, 3);
    assert.equal((await state.hit("a", 1000, 1)).count, 1, "a was dropped, so it starts again");
    for (const key of ["k1", "k2", "k3"]) await state.claim(key, { state: "pending", fingerprint: "f", token: key }, 1000, 0);
    assert.equal(state.sizes.idempotencyKeys, 2);
    for (const key of ["p1", "p2", "p3"]) await state.cacheSet(key, { etag: '"e"', body: "x".repeat(40) }, 1000, 0);
    assert.equal(state.sizes.cachedPages, 2, "100 bytes hold two pages of 43");
    await state.cacheSet("huge", { etag: '"e"', body: "x".repeat(200) }, 1000, 0);
    assert.equal(await state.cacheGet("huge", 0), null, "an entry over the whole budget is not kept");
  });

  it("the in-memory state forgets expired windows", async () => {
    const state = new MemoryProxyState({ rateLimitKeys: 2 });
    await state.hit("a", 1000, 0);
    await state.hit("b", 1000, 500);
    await state.hit("c", 1000, 1200);
    assert.equal(state.sizes.rateLimitKeys, 2, "a expired and was swept");
    assert.equal((await state.hit("b", 1000, 1300)).count, 2, "b, still in its window, was kept");
  });

  it("the rate limiter works over any RateLimitStore", async () => {
    const calls: string[] = [];
    const shared: Pick<ProxyState, "hit"> = {
      async hit(key: string, windowMs: number, nowMs: number) {
        calls.push(key);
        return { count: calls.filter((k) => k === key).length, resetAtMs: nowMs + windowMs };
      },
    };
    const limit = createRateLimiter({ max: 2, windowMs: 60_000, clock: new Clock(), store: shared, name: "post" });
    assert.deepEqual(await limit("x"), { allowed: true });
    assert.deepEqual(await limit("x"), { allowed: true });
    assert.deepEqual(await limit("x"), { allowed: false, retryAfterSeconds: 60 });
    assert.deepEqual(calls, ["post:x", "post:x", "post:x"]);
  });
});
