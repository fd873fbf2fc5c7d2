import type { HttpClient } from "./http.js";
import type { ModerationSource, ReviewSource } from "../core/source.js";

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

/**
 * Every backend, by kind, each imported on first use: a bundler keeps a
 * backend out of the code a page loads until an element asks for it, and the
 * script-tag files for one kind of page are built with only their backends
 * (vite.config.ts replaces these tables for them). Adding a backend is a line
 * in each table and one folder next to this file.
 */
export const backendLoaders: Readonly<Record<string, BackendLoader>> = {
  mindbricks: () => import("./mindbricks/index.js"),
  partnerpage: () => import("./partnerpage/index.js"),
};

/** Each backend's moderation operations, by kind, imported on first use by <review-moderation>. */
export const moderationLoaders: Readonly<Record<string, ModerationLoader>> = {
  mindbricks: () => import("./mindbricks/moderation.js"),
  partnerpage: () => import("./partnerpage/moderation.js"),
};
