import { Hono } from "hono";
import { Clock } from "./clock.ts";
import { createDirectory } from "./directory/index.ts";
import { createMarketplace } from "./marketplace/index.ts";
import { createProxy } from "./proxy/index.ts";

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
  proxy?: {
    /** Where the proxy forwards; default: the reference directory API in this same app. */
    upstreamBase?: string;
    apiKey?: string;
    allowedOrigins?: string[];
    trustedHops?: number;
  };
}

/** Stand-in origin for in-process calls from the proxy to the reference directory API. */
const IN_PROCESS = "http://reference.invalid";

/**
 * The reference API on one origin: the marketplace review service and its
 * sign-in, the directory review API, the public directory proxy, and the
 * demo-only controls. Runtime-neutral (Fetch API); static files are added by
 * the Node entry point.
 */
export function createApp(options: AppOptions = {}): Hono {
  const clock = options.clock ?? new Clock();
  const marketplace = createMarketplace({ clock, autoApprove: options.autoApprove ?? false });
  const directory = createDirectory({ clock });
  const app = new Hono();

  const upstreamBase = options.proxy?.upstreamBase ?? `${IN_PROCESS}${PATHS.directory}`;
  const proxy = createProxy({
    upstreamBase,
    apiKey: options.proxy?.apiKey ?? "demo-proxy-key",
    allowedOrigins: options.proxy?.allowedOrigins ?? [],
    trustedHops: options.proxy?.trustedHops ?? 0,
    clock,
    ...(upstreamBase.startsWith(IN_PROCESS) ? { fetch: (request: Request) => Promise.resolve(app.fetch(request)) } : {}),
  });

  app.route(PATHS.marketplace, marketplace.api);
  app.route(PATHS.auth, marketplace.auth);
  app.route(PATHS.marketplaceControl, marketplace.control);
  app.route(PATHS.directory, directory.api);
  app.route(PATHS.directoryControl, directory.control);
  app.route(PATHS.proxy, proxy);
  return app;
}
