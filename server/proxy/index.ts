/**
 * The public proxy in front of the directory review API (mounted at
 * /directory-proxy). It holds the API key server-side, returns approved
 * reviews only, without personal data, with cache headers; it validates and
 * rate-limits public submissions and creates them as pending. Stateless
 * except for the rate-limit counter and the idempotency keys of created
 * submissions, which sit behind `RateLimitStore` and `IdempotencyStore`.
 *
 *   GET  /directories/{directoryId}/reviews?entry_id=…[&entry_id=…]
 *   POST /directories/{directoryId}/reviews   [Idempotency-Key: …]
 */
import { Hono, type Context } from "hono";
import { Clock } from "../clock.ts";
import { readTextAtMost } from "./body.ts";
import { NO_STORE, cacheableJson } from "./cache.ts";
import { cors } from "./cors.ts";
import { IDEMPOTENCY_KEY, IDEMPOTENCY_TTL_MS, MemoryIdempotencyStore, fingerprint, type IdempotencyStore } from "./idempotency.ts";
import { MemoryRateLimitStore, clientAddress, createRateLimiter, type RateLimitStore } from "./rate-limit.ts";
import { UNAVAILABLE, secretGuard } from "./secret-guard.ts";
import { isApproved, toPublicReview, type PublicReview } from "./strip.ts";
import { publicFieldErrors, validateSubmission, type Submission } from "./submission.ts";
import { Upstream, UpstreamError, type UpstreamReply } from "./upstream.ts";

export type { PublicReview } from "./strip.ts";
export type { RateLimitStore, RateLimitWindow } from "./rate-limit.ts";
export { MemoryRateLimitStore } from "./rate-limit.ts";
export type { IdempotencyStore, RememberedSubmission } from "./idempotency.ts";
export { MemoryIdempotencyStore } from "./idempotency.ts";

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
  /** How many proxies in front of this one append to X-Forwarded-For (0: use the socket address). */
  trustedHops?: number;
  /** Where rate-limit counters live; default in this process's memory. */
  rateLimitStore?: RateLimitStore;
  /** Where the idempotency keys of created submissions live; default in this process's memory. */
  idempotencyStore?: IdempotencyStore;
  clock?: Clock;
}

export const DEFAULT_TIMEOUT_MS = 3000;
export const DEFAULT_RATE_LIMIT = { max: 5, windowMs: 10 * 60 * 1000 } as const;
export const MAX_ENTRY_IDS = 100;
export const MAX_BODY_BYTES = 8 * 1024;
/** Upstream pages followed per GET (× 200 reviews). */
const MAX_UPSTREAM_PAGES = 10;
const UPSTREAM_PAGE_SIZE = "200";

const TIMEOUT = { detail: "The review service did not answer in time. Please try again later." } as const;
const NOT_FOUND = { detail: "Not found." } as const;
const DIRECTORY_ID = /^[A-Za-z0-9_-]{1,100}$/;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,100}$/;
const REVIEWS_PATHS = ["/directories/:directoryId/reviews", "/directories/:directoryId/reviews/"];

type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

