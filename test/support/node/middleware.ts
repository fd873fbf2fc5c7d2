import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleFault } from "./fault-server.ts";

/**
 * Mounts test back ends into web-test-runner's own origin:
 * - `POST /__sandbox` creates a fresh, independently seeded reference server
 *   (both backends, auth, proxy, demo controls) and answers `{base}`; every
 *   request under `/__sandbox/<id>/…` goes to that server over real HTTP.
 *   Test files run in parallel, so each takes its own world.
 * - `/__fault/…`: the scriptable fault server.
 */
const sandboxes = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void>();
let counter = 0;

type Next = () => Promise<unknown>;
interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond: boolean;
  url: string;
}

export function harnessMiddleware() {
  return async (ctx: KoaLikeContext, next: Next): Promise<unknown> => {
    const url = ctx.url;
    if (url === "/__sandbox" && ctx.req.method === "POST") {
      const id = `w${++counter}`;
      const prefix = `/__sandbox/${id}`;
      // Loaded on first use, so fault-only test runs do not pay for the reference server.
      const { createApp } = await import("../../../server/app.ts");
      const mounted = new Hono().route(prefix, createApp({ demo: true }));
      const listener = getRequestListener(mounted.fetch);
      sandboxes.set(id, listener);
      ctx.respond = false;
      ctx.res.writeHead(201, { "Content-Type": "application/json" });
      ctx.res.end(JSON.stringify({ base: prefix }));
      return;
    }
    const match = /^\/__sandbox\/(w\d+)\//.exec(url);
    if (match) {
      const listener = sandboxes.get(match[1] ?? "");
      ctx.respond = false;
      if (!listener) {
        ctx.res.writeHead(404).end();
        return;
      }
      await listener(ctx.req, ctx.res);
      return;
    }
    if (url.startsWith("/__fault/")) {
      ctx.respond = false;
      await handleFault(ctx.req, ctx.res);
      return;
    }
    return next();
  };
}
