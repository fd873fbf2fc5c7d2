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
  readonly #shared = new Map<string, ReviewSource | ModerationSource>();

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
    return this.shared("", kind, location, load && (async () => (await load()).createSource(location, this.http)));
  }

  /** What `create` makes for a part of a backend at a base URL: made once per page, on first use, and shared by every element. */
  shared<S extends ReviewSource | ModerationSource>(
    part: string,
    kind: SourceKind,
    location: BackendLocation,
    create: (() => Promise<S>) | undefined,
  ): S | null {
    const key = `${part}${kind} ${location.apiBase} ${location.directoryId ?? ""}`;
    let source = this.#shared.get(key) as S | undefined;
    if (!source && create) this.#shared.set(key, (source = lazySource(kind, create)));
    return source ?? null;
  }
}

/** A backend's moderation operations at a base URL (<review-moderation> only), loaded on first use; null when this build does not include them. */
export function moderationSource(services: Services, kind: SourceKind, location: BackendLocation): ModerationSource | null {
  const load = backends[kind]?.moderation;
  return services.shared("moderation ", kind, location, load && (async () => (await load()).createModeration(location, services.http)));
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
