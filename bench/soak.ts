/**
 * Soak: minutes of mixed read and write load on the reference app — the
 * public directory proxy and the marketplace API — at 200 concurrent
 * connections, with slow clients (bodies trickled, some never finished) and
 * aborted clients mixed in. Then it checks that the server still answers,
 * that its memory after GC is back near where it started, and that the data
 * is right: one review per 201, none twice for an Idempotency-Key, one
 * marketplace review per reservation side however many tried at once.
 *
 *   npm run soak                       5 minutes, 200 connections
 *   npm run soak -- --seconds 30 --connections 50
 *
 * The server runs as a child process (its memory is measured alone) on
 * 127.0.0.1; every request goes to loopback. Not part of `npm test` or CI.
 */
import { fork, type ChildProcess } from "node:child_process";
import { request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const THIS_FILE = fileURLToPath(import.meta.url);
const PROXY = "/directory-proxy";
const DIRECTORY_API = "/partnerpage/api/directory/private/v1alpha";
const MARKET = "/reviewsystem-api";
/** Distinct client addresses (X-Forwarded-For): each may submit 5 reviews per 10 minutes through the proxy. */
const ADDRESSES = 1000;
/** Client-side deadline per request, so every loop ends. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Heap after GC may exceed the start by this much (stored reviews, bounded proxy state). */
const HEAP_ALLOWANCE_BYTES = 64 * 1024 * 1024;

interface MemoryReport {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}
type ToChild = { type: "memory"; gc: boolean } | { type: "stop" };
type FromChild = { type: "ready"; port: number } | { type: "memory"; memory: MemoryReport };

const options = parseArgs({
  options: {
    seconds: { type: "string", default: "300" },
    connections: { type: "string", default: "200" },
    serve: { type: "boolean", default: false },
  },
}).values;

// ---------------------------------------------------------------- the server

async function serveInChild(): Promise<void> {
  const { serve } = await import("@hono/node-server");
  const { createApp } = await import("../server/app.ts");
  // The load generator plays many clients through one trusted hop (as behind a load balancer).
  const app = createApp({ proxy: { trustedHops: 1 } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => {
    send({ type: "ready", port: (server.address() as AddressInfo).port });
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  // The soak that started this server is gone (crashed, killed): do not outlive it.
  process.on("disconnect", () => process.exit(0));
  process.on("message", async (message: ToChild) => {
    if (message.type === "stop") {
      server.close(() => process.exit(0));
      if ("closeAllConnections" in server) server.closeAllConnections();
      return;
    }
    if (message.gc && gc) {
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    send({ type: "memory", memory: { rss, heapUsed, heapTotal, external } });
  });
}

function send(message: FromChild): void {
  process.send?.(message);
}

// ---------------------------------------------------------------- the load

/** mulberry32: a small seeded PRNG, so a run's mix is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Latency histogram in whole milliseconds (the last bucket holds everything slower). */
class Histogram {
  readonly #buckets = new Uint32Array(30_001);
  count = 0;
  add(ms: number): void {
    this.#buckets[Math.min(this.#buckets.length - 1, Math.max(0, Math.round(ms)))]! += 1;
    this.count += 1;
  }
  percentile(p: number): number {
    let seen = 0;
    const wanted = Math.ceil((p / 100) * this.count);
    for (let ms = 0; ms < this.#buckets.length; ms++) {
      seen += this.#buckets[ms]!;
      if (seen >= wanted && wanted > 0) return ms;
    }
    return 0;
  }
}

type Action = "proxyGet" | "proxyPost" | "marketGet" | "marketPost" | "slowPost" | "stalledPost" | "aborted";
const MIX: Array<[Action, number]> = [
  ["proxyGet", 40],
  ["marketGet", 25],
  ["proxyPost", 15],
  ["marketPost", 5],
  ["slowPost", 6],
  ["stalledPost", 2],
  ["aborted", 7],
];

interface Stats {
  statuses: Map<string, number>;
  latency: Map<Action, Histogram>;
  /** Network errors on requests that were not meant to be aborted. */
  clientErrors: number;
  errorSamples: string[];
}

interface Raw {
  status: number;
  body: string;
  headers: IncomingMessage["headers"];
}

/** One HTTP request on its own socket, for the clients fetch cannot play: trickling and aborting. */
function rawRequest(
  url: string,
  init: { method: string; headers: Record<string, string>; chunks: string[]; gapMs: number; stallAfterChunks?: number; abortAfterMs?: number },
): Promise<Raw | "aborted"> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers, agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        req.destroy();
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("client timeout")));
    req.on("error", (error) => (init.abortAfterMs !== undefined ? resolve("aborted") : reject(error)));
    if (init.abortAfterMs !== undefined) setTimeout(() => req.destroy(), init.abortAfterMs);
    req.flushHeaders();
    let sent = 0;
    const next = () => {
      if (req.destroyed) return;
      if (init.stallAfterChunks !== undefined && sent >= init.stallAfterChunks) return; // never finishes: the server must give up
      const chunk = init.chunks[sent++];
      if (chunk === undefined) return void req.end();
      req.write(chunk);
      setTimeout(next, init.gapMs);
    };
    if (init.chunks.length === 0 && init.stallAfterChunks === undefined) req.end();
    else next();
  });
}

