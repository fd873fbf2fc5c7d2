/**
 * The proxy's state in Redis, shared by every proxy process that points at
 * the same server (`REDIS_URL`). Each decision is one atomic Redis step: a
 * Lua script for the rate-limit window (INCR and PEXPIRE together, so a
 * window can never lose its expiry), a Lua GET-or-SET for claiming an
 * Idempotency-Key, compare-and-set / compare-and-delete for finishing one.
 * Expiry is Redis's own clock (PX), so the proxies' clocks need not agree.
 */
import { Redis } from "ioredis";
import type { CachedPage, DoneRecord, KeyRecord, PendingRecord, ProxyState, RateLimitWindow } from "./state.ts";
import { isObject } from "../shared/json.ts";

const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** Returns the record already there, or sets ours and returns nil (false). */
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

/** Sets ARGV[2] only while the key still holds our exact pending record ARGV[1]. */
const COMPLETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RedisStateOptions {
  /** e.g. "redis://127.0.0.1:6379/0" */
  url: string;
  /** Prefix of every key, so several proxies (or tests) can share one Redis without meeting. Default "review-proxy:". */
  keyPrefix?: string;
  /** Per command; a Redis that does not answer in time counts as down. Default 1000 ms. */
  commandTimeoutMs?: number;
}

/** A stored record, checked: a foreign or corrupt value counts as absent rather than crashing a request. */
function parseRecord(text: unknown): KeyRecord | null {
  if (typeof text !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value["fingerprint"] !== "string") return null;
  if (value["state"] === "pending" && typeof value["token"] === "string") {
    return { state: "pending", fingerprint: value["fingerprint"], token: value["token"] };
  }
  if (value["state"] === "done" && isObject(value["review"])) return value as unknown as DoneRecord;
  return null;
}

export class RedisProxyState implements ProxyState {
  readonly redis: Redis;
  readonly #prefix: string;

  constructor(options: RedisStateOptions) {
    this.#prefix = options.keyPrefix ?? "review-proxy:";
    this.redis = new Redis(options.url, {
      // Fail fast instead of queueing requests while Redis is away: the proxy answers 503, the client retries.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      lazyConnect: true,
    });
    // Connection errors surface on each command; without a listener ioredis would print them.
    this.redis.on("error", () => undefined);
  }

  /** Connects (or fails with the reason); call before serving. */
  async connect(): Promise<void> {
    await this.redis.connect();
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow> {
    const reply = await this.redis.eval(HIT, 1, `${this.#prefix}rl:${key}`, Math.ceil(windowMs));
    const [count, ttl] = Array.isArray(reply) ? reply : [];
    if (typeof count !== "number" || typeof ttl !== "number") throw new Error("unexpected rate-limit reply");
    return { count, resetAtMs: nowMs + ttl };
  }

  async claim(key: string, pending: PendingRecord, ttlMs: number): Promise<KeyRecord | null> {
    const reply = await this.redis.eval(CLAIM, 1, `${this.#prefix}idem:${key}`, JSON.stringify(pending), Math.ceil(ttlMs));
    if (reply === null) return null;
    // Something unreadable holds the key: treat it as someone else's claim, never as free.
    return parseRecord(reply) ?? { state: "pending", fingerprint: "", token: "" };
  }

  async read(key: string): Promise<KeyRecord | null> {
    return parseRecord(await this.redis.get(`${this.#prefix}idem:${key}`));
  }

  async complete(key: string, pending: PendingRecord, done: DoneRecord, ttlMs: number): Promise<void> {
    await this.redis.eval(COMPLETE, 1, `${this.#prefix}idem:${key}`, JSON.stringify(pending), JSON.stringify(done), Math.ceil(ttlMs));
  }

  async release(key: string, pending: PendingRecord): Promise<void> {
    await this.redis.eval(RELEASE, 1, `${this.#prefix}idem:${key}`, JSON.stringify(pending));
  }

  async cacheGet(key: string): Promise<CachedPage | null> {
    const text = await this.redis.get(`${this.#prefix}cache:${key}`);
    if (text === null) return null;
    // Stored as `etag \n body`: an ETag never holds a newline.
    const cut = text.indexOf("\n");
    return cut < 0 ? null : { etag: text.slice(0, cut), body: text.slice(cut + 1) };
  }

  async cacheSet(key: string, page: CachedPage, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.#prefix}cache:${key}`, `${page.etag}\n${page.body}`, "PX", Math.ceil(ttlMs));
  }
}
