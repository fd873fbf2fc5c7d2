/**
 * The marketplace's records as the reference server keeps them in memory.
 * Dates are epoch milliseconds here; `wire.ts` turns them into the seed's JSON.
 */

/** Enum option lists of seed 003; a value's `_idx` is its index in its list. */
export const MODERATION_STATUSES = ["pending", "approved", "rejected"] as const;
export const REVIEWEE_TYPES = ["host", "guest", "listing"] as const;
export const VISIBILITY_STATUSES = ["public", "hidden"] as const;

export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export type RevieweeType = (typeof REVIEWEE_TYPES)[number];
export type VisibilityStatus = (typeof VISIBILITY_STATUSES)[number];

/** `guest` and `host` are marketplace members; `admin` is the moderator. */
export type Role = "guest" | "host" | "admin";

export interface User {
  id: string;
  email: string;
  fullname: string;
  password: string;
  role: Role;
}

export interface Listing {
  id: string;
  title: string;
  hostId: string;
}

export interface Reservation {
  id: string;
  listingId: string;
  guestId: string;
  hostId: string;
  checkIn: number;
  checkOut: number;
}

export interface ReviewRecord {
  id: string;
  moderationStatus: ModerationStatus;
  isPublished: boolean;
  reviewText: string;
  rating: number;
  blindSubmissionCode: string;
  revieweeId: string;
  reservationId: string;
  reviewerId: string;
  revieweeType: RevieweeType;
  submittedAt: number;
  isActive: boolean;
  recordVersion: number;
  createdAt: number;
  updatedAt: number;
  owner: string;
  /**
   * Internal, never sent: true once the double-blind hold on this review has
   * ended (both sides reviewed, the window closed, or a moderator set
   * `isPublished` explicitly). Window expiry only touches unreleased reviews,
   * so a moderator's later unpublish is not undone by the next request.
   */
  blindReleased: boolean;
}

export interface AggregateRecord {
  id: string;
  revieweeId: string;
  revieweeType: RevieweeType;
  averageRating: number;
  reviewCount: number;
  visibilityStatus: VisibilityStatus;
  isActive: boolean;
  recordVersion: number;
  createdAt: number;
  updatedAt: number;
  owner: string;
}

/** Who is calling: anonymous callers have no user. */
export interface Viewer {
  user: User | null;
  sessionId: string | null;
}

/**
 * Public = published, approved and active. Everything else is hidden from
 * everyone but its reviewer and the moderator.
 */
export function isPublicReview(review: ReviewRecord): boolean {
  return review.isPublished && review.moderationStatus === "approved" && review.isActive;
}

export function isModerator(user: User | null): boolean {
  return user?.role === "admin";
}
