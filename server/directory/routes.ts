/**
 * The directory review API (Django REST framework style): list, create,
 * detail, PATCH and DELETE of reviews under
 * `reviews/directory/{directoryId}/[{reviewId}/]`, with or without the
 * trailing slash.
 */
import { Hono, type Context } from "hono";
import { limitBody, tooLargeDetail } from "../shared/body-limit.ts";
import { abortedResponse, isClientAbort, logClientAbort } from "../shared/client-abort.ts";
import { isObject, mediaTypeOf, pythonTypeName } from "../shared/json.ts";
import { AUTH_MESSAGES, authorize } from "./keys.ts";
import { PERMISSIONS, isReviewStatus, type DirectoryRecord, type Permission, type ReviewRecord, type ReviewStatus } from "./model.ts";
import { toCsv } from "./export.ts";
import { isoSeconds, reviewJson } from "./serialize.ts";
import type { DirectoryStore } from "./store.ts";
import { validateCreate, validatePatch } from "./validation.ts";

const EXPORT_PATHS = ["/reviews/directory/:directoryId/export/", "/reviews/directory/:directoryId/export"];
const LIST_PATHS = ["/reviews/directory/:directoryId/", "/reviews/directory/:directoryId"];
const DETAIL_PATHS = ["/reviews/directory/:directoryId/:reviewId/", "/reviews/directory/:directoryId/:reviewId"];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const NOT_FOUND = { detail: "Not found." } as const;

type JsonBody = { ok: true; body: Record<string, unknown> } | { ok: false; response: Response };

/** Reads a JSON object body; an empty body counts as `{}` (as in DRF). */
async function readJsonObject(c: Context): Promise<JsonBody> {
  const contentType = c.req.header("content-type");
  const mediaType = mediaTypeOf(contentType);
  if (mediaType !== "" && mediaType !== "application/json") {
    return { ok: false, response: c.json({ detail: `Unsupported media type "${contentType}" in request.` }, 415) };
  }
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, body: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    return { ok: false, response: c.json({ detail: `JSON parse error - ${reason}` }, 400) };
  }
  if (!isObject(parsed)) {
    const message = `Invalid data. Expected a dictionary, but got ${pythonTypeName(parsed)}.`;
    return { ok: false, response: c.json({ non_field_errors: [message] }, 400) };
  }
  return { ok: true, body: parsed };
}

/** A page number from `?page=` (1-based, or "last"); null when invalid. */
function pageNumber(raw: string | undefined, pageCount: number): number | null {
  if (raw === undefined || raw === "") return 1;
  if (raw === "last") return pageCount;
  if (!/^\d{1,9}$/.test(raw)) return null;
  const page = Number(raw);
  return page >= 1 && page <= pageCount ? page : null;
}

function pageSize(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  return size < 1 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}

/**
 * The request's path and query with `page` replaced (page 1 drops the
 * parameter, like DRF). Path-absolute, not absolute like DRF's: the scheme
 * and host would come from the request's Host header, which the client
 * chooses, so a forged Host could plant a link to another site.
 */
function pageLink(requestUrl: string, page: number): string {
  const url = new URL(requestUrl);
  if (page === 1) url.searchParams.delete("page");
  else url.searchParams.set("page", String(page));
  return `${url.pathname}${url.search}`;
}

export interface DirectoryApiOptions {
  /** Lists return approved reviews only (what the seed's public read would give). */
  strict?: boolean;
  /** The clock's now, for the export's file name. */
  now?: () => number;
}

