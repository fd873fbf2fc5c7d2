/**
 * The reference "mindbricks" marketplace review backend (seed 003): three
 * Hono apps over one in-memory, deterministically seeded world.
 *
 *   api     → mount at /reviewsystem-api       (/v1/reviews…, /v1/reviewaggregates…)
 *   auth    → mount at /auth-api               (POST /login, POST /logout)
 *   control → mount at /demo-api/marketplace   (clock, settings, reset, ids; demo mode only)
 */
import type { Hono } from "hono";
import type { Clock } from "../clock.ts";
import { createAuthApp, SessionRegistry } from "./auth.ts";
import { createControlApp } from "./control.ts";
import { createReviewApi } from "./routes.ts";
import { REVIEW_WINDOW_DAYS, ReviewStore } from "./store.ts";

export interface MarketplaceOptions {
  clock: Clock;
  /** New and edited reviews start `approved` instead of `pending`. Default false. */
  autoApprove?: boolean;
  /** Days from a stay's first review until its double-blind window closes. Default 14 (our assumption). */
  reviewWindowDays?: number;
  /** Seed-literal lists: published, approved reviews only, no enrichment (see routes.ts). */
  strict?: boolean;
  /** Proxies in front that append to X-Forwarded-For, for the sign-in limit per address. */
  trustedHops?: number;
  /** What the control's POST /reset does; default: the clock back to real time and the seed back. */
  reset?: () => void;
}

export interface Marketplace {
  api: Hono;
  auth: Hono;
  control: Hono;
  /** Back to the seed (dated from the clock's now) and the start settings; sign-ins survive. */
  reset(): void;
}

/** A fresh, independent world on every call. */
export function createMarketplace(options: MarketplaceOptions): Marketplace {
  const { clock } = options;
  const store = new ReviewStore(clock, { autoApprove: options.autoApprove ?? false }, { reviewWindowDays: options.reviewWindowDays ?? REVIEW_WINDOW_DAYS });
  const sessions = new SessionRegistry(clock);
  const reset = () => store.reset();
  const resetAll = () => {
    clock.reset();
    reset();
  };
  return {
    api: createReviewApi(store, sessions, clock, { strict: options.strict ?? false }),
    auth: createAuthApp(store, sessions, clock, { trustedHops: options.trustedHops ?? 0 }),
    control: createControlApp(store, clock, options.reset ?? resetAll),
    reset,
  };
}

export { DEMO, listingTitles, type DemoIds } from "./seed.ts";
