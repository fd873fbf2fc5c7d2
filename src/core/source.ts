import type { Aggregate, ModerationItem, ModerationStatus, Page, Review, ReviewDraft, RevieweeType, SourceKind } from "./model.js";

export interface RequestContext {
  signal?: AbortSignal | undefined;
  /** Bearer token (marketplace) or API key (directory admin); never put in a URL. */
  token?: string | null | undefined;
}

export interface RevieweeKey {
  revieweeId: string;
  revieweeType?: RevieweeType | undefined;
}

export interface ReviewQuery extends RevieweeKey {
  /** 1-based. */
  page?: number;
  pageSize?: number;
  reservationId?: string | undefined;
}

export interface ReviewPage extends Page<Review> {
  /** The signed-in viewer as the server saw them, when it says. */
  viewerId: string | null;
  /** Items that failed validation or visibility and were dropped from this page. */
  dropped: number;
}

/** What `findOwnReview` learns: the viewer's review, if any, and who the server took the viewer to be. */
export interface OwnReview {
  review: Review | null;
  /** The signed-in viewer as the server saw them; null when anonymous or the backend does not say. */
  viewerId: string | null;
}

export interface ModerationQuery {
  status: ModerationStatus;
  page?: number;
  pageSize?: number;
}

export type ModerationDecision = "approve" | "reject";

/** A moderation page, with how many reviews each tab holds (a tab is absent when the server does not say). */
export interface ModerationPage extends Page<ModerationItem> {
  counts: Partial<Record<ModerationStatus, number>>;
}

/**
 * One backend, in domain terms. Elements and the store know only this.
 * Every method that returns reviews has already applied the visibility rules.
 */
export interface ReviewSource {
  readonly kind: SourceKind;
  listReviews(query: ReviewQuery, context?: RequestContext): Promise<ReviewPage>;
  /** Null when the review does not exist or may not be shown to this viewer. */
  getReview(id: string, context?: RequestContext): Promise<Review | null>;
  createReview(draft: ReviewDraft, context?: RequestContext): Promise<Review>;
  updateReview(id: string, patch: { text: string }, context?: RequestContext): Promise<Review | null>;
  deleteReview(id: string, context?: RequestContext): Promise<void>;
  /** The viewer's own review for this reservation and reviewee, if the server has one (did a POST land?). */
  findOwnReview(draft: ReviewDraft, context?: RequestContext): Promise<OwnReview>;
  /** One request for many reviewees. Reviewees without an aggregate are absent from the result. */
  listAggregates(keys: readonly RevieweeKey[], context?: RequestContext): Promise<Aggregate[]>;
  getAggregate(id: string, context?: RequestContext): Promise<Aggregate | null>;
}

/**
 * A backend as its moderators see it: a separate module from the public
 * source, so pages without <review-moderation> never load its code.
 */
export interface ModerationSource {
  readonly kind: SourceKind;
  listForModeration(query: ModerationQuery, context?: RequestContext): Promise<ModerationPage>;
  /** False when the credential may read reviews but not decide on them (where the backend can tell). */
  mayModerate(context?: RequestContext): Promise<boolean>;
  moderate(id: string, decision: ModerationDecision, context?: RequestContext): Promise<ModerationItem>;
  /** Removes a review for good (marketplace: soft delete by the moderator; directory: the owner's DELETE). */
  deleteReview(id: string, context?: RequestContext): Promise<void>;
  /** The owner's export as a file, where the backend has one (our directory API's `export/`). */
  exportReviews?(context?: RequestContext): Promise<Blob>;
}
