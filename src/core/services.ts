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

/**
 * What every element on a page shares: one HTTP client, one store, one source
 * per backend and base URL. Created once per page on first use; tests and
 * hosts may provide their own.
 */
export class Services {
  readonly http: HttpClient;
  readonly store: ReviewStore;
  readonly #sources = new Map<string, ReviewSource>();

  constructor(options: { http?: HttpClient; store?: ReviewStore } = {}) {
    this.http = options.http ?? new HttpClient({ timeoutMs: () => currentConfig().timeoutMs, maxRetries: () => currentConfig().retries });
    this.store = options.store ?? new ReviewStore();
  }

  /** The source for a backend at a base URL (one per page, shared by every element). */
  source(kind: SourceKind, { apiBase, directoryId }: SourceLocation): ReviewSource {
    const key = `${kind} ${apiBase} ${directoryId ?? ""}`;
    let source = this.#sources.get(key);
    if (!source) {
      source = kind === "partnerpage" ? new PartnerpageSource(apiBase, directoryId ?? "", this.http) : new MindbricksSource(apiBase, this.http);
      this.#sources.set(key, source);
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
