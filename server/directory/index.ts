/**
 * The reference partner-directory review API: a fresh, deterministic,
 * in-memory world per call.
 *
 *   api      mounted at /partnerpage/api/directory/private/v1alpha
 *   control  mounted at /demo-api/directory (POST /reset, GET /ids)
 */
import type { Hono } from "hono";
import type { Clock } from "../clock.ts";
import { createDirectoryControl } from "./control.ts";
import { createDirectoryApi } from "./routes.ts";
import { seedWorld } from "./seed.ts";
import { DirectoryStore } from "./store.ts";

export interface DirectoryOptions {
  clock: Clock;
}

export interface Directory {
  api: Hono;
  control: Hono;
}

export function createDirectory(options: DirectoryOptions): Directory {
  const store = new DirectoryStore(options.clock, seedWorld);
  return { api: createDirectoryApi(store), control: createDirectoryControl(store) };
}

export { DIRECTORY_DEMO } from "./seed.ts";
export type { DirectoryDemo } from "./seed.ts";
