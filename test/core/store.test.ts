import { expect } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { HttpClient } from "../../src/api/http.js";
import { MindbricksSource } from "../../src/api/mindbricks/source.js";
import { ReviewStore } from "../../src/core/store.js";
import { faultScript } from "../support/browser/backend.js";
import { envelope, wireAggregate, wireReview } from "../support/wire.js";

const http = new HttpClient({ maxRetries: 0 });

async function reviewsServer(delayMs = 0) {
  const server = await faultScript({ delayMs, json: envelope("reviews", [wireReview({ revieweeId: "listing-1" })]) });
  return { server, source: new MindbricksSource(server.base, http) };
}

describe("ReviewStore", () => {
  it("shares one request between identical callers", async () => {
    const { server, source } = await reviewsServer(50);
    const store = new ReviewStore();
    const [a, b] = await Promise.all([store.reviews(source, "k", { revieweeId: "listing-1" }), store.reviews(source, "k", { revieweeId: "listing-1" })]);
    expect(a).to.equal(b);
    expect((await server.log()).length).to.equal(1);
  });

  it("reuses a result for the TTL and asks again after it", async () => {
    const { server, source } = await reviewsServer();
    let now = 1_000;
    const store = new ReviewStore({ ttlMs: 30_000, now: () => now });
    await store.reviews(source, "k", { revieweeId: "listing-1" });
    now += 29_000;
    await store.reviews(source, "k", { revieweeId: "listing-1" });
    expect((await server.log()).length).to.equal(1);
    now += 2_000;
    await store.reviews(source, "k", { revieweeId: "listing-1" });
    expect((await server.log()).length).to.equal(2);
  });

  it("forgets results after a write, when invalidated", async () => {
    const { server, source } = await reviewsServer();
    const store = new ReviewStore();
    await store.reviews(source, "k", { revieweeId: "listing-1" });
    store.invalidate();
    await store.reviews(source, "k", { revieweeId: "listing-1" });
    expect((await server.log()).length).to.equal(2);
  });

  it("does not cache a failure: the next caller tries again", async () => {
    const server = await faultScript({ status: 500 }, { json: envelope("reviews", []) });
    const source = new MindbricksSource(server.base, http);
    const store = new ReviewStore();
    let failed = false;
    await store.reviews(source, "k", { revieweeId: "listing-1" }).catch(() => (failed = true));
    expect(failed).to.equal(true);
    const page = await store.reviews(source, "k", { revieweeId: "listing-1" });
    expect(page.items).to.deep.equal([]);
  });

  it("keeps viewers apart: a signed-in viewer's list is not shared with another", async () => {
    const { server, source } = await reviewsServer();
    const store = new ReviewStore();
    await Promise.all([
      store.reviews(source, "k", { revieweeId: "listing-1" }, { token: "token-a" }),
      store.reviews(source, "k", { revieweeId: "listing-1" }, { token: "token-b" }),
      store.reviews(source, "k", { revieweeId: "listing-1" }),
    ]);
    const log = await server.log();
    expect(log.map((entry) => entry.authorization).sort()).to.deep.equal(["Bearer token-a", "Bearer token-b", null].sort());
  });

  it("batches the aggregate lookups of one task into one request with repeated revieweeId", async () => {
    const server = await faultScript({
      json: envelope("reviewAggregates", [
        wireAggregate({ revieweeId: "a", averageRating: 4.5, reviewCount: 10 }),
        wireAggregate({ revieweeId: "b", visibilityStatus: "hidden", averageRating: 1, reviewCount: 2 }),
      ]),
    });
    const source = new MindbricksSource(server.base, http);
    const store = new ReviewStore();
    const [a, b, c] = await Promise.all(["a", "b", "c"].map((revieweeId) => store.aggregate(source, "k", { revieweeId, revieweeType: "listing" })));
    const log = await server.log();
    expect(log.length).to.equal(1);
    const params = new URL(log[0]!.url, location.origin).searchParams;
    expect(params.getAll("revieweeId")).to.deep.equal(["a", "b", "c"]);
    expect(params.getAll("revieweeType")).to.deep.equal(["listing"]);
    expect(a).to.deep.equal({ revieweeId: "a", revieweeType: "listing", visible: true, average: 4.5, count: 10 });
    expect(b).to.deep.equal({ revieweeId: "b", revieweeType: "listing", visible: false });
    expect(c).to.equal(null);
  });

  it("sends aggregate lookups without credentials: they are public and shared", async () => {
    const server = await faultScript({ json: envelope("reviewAggregates", []) });
    await new ReviewStore().aggregate(new MindbricksSource(server.base, http), "k", { revieweeId: "a" });
    expect((await server.log())[0]!.authorization).to.equal(null);
  });

  it("does not cancel a shared request when only one of its callers aborts", async () => {
    const { server, source } = await reviewsServer(200);
    const store = new ReviewStore();
    const leaving = new AbortController();
    const first = store.reviews(source, "k", { revieweeId: "listing-1" }, { signal: leaving.signal });
    const second = store.reviews(source, "k", { revieweeId: "listing-1" }, { signal: new AbortController().signal });
    leaving.abort();
    let firstAborted = false;
    await first.catch(() => (firstAborted = true));
    expect(firstAborted).to.equal(true);
    expect((await second).items).to.have.length(1);
    expect((await server.log()).length).to.equal(1);
  });

  it("cancels the request when every caller has aborted, and starts afresh for the next", async () => {
    const { server, source } = await reviewsServer(300);
    const store = new ReviewStore();
    const controllers = [new AbortController(), new AbortController()];
    const calls = controllers.map((c) => store.reviews(source, "k", { revieweeId: "listing-1" }, { signal: c.signal }).catch((e: unknown) => e));
    // Once the request has reached the server (it answers after 300 ms), everyone leaves.
    await waitUntil(async () => (await server.log()).length === 1, "the request did not reach the server");
    controllers.forEach((c) => c.abort());
    const outcomes = await Promise.all(calls);
    expect(outcomes.every((o) => o instanceof DOMException && o.name === "AbortError")).to.equal(true);
    await store.reviews(source, "k", { revieweeId: "listing-1" });
    expect((await server.log()).length).to.equal(2);
  });

  it("splits a batch above the page-size ceiling", async () => {
    const server = await faultScript({ json: envelope("reviewAggregates", []) });
    const source = new MindbricksSource(server.base, http);
    const store = new ReviewStore();
    await Promise.all(Array.from({ length: 150 }, (_, i) => store.aggregate(source, "k", { revieweeId: `id-${i}` })));
    const log = await server.log();
    expect(log.map((entry) => new URL(entry.url, location.origin).searchParams.getAll("revieweeId").length)).to.deep.equal([100, 50]);
  });
});
