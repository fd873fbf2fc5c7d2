/**
 * Everything the proxy remembers between requests — rate-limit windows,
 * Idempotency-Key records and cached public pages — behind one interface, so
 * one proxy process can keep it in memory and N processes can share it
 * (Redis, see redis-state.ts). Every operation that decides something is
 * atomic in both implementations: a count is incremented and read in one
 * step, a key is claimed only if nobody holds it.
 */
import type { PublicReview } from "./strip.ts";

export interface RateLimitWindow {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends (ms since the epoch). */
  resetAtMs: number;
}

/** A submission being created under an Idempotency-Key; `token` tells its owner apart from a later claim. */
export interface PendingRecord {
  state: "pending";
  fingerprint: string;
  token: string;
}

/** A submission created under an Idempotency-Key: repeats get `review` back. */
export interface DoneRecord {
  state: "done";
  fingerprint: string;
  review: PublicReview;
}

export type KeyRecord = PendingRecord | DoneRecord;

/** A public list answer as sent: the JSON text and its strong ETag. */
export interface CachedPage {
  etag: string;
  body: string;
}

export interface ProxyState {
  /** Counts one hit for `key` in a fixed window of `windowMs` and returns the window, atomically. */
  hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow>;
  /** Claims `key` with `pending` for `ttlMs` when nobody holds it (null), else returns the record already there. */
  claim(key: string, pending: PendingRecord, ttlMs: number, nowMs: number): Promise<KeyRecord | null>;
  /** The record under `key`, if any. */
  read(key: string, nowMs: number): Promise<KeyRecord | null>;
  /** Replaces our own claim `pending` by `done` for `ttlMs`; does nothing if the claim is no longer ours. */
  complete(key: string, pending: PendingRecord, done: DoneRecord, ttlMs: number, nowMs: number): Promise<void>;
  /** Drops our own claim `pending` (the attempt failed), so the key can be used again. */
  release(key: string, pending: PendingRecord): Promise<void>;
  cacheGet(key: string, nowMs: number): Promise<CachedPage | null>;
  cacheSet(key: string, page: CachedPage, ttlMs: number, nowMs: number): Promise<void>;
}

/** Limits of the in-memory state: past them the oldest entries go first, so memory stays bounded under any traffic. */
export const MEMORY_LIMITS: Readonly<MemoryLimits> = {
  rateLimitKeys: 100_000,
  idempotencyKeys: 10_000,
  cacheBytes: 16 * 1024 * 1024,
};

export interface MemoryLimits {
  rateLimitKeys: number;
  idempotencyKeys: number;
  /** Cached list bodies, in characters. */
  cacheBytes: number;
}

interface Expiring<T> {
  value: T;
  expiresAtMs: number;
}

/**
 * A Map with expiry and a size cap, oldest first out. Map keeps insertion
 * order, so re-inserting on write makes "oldest" mean "least recently written".
 */
class ExpiringMap<T> {
  readonly #entries = new Map<string, Expiring<T>>();
  readonly #sizeOf: (value: T) => number;
  readonly #maxSize: number;
  #size = 0;
  #nextSweepMs = 0;

  constructor(maxSize: number, sizeOf: (value: T) => number = () => 1) {
    this.#maxSize = maxSize;
    this.#sizeOf = sizeOf;
  }

  get(key: string, nowMs: number): T | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= nowMs) {
      this.delete(key);
      return null;
    }
    return entry.value;
  }

  expiresAt(key: string): number {
    return this.#entries.get(key)?.expiresAtMs ?? 0;
  }

  set(key: string, value: T, expiresAtMs: number, nowMs: number): void {
    this.delete(key);
    const size = this.#sizeOf(value);
    if (size > this.#maxSize) return;
    this.#entries.set(key, { value, expiresAtMs });
    this.#size += size;
    if (this.#size <= this.#maxSize) return;
    // Over the cap: first forget what has expired (at most once per second), then the oldest.
    if (nowMs >= this.#nextSweepMs) {
      this.#nextSweepMs = nowMs + 1000;
      for (const [k, entry] of this.#entries) if (entry.expiresAtMs <= nowMs) this.delete(k);
    }
    for (const oldest of this.#entries.keys()) {
      if (this.#size <= this.#maxSize) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#size -= this.#sizeOf(entry.value);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The default: this process's memory. Right for one proxy process; N processes need a shared state (Redis). */
export class MemoryProxyState implements ProxyState {
  readonly #windows: ExpiringMap<{ count: number }>;
  readonly #keys: ExpiringMap<KeyRecord>;
  readonly #cache: ExpiringMap<CachedPage>;

  constructor(limits: Partial<MemoryLimits> = {}) {
    const { rateLimitKeys, idempotencyKeys, cacheBytes } = { ...MEMORY_LIMITS, ...limits };
    this.#windows = new ExpiringMap(rateLimitKeys);
    this.#keys = new ExpiringMap(idempotencyKeys);
    this.#cache = new ExpiringMap(cacheBytes, (page) => page.body.length + page.etag.length);
  }

  async hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow> {
    const window = this.#windows.get(key, nowMs);
    if (window) {
      window.count += 1;
      return { count: window.count, resetAtMs: this.#windows.expiresAt(key) };
    }
    this.#windows.set(key, { count: 1 }, nowMs + windowMs, nowMs);
    return { count: 1, resetAtMs: nowMs + windowMs };
  }

  async claim(key: string, pending: PendingRecord, ttlMs: number, nowMs: number): Promise<KeyRecord | null> {
    const existing = this.#keys.get(key, nowMs);
    if (existing) return existing;
    this.#keys.set(key, pending, nowMs + ttlMs, nowMs);
    return null;
  }

  async read(key: string, nowMs: number): Promise<KeyRecord | null> {
    return this.#keys.get(key, nowMs);
  }

  async complete(key: string, pending: PendingRecord, done: DoneRecord, ttlMs: number, nowMs: number): Promise<void> {
    const current = this.#keys.get(key, nowMs);
    if (current?.state === "pending" && current.token === pending.token) this.#keys.set(key, done, nowMs + ttlMs, nowMs);
  }

  async release(key: string, pending: PendingRecord): Promise<void> {
    const current = this.#keys.get(key, 0);
    if (current?.state === "pending" && current.token === pending.token) this.#keys.delete(key);
  }

  async cacheGet(key: string, nowMs: number): Promise<CachedPage | null> {
    return this.#cache.get(key, nowMs);
  }

  async cacheSet(key: string, page: CachedPage, ttlMs: number, nowMs: number): Promise<void> {
    this.#cache.set(key, page, nowMs + ttlMs, nowMs);
  }

  /** Entries held, for tests of the memory bound. */
  get sizes(): { rateLimitKeys: number; idempotencyKeys: number; cachedPages: number } {
    return { rateLimitKeys: this.#windows.size, idempotencyKeys: this.#keys.size, cachedPages: this.#cache.size };
  }
}
