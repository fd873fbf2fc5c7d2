/** The JSON shapes of seed 003 for reviews and review aggregates. */
import {
  MODERATION_STATUSES,
  REVIEWEE_TYPES,
  VISIBILITY_STATUSES,
  type AggregateRecord,
  type ModerationStatus,
  type ReviewRecord,
  type Reservation,
  type RevieweeType,
  type User,
  type VisibilityStatus,
} from "./model.ts";

export interface ReviewJson {
  id: string;
  moderationStatus: ModerationStatus;
  moderationStatus_idx: number;
  isPublished: boolean;
  reviewText: string;
  rating: number;
  blindSubmissionCode: string;
  revieweeId: string;
  reservationId: string;
  reviewerId: string;
  revieweeType: RevieweeType;
  revieweeType_idx: number;
  submittedAt: string;
  isActive: boolean;
  recordVersion: number;
  createdAt: string;
  updatedAt: string;
  _owner: string;
  /*
   * Enrichment of the relations with their human-readable side (seed 003, Get
   * Review: "Enrich with reviewer/reviewee & reservation if allowed"). Only on
   * reviews the caller may see at all; absent in strict mode.
   */
  reviewer?: { id: string; fullname: string | null };
  reviewee?: { id: string; name: string | null };
  reservation?: { id: string; checkIn: string; checkOut: string };
}

/** What `reviewToJson` may add to a review the caller may see. */
export interface ReviewRelations {
  reviewer?: User;
  revieweeName?: string;
  reservation?: Reservation;
}

export interface ReviewAggregateJson {
  id: string;
  revieweeId: string;
  revieweeType: RevieweeType;
  revieweeType_idx: number;
  /** null when hidden, for everyone but the moderator. */
  averageRating: number | null;
  reviewCount: number | null;
  visibilityStatus: VisibilityStatus;
  visibilityStatus_idx: number;
  isActive: boolean;
  recordVersion: number;
  createdAt: string;
  updatedAt: string;
  _owner: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `relations` undefined: no enrichment at all (strict mode). */
export function reviewToJson(review: ReviewRecord, relations: ReviewRelations | undefined): ReviewJson {
  const json: ReviewJson = {
    id: review.id,
    moderationStatus: review.moderationStatus,
    moderationStatus_idx: MODERATION_STATUSES.indexOf(review.moderationStatus),
    isPublished: review.isPublished,
    reviewText: review.reviewText,
    rating: review.rating,
    blindSubmissionCode: review.blindSubmissionCode,
    revieweeId: review.revieweeId,
    reservationId: review.reservationId,
    reviewerId: review.reviewerId,
    revieweeType: review.revieweeType,
    revieweeType_idx: REVIEWEE_TYPES.indexOf(review.revieweeType),
    submittedAt: iso(review.submittedAt),
    isActive: review.isActive,
    recordVersion: review.recordVersion,
    createdAt: iso(review.createdAt),
    updatedAt: iso(review.updatedAt),
    _owner: review.owner,
  };
  if (relations) {
    json.reviewer = { id: review.reviewerId, fullname: relations.reviewer?.fullname ?? null };
    json.reviewee = { id: review.revieweeId, name: relations.revieweeName ?? null };
    const stay = relations.reservation;
    if (stay) json.reservation = { id: stay.id, checkIn: iso(stay.checkIn), checkOut: iso(stay.checkOut) };
  }
  return json;
}

/** `withNumbers` false: a hidden aggregate as the public sees it, with no numbers to read anything from. */
export function aggregateToJson(aggregate: AggregateRecord, withNumbers = true): ReviewAggregateJson {
  const numbers = withNumbers || aggregate.visibilityStatus === "public";
  return {
    id: aggregate.id,
    revieweeId: aggregate.revieweeId,
    revieweeType: aggregate.revieweeType,
    revieweeType_idx: REVIEWEE_TYPES.indexOf(aggregate.revieweeType),
    averageRating: numbers ? aggregate.averageRating : null,
    reviewCount: numbers ? aggregate.reviewCount : null,
    visibilityStatus: aggregate.visibilityStatus,
    visibilityStatus_idx: VISIBILITY_STATUSES.indexOf(aggregate.visibilityStatus),
    isActive: aggregate.isActive,
    recordVersion: aggregate.recordVersion,
    createdAt: iso(aggregate.createdAt),
    updatedAt: iso(aggregate.updatedAt),
    _owner: aggregate.owner,
  };
}
