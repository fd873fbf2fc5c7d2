/**
 * The public proxy in front of the directory review API (mounted at
 * /directory-proxy). It holds the API key server-side, returns approved
 * reviews only, without personal data, with cache headers; it validates and
 * rate-limits public submissions and creates them as pending. Its only
 * state — rate-limit counters, Idempotency-Keys, the short cache of public
 * lists — sits behind `ProxyState`: in memory for one process, in Redis for
 * several (state.ts, redis-state.ts).
 *
 *   GET  /directories/{directoryId}/reviews?entry_id=…[&entry_id=…]
 *   POST /directories/{directoryId}/reviews   [Idempotency-Key: …]
 *   GET  /directories/{directoryId}/fragments/{entryId}[?page_size=…&lang=…]   (HTML, fragments.ts)
 */
import { Hono, type Context } from "hono";
import { Clock } from "../clock.ts";
import { BodyTimeoutError, readTextAtMost } from "./body.ts";
import { NO_STORE, cacheableJson, publicPage } from "./cache.ts";
import { cors } from "./cors.ts";
import { FRAGMENT_PATH, fragmentRoute } from "./fragments.ts";
import { IDEMPOTENCY_KEY, NO_KEY, claimKey, fingerprint } from "./idempotency.ts";
import { clientAddress, type SocketAddress } from "../shared/client-address.ts";
import { revalidatePublic } from "../shared/revalidate.ts";
import { isObject } from "../shared/json.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { UNAVAILABLE, containsSecret, secretGuard } from "./secret-guard.ts";
import { MemoryProxyState, type CachedPage, type ProxyState } from "./state.ts";
import { isApproved, toPublicReview, type PublicReview } from "./strip.ts";
import { publicFieldErrors, validateSubmission, type Submission } from "./submission.ts";
import { Upstream, UpstreamError, type UpstreamReply } from "./upstream.ts";

export type { PublicReview } from "./strip.ts";
export type { ProxyState, RateLimitWindow, KeyRecord, PendingRecord, DoneRecord, CachedPage } from "./state.ts";
export { MemoryProxyState } from "./state.ts";

export interface ProxyOptions {
  /** e.g. "http://127.0.0.1:8080/partnerpage/api/directory/private/v1alpha" */
  upstreamBase: string;
  /** Held server-side only (from env DIRECTORY_API_KEY in production). */
  apiKey: string;
  /** How to reach upstream (default globalThis.fetch). */
  fetch?: (input: Request) => Promise<Response>;
  /** Exact origins allowed for CORS; same-origin and no-Origin requests always pass. */
  allowedOrigins: string[];
  /** Upstream deadline per proxy request, default 3000 ms. */
  timeoutMs?: number;
  /** Per client, for POST; default 5 per 10 minutes. */
  rateLimit?: { max: number; windowMs: number };
  /** Per client, for GET; default 120 per minute. */
  readRateLimit?: { max: number; windowMs: number };
  /** How many proxies in front of this one append to X-Forwarded-For (0: use the socket address). */
  trustedHops?: number;
  /**
   * The connection's remote address, from the runtime: on Node pass `nodeSocketAddress`
   * (server/shared/node-socket.ts); on Deno, Bun or a worker, theirs. Without it, clients are
   * told apart only by trusted X-Forwarded-For entries (the others share one rate limit).
   */
  socketAddress?: SocketAddress;
  /**
   * The directories this proxy's key serves (a directory API key belongs to
   * one directory). Others are 404 without asking upstream. Default: any
   * well-formed id is passed on (and a foreign one fails upstream: 502).
   */
  directories?: readonly string[];
  /** Rate limits, Idempotency-Keys and cached lists; default this process's memory. N proxies share a RedisProxyState. */
  state?: ProxyState;
  /**
   * How long the proxy itself keeps a public list, ms; default 0 (off). Every
   * variation of a query (order, repeats, unknown parameters) maps to one
   * entry, so junk parameters cannot force upstream fetches. An approval
   * shows up after at most this long (plus any CDN's s-maxage).
   */
  cacheTtlMs?: number;
  /** How long a request body may take to arrive, default 10 s; past it: 408. */
  bodyTimeoutMs?: number;
  /** The proxy's URL as pages see it, for server-rendered fragments' `api-base`; default the path it is mounted at. */
  publicBase?: string;
  clock?: Clock;
}

