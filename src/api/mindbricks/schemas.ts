import { boolean, date, literal, nullish, number, object, string, type Infer } from "../schema.js";

/**
 * Wire schemas of the marketplace review service (seed 003). Only the fields
 * the widgets use are checked (and kept); enum-like fields are plain strings:
 * an unknown value is not a parse error but a hidden review (core/visibility.ts).
 */
const id = string(1);

export const WireReview = object({
  id,
  moderationStatus: string(),
  isPublished: boolean,
  reviewText: string(),
  rating: number(1, 5, true),
  revieweeId: id,
  reservationId: nullish(string()),
  reviewerId: nullish(string()),
  revieweeType: nullish(string()),
  submittedAt: date,
  isActive: nullish(boolean),
  reviewer: nullish(object({ id: nullish(string()), fullname: nullish(string()) })),
});
export type WireReview = Infer<typeof WireReview>;

export const WireAggregate = object({
  id,
  revieweeId: id,
  revieweeType: nullish(string()),
  averageRating: number(0, 5),
  reviewCount: number(0, Infinity, true),
  visibilityStatus: string(),
  isActive: nullish(boolean),
});
export type WireAggregate = Infer<typeof WireAggregate>;

const count = number(0, Infinity, true);
export const WirePaging = object({ pageNumber: number(1, Infinity, true), pageRowCount: count, totalRowCount: count, pageCount: count });
export type WirePaging = Infer<typeof WirePaging>;

/** The success envelope; the data sits under the key named by `dataName`. */
export const WireEnvelope = object({
  status: literal("OK"),
  dataName: string(1),
  userId: nullish(string()),
  paging: nullish(WirePaging),
});
export type WireEnvelope = Infer<typeof WireEnvelope>;

/** The error body: `{result:"ERR", status, message:"errMsg_…", errCode, date, detail}`. */
export const WireError = object({
  result: literal("ERR"),
  status: number(),
  message: string(),
  detail: nullish(string()),
});
