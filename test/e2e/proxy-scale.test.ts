import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { Clock } from "../../server/clock.ts";
import { DIRECTORY_DEMO, createDirectory } from "../../server/directory/index.ts";
import { API_PREFIX, type WireReview } from "../server/directory/fixture.ts";
import { call, jsonInit, listen, type Running } from "../server/directory/listen.ts";
import { redisSkip, startRedis, type RedisServer } from "../server/support/redis.ts";

/**
 * Scale past one machine: two real proxy processes (server/proxy/main.ts),
 * one reference directory API, one Redis. The submission limit, the read
 * limit and Idempotency-Keys must hold across both, as if one proxy served
 * everything. The directory API takes 500 ms to create a review, so
 * concurrent copies really overlap.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIR = DIRECTORY_DEMO.directoryId;
const ADMIN = DIRECTORY_DEMO.keys.admin;
const ENTRY = DIRECTORY_DEMO.entries[0];
assert.ok(ENTRY);
const CREATE_DELAY_MS = 500;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface ProxyProcess {
  child: ChildProcess;
  reviewsUrl: string;
}

/** Starts main.ts in a child process and waits for the line that says where it listens. */
function startProxyProcess(env: Record<string, string>): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/proxy/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", PROXY_CACHE_MS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`proxy did not start: ${output}`)), 20_000);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const url = /Directory proxy: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, reviewsUrl: `${url}/directories/${DIR}/reviews` });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited with ${code}: ${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("proxy at scale: two processes, one Redis", { skip: redisSkip() }, () => {
  let redis: RedisServer;
  let upstream: Running;
  let proxies: ProxyProcess[] = [];
  const directory = createDirectory({ clock: new Clock() });

  /** Reviews upstream whose title is `marker` (the owner's view). */
  const upstreamWith = async (marker: string) => {
    const page = await call(`${upstream.origin}${API_PREFIX}/reviews/directory/${DIR}/?page_size=1000`, { headers: { Authorization: ADMIN } });
    assert.equal(page.status, 200);
    return (page.body as { results: WireReview[] }).results.filter((review) => review.title === marker);
  };
  const submission = (marker: string, n = 0) => ({
    entry_id: ENTRY.id,
    title: marker,
    summary: `Submission ${n} through one of several proxies; every one is counted once.`,
    first_name: "Lin",
    last_name: "Ng",
    email: "lin@example.com",
    rating: 4,
  });

  before(async () => {
    redis = await startRedis();
    const app = new Hono();
    app.use("*", async (c, next) => {
      if (c.req.method === "POST") await sleep(CREATE_DELAY_MS);
      await next();
    });
    app.route(API_PREFIX, directory.api);
    upstream = await listen(app);
    const env = {
      DIRECTORY_UPSTREAM: `${upstream.origin}${API_PREFIX}`,
      DIRECTORY_API_KEY: DIRECTORY_DEMO.keys.proxy,
      DIRECTORY_ID: DIR,
      REDIS_URL: redis.url,
      // The test plays clients by X-Forwarded-For, as a load balancer in front would write it.
      PROXY_TRUSTED_HOPS: "1",
    };
    proxies = await Promise.all([startProxyProcess(env), startProxyProcess(env)]);
  });
  after(async () => {
    await Promise.all(proxies.map((proxy) => stop(proxy.child)));
    await upstream?.close();
    await redis?.stop();
  });

  it("allows exactly 5 of 10 simultaneous submissions from one address spread over both proxies", async () => {
    const marker = `SCALE-LIMIT-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call(proxies[i % 2]!.reviewsUrl, jsonInit("POST", submission(marker, i), { "X-Forwarded-For": "203.0.113.10" }))),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [...Array(5).fill(201), ...Array(5).fill(429)]);
    assert.equal((await upstreamWith(marker)).length, 5);
  });

  it("creates one review for one Idempotency-Key sent to both proxies at once, and replays it from either", async () => {
    const marker = `SCALE-KEY-${Date.now()}`;
    const body = submission(marker);
    const key = `scale-key-${Date.now()}`;
    const send = (i: number) => call(proxies[i % 2]!.reviewsUrl, jsonInit("POST", body, { "Idempotency-Key": key, "X-Forwarded-For": `203.0.113.${20 + i}` }));
    const answers = await Promise.all([0, 1, 2, 3].map(send));
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 201, 201],
    );
    for (const answer of answers) assert.deepEqual(answer.body, answers[0]?.body);
    assert.equal(answers.filter((a) => a.headers.get("idempotent-replayed") === null).length, 1, "one created, three replayed");
    assert.equal((await upstreamWith(marker)).length, 1);

    const other = await call(proxies[1]!.reviewsUrl, jsonInit("POST", { ...body, rating: 1 }, { "Idempotency-Key": key, "X-Forwarded-For": "203.0.113.30" }));
    assert.equal(other.status, 422, "the key is bound to its body on every proxy");
    assert.equal((await upstreamWith(marker)).length, 1);
  });

  it("shares the read limit: 120 GETs a minute per client over both proxies", async () => {
    const get = (i: number) => call(`${proxies[i % 2]!.reviewsUrl}?entry_id=${ENTRY.id}`, { headers: { "X-Forwarded-For": "198.51.100.60" } });
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await get(i)).status);
    assert.deepEqual(statuses.slice(0, 120), Array(120).fill(200));
    assert.equal(statuses[120], 429);
  });
});
