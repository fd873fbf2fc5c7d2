import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Clock } from "../../../server/clock.ts";
import { matchesIfNoneMatch, strongEtag } from "../../../server/proxy/cache.ts";
import { normalizeOrigins } from "../../../server/proxy/cors.ts";
import { MemoryRateLimitStore, createRateLimiter, type RateLimitStore } from "../../../server/proxy/rate-limit.ts";
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
    assert.ok(matchesIfNoneMatch(`W/${a}`, a));
    assert.ok(matchesIfNoneMatch("*", a));
    assert.ok(!matchesIfNoneMatch(undefined, a));
  });

  it("allowed origins must be real origins", () => {
    assert.deepEqual([...normalizeOrigins(["https://shop.example/", "http://localhost:5173"])], ["https://shop.example", "http://localhost:5173"]);
    assert.throws(() => normalizeOrigins(["*"]), TypeError);
    assert.throws(() => normalizeOrigins(["file:///tmp/x"]), TypeError);
  });

  it("the in-memory rate-limit store forgets expired windows", async () => {
    const store = new MemoryRateLimitStore();
    await store.hit("a", 1000, 0);
    await store.hit("b", 1000, 500);
    assert.equal(store.size, 2);
    await store.hit("c", 1000, 1200);
    assert.equal(store.size, 2, "a expired and was swept");
  });

  it("the rate limiter works over any RateLimitStore", async () => {
    const calls: string[] = [];
    const shared: RateLimitStore = {
      async hit(key, windowMs, nowMs) {
        calls.push(key);
        return { count: calls.filter((k) => k === key).length, resetAtMs: nowMs + windowMs };
      },
    };
    const limit = createRateLimiter({ max: 2, windowMs: 60_000, clock: new Clock(), store: shared });
    assert.deepEqual(await limit("x"), { allowed: true });
    assert.deepEqual(await limit("x"), { allowed: true });
    assert.deepEqual(await limit("x"), { allowed: false, retryAfterSeconds: 60 });
    assert.deepEqual(calls, ["x", "x", "x"]);
  });
});
