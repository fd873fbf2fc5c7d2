import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { jsonInit } from "../directory/listen.ts";
import { DIR, assertNoSecret, call, closedPort, sendJson, startFault, startProxy, type FaultServer, type ProxyServer } from "./fixture.ts";

const SECRET = "s3cret-upstream-key-for-failure-tests";
const UNAVAILABLE = { detail: "The review service is unavailable. Please try again later." };
const TIMEOUT_MS = 300;
const SUBMISSION = {
  entry_id: "entry-1",
  summary: "A perfectly valid submission text.",
  first_name: "Jane",
  last_name: "Doe",
  email: "jane@example.com",
  rating: 4,
};

/** Upstream behaviour by first path segment, e.g. `${origin}/error500`. */
function misbehave(mode: string, request: { authorization: string | undefined }, res: import("node:http").ServerResponse): void {
  const key = request.authorization ?? "";
  switch (mode) {
    case "hang":
      return; // never answers
    case "error500":
      sendJson(res, 500, { detail: `Internal error while checking key ${key}`, trace: key });
      return;
    case "html":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<html><body>Maintenance. key=${key}</body></html>`);
      return;
    case "badjson":
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(`{"results": [ {"id": "${key}"`);
      return;
    case "unauthorized":
      sendJson(res, 401, { detail: "Invalid API key.", key });
      return;
    case "forbidden":
      sendJson(res, 403, { detail: "You do not have permission to perform this action." });
      return;
    case "echo400":
      sendJson(res, 400, { email: [`Key ${key} may not submit.`] });
      return;
    case "weird400":
      sendJson(res, 400, { summary: ["Looks like spam."], internal_field: ["leak"], rating: [42, { nested: true }], detail: "x" });
      return;
    case "empty400":
      sendJson(res, 400, { detail: "JSON parse error" });
      return;
    default:
      sendJson(res, 404, { detail: "Not found." });
  }
}

describe("proxy: upstream failures", () => {
  let fault: FaultServer;
  const proxies: ProxyServer[] = [];
  const proxyFor = async (mode: string) => {
    const proxy = await startProxy({ upstreamBase: `${fault.origin}/${mode}`, apiKey: SECRET, timeoutMs: TIMEOUT_MS });
    proxies.push(proxy);
    return proxy;
  };
  const get = (proxy: ProxyServer) => call(`${proxy.reviewsUrl()}?entry_id=entry-1`);
  const post = (proxy: ProxyServer) => call(proxy.reviewsUrl(), jsonInit("POST", SUBMISSION));

  before(async () => {
    fault = await startFault((request, res) => {
      const mode = new URL(request.url, "http://x").pathname.split("/")[1] ?? "";
      misbehave(mode, request, res);
    });
  });
  after(async () => {
    for (const proxy of proxies) await proxy.close();
    await fault.close();
  });

  it("502 quickly when the upstream refuses connections", async () => {
    const port = await closedPort();
    // A deadline far beyond what a refusal takes, even on a loaded machine: answering before it proves no wait.
    const proxy = await startProxy({ upstreamBase: `http://127.0.0.1:${port}/api`, apiKey: SECRET, timeoutMs: 30_000 });
    proxies.push(proxy);
    for (const send of [get, post]) {
      const started = performance.now();
      const answer = await send(proxy);
      const elapsed = performance.now() - started;
      assert.equal(answer.status, 502);
      assert.deepEqual(answer.body, UNAVAILABLE);
      assert.equal(answer.headers.get("cache-control"), "no-store");
      assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
      assertNoSecret(answer, SECRET);
    }
  });

  it("502 when the upstream host does not resolve", async () => {
    const proxy = await startProxy({ upstreamBase: "http://review-upstream.invalid/api", apiKey: SECRET, timeoutMs: 2000 });
    proxies.push(proxy);
    const answer = await get(proxy);
    assert.ok(answer.status === 502 || answer.status === 504, `got ${answer.status}`);
    assertNoSecret(answer, SECRET);
  });

  it("504 within the timeout when the upstream hangs (GET and POST)", async () => {
    const proxy = await proxyFor("hang");
    for (const send of [get, post]) {
      const started = performance.now();
      const answer = await send(proxy);
      const elapsed = performance.now() - started;
      assert.equal(answer.status, 504);
      assert.deepEqual(answer.body, { detail: "The review service did not answer in time. Please try again later." });
      // Not before the deadline, and an answer rather than the hang (a loaded machine may take seconds more).
      assert.ok(elapsed >= TIMEOUT_MS - 20 && elapsed < TIMEOUT_MS + 5000, `took ${elapsed} ms`);
      assert.equal(answer.headers.get("cache-control"), "no-store");
      assertNoSecret(answer, SECRET);
    }
  });

  it("504 even when an injected fetch ignores the abort signal", async () => {
    const proxy = await startProxy({
      upstreamBase: "http://in-process/api",
      apiKey: SECRET,
      timeoutMs: TIMEOUT_MS,
      fetch: () => new Promise<Response>(() => undefined),
    });
    proxies.push(proxy);
    const started = performance.now();
    const answer = await get(proxy);
    assert.equal(answer.status, 504);
    assert.ok(performance.now() - started < TIMEOUT_MS + 5000);
  });

  it("502 for upstream 5xx, HTML, malformed JSON, 401 and 403 — never revealing the key", async () => {
    for (const mode of ["error500", "html", "badjson", "unauthorized", "forbidden"]) {
      const proxy = await proxyFor(mode);
      for (const send of [get, post]) {
        const answer = await send(proxy);
        assert.equal(answer.status, 502, mode);
        assert.deepEqual(answer.body, UNAVAILABLE, mode);
        assert.equal(answer.headers.get("cache-control"), "no-store");
        assertNoSecret(answer, SECRET);
      }
    }
  });

  it("502 when an injected fetch throws, even with the key in the error", async () => {
    const proxy = await startProxy({
      upstreamBase: "http://in-process/api",
      apiKey: SECRET,
      fetch: (request) => Promise.reject(new Error(`boom ${request.headers.get("authorization") ?? ""}`)),
    });
    proxies.push(proxy);
    const answer = await get(proxy);
    assert.equal(answer.status, 502);
    assertNoSecret(answer, SECRET);
  });

  it("passes upstream 400 field errors through only for known fields with string messages", async () => {
    const weird = await post(await proxyFor("weird400"));
    assert.equal(weird.status, 400);
    assert.deepEqual(weird.body, { summary: ["Looks like spam."] });

    const empty = await post(await proxyFor("empty400"));
    assert.equal(empty.status, 502);
    assert.deepEqual(empty.body, UNAVAILABLE);
  });

  it("never lets the key out, even inside an upstream field error", async () => {
    const answer = await post(await proxyFor("echo400"));
    assert.equal(answer.status, 502);
    assert.deepEqual(answer.body, UNAVAILABLE);
    assertNoSecret(answer, SECRET);
  });

  it("sends the key to the upstream, and only in Authorization", async () => {
    const proxy = await proxyFor("forbidden");
    const before = fault.requests.length;
    await get(proxy);
    const request = fault.requests[before];
    assert.ok(request);
    assert.equal(request.authorization, SECRET);
    assert.ok(!request.url.includes(SECRET));
    assert.equal(new URL(request.url, "http://x").pathname, `/forbidden/reviews/directory/${DIR}/`);
  });

  it("answers unknown paths and methods without touching the upstream", async () => {
    const proxy = await proxyFor("forbidden");
    const before = fault.requests.length;
    const missing = await call(`${proxy.origin}/nothing-here`);
    assert.equal(missing.status, 404);
    const put = await call(proxy.reviewsUrl(), { method: "PUT" });
    assert.equal(put.status, 405);
    const badDirectory = await call(`${proxy.origin}/directories/${encodeURIComponent("a/../b")}/reviews?entry_id=x`);
    assert.equal(badDirectory.status, 404);
    assert.equal(fault.requests.length, before);
  });
});
