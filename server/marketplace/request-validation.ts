/**
 * Turns raw request input (JSON bodies, path params, query strings) into typed
 * values, or a 400 error with a precise `errMsg_…` code. Business rules
 * (who may do what) live in `store.ts`.
 */
import { graphemeCount } from "../../src/core/graphemes.ts";
import { isObject, type JsonObject } from "../shared/json.ts";
import { textProblem } from "../shared/text.ts";
import { badRequest } from "./errors.ts";
import { isId } from "./ids.ts";
import { MODERATION_STATUSES, REVIEWEE_TYPES, type ModerationStatus, type RevieweeType } from "./model.ts";

export const MAX_REVIEW_TEXT_LENGTH = 2000;
export const DEFAULT_PAGE_ROW_COUNT = 25;
export const MAX_PAGE_ROW_COUNT = 100;

export type { JsonObject };

export function parseJsonObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest("errMsg_invalidJsonBody", "The request body is not valid JSON.");
  }
  if (!isObject(value)) throw badRequest("errMsg_bodyMustBeAJsonObject", "The request body must be a JSON object.");
  return value;
}

export function parseIdParam(name: string, value: string): string {
  if (!isId(value)) throw badRequest(`errMsg_${name}isNotAValidID`, `${name} must be a UUID, got "${value}".`);
  return value.toLowerCase();
}

function isEnumValue<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (options as readonly string[]).includes(value);
}

/** Trimmed, with something visible, no NUL, control characters or lone surrogates, at most 2000 characters as people see them (graphemes). */
function parseReviewText(value: unknown): string {
  if (typeof value !== "string") throw badRequest("errMsg_reviewTextIsRequired", "reviewText must be a non-empty string.");
  const problem = textProblem(value);
  if (problem === "invisible") {
    throw badRequest("errMsg_reviewTextIsRequired", "reviewText must contain visible characters.");
  }
  if (problem !== null) {
    throw badRequest(
      "errMsg_reviewTextHasInvalidCharacters",
      "reviewText may not contain NUL, control characters (other than tabs and line breaks) or lone surrogates.",
    );
  }
  const text = value.trim();
  const length = graphemeCount(text);
  if (length > MAX_REVIEW_TEXT_LENGTH) {
    throw badRequest("errMsg_reviewTextIsTooLong", `reviewText may have at most ${MAX_REVIEW_TEXT_LENGTH} characters, got ${length}.`);
  }
  return text;
}

function parseModerationStatus(value: unknown): ModerationStatus {
  if (!isEnumValue(MODERATION_STATUSES, value)) {
    throw badRequest("errMsg_moderationStatusisNotAValidValue", `moderationStatus must be one of ${MODERATION_STATUSES.join(", ")}.`);
  }
  return value;
}

function parseIsPublished(value: unknown): boolean {
  if (typeof value !== "boolean") throw badRequest("errMsg_isPublishedMustBeABoolean", "isPublished must be true or false.");
  return value;
}

export interface CreateReviewInput {
  moderationStatus: ModerationStatus;
  isPublished: boolean;
  reviewText: string;
  rating: number;
  revieweeId: string;
  reservationId: string;
  revieweeType: RevieweeType;
}

/** The seed's seven required create parameters, in the seed's order. */
const CREATE_REQUIRED = ["moderationStatus", "isPublished", "reviewText", "rating", "revieweeId", "reservationId", "revieweeType"] as const;

/**
 * Validates a create body. Other keys (reviewerId, submittedAt, …) are
 * ignored: those values come from the session and the server.
 */
export function parseCreateReview(body: JsonObject): CreateReviewInput {
  const missing = CREATE_REQUIRED.filter((key) => body[key] === undefined || body[key] === null);
  const firstMissing = missing[0];
  if (firstMissing !== undefined) {
    throw badRequest(`errMsg_${firstMissing}IsRequired`, `Missing required parameter(s): ${missing.join(", ")}.`);
  }
  const moderationStatus = parseModerationStatus(body["moderationStatus"]);
  const isPublished = parseIsPublished(body["isPublished"]);
  const reviewText = parseReviewText(body["reviewText"]);
  const rating = body["rating"];
  if (typeof rating !== "number" || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw badRequest("errMsg_ratingMustBeAnIntegerFrom1To5", "rating must be a whole number from 1 to 5.");
  }
  const revieweeId = body["revieweeId"];
  if (typeof revieweeId !== "string" || !isId(revieweeId)) {
    throw badRequest("errMsg_revieweeIdisNotAValidID", "revieweeId must be a UUID.");
  }
  const reservationId = body["reservationId"];
  if (typeof reservationId !== "string" || !isId(reservationId)) {
    throw badRequest("errMsg_reservationIdisNotAValidID", "reservationId must be a UUID.");
  }
  const revieweeType = body["revieweeType"];
  if (!isEnumValue(REVIEWEE_TYPES, revieweeType)) {
    throw badRequest("errMsg_revieweeTypeisNotAValidValue", `revieweeType must be one of ${REVIEWEE_TYPES.join(", ")}.`);
  }
  return {
    moderationStatus,
    isPublished,
    reviewText,
    rating,
    revieweeId: revieweeId.toLowerCase(),
    reservationId: reservationId.toLowerCase(),
    revieweeType,
  };
}

