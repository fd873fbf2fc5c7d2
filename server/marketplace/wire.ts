/** The JSON shapes of seed 003 for reviews and review aggregates. */
import {
  MODERATION_STATUSES,
  REVIEWEE_TYPES,
  VISIBILITY_STATUSES,
  type AggregateRecord,
  type ModerationStatus,
  type ReviewRecord,
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
  /** Enrichment of the `reviewerId` relation with its human-readable name. */
  reviewer: { id: string; fullname: string | null };
}

export interface ReviewAggregateJson {
  id: string;
  revieweeId: string;
  revieweeType: RevieweeType;
  revieweeType_idx: number;
  averageRating: number;
  reviewCount: number;
  visibilityStatus: VisibilityStatus;
  visibilityStatus_idx: number;
  isActive: boolean;
  recordVersion: number;
  createdAt: string;
  updatedAt: string;
  _owner: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function reviewToJson(review: ReviewRecord, reviewer: User | undefined): ReviewJson {
  return {
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
    reviewer: { id: review.reviewerId, fullname: reviewer?.fullname ?? null },
  };
}

export function aggregateToJson(aggregate: AggregateRecord): ReviewAggregateJson {
  return {
    id: aggregate.id,
    revieweeId: aggregate.revieweeId,
    revieweeType: aggregate.revieweeType,
    revieweeType_idx: REVIEWEE_TYPES.indexOf(aggregate.revieweeType),
    averageRating: aggregate.averageRating,
    reviewCount: aggregate.reviewCount,
    visibilityStatus: aggregate.visibilityStatus,
    visibilityStatus_idx: VISIBILITY_STATUSES.indexOf(aggregate.visibilityStatus),
    isActive: aggregate.isActive,
    recordVersion: aggregate.recordVersion,
    createdAt: iso(aggregate.createdAt),
    updatedAt: iso(aggregate.updatedAt),
    _owner: aggregate.owner,
  };
}
