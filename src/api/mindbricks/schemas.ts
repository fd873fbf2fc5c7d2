import * as z from "zod/mini";

/**
 * Wire schemas of the marketplace review service (seed 003). Only the fields
 * the widgets use are checked; unknown fields pass through untouched and unused.
 * Enum-like fields are plain strings here: an unknown value is not a parse
 * error but a hidden review (see core/visibility.ts).
 */

const id = z.string().check(z.minLength(1));
const isoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), "not a date"));
const optionalString = z.optional(z.nullable(z.string()));

export const WireReview = z.looseObject({
  id,
  moderationStatus: z.string(),
  isPublished: z.boolean(),
  reviewText: z.string(),
  rating: z.number().check(z.int(), z.gte(1), z.lte(5)),
  revieweeId: id,
  reservationId: optionalString,
  reviewerId: optionalString,
  revieweeType: optionalString,
  submittedAt: isoDate,
  isActive: z.optional(z.boolean()),
  reviewer: z.optional(z.nullable(z.looseObject({ id: optionalString, fullname: optionalString }))),
});
export type WireReview = z.infer<typeof WireReview>;

export const WireAggregate = z.looseObject({
  id,
  revieweeId: id,
  revieweeType: optionalString,
  averageRating: z.number().check(z.gte(0), z.lte(5)),
  reviewCount: z.number().check(z.int(), z.gte(0)),
  visibilityStatus: z.string(),
  isActive: z.optional(z.boolean()),
});
export type WireAggregate = z.infer<typeof WireAggregate>;

export const WirePaging = z.looseObject({
  pageNumber: z.number().check(z.int(), z.gte(1)),
  pageRowCount: z.number().check(z.int(), z.gte(0)),
  totalRowCount: z.number().check(z.int(), z.gte(0)),
  pageCount: z.number().check(z.int(), z.gte(0)),
});
export type WirePaging = z.infer<typeof WirePaging>;

/** The success envelope; the data sits under the key named by `dataName`. */
export const WireEnvelope = z.looseObject({
  status: z.literal("OK"),
  dataName: z.string().check(z.minLength(1)),
  userId: optionalString,
  paging: z.optional(z.nullable(WirePaging)),
});
export type WireEnvelope = z.infer<typeof WireEnvelope>;

/** The error body: `{result:"ERR", status, message:"errMsg_…", errCode, date, detail}`. */
export const WireError = z.looseObject({
  result: z.literal("ERR"),
  status: z.number(),
  message: z.string(),
  errCode: z.optional(z.union([z.number(), z.string()])),
  date: z.optional(z.string()),
  detail: z.optional(z.unknown()),
});
export type WireError = z.infer<typeof WireError>;
