/**
 * The bench server: what server/serve.ts serves (reference API, dist/, demo/)
 * plus what only the benchmarks need, on one origin and a free port:
 *
 * - an adjustable delay in front of /reviewsystem-api and /auth-api (slow-API CLS);
 * - /bench-api: a tiny marketplace endpoint with seed-shaped reviews
 *   (`revieweeId=bench-N` has N public reviews) and aggregates for any ids;
 * - /bench/pages/*: the benchmark pages; /bench/gen/*: bundles built in memory
 *   (their on-demand code, /bench/gen/<dir>/*, is dist/<dir>/*);
 * - gzip for requests that carry `x-bench-gzip` (measure-ssr.ts's emulated-network
 *   loads: the bytes a production server would send; other loads stay as they were);
 * - /bench/ssr/<page>: a bench page server-rendered as `npm start` serves the
 *   demo's (server/ssr-pages.ts: dist/ssr/index.js, data through this app
 *   in-process); `?script=<name>` loads /bench/gen/<name> instead of its /dist/ file;
 * - optionally dist/ from another checkout (`distRoot`, e.g. an older commit's
 *   build for before/after figures), where a script-tag file that build does not
 *   have (`review-widgets-*.js`) is answered with its `review-widgets.js`.
 */
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createApp } from "../server/app.ts";
import { serverRenderPage } from "../server/ssr-pages.ts";
import { aggregatesPage, reviewsPage } from "./fixtures.ts";

export interface BenchServer {
  url: string;
  /** Delay added to every /reviewsystem-api and /auth-api response, in ms. */
  setApiDelay(ms: number): void;
  /**
   * Serves a generated file at /bench/gen/<name> (type from the extension: .js or .html).
   * Given several chunks and a gap, the body is streamed chunk by chunk, `gapMs` apart.
   */
  addFile(name: string, body: string | readonly string[], gapMs?: number): void;
  /** This app's own `fetch`, in-process (what /bench/ssr/ renders its data through). */
  fetch(request: Request): Response | Promise<Response>;
  close(): Promise<void>;
}

export type Ssr = typeof import("../src/ssr/index.ts");
/** dist/ssr/index.js of the checkout at `root` (`npm run build` builds it with the same templates as the script files). */
export const loadSsr = (root = "."): Promise<Ssr> => import(pathToFileURL(resolve(root, "dist/ssr/index.js")).href) as Promise<Ssr>;

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BenchServerOptions {
  /** The checkout whose dist/ is served (default: `root`). */
  distRoot?: string;
}

export function startBenchServer(root = ".", options: BenchServerOptions = {}): Promise<BenchServer> {
  const distRoot = options.distRoot ?? root;
  let apiDelay = 0;
  const files = new Map<string, { chunks: readonly string[]; gapMs: number }>();
  const app = new Hono();

  const delay = async (_c: unknown, next: () => Promise<void>) => {
    if (apiDelay > 0) await sleep(apiDelay);
    await next();
  };
  const gzip = compress();
  app.use("*", (c, next) => (c.req.header("x-bench-gzip") ? gzip(c, next) : next()));
  app.use("/reviewsystem-api/*", delay);
  app.use("/auth-api/*", delay);

  app.get("/bench-api/v1/reviews", (c) => {
    const revieweeId = c.req.query("revieweeId") ?? "";
    const pageNumber = Number(c.req.query("pageNumber") ?? 1);
    const pageRowCount = Number(c.req.query("pageRowCount") ?? 25);
    const body = reviewsPage(revieweeId, pageNumber, pageRowCount);
    if (body === null) return c.json({ result: "ERR", status: 404, message: "errMsg_unknownBenchReviewee", errCode: 404 }, 404);
    return c.body(body, 200, JSON_HEADERS);
  });
  app.get("/bench-api/v1/reviewaggregates", (c) => c.body(aggregatesPage(c.req.queries("revieweeId") ?? []), 200, JSON_HEADERS));

  // A generated script file fetches its on-demand code from next to itself (internal/<name>.js and what that imports): the build's own.
  app.get("/bench/gen/:dir{[a-z]+}/*", serveStatic({ root: `${distRoot}/dist`, rewriteRequestPath: (path) => path.slice("/bench/gen".length) }));
  app.get("/bench/gen/:name", (c) => {
    const name = c.req.param("name");
    const file = files.get(name);
    if (file === undefined) return c.notFound();
    // Scripts stay in the HTTP cache between loads, as dist/'s do (Last-Modified): a page loading one is measured like one loading dist/.
    const html = name.endsWith(".html");
    const headers = { "content-type": `${html ? "text/html" : "text/javascript"}; charset=utf-8`, "cache-control": html ? "no-store" : "max-age=3600" };
    if (file.chunks.length === 1 || file.gapMs <= 0) return c.body(file.chunks.join(""), 200, headers);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const [i, chunk] of file.chunks.entries()) {
          if (i > 0) await sleep(file.gapMs);
          controller.enqueue(encoder.encode(chunk));
        }
        controller.close();
      },
    });
    return c.body(stream, 200, headers);
  });
  app.use("/bench/pages/*", serveStatic({ root }));
  let origin = "";
  let ssr: Promise<Ssr> | undefined;
  app.get("/bench/ssr/:page{[\\w-]+\\.html}", async (c) => {
    const page = await readFile(`${root}/bench/pages/${c.req.param("page")}`, "utf8");
    const html = await serverRenderPage(await (ssr ??= loadSsr(root)), page, origin, app.fetch);
    const script = c.req.query("script");
    return c.html(script ? html.replace(/src="\/dist\/review-widgets[\w-]*\.js"/, `src="/bench/gen/${encodeURIComponent(script)}"`) : html, 200, {
      "cache-control": "no-store",
    });
  });

  if (distRoot !== root) {
    app.get("/dist/:file{review-widgets-[a-z]+\\.js}", async (c, next) => {
      if (existsSync(`${distRoot}/dist/${c.req.param("file")}`)) return next();
      return c.body(await readFile(`${distRoot}/dist/review-widgets.js`, "utf8"), 200, { "content-type": "text/javascript; charset=utf-8" });
    });
  }

  app.route("/", createApp({ demo: true }));
  app.use("/dist/*", serveStatic({ root: distRoot }));
  app.use("/*", serveStatic({ root: `${root}/demo` }));

  return new Promise((done) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      done({
        url: origin,
        setApiDelay: (ms) => void (apiDelay = ms),
        addFile: (name, body, gapMs = 0) => void files.set(name, { chunks: typeof body === "string" ? [body] : body, gapMs }),
        fetch: (request) => app.fetch(request),
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
