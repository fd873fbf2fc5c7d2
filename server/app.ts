import { Hono, type Context } from "hono";
import { Clock } from "./clock.ts";
import { DIRECTORY_DEMO, createDirectory } from "./directory/index.ts";
import { errorResponse } from "./marketplace/envelope.ts";
import { payloadTooLarge } from "./marketplace/errors.ts";
import { createMarketplace } from "./marketplace/index.ts";
import { createProxy, type ProxyState } from "./proxy/index.ts";
import { limitBody, tooLargeDetail } from "./shared/body-limit.ts";
import { answerError } from "./shared/client-abort.ts";
import { apiCors } from "./shared/api-cors.ts";
import { nodeSocketAddress } from "./shared/node-socket.ts";
import { securityHeaders } from "./shared/security-headers.ts";

export const PATHS = {
  marketplace: "/reviewsystem-api",
  auth: "/auth-api",
  directory: "/partnerpage/api/directory/private/v1alpha",
  proxy: "/directory-proxy",
  marketplaceControl: "/demo-api/marketplace",
  directoryControl: "/demo-api/directory",
} as const;

export interface AppOptions {
  clock?: Clock;
  /** New marketplace reviews start approved (no moderation queue). */
  autoApprove?: boolean;
  /** Days until a stay's double-blind window closes (marketplace). Default 14, our assumption. */
  reviewWindowDays?: number;
  /**
   * Strict mode: both backends' list routes return only published, approved
   * reviews, with no enrichment — what a server that implements only the
   * letter of the seeds would send (README, "Where the seeds are silent").
   */
  strict?: boolean;
  /**
   * Mount the demo controls (/demo-api/…: clock, settings, reset, ids). They
   * need no credentials and can rewrite the whole world, so they are off
   * unless asked for; `npm start` asks (see server/index.ts).
   */
  demo?: boolean;
  /**
   * Origins (e.g. "https://shop.example") whose pages may call the marketplace
   * API, its sign-in and the directory API from the browser (CORS; never with
   * cookies). Same-origin pages need nothing. `API_ALLOWED_ORIGINS` in server/index.ts.
   */
  allowedOrigins?: string[];
  proxy?: {
    /** Where the proxy forwards; default: the reference directory API in this same app. */
    upstreamBase?: string;
    apiKey?: string;
    allowedOrigins?: string[];
    trustedHops?: number;
    /** Directories the key serves (others: 404); default the demo directory when the upstream is in-process. */
    directories?: string[];
    /** Shared state for several processes (a RedisProxyState); default this process's memory. */
    state?: ProxyState;
  };
}

/** Stand-in origin for in-process calls from the proxy to the reference directory API. */
const IN_PROCESS = "http://reference.invalid";

const MARKETPLACE_PREFIXES = [PATHS.marketplace, PATHS.auth, PATHS.marketplaceControl];

/** An oversized body, refused in the error shape of the backend the path belongs to. */
function tooLarge(c: Context, clock: Clock): Response {
  const path = c.req.path;
  if (MARKETPLACE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    return errorResponse(payloadTooLarge(tooLargeDetail()), clock.now());
  }
  return c.json({ detail: tooLargeDetail() }, 413, { "Cache-Control": "no-store" });
}

/**
 * The reference API on one origin: the marketplace review service and its
 * sign-in, the directory review API, the public directory proxy, and (in demo
 * mode) the demo controls. Runtime-neutral (Fetch API); static files are
 * added by the Node entry point.
 */
export function createApp(options: AppOptions = {}): Hono {
  const clock = options.clock ?? new Clock();
  // The demo's reset restores everything the controls can change: clock, both worlds, settings.
  const resetAll = (): void => {
    clock.reset();
    marketplace.reset();
    directory.reset();
  };
  const marketplace = createMarketplace({
    clock,
    autoApprove: options.autoApprove ?? false,
    ...(options.reviewWindowDays !== undefined ? { reviewWindowDays: options.reviewWindowDays } : {}),
    strict: options.strict ?? false,
    trustedHops: options.proxy?.trustedHops ?? 0,
    reset: resetAll,
  });
  const directory = createDirectory({ clock, reset: resetAll, strict: options.strict ?? false });
  const app = new Hono();

  const upstreamBase = options.proxy?.upstreamBase ?? `${IN_PROCESS}${PATHS.directory}`;
  const proxy = createProxy({
    upstreamBase,
    apiKey: options.proxy?.apiKey ?? "demo-proxy-key",
    allowedOrigins: options.proxy?.allowedOrigins ?? [],
    trustedHops: options.proxy?.trustedHops ?? 0,
    socketAddress: nodeSocketAddress,
    clock,
    ...(options.proxy?.state ? { state: options.proxy.state } : {}),
    ...(options.proxy?.directories
      ? { directories: options.proxy.directories }
      : upstreamBase.startsWith(IN_PROCESS)
        ? { directories: [DIRECTORY_DEMO.directoryId] }
        : {}),
    ...(upstreamBase.startsWith(IN_PROCESS) ? { fetch: (request: Request) => Promise.resolve(app.fetch(request)) } : {}),
  });

  app.onError(answerError);
  app.use("*", securityHeaders());
  // Every route, the proxy and unknown paths included; the backends also cap their own bodies.
  app.use(
    "*",
    limitBody((c) => tooLarge(c, clock)),
  );

  const cors = apiCors(options.allowedOrigins ?? []);
  for (const path of [PATHS.marketplace, PATHS.auth, PATHS.directory]) app.use(`${path}/*`, cors);

  app.route(PATHS.marketplace, marketplace.api);
  app.route(PATHS.auth, marketplace.auth);
  app.route(PATHS.directory, directory.api);
  app.route(PATHS.proxy, proxy);
  if (options.demo === true) {
    app.route(PATHS.marketplaceControl, marketplace.control);
    app.route(PATHS.directoryControl, directory.control);
  }
  return app;
}
