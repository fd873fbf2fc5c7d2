import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createApp, type AppOptions } from "./app.ts";
import { directoryPages } from "./directory-pages.ts";
import { answerError } from "./shared/client-abort.ts";
import { serverRenderedPages } from "./ssr-pages.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Limits for slow or greedy clients; every one can be overridden (tests use short ones). */
export interface ConnectionLimits {
  /** All request headers must arrive within this (slowloris). Default 10 s. */
  headersTimeoutMs?: number;
  /** The whole request, body included, must arrive within this (slow uploads). Default 30 s. */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. Default 5 s. */
  keepAliveTimeoutMs?: number;
  /** Open connections one remote address may hold; more are closed at once. Default 64. */
  maxConnectionsPerAddress?: number;
}

export const DEFAULT_LIMITS: Required<ConnectionLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  // A browser opens about 6 per origin; 64 leaves room for several tabs and test runners.
  maxConnectionsPerAddress: 64,
};

export type ServerOptions = AppOptions & { port?: number; hostname?: string; root?: string; limits?: ConnectionLimits };

/**
 * The demo pages (demo/), the built widgets (dist/) and the reference API on
 * one origin — what `npm start` runs, and what end-to-end tests and
 * benchmarks start in-process on a free port. Listens on 127.0.0.1 unless
 * told otherwise.
 */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = options.root ?? ".";
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const hostname = options.hostname ?? "127.0.0.1";
  const app = new Hono();
  app.onError(answerError);
  app.route("/", createApp(options));
  app.route(
    "/",
    directoryPages(root, (request, env) => app.fetch(request, env)),
  );
  // The built files are public: any site may load them, and the script files fetch their language
  // catalogs with import(), which is a CORS request when the script comes from another origin (a CDN).
  app.use("/dist/*", async (c, next) => {
    await next();
    c.res.headers.set("Access-Control-Allow-Origin", "*");
  });
  app.use("/dist/*", serveStatic({ root }));
  // The listing page arrives server-rendered (issue 17); `?render=client` serves it as written.
  app.use(
    "/*",
    serverRenderedPages(root, (request) => app.fetch(request)),
  );
  app.use("/*", serveStatic({ root: `${root}/demo` }));
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 0,
        hostname,
        serverOptions: {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          keepAliveTimeout: limits.keepAliveTimeoutMs,
          // How often Node checks the two timeouts above (default 30 s would let them overrun).
          connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
        },
      },
      () => {
        const { port } = server.address() as AddressInfo;
        const shownHost = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
        resolve({
          url: `http://${shownHost}:${port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      },
    ) as Server;
    capConnectionsPerAddress(server, limits.maxConnectionsPerAddress);
  });
}

/** Closes a new connection at once when its address already holds `max` open ones. */
function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
