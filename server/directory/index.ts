/**
 * The reference partner-directory review API: a fresh, deterministic,
 * in-memory world per call.
 *
 *   api      mounted at /partnerpage/api/directory/private/v1alpha
 *   control  mounted at /demo-api/directory (POST /reset, GET /ids), in demo mode only
 */
import type { Hono } from "hono";
import type { Clock } from "../clock.ts";
import { createDirectoryControl } from "./control.ts";
import { createDirectoryApi } from "./routes.ts";
import { seedWorld } from "./seed.ts";
import { DirectoryStore } from "./store.ts";

export interface DirectoryOptions {
  clock: Clock;
  /** What the control's POST /reset does; default: the clock back to real time and the seed back. */
  reset?: () => void;
  /** Lists return approved reviews only (strict mode, see app.ts). */
  strict?: boolean;
}

export interface Directory {
  api: Hono;
  control: Hono;
  /** Throws away every change and re-seeds, dated from the clock's now. */
  reset(): void;
}

export function createDirectory(options: DirectoryOptions): Directory {
  const store = new DirectoryStore(options.clock, seedWorld);
  const reset = () => store.reset();
  const resetWithClock = () => {
    options.clock.reset();
    reset();
  };
  return {
    api: createDirectoryApi(store, { strict: options.strict ?? false, now: () => options.clock.nowMs() }),
    control: createDirectoryControl(options.reset ?? resetWithClock),
    reset,
  };
}

export { DIRECTORY_DEMO_IDS } from "./control.ts";
export { DIRECTORY_DEMO } from "./seed.ts";
export type { DirectoryDemo } from "./seed.ts";
