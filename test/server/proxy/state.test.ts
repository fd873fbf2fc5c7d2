/**
 * One behaviour suite, run against both implementations of the proxy's state:
 * in this process's memory, and Redis (a private redis-server started here).
 * Real time with short windows, so both expire by the same clock.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RedisProxyState } from "../../../server/proxy/redis-state.ts";
import { MemoryProxyState, type DoneRecord, type PendingRecord, type ProxyState } from "../../../server/proxy/state.ts";
import type { PublicReview } from "../../../server/proxy/strip.ts";
import { redisSkip, startRedis, type RedisServer } from "../support/redis.ts";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const pending = (token: string, fingerprint = "print"): PendingRecord => ({ state: "pending", fingerprint, token });
const REVIEW: PublicReview = {
  id: "r-1",
  entry: { id: "e-1", title: "Entry" },
  entryType: "partner",
  title: "",
  company: "",
  summary: "Good work.",
  shortSummary: "Good work.",
  firstName: "Ada",
  lastName: "L",
  rating: 5,
  created: "2026-11-29T10:00:00Z",
  status: "P",
  statusDisplay: "pending",
};
const done = (fingerprint = "print"): DoneRecord => ({ state: "done", fingerprint, review: REVIEW });

interface Implementation {
  name: string;
  skip: string | false;
  /** A fresh, empty state. */
  make(): Promise<ProxyState>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

let redis: RedisServer | undefined;
const redisStates: RedisProxyState[] = [];
let prefix = 0;

const IMPLEMENTATIONS: Implementation[] = [
  { name: "memory", skip: false, make: async () => new MemoryProxyState(), setUp: async () => undefined, tearDown: async () => undefined },
  {
    name: "redis",
    skip: redisSkip(),
    async make() {
      assert.ok(redis, "redis-server is running");
      const state = new RedisProxyState({ url: redis.url, keyPrefix: `t${++prefix}:` });
      redisStates.push(state);
      await state.connect();
      return state;
    },
    async setUp() {
      redis = await startRedis();
    },
    async tearDown() {
      for (const state of redisStates) await state.close();
      await redis?.stop();
    },
  },
];

for (const impl of IMPLEMENTATIONS) {
  describe(`proxy state: ${impl.name}`, { skip: impl.skip }, () => {
    before(() => impl.setUp());
    after(() => impl.tearDown());

    it("counts concurrent hits atomically: 50 at once get 1..50", async () => {
      const state = await impl.make();
      const now = Date.now();
      const windows = await Promise.all(Array.from({ length: 50 }, () => state.hit("client", 60_000, now)));
      assert.deepEqual(
        windows.map((w) => w.count).sort((a, b) => a - b),
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      for (const window of windows) assert.ok(window.resetAtMs > now + 59_000 && window.resetAtMs <= now + 60_000, String(window.resetAtMs - now));
      assert.equal((await state.hit("other-client", 60_000, now)).count, 1, "clients are counted apart");
    });

    it("starts a new window once the old one has expired", async () => {
      const state = await impl.make();
      assert.equal((await state.hit("c", 150, Date.now())).count, 1);
      assert.equal((await state.hit("c", 150, Date.now())).count, 2);
      await sleep(250);
      assert.equal((await state.hit("c", 150, Date.now())).count, 1);
    });

    it("lets exactly one of 20 concurrent claims of a key win; the others see its record", async () => {
      const state = await impl.make();
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => state.claim("k", pending(`t${i}`), 10_000, Date.now())));
      const winners = claims.filter((claim) => claim === null);
      assert.equal(winners.length, 1);
      const holder = claims.find((claim) => claim !== null);
      assert.ok(holder && holder.state === "pending");
      for (const claim of claims) if (claim !== null) assert.deepEqual(claim, holder);
      assert.deepEqual(await state.read("k", Date.now()), holder);
    });

    it("completes only its own claim, and then keeps the result", async () => {
      const state = await impl.make();
      const mine = pending("mine");
      assert.equal(await state.claim("k", mine, 10_000, Date.now()), null);
      await state.complete("k", pending("someone-else"), done("other"), 60_000, Date.now());
      assert.deepEqual(await state.read("k", Date.now()), mine, "a stranger cannot complete my claim");
      await state.complete("k", mine, done(), 60_000, Date.now());
      assert.deepEqual(await state.read("k", Date.now()), done());
      assert.deepEqual(await state.claim("k", pending("late"), 10_000, Date.now()), done(), "a done key is not claimable");
    });

    it("releases only its own claim, after which the key is free again", async () => {
      const state = await impl.make();
      const mine = pending("mine");
      await state.claim("k", mine, 10_000, Date.now());
      await state.release("k", pending("someone-else"));
      assert.deepEqual(await state.read("k", Date.now()), mine);
      await state.release("k", mine);
      assert.equal(await state.read("k", Date.now()), null);
      assert.equal(await state.claim("k", pending("next"), 10_000, Date.now()), null);
    });

    it("lets a claim expire, so a crashed holder cannot lock a key forever", async () => {
      const state = await impl.make();
      await state.claim("k", pending("crashed"), 150, Date.now());
      await sleep(250);
      assert.equal(await state.claim("k", pending("next"), 10_000, Date.now()), null);
    });

    it("caches a page until it expires", async () => {
      const state = await impl.make();
      const page = { etag: '"abc"', body: '{"count":0,"results":[]}' };
      assert.equal(await state.cacheGet("p", Date.now()), null);
      await state.cacheSet("p", page, 150, Date.now());
      assert.deepEqual(await state.cacheGet("p", Date.now()), page);
      await sleep(250);
      assert.equal(await state.cacheGet("p", Date.now()), null);
    });
  });
}