export interface ReviewPatch {
  moderationStatus?: ModerationStatus;
  isPublished?: boolean;
  reviewText?: string;
}

const UPDATABLE_KEYS = new Set(["moderationStatus", "isPublished", "reviewText"]);

/**
 * Validates an update body. Keys that are not update parameters are
 * returned, not rejected here: the store answers 404 for a review the caller
 * cannot see before it answers 403 for those keys.
 */
export function parseReviewPatch(body: JsonObject): { patch: ReviewPatch; otherKeys: string[] } {
  const keys = Object.keys(body);
  if (keys.length === 0) throw badRequest("errMsg_noFieldsToUpdate", "The update body has no fields.");
  const patch: ReviewPatch = {};
  if (body["moderationStatus"] !== undefined) patch.moderationStatus = parseModerationStatus(body["moderationStatus"]);
  if (body["isPublished"] !== undefined) patch.isPublished = parseIsPublished(body["isPublished"]);
  if (body["reviewText"] !== undefined) patch.reviewText = parseReviewText(body["reviewText"]);
  return { patch, otherKeys: keys.filter((key) => !UPDATABLE_KEYS.has(key)) };
}

/** A list filter: the values a field may have, and whether null/absent matches. */
export interface FieldFilter {
  values: readonly string[];
  matchesNull: boolean;
}

export function parseIdFilter(name: string, raw: readonly string[] | undefined): FieldFilter | undefined {
  if (!raw || raw.length === 0) return undefined;
  const values: string[] = [];
  let matchesNull = false;
  for (const value of raw) {
    if (value === "null") matchesNull = true;
    else if (isId(value)) values.push(value.toLowerCase());
    else throw badRequest(`errMsg_${name}isNotAValidID`, `Filter ${name} must be a UUID or null, got "${value}".`);
  }
  return { values, matchesNull };
}

/** Enum filters are case-insensitive; values are returned in their canonical case. */
export function parseEnumFilter(name: string, options: readonly string[], raw: readonly string[] | undefined): FieldFilter | undefined {
  if (!raw || raw.length === 0) return undefined;
  const values: string[] = [];
  let matchesNull = false;
  for (const value of raw) {
    const lower = value.toLowerCase();
    if (lower === "null") matchesNull = true;
    else if (options.includes(lower)) values.push(lower);
    else throw badRequest(`errMsg_${name}isNotAValidValue`, `Filter ${name} must be one of ${options.join(", ")} or null.`);
  }
  return { values, matchesNull };
}

export function filterMatches(filter: FieldFilter | undefined, value: string | null | undefined): boolean {
  if (!filter) return true;
  if (value === null || value === undefined) return filter.matchesNull;
  return filter.values.includes(value.toLowerCase());
}

export interface PageRequest {
  pageNumber: number;
  pageRowCount: number;
}

function parsePositiveInteger(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw)) return Number.NaN;
  return Number(raw);
}

/** `pageNumber` (1-based, default 1) and `pageRowCount` (1–100, default 25). */
export function parsePaging(query: Readonly<Record<string, readonly string[]>>): PageRequest {
  const pageNumber = parsePositiveInteger(query["pageNumber"]?.[0]) ?? 1;
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    throw badRequest("errMsg_pageNumberisNotAValidNumber", "pageNumber must be a whole number from 1.");
  }
  const pageRowCount = parsePositiveInteger(query["pageRowCount"]?.[0]) ?? DEFAULT_PAGE_ROW_COUNT;
  if (!Number.isInteger(pageRowCount) || pageRowCount < 1 || pageRowCount > MAX_PAGE_ROW_COUNT) {
    throw badRequest("errMsg_pageRowCountisNotAValidNumber", `pageRowCount must be a whole number from 1 to ${MAX_PAGE_ROW_COUNT}.`);
  }
  return { pageNumber, pageRowCount };
}

export interface PageResult<T> {
  items: T[];
  paging: { pageNumber: number; pageRowCount: number; totalRowCount: number; pageCount: number };
}

/** `pageCount` is 0 for an empty result; a page past the end is empty, not an error. */
export function paginate<T>(all: readonly T[], page: PageRequest): PageResult<T> {
  const start = (page.pageNumber - 1) * page.pageRowCount;
  return {
    items: all.slice(start, start + page.pageRowCount),
    paging: {
      pageNumber: page.pageNumber,
      pageRowCount: page.pageRowCount,
      totalRowCount: all.length,
      pageCount: Math.ceil(all.length / page.pageRowCount),
    },
  };
}
