import { startServer } from "./serve.ts";

/**
 * `npm start`: the demo pages, the built widgets and the reference API on one
 * origin. Environment: PORT (default 8080); for the directory proxy,
 * DIRECTORY_API_KEY, DIRECTORY_UPSTREAM (default: the reference API in this
 * process), PROXY_ALLOWED_ORIGINS (comma-separated) and PROXY_TRUSTED_HOPS
 * (proxies in front that append to X-Forwarded-For; default 0).
 */
const env = process.env;
const allowedOrigins = (env["PROXY_ALLOWED_ORIGINS"] ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

const server = await startServer({
  port: Number(env["PORT"] ?? 8080),
  hostname: "0.0.0.0",
  proxy: {
    allowedOrigins,
    trustedHops: Number(env["PROXY_TRUSTED_HOPS"] ?? 0) || 0,
    ...(env["DIRECTORY_API_KEY"] ? { apiKey: env["DIRECTORY_API_KEY"] } : {}),
    ...(env["DIRECTORY_UPSTREAM"] ? { upstreamBase: env["DIRECTORY_UPSTREAM"] } : {}),
  },
});
console.log(`Review widgets demo and reference API: ${server.url}/`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
