import type { Aggregate, Review, RevieweeType } from "../../core/model.js";
import { reviewWindowDays } from "../../core/config.js";
import { publicAuthorName } from "../../core/names.js";
import { isAggregatePublic, marketplaceVisibility } from "../../core/visibility.js";
import type { WireAggregate, WireReview } from "./schemas.js";

/**
 * The double-blind window: a review is published when both sides of a stay
 * have reviewed, or `reviewWindowDays` (default 14: our assumption, the seed
 * says only "timer expired") after the first submission on the reservation.
 * The wire has no "window closes at" field, so the viewer's own pending
 * review shows `submittedAt + window` — exact for the first review of a stay,
 * and an upper bound otherwise (the second review publishes both at once).
 */
export const reviewWindowMs = (): number => reviewWindowDays() * 864e5;

const REVIEWEE_TYPES: readonly string[] = ["listing", "host", "guest"];

export function toRevieweeType(value: string | null | undefined): RevieweeType | undefined {
  const lower = value?.toLowerCase();
  return lower !== undefined && REVIEWEE_TYPES.includes(lower) ? (lower as RevieweeType) : undefined;
}

/** Wire review → domain review, or null when the viewer may not see it. */
export function toReview(wire: WireReview, viewerId: string | null | undefined): Review | null {
  const visibility = marketplaceVisibility(wire, viewerId);
  if (visibility.kind === "hidden") return null;
  const revieweeType = toRevieweeType(wire.revieweeType);
  const submittedAt = new Date(wire.submittedAt);
  const review: Review = {
    id: wire.id,
    rating: wire.rating,
    text: wire.reviewText,
    authorName: publicAuthorName(wire.reviewer?.fullname),
    // Hosts review guests; guests review hosts and listings.
    authorRole: revieweeType === "guest" ? "host" : "guest",
    revieweeId: wire.revieweeId,
    submittedAt,
    visibility: visibility.kind === "public" ? "public" : "pending",
  };
  if (revieweeType) review.revieweeType = revieweeType;
  if (wire.reservationId) review.reservationId = wire.reservationId;
  if (wire.reviewerId) review.reviewerId = wire.reviewerId;
  if (wire.reservation) {
    const checkIn = new Date(wire.reservation.checkIn);
    const checkOut = Date.parse(wire.reservation.checkOut);
    const nights = Math.round((checkOut - checkIn.getTime()) / 864e5);
    // NaN (a malformed date) fails this too.
    if (nights > 0) review.stay = { checkIn, nights, verified: checkOut < Date.now() };
  }
  if (visibility.kind === "own-pending") {
    review.pendingReason = visibility.reason;
    if (visibility.reason === "double-blind") review.pendingUntil = new Date(submittedAt.getTime() + reviewWindowMs());
  }
  return review;
}

/** Wire aggregate → domain aggregate; numbers only survive when the server marks them public. */
export function toAggregate(wire: WireAggregate): Aggregate {
  const revieweeType = toRevieweeType(wire.revieweeType);
  const key = revieweeType ? { revieweeId: wire.revieweeId, revieweeType } : { revieweeId: wire.revieweeId };
  const { averageRating: average, reviewCount: count } = wire;
  if (!isAggregatePublic(wire) || average == null || count == null) return { ...key, visible: false };
  return { ...key, visible: true, average, count };
}