export const DEFAULT_TIMEOUT_MS = 3000;
export const DEFAULT_RATE_LIMIT = { max: 5, windowMs: 10 * 60 * 1000 } as const;
export const DEFAULT_READ_RATE_LIMIT = { max: 120, windowMs: 60 * 1000 } as const;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
export const MAX_ENTRY_IDS = 100;
/**
 * The largest submission body: what the API behind accepts. A summary's 2,000 characters are counted as people
 * see them, and one of them (an emoji family, a flag) can take 25 bytes of UTF-8: a tighter cap refused honest
 * reviews before their length was checked.
 */
export const MAX_BODY_BYTES = 64 * 1024;
/** Upstream pages followed per GET (× 200 reviews). */
const MAX_UPSTREAM_PAGES = 10;
const UPSTREAM_PAGE_SIZE = "200";

const TIMEOUT = { detail: "The review service did not answer in time. Please try again later." } as const;
const NOT_FOUND = { detail: "Not found." } as const;
const DIRECTORY_ID = /^[A-Za-z0-9_-]{1,100}$/;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,100}$/;
const REVIEWS_PATHS = ["/directories/:directoryId/reviews", "/directories/:directoryId/reviews/"];

type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

type ErrorStatus = 400 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;

function json(c: Context, body: unknown, status: ErrorStatus, headers: Record<string, string> = {}): Response {
  return c.json(body, status, { "Cache-Control": NO_STORE, ...headers });
}

/** What a failed upstream call becomes: 504 when it timed out, else 502. */
function failureOf(error: unknown): { status: 502 | 504; body: unknown } {
  return error instanceof UpstreamError && error.failure === "timeout" ? { status: 504, body: TIMEOUT } : { status: 502, body: UNAVAILABLE };
}

function upstreamFailure(c: Context, error: unknown): Response {
  const { status, body } = failureOf(error);
  return json(c, body, status);
}

/**
 * `?entry_id=` values: 1..100 distinct well-formed ids, sorted, so every
 * spelling of one question is one question (one cache entry, one ETag).
 * Other query parameters are ignored.
 */
function entryIds(c: Context): Outcome<string[]> {
  const ids = [...new Set((c.req.queries("entry_id") ?? []).map((id) => id.trim()).filter((id) => id !== ""))].sort();
  let message: string | null = null;
  if (ids.length === 0) message = "At least one entry_id is required.";
  else if (ids.length > MAX_ENTRY_IDS) message = `At most ${MAX_ENTRY_IDS} entry_id values are allowed.`;
  else if (!ids.every((id) => ENTRY_ID.test(id))) message = "Enter valid entry ids.";
  return message === null ? { ok: true, value: ids } : { ok: false, response: json(c, { entry_id: [message] }, 400) };
}

/** One upstream list page: its items and the next page number, or null when malformed. */
function listPage(reply: UpstreamReply, currentPage: number): { items: unknown[]; nextPage: number | null } | null {
  if (reply.status !== 200) return null;
  const body = reply.body;
  if (Array.isArray(body)) return { items: body, nextPage: null };
  if (!isObject(body) || !Array.isArray(body["results"])) return null;
  const next = body["next"];
  if (next === null || next === undefined) return { items: body["results"], nextPage: null };
  if (typeof next !== "string") return null;
  // Only the page number is taken from `next`: the URL itself is never
  // followed, so a bad upstream cannot send the key somewhere else.
  let page: number;
  try {
    page = Number(new URL(next, "http://upstream.invalid/").searchParams.get("page"));
  } catch {
    return null;
  }
  if (!Number.isInteger(page) || page <= currentPage) return null;
  return { items: body["results"], nextPage: page };
}

/** Reads the JSON object body of a submission: 415, 413, 408 and 400 as appropriate. */
async function readSubmissionBody(c: Context, timeoutMs: number): Promise<Outcome<Record<string, unknown>>> {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return { ok: false, response: json(c, { detail: "Submissions must be sent as application/json." }, 415) };
  }
  const tooLarge = () => ({ ok: false as const, response: json(c, { detail: `The request body must be at most ${MAX_BODY_BYTES / 1024} KB.` }, 413) });
  if (Number(c.req.header("content-length") ?? "0") > MAX_BODY_BYTES) return tooLarge();
  let text: string | null;
  try {
    text = await readTextAtMost(c.req.raw.body, MAX_BODY_BYTES, AbortSignal.timeout(timeoutMs));
  } catch (error) {
    if (error instanceof BodyTimeoutError) {
      return { ok: false, response: json(c, { detail: "The request body did not arrive in time." }, 408, { Connection: "close" }) };
    }
    return { ok: false, response: json(c, { detail: "The request body could not be read." }, 400) };
  }
  if (text === null) return tooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, response: json(c, { detail: "The request body is not valid JSON." }, 400) };
  }
  if (!isObject(parsed)) {
    return { ok: false, response: json(c, { non_field_errors: ["Expected a JSON object."] }, 400) };
  }
  return { ok: true, value: parsed };
}

