import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createApp } from "./app.ts";

/**
 * `npm start`: the demo pages, the built widgets and the reference API on one
 * origin. Environment: PORT (default 8080); for the directory proxy,
 * DIRECTORY_API_KEY, DIRECTORY_UPSTREAM (default: the reference API in this
 * process) and PROXY_ALLOWED_ORIGINS (comma-separated).
 */
const port = Number(process.env["PORT"] ?? 8080);
const allowedOrigins = (process.env["PROXY_ALLOWED_ORIGINS"] ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

const app = new Hono();
app.route(
  "/",
  createApp({
    proxy: {
      allowedOrigins,
      ...(process.env["DIRECTORY_API_KEY"] ? { apiKey: process.env["DIRECTORY_API_KEY"] } : {}),
      ...(process.env["DIRECTORY_UPSTREAM"] ? { upstreamBase: process.env["DIRECTORY_UPSTREAM"] } : {}),
    },
  }),
);
app.use("/dist/*", serveStatic({ root: "./" }));
app.use("/*", serveStatic({ root: "./demo" }));

const server = serve({ fetch: app.fetch, port, hostname: "0.0.0.0" }, (info) => {
  console.log(`Review widgets demo and reference API: http://localhost:${info.port}/`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => process.exit(0)));