function trickle(text: string, parts: number): string[] {
  const size = Math.ceil(text.length / parts);
  return Array.from({ length: parts }, (_, i) => text.slice(i * size, (i + 1) * size)).filter(Boolean);
}

async function soak(seconds: number, connections: number): Promise<void> {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError("--seconds must be positive");
  if (!Number.isInteger(connections) || connections < 1) throw new RangeError("--connections must be a positive integer");
  const { DIRECTORY_DEMO } = await import("../server/directory/index.ts");
  const { DEMO } = await import("../server/marketplace/index.ts");

  const child: ChildProcess = fork(THIS_FILE, ["--serve"], { execArgv: ["--expose-gc", "--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const messages: Array<(message: FromChild) => void> = [];
  child.on("message", (message: FromChild) => messages.shift()?.(message));
  const nextMessage = () => new Promise<FromChild>((resolve) => messages.push(resolve));
  const ready = await nextMessage();
  if (ready.type !== "ready") throw new Error("server did not start");
  const base = `http://127.0.0.1:${ready.port}`;
  const memory = async (gc: boolean): Promise<MemoryReport> => {
    const answer = nextMessage();
    child.send({ type: "memory", gc } satisfies ToChild);
    const message = await answer;
    if (message.type !== "memory") throw new Error("unexpected message");
    return message.memory;
  };

  const runId = Date.now().toString(36);
  const entries = DIRECTORY_DEMO.entries.map((entry) => entry.id);
  const login = async (username: string) => {
    const response = await fetch(`${base}/auth-api/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: DEMO.password }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const tokens = { guest: await login(DEMO.logins.guest), host: await login(DEMO.logins.host), admin: await login(DEMO.logins.admin) };
  const marketWrites = [
    { token: tokens.guest, body: { revieweeType: "listing", revieweeId: DEMO.listings.main, rating: 4, reviewText: "Soak: lovely loft, steep stairs." } },
    { token: tokens.guest, body: { revieweeType: "host", revieweeId: DEMO.users.host, rating: 5, reviewText: "Soak: a kind and quick host." } },
    { token: tokens.host, body: { revieweeType: "guest", revieweeId: DEMO.users.guest, rating: 5, reviewText: "Soak: tidy, friendly guest." } },
  ];

  // Warm up the code paths once, then take the baseline after GC.
  await fetch(`${base}${PROXY}/directories/${DIRECTORY_DEMO.directoryId}/reviews?entry_id=${entries[0]}`, { headers: { "X-Forwarded-For": "192.0.2.1" } }).then(
    (r) => r.text(),
  );
  await fetch(`${base}${MARKET}/v1/reviews?revieweeId=${DEMO.listings.main}`).then((r) => r.text());
  const startMemory = await memory(true);

  const stats: Stats = { statuses: new Map(), latency: new Map(MIX.map(([action]) => [action, new Histogram()])), clientErrors: 0, errorSamples: [] };
  const count = (action: Action, outcome: string | number) => {
    const key = `${action} ${outcome}`;
    stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1);
  };
  /** Submissions the proxy answered 201 for (not replays): their unique marker → review id. */
  const created = new Map<string, string>();
  /** Per Idempotency-Key: the review id its first 201 named; every replay must name the same. */
  const keyed = new Map<string, { marker: string; id: string | null }>();
  let replayMismatches = 0;
  let reusedKeyAccepted = 0;
  let marketCreated = 0;
  let serial = 0;

  const proxyUrl = `${base}${PROXY}/directories/${DIRECTORY_DEMO.directoryId}/reviews`;
  const submissionFor = (random: () => number) => {
    const marker = `SOAK-${runId}-${++serial}`;
    return {
      marker,
      body: {
        entry_id: entries[Math.floor(random() * entries.length)]!,
        summary: `${marker} steady under load, answered every message within a day.`,
        first_name: "Soak",
        last_name: "Tester",
        email: "soak@example.com",
        rating: 1 + Math.floor(random() * 5),
      },
    };
  };
  const recordCreated = (marker: string, status: number, text: string, replayed: boolean, key: string | null) => {
    if (status !== 201) return;
    const id = (JSON.parse(text) as { id: string }).id;
    if (key !== null) {
      const known = keyed.get(key);
      if (known?.id && known.id !== id) replayMismatches += 1;
      if (known && !known.id) known.id = id;
    }
    if (!replayed) {
      if (created.has(marker)) replayMismatches += 1;
      created.set(marker, id);
    }
  };

  const deadline = performance.now() + seconds * 1000;
  const worker = async (index: number) => {
    const random = prng(0x50a6 + index);
    const address = () => {
      const n = Math.floor(random() * ADDRESSES);
      return `10.0.${n >> 8}.${n & 255}`;
    };
    const etags = new Map<string, string>();
    const totalWeight = MIX.reduce((sum, [, weight]) => sum + weight, 0);
    while (performance.now() < deadline) {
      let pick = random() * totalWeight;
      const action = MIX.find(([, weight]) => (pick -= weight) < 0)?.[0] ?? "proxyGet";
      const started = performance.now();
      try {
        switch (action) {
          case "proxyGet": {
            const ids = entries.filter(() => random() < 0.3);
            const url = `${proxyUrl}?${(ids.length > 0 ? ids : [entries[0]!]).map((id) => `entry_id=${id}`).join("&")}`;
            const headers: Record<string, string> = { "X-Forwarded-For": address() };
            const etag = etags.get(url);
            if (etag && random() < 0.5) headers["If-None-Match"] = etag;
            const response = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            await response.arrayBuffer();
            const tag = response.headers.get("etag");
            if (tag && etags.size < 64) etags.set(url, tag);
            count(action, response.status);
            break;
          }
          case "proxyPost": {
            const { marker, body } = submissionFor(random);
            const withKey = random() < 0.5;
            const key = withKey ? `soak-${runId}-${serial}-key` : null;
            if (key) keyed.set(key, { marker, id: null });
            const headers: Record<string, string> = {
              "Content-Type": "application/json",
              "X-Forwarded-For": address(),
              ...(key ? { "Idempotency-Key": key } : {}),
            };
            // Keyed submissions are sometimes sent twice at once (a browser re-sending a POST).
            const copies = key && random() < 0.3 ? 2 : 1;
            const answers = await Promise.all(
              Array.from({ length: copies }, () =>
                fetch(proxyUrl, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
              ),
            );
            for (const response of answers) {
              const text = await response.text();
              recordCreated(marker, response.status, text, response.headers.get("idempotent-replayed") === "true", key);
              count(action, response.status);
            }
            if (key && answers.some((response) => response.status === 201) && random() < 0.1) {
              // The same key with another body: must be refused, never create.
              const other = await fetch(proxyUrl, { method: "POST", headers, body: JSON.stringify({ ...body, rating: body.rating === 5 ? 4 : 5 }) });
              await other.text();
              if (other.status !== 422) reusedKeyAccepted += 1;
              count(action, `reused-key ${other.status}`);
            }
            break;
          }
          case "marketGet": {
            const listing = DEMO.listings.grid[Math.floor(random() * DEMO.listings.grid.length)]!;
            const url =
              random() < 0.5
                ? `${base}${MARKET}/v1/reviews?revieweeId=${listing}&pageNumber=1&pageRowCount=10`
                : `${base}${MARKET}/v1/reviewaggregates?revieweeId=${listing}&revieweeId=${DEMO.listings.main}`;
            const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            await response.arrayBuffer();
            count(action, response.status);
            break;
          }
          case "marketPost": {
            // Everyone races to write the same three reviews: exactly one of each may exist.
            const write = marketWrites[Math.floor(random() * marketWrites.length)]!;
            const response = await fetch(`${base}${MARKET}/v1/reviews`, {
              method: "POST",
              headers: { "Content-Type": "application/json", Authorization: `Bearer ${write.token}` },
              body: JSON.stringify({ ...write.body, reservationId: DEMO.reservations.story, moderationStatus: "pending", isPublished: false }),
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
            await response.arrayBuffer();
            if (response.status === 201) marketCreated += 1;
            count(action, response.status);
            break;
          }
          case "slowPost":
          case "stalledPost": {
            const { marker, body } = submissionFor(random);
            const text = JSON.stringify(body);
            const answer = await rawRequest(proxyUrl, {
              method: "POST",
              headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), "X-Forwarded-For": address() },
              chunks: trickle(text, 5),
              gapMs: 300 + Math.floor(random() * 400),
              ...(action === "stalledPost" ? { stallAfterChunks: 2 } : {}),
            });
            if (answer === "aborted") throw new Error("slow client lost its connection");
            recordCreated(marker, answer.status, answer.body, false, null);
            count(action, answer.status);
            break;
          }
          case "aborted": {
            const kind = random();
            const abortAfterMs = Math.floor(random() * 30);
            if (kind < 0.4) {
              await rawRequest(`${proxyUrl}?entry_id=${entries[1]}`, {
                method: "GET",
                headers: { "X-Forwarded-For": address() },
                chunks: [],
                gapMs: 0,
                abortAfterMs,
              });
            } else if (kind < 0.7) {
              await rawRequest(`${base}${MARKET}/v1/reviews?revieweeId=${DEMO.listings.main}`, {
                method: "GET",
                headers: {},
                chunks: [],
                gapMs: 0,
                abortAfterMs,
              });
            } else {
              // Only part of the body is ever sent, so an aborted submission can never be created.
              const text = JSON.stringify(submissionFor(random).body);
              await rawRequest(proxyUrl, {
                method: "POST",
                headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), "X-Forwarded-For": address() },
                chunks: trickle(text, 4),
                gapMs: 5,
                stallAfterChunks: 2,
                abortAfterMs,
              });
            }
            count(action, "done");
            break;
          }
        }
      } catch (error) {
        stats.clientErrors += 1;
        if (stats.errorSamples.length < 5) stats.errorSamples.push(`${action}: ${String(error)}`);
        count(action, "client-error");
      }
      stats.latency.get(action)?.add(performance.now() - started);
    }
  };

  const peak = { rss: startMemory.rss, heapUsed: startMemory.heapUsed };
  const sampler = setInterval(() => {
    void memory(false).then((m) => {
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    });
  }, 10_000);
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  const elapsedS = (performance.now() - began) / 1000;
  clearInterval(sampler);

  // ------------------------------------------------------------ the checks
  const failures: string[] = [];
  const stillUp = await Promise.all([
    fetch(`${proxyUrl}?entry_id=${entries[0]}`, { headers: { "X-Forwarded-For": "192.0.2.254" }, signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status,
      () => 0,
    ),
    fetch(`${base}${MARKET}/v1/reviews?revieweeId=${DEMO.listings.main}`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status,
      () => 0,
    ),
  ]);
  if (stillUp.some((status) => status !== 200)) failures.push(`server no longer answers: ${stillUp.join(", ")}`);

  // Let stalled bodies time out and sockets close before measuring.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  const endMemory = await memory(true);
  if (endMemory.heapUsed - startMemory.heapUsed > HEAP_ALLOWANCE_BYTES) {
    failures.push(`heap after GC grew by ${mb(endMemory.heapUsed - startMemory.heapUsed)} (allowed ${mb(HEAP_ALLOWANCE_BYTES)})`);
  }

  // Every soak review upstream, read with the owner's key.
  const upstreamMarkers = new Map<string, number>();
  for (let page = 1; ; page++) {
    const response = await fetch(`${base}${DIRECTORY_API}/reviews/directory/${DIRECTORY_DEMO.directoryId}/?page_size=200&page=${page}`, {
      headers: { Authorization: DIRECTORY_DEMO.keys.admin },
    });
    if (response.status !== 200) break;
    const body = (await response.json()) as { next: string | null; results: Array<{ summary: string }> };
    for (const review of body.results) {
      const marker = /^SOAK-[a-z0-9]+-\d+/.exec(review.summary)?.[0];
      if (marker?.startsWith(`SOAK-${runId}-`)) upstreamMarkers.set(marker, (upstreamMarkers.get(marker) ?? 0) + 1);
    }
    if (!body.next) break;
  }
  const storedReviews = [...upstreamMarkers.values()].reduce((sum, n) => sum + n, 0);
  const duplicates = [...upstreamMarkers.values()].filter((n) => n > 1).length;
  const missing = [...created.keys()].filter((marker) => !upstreamMarkers.has(marker)).length;
  if (storedReviews !== created.size) failures.push(`directory: ${storedReviews} soak reviews stored, ${created.size} answered 201`);
  if (duplicates > 0) failures.push(`directory: ${duplicates} submissions stored more than once`);
  if (missing > 0) failures.push(`directory: ${missing} answered 201 but not stored`);
  if (replayMismatches > 0) failures.push(`idempotency: ${replayMismatches} replays named another review`);
  if (reusedKeyAccepted > 0) failures.push(`idempotency: ${reusedKeyAccepted} keys reused with another body were not refused with 422`);

  const market = await fetch(`${base}${MARKET}/v1/reviews?reservationId=${DEMO.reservations.story}&pageRowCount=100`, {
    headers: { Authorization: `Bearer ${tokens.admin}` },
  });
  const marketReviews = ((await market.json()) as { reviews?: unknown[] }).reviews?.length ?? -1;
  if (marketReviews !== marketCreated || marketCreated > marketWrites.length) {
    failures.push(`marketplace: ${marketReviews} story reviews stored, ${marketCreated} answered 201 (at most ${marketWrites.length} may exist)`);
  }
  const serverErrors = [...stats.statuses].filter(([key]) => / 5\d\d$/.test(key));
  if (serverErrors.length > 0) failures.push(`5xx answers: ${serverErrors.map(([key, n]) => `${key} ×${n}`).join(", ")}`);
  if (stats.clientErrors > 0) failures.push(`${stats.clientErrors} requests failed on the client side: ${stats.errorSamples.join(" | ")}`);

  child.send({ type: "stop" } satisfies ToChild);

  // ------------------------------------------------------------ the report
  const total = [...stats.statuses.values()].reduce((sum, n) => sum + n, 0);
  const lines = [
    `soak: ${elapsedS.toFixed(0)} s, ${connections} connections, ${total} requests (${(total / elapsedS).toFixed(0)}/s)`,
    ...[...stats.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `  ${key}: ${n}`),
    "latency ms (p50 / p95 / p99):",
    ...[...stats.latency]
      .filter(([, h]) => h.count > 0)
      .map(([action, h]) => `  ${action}: ${h.percentile(50)} / ${h.percentile(95)} / ${h.percentile(99)} (n=${h.count})`),
    `memory (server, after GC): rss ${mb(startMemory.rss)} → ${mb(endMemory.rss)}, heap ${mb(startMemory.heapUsed)} → ${mb(endMemory.heapUsed)}; peak during load: rss ${mb(peak.rss)}, heap ${mb(peak.heapUsed)}`,
    `data: proxy 201s ${created.size}, stored ${storedReviews}, duplicates ${duplicates}, keyed submissions ${keyed.size}; marketplace 201s ${marketCreated}, stored ${marketReviews}`,
    failures.length === 0 ? "RESULT: pass" : `RESULT: FAIL\n  ${failures.join("\n  ")}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

if (options.serve) await serveInChild();
else await soak(Number(options.seconds), Number(options.connections));
