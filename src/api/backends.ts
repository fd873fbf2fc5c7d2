import type { BackendTraits } from "../core/backend.js";
import type { ModerationSource, ReviewSource } from "../core/source.js";
import type { HttpClient } from "./http.js";
import { traits as mindbricks } from "./mindbricks/traits.js";
import { traits as partnerpage } from "./partnerpage/traits.js";

/** Where a backend lives: its base URL and, for the directory backend, which directory. */
export interface BackendLocation {
  apiBase: string;
  directoryId?: string | null | undefined;
}

/** What a backend module exports: how to make its source. */
export interface BackendModule {
  createSource(location: BackendLocation, http: HttpClient): ReviewSource;
}

/** What a backend's moderation module exports (loaded only by <review-moderation>). */
export interface ModerationModule {
  createModeration(location: BackendLocation, http: HttpClient): ModerationSource;
}

export type BackendLoader = () => Promise<BackendModule>;
export type ModerationLoader = () => Promise<ModerationModule>;

/** A backend as the registry knows it: what it is like, and its code, each part imported on first use. */
export interface Backend {
  traits: BackendTraits;
  load: BackendLoader;
  /** Its moderation operations (loaded only by <review-moderation>); absent where it has none. */
  moderation?: ModerationLoader | undefined;
}

/**
 * Every backend, by kind, each imported on first use: a bundler keeps a
 * backend out of the code a page loads until an element asks for it, and the
 * script-tag files for one kind of page are built with only their backends
 * (build/only-backends.ts rewrites this table for them). The first is the
 * default. Adding a backend is one folder next to this file and one line here
 * (or `registerBackend` at run time).
 */
export const backends: Record<string, Backend> = {
  mindbricks: { traits: mindbricks, load: () => import("./mindbricks/index.js"), moderation: () => import("./mindbricks/moderation.js") },
  partnerpage: { traits: partnerpage, load: () => import("./partnerpage/index.js"), moderation: () => import("./partnerpage/moderation.js") },
};

/** Adds a backend (or replaces one) by kind: its elements name it in `source`, or it is the default when it is the only one. */
export function registerBackend(kind: string, backend: Backend): void {
  backends[kind] = backend;
}