export function createDirectoryApi(store: DirectoryStore, options: DirectoryApiOptions = {}): Hono {
  const strict = options.strict === true;
  const app = new Hono();
  app.onError((error, c) => {
    if (isClientAbort(c, error)) {
      logClientAbort(c);
      return abortedResponse();
    }
    return c.json({ detail: "A server error occurred." }, 500);
  });
  app.notFound((c) => c.json(NOT_FOUND, 404));
  app.use(
    "*",
    limitBody((c) => c.json({ detail: tooLargeDetail() }, 413)),
  );
  // Reviews carry reviewers' emails: no cache, shared or private, may keep any answer.
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  });

  /** Authorizes the caller for the directory in the path; the directory, or an error response. */
  function guard(c: Context, permission: Permission) {
    const directoryId = c.req.param("directoryId") ?? "";
    const auth = authorize(store, c.req.header("authorization"), directoryId, permission);
    if (!auth.ok) return { ok: false as const, response: c.json({ detail: auth.detail }, auth.status) };
    const directory = store.directory(directoryId);
    if (!directory) return { ok: false as const, response: c.json(NOT_FOUND, 404) };
    return { ok: true as const, directory, caller: auth.key.user, permissions: auth.key.permissions };
  }

  function findReview(c: Context, directory: DirectoryRecord): ReviewRecord | undefined {
    return store.get(directory.id, c.req.param("reviewId") ?? "");
  }

  function toJson(directory: DirectoryRecord, review: ReviewRecord) {
    const entry = directory.entries.get(review.entryId);
    if (!entry) throw new Error("review without entry");
    return reviewJson(review, entry);
  }

  app.on("GET", LIST_PATHS, (c) => {
    const access = guard(c, PERMISSIONS.read);
    if (!access.ok) return access.response;
    const { directory } = access;

    const entryIds = (c.req.queries("entry_id") ?? []).filter((id) => id !== "");
    const statusValues = (c.req.queries("status") ?? []).filter((s) => s !== "");
    const badStatus = statusValues.find((s) => !isReviewStatus(s));
    if (badStatus !== undefined) {
      return c.json({ status: [`Select a valid choice. ${badStatus} is not one of the available choices.`] }, 400);
    }
    const wanted = statusValues as ReviewStatus[];
    // Strict: approved reviews only, whatever else was asked for.
    const strictNothing = strict && wanted.length > 0 && !wanted.includes("A");
    const statuses: ReviewStatus[] = strict ? ["A"] : wanted;
    const reviews = strictNothing ? [] : store.list(directory.id, { entryIds, statuses });

    const size = pageSize(c.req.query("page_size"));
    const pageCount = Math.max(1, Math.ceil(reviews.length / size));
    const page = pageNumber(c.req.query("page"), pageCount);
    if (page === null) return c.json({ detail: "Invalid page." }, 404);
    const results = reviews.slice((page - 1) * size, page * size).map((r) => toJson(directory, r));
    return c.json({
      count: reviews.length,
      next: page < pageCount ? pageLink(c.req.url, page + 1) : null,
      previous: page > 1 ? pageLink(c.req.url, page - 1) : null,
      results,
    });
  });

  app.on("POST", LIST_PATHS, async (c) => {
    const access = guard(c, PERMISSIONS.create);
    if (!access.ok) return access.response;
    const { directory, caller } = access;
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const input = validateCreate(body.body, (id) => directory.entries.has(id));
    if (!input.ok) return c.json(input.errors, 400);
    // Choosing a review's status is moderation: a key that may only create (the
    // public proxy's) can ask for "pending" and nothing else.
    if (input.value.status !== "P" && !access.permissions.has(PERMISSIONS.update)) {
      return c.json({ detail: AUTH_MESSAGES.forbidden }, 403);
    }
    return c.json(toJson(directory, store.create(directory.id, input.value, caller)), 201);
  });

  // The owner's export (ours; export.ts): read permission, key in the Authorization header only.
  app.on("GET", EXPORT_PATHS, (c) => {
    const access = guard(c, PERMISSIONS.read);
    if (!access.ok) return access.response;
    const { directory } = access;
    const format = c.req.query("format") ?? "csv";
    if (format !== "csv" && format !== "json") {
      return c.json({ format: [`Select a valid choice. ${format} is not one of the available choices.`] }, 400);
    }
    const reviews = store.list(directory.id, { entryIds: [], statuses: [] }).map((r) => toJson(directory, r));
    const name = `reviews-${directory.id}-${isoSeconds((options.now ?? Date.now)()).slice(0, 10)}.${format}`;
    const disposition = `attachment; filename="${name}"`;
    if (format === "json") return c.json(reviews, 200, { "Content-Disposition": disposition });
    return c.body(toCsv(reviews), 200, { "Content-Type": "text/csv; charset=utf-8; header=present", "Content-Disposition": disposition });
  });

  app.on("GET", DETAIL_PATHS, (c) => {
    const access = guard(c, PERMISSIONS.read);
    if (!access.ok) return access.response;
    const review = findReview(c, access.directory);
    if (!review) return c.json(NOT_FOUND, 404);
    return c.json(toJson(access.directory, review));
  });

  app.on("PATCH", DETAIL_PATHS, async (c) => {
    const access = guard(c, PERMISSIONS.update);
    if (!access.ok) return access.response;
    const { directory, caller } = access;
    const review = findReview(c, directory);
    if (!review) return c.json(NOT_FOUND, 404);
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const changes = validatePatch(body.body);
    if (!changes.ok) return c.json(changes.errors, 400);
    return c.json(toJson(directory, store.update(review, changes.value, caller)));
  });

  app.on("DELETE", DETAIL_PATHS, (c) => {
    const access = guard(c, PERMISSIONS.delete);
    if (!access.ok) return access.response;
    const review = findReview(c, access.directory);
    if (!review) return c.json(NOT_FOUND, 404);
    store.delete(review);
    return c.body(null, 204);
  });

  const notAllowed = (allow: string) => (c: Context) => c.json({ detail: `Method "${c.req.method}" not allowed.` }, 405, { Allow: allow });
  app.on(["PUT", "PATCH", "DELETE"], LIST_PATHS, notAllowed("GET, POST, HEAD, OPTIONS"));
  app.on(["PUT", "POST"], DETAIL_PATHS, notAllowed("GET, PATCH, DELETE, HEAD, OPTIONS"));

  return app;
}
