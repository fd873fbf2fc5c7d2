import { backends, type BackendLocation } from "../api/backends.js";
import { HttpClient } from "../api/http.js";
import { lazySource } from "../api/lazy-source.js";
import type { BackendTraits } from "../core/backend.js";
import type { ModerationSource, ReviewSource } from "../core/source.js";
import { currentConfig } from "../core/config.js";
import type { SourceKind } from "../core/model.js";
import { ReviewStore } from "../core/store.js";

/**
 * What every element on a page shares: one HTTP client, one store, one source
 * per backend and base URL. Created once per page on first use; tests and
 * hosts may provide their own.
 */
export class Services {
  readonly http: HttpClient;
  readonly store: ReviewStore;
  readonly #sources = new Map<string, ReviewSource>();
  readonly #moderation = new Map<string, ModerationSource>();

  constructor(options: { http?: HttpClient; store?: ReviewStore } = {}) {
    this.http = options.http ?? new HttpClient({ timeoutMs: () => currentConfig().timeoutMs, maxRetries: () => currentConfig().retries });
    this.store = options.store ?? new ReviewStore();
  }

  /**
   * The source for a backend at a base URL (one per page, shared by every
   * element); its code is imported on first use. Null when this build does not
   * include that backend.
   */
  source(kind: SourceKind, location: BackendLocation): ReviewSource | null {
    const load = backends[kind]?.load;
    return this.#shared(this.#sources, kind, location, load && (async () => (await load()).createSource(location, this.http)));
  }

  /** A backend's moderation operations at a base URL, loaded on first use; null when this build does not include them. */
  moderation(kind: SourceKind, location: BackendLocation): ModerationSource | null {
    const load = backends[kind]?.moderation;
    return this.#shared(this.#moderation, kind, location, load && (async () => (await load()).createModeration(location, this.http)));
  }

  #shared<S extends ReviewSource | ModerationSource>(
    cache: Map<string, S>,
    kind: SourceKind,
    location: BackendLocation,
    create: (() => Promise<S>) | undefined,
  ): S | null {
    const key = `${kind} ${location.apiBase} ${location.directoryId ?? ""}`;
    let source = cache.get(key);
    if (!source && create) cache.set(key, (source = lazySource(kind, create)));
    return source ?? null;
  }
}

/**
 * Whether this build includes a backend (or its moderation operations): the
 * script file for one kind of page carries only its own.
 */
export function hasBackend(kind: SourceKind, part: "public" | "moderation" = "public"): boolean {
  return Boolean(backends[kind]?.[part === "moderation" ? "moderation" : "load"]);
}

/** What a backend is like (src/core/backend.ts); undefined for one this build does not know. */
export function backendTraits(kind: SourceKind): BackendTraits | undefined {
  return backends[kind]?.traits;
}

/** The backend elements use when nothing names one: the first this build carries. */
export function defaultSource(): SourceKind {
  return Object.keys(backends)[0] ?? "";
}

let current: Services | undefined;

export function services(): Services {
  return (current ??= new Services());
}

export function provideServices(next: Services): void {
  current = next;
}
