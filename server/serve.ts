import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { createApp, type AppOptions } from "./app.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The demo pages (demo/), the built widgets (dist/) and the reference API on
 * one origin — what `npm start` runs, and what end-to-end tests and
 * benchmarks start in-process on a free port.
 */
export function startServer(options: AppOptions & { port?: number; hostname?: string; root?: string } = {}): Promise<RunningServer> {
  const root = options.root ?? ".";
  const app = new Hono();
  app.route("/", createApp(options));
  app.use("/dist/*", serveStatic({ root }));
  app.use("/*", serveStatic({ root: `${root}/demo` }));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.hostname ?? "127.0.0.1" }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.hostname === "0.0.0.0" ? "localhost" : "127.0.0.1"}:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
