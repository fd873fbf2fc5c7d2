import * as z from "zod/mini";
import { boolean, isoDate, lazy, nonEmptyString, string, numberIn, wholeNumberIn, type Parsed } from "../wire.js";

/**
 * Wire schemas of the marketplace review service (seed 003). Only the fields
 * the widgets use are checked, and only those are kept (`z.object` strips the
 * rest: unknown fields never reach the domain). Enum-like fields are plain
 * strings: an unknown value is not a parse error but a hidden review
 * (core/visibility.ts). zod/mini objects never compile parsers at run time, so
 * a strict CSP without 'unsafe-eval' holds.
 */
const optionalString = () => z.nullish(string());
const count = () => wholeNumberIn(0);

export const WireReview = lazy(() =>
  z.object({
    id: nonEmptyString(),
    moderationStatus: string(),
    isPublished: boolean(),
    reviewText: string(),
    rating: wholeNumberIn(1, 5),
    revieweeId: nonEmptyString(),
    reservationId: optionalString(),
    reviewerId: optionalString(),
    revieweeType: optionalString(),
    submittedAt: isoDate(),
    isActive: z.nullish(boolean()),
    reviewer: z.nullish(z.object({ fullname: optionalString() })),
    // Our reference server's enrichment (seed 003: "enrich with reviewer/reviewee & reservation"); optional.
    reviewee: z.nullish(z.object({ name: optionalString() })),
    // Checked in the adapter: a malformed stay loses its line on the card, not the review.
    reservation: z.nullish(z.object({ checkIn: string(), checkOut: string() })),
  }),
);
export type WireReview = Parsed<typeof WireReview>;

export const WireAggregate = lazy(() =>
  z.object({
    id: nonEmptyString(),
    revieweeId: nonEmptyString(),
    revieweeType: optionalString(),
    // null on a hidden aggregate (no numbers for the public); only a public one is ever shown.
    averageRating: z.nullish(numberIn(0, 5)),
    reviewCount: z.nullish(count()),
    visibilityStatus: string(),
    isActive: z.nullish(boolean()),
  }),
);
export type WireAggregate = Parsed<typeof WireAggregate>;

/** The success envelope; the data sits under the key named by `dataName`. `status` must be "OK" (checked by the source). */
export const WireEnvelope = lazy(() =>
  z.object({
    status: string(),
    dataName: nonEmptyString(),
    userId: optionalString(),
    paging: z.nullish(z.object({ pageNumber: wholeNumberIn(1), pageRowCount: count(), totalRowCount: count(), pageCount: count() })),
  }),
);
export type WireEnvelope = Parsed<typeof WireEnvelope>;
export type WirePaging = NonNullable<WireEnvelope["paging"]>;
