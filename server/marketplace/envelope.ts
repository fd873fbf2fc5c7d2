/**
 * Response bodies of seed 003: the success envelope and the error body, both
 * sent as `application/json; charset=utf-8`.
 */
import type { MarketplaceError } from "./errors.ts";

export const APP_VERSION = "1.0.0";
export function jsonResponse(body: unknown, status: number, extraHeaders: Record<string, string> = {}): Response {
  // A new headers object per response: @hono/node-server writes content-length into it.
  const headers = {
    ...extraHeaders,
    "content-type": "application/json; charset=utf-8",
    // What a caller sees depends on who the caller is (own hidden reviews,
    // moderator view): no shared cache may keep these answers.
    "cache-control": "no-store",
  };
  return new Response(JSON.stringify(body), { status, headers });
}

/** Per-request facts the envelope reports. */
export interface RequestFacts {
  startedAt: number;
  ssoTimeMs: number;
  requestId: string;
  userId: string | null;
  sessionId: string | null;
  method: string;
  cacheKeySource: string;
}

export interface Paging {
  pageNumber: number;
  pageRowCount: number;
  totalRowCount: number;
  pageCount: number;
}

export type Action = "get" | "list" | "create" | "update" | "delete";

export interface SuccessOptions {
  facts: RequestFacts;
  dataName: string;
  action: Action;
  data: unknown;
  rowCount: number;
  paging?: Paging;
  statusCode?: 200 | 201;
}

/**
 * How long a shared cache may keep an anonymous read of public data
 * ("cache-friendly, e.g., for search results", seed 003); browsers revalidate
 * every time (max-age=0) with the ETag.
 */
export const PUBLIC_SHARED_MAX_AGE_S = 30;

/**
 * An anonymous read gets a shared-cacheable answer with a validator over its
 * data (not the per-request envelope fields); a matching If-None-Match is
 * answered 304 by `revalidatePublic` (server/shared/revalidate.ts). Anything
 * read with a token stays `no-store`.
 */
export function cacheableResponse(options: SuccessOptions, anonymous: boolean): Response {
  const response = successResponse(options);
  if (!anonymous) return response;
  response.headers.set("cache-control", `public, max-age=0, s-maxage=${PUBLIC_SHARED_MAX_AGE_S}`);
  response.headers.set("etag", `"${hashHex(JSON.stringify([options.dataName, options.data, options.paging ?? null]))}"`);
  response.headers.set("vary", "Authorization");
  return response;
}

export function successResponse(options: SuccessOptions): Response {
  const { facts, dataName, action, data, rowCount, paging } = options;
  const statusCode = options.statusCode ?? 200;
  const body: Record<string, unknown> = {
    status: "OK",
    statusCode,
    elapsedMs: Math.max(0, Date.now() - facts.startedAt),
    ssoTime: facts.ssoTimeMs,
    source: "db",
    cacheKey: hashHex(`${facts.cacheKeySource}|${facts.userId ?? ""}`),
    userId: facts.userId,
    sessionId: facts.sessionId,
    requestId: facts.requestId,
    dataName,
    method: facts.method,
    action,
    appVersion: APP_VERSION,
    rowCount,
    [dataName]: data,
  };
  if (paging) body["paging"] = paging;
  body["filters"] = [];
  body["uiPermissions"] = [];
  return jsonResponse(body, statusCode);
}

export interface ErrorBody {
  result: "ERR";
  status: number;
  message: string;
  errCode: number;
  date: string;
  detail: string;
}

export function errorBody(error: MarketplaceError, now: Date): ErrorBody {
  return {
    result: "ERR",
    status: error.status,
    message: error.code,
    errCode: error.status,
    date: now.toISOString(),
    detail: error.detail,
  };
}

export function errorResponse(error: MarketplaceError, now: Date): Response {
  const headers: Record<string, string> = error.retryAfterSeconds === undefined ? {} : { "retry-after": String(error.retryAfterSeconds) };
  return jsonResponse(errorBody(error, now), error.status, headers);
}

/** 64-bit FNV-1a as 16 hex digits: a cache key that runs on any runtime. */
export function hashHex(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