export function createProxy(options: ProxyOptions): Hono {
  if (options.apiKey === "") throw new TypeError("createProxy: apiKey is empty");
  const clock = options.clock ?? new Clock();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const cacheTtlMs = options.cacheTtlMs ?? 0;
  const trustedHops = options.trustedHops ?? 0;
  const directories = options.directories ? new Set(options.directories) : null;
  const upstream = new Upstream({
    base: options.upstreamBase,
    apiKey: options.apiKey,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  });
  const state = options.state ?? new MemoryProxyState();
  const limitWrites = createRateLimiter({ ...(options.rateLimit ?? DEFAULT_RATE_LIMIT), clock, store: state, name: "post" });
  const limitReads = createRateLimiter({ ...(options.readRateLimit ?? DEFAULT_READ_RATE_LIMIT), clock, store: state, name: "get" });
  const listPath = (directoryId: string) => `/reviews/directory/${encodeURIComponent(directoryId)}/`;
  /** A directory this proxy serves: well-formed, and configured when a list is configured. */
  const serves = (directoryId: string) => DIRECTORY_ID.test(directoryId) && (directories === null || directories.has(directoryId));

  const app = new Hono();
  // Hono's default error handler logs to the console; the proxy never does.
  app.onError((_error, c) => json(c, { detail: "Internal error." }, 500));
  app.notFound((c) => json(c, NOT_FOUND, 404));

  app.use("*", async (c, next) => {
    await next();
    c.res.headers.append("Vary", "Origin");
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    // Nothing the proxy answers links anywhere; no page should learn where its visitors came from.
    c.res.headers.set("Referrer-Policy", "no-referrer");
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", NO_STORE);
  });
  app.use("*", cors(options.allowedOrigins));
  app.use("*", secretGuard(options.apiKey));
  app.use("*", revalidatePublic());

  /** The public list for sorted, distinct `ids`, fetched upstream (following pages). */
  const fetchList = async (directoryId: string, ids: string[]): Promise<CachedPage | null> => {
    const wanted = new Set(ids);
    const deadline = AbortSignal.timeout(timeoutMs);
    const seen = new Set<string>();
    const results: PublicReview[] = [];
    let page = 1;
    for (let fetched = 0; fetched < MAX_UPSTREAM_PAGES; fetched++) {
      const query: Array<[string, string]> = [["status", "A"], ...ids.map((id): [string, string] => ["entry_id", id]), ["page_size", UPSTREAM_PAGE_SIZE]];
      if (page > 1) query.push(["page", String(page)]);
      const reply = await upstream.send("GET", upstream.url(listPath(directoryId), query), deadline);
      const parsed = listPage(reply, page);
      if (!parsed) return null;
      for (const item of parsed.items) {
        const review = toPublicReview(item);
        // Fail closed even if the upstream ignores our filters. A review that
        // carries the key (stored before submissions were checked for it) is
        // dropped alone; otherwise the secret guard would blank the whole list.
        if (review && isApproved(review) && wanted.has(review.entry.id) && !seen.has(review.id) && !containsSecret(review, options.apiKey)) {
          seen.add(review.id);
          results.push(review);
        }
      }
      if (parsed.nextPage === null) break;
      page = parsed.nextPage;
    }
    return publicPage({ count: results.length, results });
  };
  // Identical lists being fetched right now: later askers share the first fetch.
  const fetching = new Map<string, Promise<CachedPage | null>>();

  app.on("GET", REVIEWS_PATHS, async (c) => {
    const directoryId = c.req.param("directoryId") ?? "";
    if (!serves(directoryId)) return json(c, NOT_FOUND, 404);
    // Reads are cheap but not free: one client cannot keep the upstream busy.
    // If the shared state is down, reads go on unlimited rather than fail.
    const decision = await limitReads(clientAddress(c, trustedHops, options.socketAddress)).catch(() => ({ allowed: true as const }));
    if (!decision.allowed) {
      return json(c, { detail: "Too many requests. Please try again later." }, 429, { "Retry-After": String(decision.retryAfterSeconds) });
    }
    const ids = entryIds(c);
    if (!ids.ok) return ids.response;

    const cacheKey = `${directoryId}:${(await publicPage(ids.value)).etag}`;
    if (cacheTtlMs > 0) {
      const cached = await state.cacheGet(cacheKey, clock.nowMs()).catch(() => null);
      if (cached) return cacheableJson(c, cached);
    }
    let pending = fetching.get(cacheKey);
    if (!pending) {
      pending = fetchList(directoryId, ids.value).finally(() => fetching.delete(cacheKey));
      fetching.set(cacheKey, pending);
    }
    let page: CachedPage | null;
    try {
      page = await pending;
    } catch (error) {
      return upstreamFailure(c, error);
    }
    if (!page) return json(c, UNAVAILABLE, 502);
    if (cacheTtlMs > 0) await state.cacheSet(cacheKey, page, cacheTtlMs, clock.nowMs()).catch(() => undefined);
    return cacheableJson(c, page);
  });

  /** A created review, or the error response to send. */
  type Created = { ok: true; review: PublicReview } | { ok: false; status: ErrorStatus; body: unknown };
  const create = async (directoryId: string, submission: Submission): Promise<Created> => {
    let reply: UpstreamReply;
    try {
      reply = await upstream.send("POST", upstream.url(listPath(directoryId)), AbortSignal.timeout(timeoutMs), { ...submission, status: "P" });
    } catch (error) {
      return { ok: false, ...failureOf(error) };
    }
    if (reply.status === 400) {
      const errors = publicFieldErrors(reply.body);
      return errors ? { ok: false, status: 400, body: errors } : { ok: false, status: 502, body: UNAVAILABLE };
    }
    const review = reply.status === 201 || reply.status === 200 ? toPublicReview(reply.body) : null;
    return review ? { ok: true, review } : { ok: false, status: 502, body: UNAVAILABLE };
  };
  const KEY_REUSED = { detail: "This Idempotency-Key was already used for a different submission." } as const;
  const KEY_BUSY = { detail: "A submission with this Idempotency-Key is still being processed. Please try again shortly." } as const;
  const REFUSED = { non_field_errors: ["This submission cannot be accepted."] } as const;

  app.on("POST", REVIEWS_PATHS, async (c) => {
    const directoryId = c.req.param("directoryId") ?? "";
    if (!serves(directoryId)) return json(c, NOT_FOUND, 404);
    const key = c.req.header("idempotency-key");
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      return json(c, { detail: "Idempotency-Key must be 16 to 100 letters, digits, - or _." }, 400);
    }
    // Everything is decided on the whole body: the key is bound to what it came with.
    const body = await readSubmissionBody(c, bodyTimeoutMs);
    if (!body.ok) return body.response;
    const submission = validateSubmission(body.value);
    if (!submission.ok) return json(c, submission.errors, 400);

    const respond = (created: Created, replayed: boolean) =>
      created.ok
        ? c.json(created.review, 201, { "Cache-Control": NO_STORE, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) })
        : json(c, created.body, created.status);
    const print = fingerprint(submission.value);
    try {
      const decision =
        key === undefined
          ? { kind: "claimed" as const, claim: NO_KEY }
          : await claimKey(`${directoryId}:${key}`, print, { state, nowMs: () => clock.nowMs(), pendingTtlMs: timeoutMs + 30_000, waitMs: timeoutMs + 1000 });
      if (decision.kind === "replay") return respond({ ok: true, review: decision.review }, true);
      if (decision.kind === "reused") return json(c, KEY_REUSED, 422);
      if (decision.kind === "busy") return json(c, KEY_BUSY, 409, { "Retry-After": "1" });
      const { claim } = decision;

      // Only a submission that may be forwarded counts: a repeat of one already received creates nothing.
      const limited = await limitWrites(clientAddress(c, trustedHops, options.socketAddress));
      if (!limited.allowed) {
        await claim.release();
        return json(c, { detail: "Too many submissions. Please try again later." }, 429, { "Retry-After": String(limited.retryAfterSeconds) });
      }
      // The key anywhere in a submission: refused before it is stored upstream, where the
      // owner's tools would show it and the public answer would be blanked by the guard.
      if (containsSecret(body.value, options.apiKey)) {
        await claim.release();
        return json(c, REFUSED, 400);
      }
      const created = await create(directoryId, submission.value);
      await (created.ok ? claim.complete(created.review) : claim.release());
      return respond(created, false);
    } catch {
      // The shared state (Redis) is unreachable: without the limit and the key check, nothing is forwarded.
      return json(c, UNAVAILABLE, 503, { "Retry-After": "5" });
    }
  });

  app.get(FRAGMENT_PATH, fragmentRoute(app, options.publicBase));
  app.on(["PUT", "PATCH", "DELETE"], REVIEWS_PATHS, (c) => json(c, { detail: `Method "${c.req.method}" not allowed.` }, 405, { Allow: "GET, POST, OPTIONS" }));

  return app;
}
