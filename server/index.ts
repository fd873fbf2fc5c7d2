import { RedisProxyState } from "./proxy/redis-state.ts";
import { startServer } from "./serve.ts";

/**
 * `npm start`: the demo pages, the built widgets and the reference API on one
 * origin. Environment:
 * - PORT (default 8080); HOST (default 127.0.0.1: this machine only; set e.g.
 *   0.0.0.0 to serve other machines);
 * - DEMO_MODE: `1`/`true`/`on` or `0`/`false`/`off`. The demo controls
 *   (/demo-api/…) can rewrite every review without credentials, so they are
 *   on by default only while the server listens on loopback; on any other
 *   HOST they stay off unless DEMO_MODE turns them on explicitly;
 * - REVIEW_WINDOW_DAYS (default 14, our assumption: seed 003 says only "timer
 *   expired"): days from a stay's first review until double-blind ends;
 * - STRICT_MODE (`1`/`true`/`on`): list routes return only published, approved
 *   reviews and no enrichment, as a server with only the seeds' letter would;
 * - API_ALLOWED_ORIGINS (comma-separated): origins whose pages may call the
 *   marketplace API, its sign-in and the directory API from the browser;
 * - for the directory proxy: DIRECTORY_API_KEY, DIRECTORY_UPSTREAM (default:
 *   the reference API in this process), PROXY_ALLOWED_ORIGINS
 *   (comma-separated), PROXY_TRUSTED_HOPS (proxies in front that append to
 *   X-Forwarded-For; default 0), DIRECTORY_ID (the directories the key serves,
 *   comma-separated; others are 404) and REDIS_URL (state shared by several
 *   processes: rate limits, idempotency keys).
 */
const env = process.env;
const origins = (name: string) =>
  (env[name] ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
const allowedOrigins = origins("PROXY_ALLOWED_ORIGINS");

const hostname = env["HOST"]?.trim() || "127.0.0.1";
const loopback = hostname === "localhost" || hostname === "::1" || /^127\./.test(hostname);

function demoMode(value: string | undefined): boolean {
  const flag = value?.trim().toLowerCase();
  if (flag === undefined || flag === "") return loopback;
  if (["1", "true", "on", "yes"].includes(flag)) return true;
  if (["0", "false", "off", "no"].includes(flag)) return false;
  throw new Error(`DEMO_MODE must be 1/true/on or 0/false/off, got "${value}"`);
}
const demo = demoMode(env["DEMO_MODE"]);

const redis = env["REDIS_URL"] ? new RedisProxyState({ url: env["REDIS_URL"] }) : null;
await redis?.connect();
const directories = (env["DIRECTORY_ID"] ?? "")
  .split(",")
  .map((id) => id.trim())
  .filter(Boolean);

function reviewWindowDays(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new Error(`REVIEW_WINDOW_DAYS must be a positive number of days, got "${value}"`);
  return days;
}
const windowDays = reviewWindowDays(env["REVIEW_WINDOW_DAYS"]);
const strict = ["1", "true", "on", "yes"].includes(env["STRICT_MODE"]?.trim().toLowerCase() ?? "");

const server = await startServer({
  port: Number(env["PORT"] ?? 8080),
  hostname,
  demo,
  strict,
  ...(windowDays !== undefined ? { reviewWindowDays: windowDays } : {}),
  allowedOrigins: origins("API_ALLOWED_ORIGINS"),
  proxy: {
    allowedOrigins,
    trustedHops: Number(env["PROXY_TRUSTED_HOPS"] ?? 0) || 0,
    ...(env["DIRECTORY_API_KEY"] ? { apiKey: env["DIRECTORY_API_KEY"] } : {}),
    ...(env["DIRECTORY_UPSTREAM"] ? { upstreamBase: env["DIRECTORY_UPSTREAM"] } : {}),
    ...(directories.length > 0 ? { directories } : {}),
    ...(redis ? { state: redis } : {}),
  },
});
console.log(`Review widgets demo and reference API: ${server.url}/ (demo controls ${demo ? "on" : "off"}${strict ? ", strict mode" : ""})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(
    signal,
    () =>
      void server
        .close()
        .then(() => redis?.close())
        .then(() => process.exit(0)),
  );
}
