/**
 * The public directory proxy on its own: what runs N times behind a load
 * balancer, sharing one Redis. No demo pages, no reference API, no demo
 * controls. `node --import tsx server/proxy/main.ts`
 *
 * Environment:
 *   DIRECTORY_UPSTREAM     base of the directory API (required), e.g.
 *                          https://v1.api.partnerpage.io/api/directory/private/v1alpha
 *   DIRECTORY_API_KEY      its key (required; never sent to browsers)
 *   DIRECTORY_ID           the directory (or comma-separated directories) the key serves;
 *                          others are 404. Unset: any id is passed on.
 *   PORT                   default 8081 (0: any free port)
 *   HOST                   default 127.0.0.1
 *   PROXY_ALLOWED_ORIGINS  comma-separated origins allowed by CORS
 *   PROXY_TRUSTED_HOPS     proxies in front that append to X-Forwarded-For (default 0)
 *   PROXY_CACHE_MS         how long a public list is kept by the proxies (default 5000; 0: off)
 *   REDIS_URL              shared state for N proxies (rate limits, Idempotency-Keys, cache);
 *                          unset: this process's memory (one proxy only)
 *
 * Serves /directory-proxy/… (as the one-origin demo does) and GET /healthz.
 * Prints one line once it listens; stops cleanly on SIGTERM and SIGINT.
 */
import { serve } from "@hono/node-server";
import { nodeSocketAddress } from "../shared/node-socket.ts";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { createProxy } from "./index.ts";
import { RedisProxyState } from "./redis-state.ts";
import { MemoryProxyState, type ProxyState } from "./state.ts";

export const MOUNT = "/directory-proxy";
/** Slow-client limits of the HTTP server itself (the proxy adds 10 s for a body and 3 s upstream). */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

const env = process.env;
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function fail(message: string): never {
  process.stderr.write(`directory proxy: ${message}\n`);
  process.exit(2);
}

/** A Redis URL fit for a log line: no password. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

const upstreamBase = env["DIRECTORY_UPSTREAM"] ?? fail("DIRECTORY_UPSTREAM is required");
const apiKey = env["DIRECTORY_API_KEY"] || fail("DIRECTORY_API_KEY is required");
const port = Number(env["PORT"] ?? 8081);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT "${env["PORT"]}" is not a port`);
const cacheTtlMs = Number(env["PROXY_CACHE_MS"] ?? 5000);
if (!Number.isFinite(cacheTtlMs) || cacheTtlMs < 0) fail(`PROXY_CACHE_MS "${env["PROXY_CACHE_MS"]}" is not a duration`);
const directories = list(env["DIRECTORY_ID"]);

let redis: RedisProxyState | null = null;
let state: ProxyState = new MemoryProxyState();
if (env["REDIS_URL"]) {
  redis = new RedisProxyState({ url: env["REDIS_URL"] });
  // Refuse to start without the shared state rather than run N independent limits.
  await redis.connect().catch((error: unknown) => fail(`cannot reach Redis at ${redacted(env["REDIS_URL"] ?? "")}: ${String(error)}`));
  state = redis;
}

const app = new Hono();
app.get("/healthz", async (c) => {
  const ok =
    redis === null ||
    (await redis.redis.ping().then(
      () => true,
      () => false,
    ));
  return c.json({ ok }, ok ? 200 : 503, { "Cache-Control": "no-store" });
});
app.route(
  MOUNT,
  createProxy({
    upstreamBase,
    apiKey,
    allowedOrigins: list(env["PROXY_ALLOWED_ORIGINS"]),
    trustedHops: Number(env["PROXY_TRUSTED_HOPS"] ?? 0) || 0,
    socketAddress: nodeSocketAddress,
    cacheTtlMs,
    state,
    ...(directories.length > 0 ? { directories } : {}),
  }),
);

const server = serve({ fetch: app.fetch, port, hostname: env["HOST"] || "127.0.0.1" }, () => {
  const { address, port: bound } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  process.stdout.write(`Directory proxy: http://${host}:${bound}${MOUNT} (state: ${redis ? "redis" : "memory"})\n`);
});
if ("headersTimeout" in server) {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => void (redis?.close() ?? Promise.resolve()).then(() => process.exit(0)));
    // Keep-alive connections would hold close() open; they get no new requests from here on.
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  });
}
