import { HttpClient } from "../api/http.js";
import { MindbricksSource } from "../api/mindbricks/source.js";
import { PartnerpageSource } from "../api/partnerpage/source.js";
import type { ReviewSource } from "../api/source.js";
import { currentConfig } from "./config.js";
import type { SourceKind } from "./model.js";
import { ReviewStore } from "./store.js";

export interface SourceLocation {
  apiBase: string;
  /** Directory backend: which directory. */
  directoryId?: string | null;
}

export type SourceFactory = (location: SourceLocation, http: HttpClient) => ReviewSource;

/**
 * What every element on a page shares: one HTTP client, one store, one source
 * per backend and base URL. Created once per page on first use; tests and
 * hosts may provide their own.
 */
export class Services {
  readonly http: HttpClient;
  readonly store: ReviewStore;
  readonly #factories: Partial<Record<SourceKind, SourceFactory>>;
  readonly #sources = new Map<string, ReviewSource>();

  constructor(options: { http?: HttpClient; store?: ReviewStore; factories?: Partial<Record<SourceKind, SourceFactory>> } = {}) {
    this.http = options.http ?? new HttpClient({ timeoutMs: () => currentConfig().timeoutMs, maxRetries: () => currentConfig().retries });
    this.store = options.store ?? new ReviewStore();
    this.#factories = {
      mindbricks: ({ apiBase }, http) => new MindbricksSource(apiBase, http),
      partnerpage: ({ apiBase, directoryId }, http) => new PartnerpageSource(apiBase, directoryId ?? "", http),
      ...options.factories,
    };
  }

  /** The source for a backend at a base URL; null when that backend is unknown. */
  source(kind: SourceKind, location: SourceLocation): ReviewSource | null {
    const key = `${kind} ${location.apiBase} ${location.directoryId ?? ""}`;
    let source = this.#sources.get(key);
    if (!source) {
      const factory = this.#factories[kind];
      if (!factory) return null;
      this.#sources.set(key, (source = factory(location, this.http)));
    }
    return source;
  }
}

let current: Services | undefined;

export function services(): Services {
  return (current ??= new Services());
}

export function provideServices(next: Services): void {
  current = next;
}