type ErrorStatus = 400 | 403 | 404 | 405 | 413 | 415 | 422 | 429 | 500 | 502 | 504;

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `?entry_id=` values: 1..100 distinct well-formed ids. */
function entryIds(c: Context): Outcome<string[]> {
  const ids = [...new Set((c.req.queries("entry_id") ?? []).map((id) => id.trim()).filter((id) => id !== ""))];
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

/** Reads the JSON object body of a submission: 415, 413 and 400 as appropriate. */
async function readSubmissionBody(c: Context): Promise<Outcome<Record<string, unknown>>> {
  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return { ok: false, response: json(c, { detail: "Submissions must be sent as application/json." }, 415) };
  }
  const tooLarge = () => ({ ok: false as const, response: json(c, { detail: `The request body must be at most ${MAX_BODY_BYTES / 1024} KB.` }, 413) });
  if (Number(c.req.header("content-length") ?? "0") > MAX_BODY_BYTES) return tooLarge();
  const text = await readTextAtMost(c.req.raw.body, MAX_BODY_BYTES);
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
  const upstream = new Upstream({
    base: options.upstreamBase,
    apiKey: options.apiKey,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  });
  const limit = createRateLimiter({
    ...(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    clock,
    store: options.rateLimitStore ?? new MemoryRateLimitStore(),
  });
  const idempotencyStore = options.idempotencyStore ?? new MemoryIdempotencyStore();
  const listPath = (directoryId: string) => `/reviews/directory/${encodeURIComponent(directoryId)}/`;

  const app = new Hono();
  // Hono's default error handler logs to the console; the proxy never does.
  app.onError((_error, c) => json(c, { detail: "Internal error." }, 500));
  app.notFound((c) => json(c, NOT_FOUND, 404));

  app.use("*", async (c, next) => {
    await next();
    c.res.headers.append("Vary", "Origin");
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", NO_STORE);
  });
  app.use("*", cors(options.allowedOrigins));
  app.use("*", secretGuard(options.apiKey));

  app.on("GET", REVIEWS_PATHS, async (c) => {
    const directoryId = c.req.param("directoryId") ?? "";
    if (!DIRECTORY_ID.test(directoryId)) return json(c, NOT_FOUND, 404);
    const ids = entryIds(c);
    if (!ids.ok) return ids.response;
    const wanted = new Set(ids.value);

    const deadline = AbortSignal.timeout(timeoutMs);
    const seen = new Set<string>();
    const results: PublicReview[] = [];
    let page = 1;
    try {
      for (let fetched = 0; fetched < MAX_UPSTREAM_PAGES; fetched++) {
        const query: Array<[string, string]> = [
          ["status", "A"],
          ...ids.value.map((id): [string, string] => ["entry_id", id]),
          ["page_size", UPSTREAM_PAGE_SIZE],
        ];
        if (page > 1) query.push(["page", String(page)]);
        const reply = await upstream.send("GET", upstream.url(listPath(directoryId), query), deadline);
        const parsed = listPage(reply, page);
        if (!parsed) return json(c, UNAVAILABLE, 502);
        for (const item of parsed.items) {
          const review = toPublicReview(item);
          // Fail closed even if the upstream ignores our filters.
          if (review && isApproved(review) && wanted.has(review.entry.id) && !seen.has(review.id)) {
            seen.add(review.id);
            results.push(review);
          }
        }
        if (parsed.nextPage === null) break;
        page = parsed.nextPage;
      }
    } catch (error) {
      return upstreamFailure(c, error);
    }
    return cacheableJson(c, { count: results.length, results });
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
  // Submissions with a key that are being created right now: a concurrent repeat waits for the first.
  const inFlight = new Map<string, { fingerprint: string; created: Promise<Created> }>();
  const KEY_REUSED = { detail: "This Idempotency-Key was already used for a different submission." } as const;

  app.on("POST", REVIEWS_PATHS, async (c) => {
    const directoryId = c.req.param("directoryId") ?? "";
    if (!DIRECTORY_ID.test(directoryId)) return json(c, NOT_FOUND, 404);
    const key = c.req.header("idempotency-key");
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      return json(c, { detail: "Idempotency-Key must be 16 to 100 letters, digits, - or _." }, 400);
    }
    const scope = key === undefined ? null : `${directoryId}:${key}`;
    const remembered = scope === null ? undefined : await idempotencyStore.get(scope, clock.nowMs());

    // A repeat of a submission already received creates nothing, so it does not count against the limit.
    if (!remembered && !(scope !== null && inFlight.has(scope))) {
      const decision = await limit(clientAddress(c, options.trustedHops ?? 0));
      if (!decision.allowed) {
        return json(c, { detail: "Too many submissions. Please try again later." }, 429, {
          "Retry-After": String(decision.retryAfterSeconds),
        });
      }
    }
    const body = await readSubmissionBody(c);
    if (!body.ok) return body.response;
    const submission = validateSubmission(body.value);
    if (!submission.ok) return json(c, submission.errors, 400);
    const print = fingerprint(submission.value);

    const respond = (created: Created, replayed: boolean) =>
      created.ok
        ? c.json(created.review, 201, { "Cache-Control": NO_STORE, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) })
        : json(c, created.body, created.status);
    if (remembered) return remembered.fingerprint === print ? respond({ ok: true, review: remembered.review }, true) : json(c, KEY_REUSED, 422);
    const pending = scope === null ? undefined : inFlight.get(scope);
    if (pending) return pending.fingerprint === print ? respond(await pending.created, true) : json(c, KEY_REUSED, 422);
    if (scope === null) return respond(await create(directoryId, submission.value), false);

    const created = create(directoryId, submission.value);
    inFlight.set(scope, { fingerprint: print, created });
    try {
      const outcome = await created;
      if (outcome.ok) {
        await idempotencyStore.set(scope, { fingerprint: print, review: outcome.review, expiresAtMs: clock.nowMs() + IDEMPOTENCY_TTL_MS });
      }
      return respond(outcome, false);
    } finally {
      inFlight.delete(scope);
    }
  });

  app.on(["PUT", "PATCH", "DELETE"], REVIEWS_PATHS, (c) =>
    json(c, { detail: `Method "${c.req.method}" not allowed.` }, 405, { Allow: "GET, POST, OPTIONS" }),
  );

  return app;
}
