/**
 * The domain model every element renders. Wire formats never reach the
 * elements: adapters in src/api turn them into these shapes, after the
 * visibility rules (src/core/visibility.ts) have decided what may be shown.
 */

/** A backend's kind, as registered in src/api/backends.ts: `mindbricks` (the marketplace) or `partnerpage` (the directory) built in. */
export type SourceKind = string;
export type RevieweeType = "listing" | "host" | "guest";

/** Why a review the viewer wrote is not public yet. */
export type PendingReason = "double-blind" | "moderation" | "rejected";

export interface Review {
  id: string;
  /** Whole stars, 1..5. */
  rating: number;
  text: string;
  /** A headline (directory reviews have one). */
  title?: string;
  /** Already privacy-trimmed for display: "Jane D." — never a full last name or an email. */
  authorName: string;
  /** Which side wrote it, for a label when no name is known ("Guest", "Host"). */
  authorRole?: "guest" | "host";
  /** The reviewer's company (directory reviews). */
  authorCompany?: string;
  revieweeId: string;
  revieweeType?: RevieweeType;
  reservationId?: string;
  /** The stay a marketplace review is about, when the server sends it; `verified` once its check-out has passed. */
  stay?: { checkIn: Date; nights: number; verified: boolean };
  reviewerId?: string;
  submittedAt: Date;
  /**
   * "public" for everyone; "pending" only ever for the viewer's own review.
   * Nobody else's non-public review becomes a `Review` at all.
   */
  visibility: "public" | "pending";
  pendingReason?: PendingReason;
  /** When a double-blind review will be published at the latest. */
  pendingUntil?: Date;
}

/** A rating aggregate that may be shown, or the fact that it may not. */
export type Aggregate =
  | {
      revieweeId: string;
      revieweeType?: RevieweeType;
      visible: true;
      average: number;
      count: number;
      /** Counts of 1..5-star public reviews, index 0 = one star; when known. */
      distribution?: readonly [number, number, number, number, number];
    }
  | { revieweeId: string; revieweeType?: RevieweeType; visible: false };

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** Moderation status as an admin sees it, normalised across both backends. */
export type ModerationStatus = "pending" | "approved" | "rejected";

/** A review as the signed-in moderator sees it: includes what the public never sees. */
export interface ModerationItem {
  id: string;
  rating: number;
  text: string;
  title?: string;
  /** Full name as given (admin only); empty when the server sends none. */
  authorFullName: string;
  /** Which side wrote it (marketplace), for a label when no name is known. */
  authorRole?: "guest" | "host";
  authorEmail?: string;
  authorCompany?: string;
  revieweeId: string;
  revieweeLabel?: string;
  revieweeType?: RevieweeType;
  submittedAt: Date;
  status: ModerationStatus;
  /** Marketplace only: whether double-blind publishing has happened. */
  isPublished?: boolean;
  /** Marketplace only: when the review window closes on a review double-blind still hides. */
  hiddenUntil?: Date;
}

/** What the form submits, in domain terms. */
export interface ReviewDraft {
  rating: number;
  text: string;
  title?: string;
  revieweeId: string;
  revieweeType?: RevieweeType;
  reservationId?: string;
  /** Directory submissions: who writes. */
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: string;
  /** The same for every attempt at sending this review; the directory proxy takes it as `Idempotency-Key`. */
  submissionId?: string;
}
