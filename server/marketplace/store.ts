/**
 * The in-memory marketplace and its business rules: who may review what,
 * double-blind publishing, moderation, visibility, soft delete, and the
 * review aggregates.
 *
 * Double-blind publishing, per reservation. The guest side is the guest's
 * reviews on the reservation (of the listing and of the host), the host side
 * the host's review of the guest. When both sides have at least one active
 * review, every review on the reservation is published. Otherwise the
 * reviews publish when the reservation's review window closes: `reviewWindowDays`
 * (default 14, our assumption: the seed says only "timer expired") after
 * the FIRST submission on that reservation (the earliest `submittedAt` of any
 * review on it, deleted ones included, so deleting and resubmitting does not
 * restart the clock). A client that sees only its own review can show
 * "hidden until `submittedAt` + window": the real date is that or earlier.
 * Once the window has closed, neither side may review that stay any more (the
 * other side's review is public by then: reviewing it would be retaliation).
 * A moderator may approve at any time but publish only a completed stay.
 * Expiry is applied lazily, by `applyDueReleases()`, which the routes call
 * at the start of every request and the demo clock calls after it advances.
 */
import type { Clock } from "../clock.ts";
import { DAY_MS } from "../clock.ts";
import { badRequest, forbidden, notFound, unauthorized } from "./errors.ts";
import { mulberry32, randomHex, randomUuid, uuidFrom } from "../shared/random.ts";
import { formatBlindSubmissionCode, SYSTEM_USER_ID } from "./ids.ts";
import {
  isModerator,
  isPublicReview,
  type AggregateRecord,
  type Listing,
  type Reservation,
  type ReviewRecord,
  type RevieweeType,
  type User,
  type Viewer,
} from "./model.ts";
import {
  filterMatches,
  paginate,
  type CreateReviewInput,
  type FieldFilter,
  type PageRequest,
  type PageResult,
  type ReviewPatch,
} from "./request-validation.ts";
import { materializeSeed, REVIEW_WINDOW_DAYS } from "./seed.ts";

export { REVIEW_WINDOW_DAYS };
/** An aggregate's numbers are public from this many public reviews on. */
export const MIN_PUBLIC_REVIEWS_FOR_PUBLIC_AGGREGATE = 3;

export interface ReviewFilters {
  revieweeId?: FieldFilter | undefined;
  reservationId?: FieldFilter | undefined;
  reviewerId?: FieldFilter | undefined;
  revieweeType?: FieldFilter | undefined;
}

export interface AggregateFilters {
  revieweeId?: FieldFilter | undefined;
  revieweeType?: FieldFilter | undefined;
}

export interface MarketplaceSettings {
  autoApprove: boolean;
}

const AGGREGATE_ID_SEED = 0x5eed_a66;
/** Fixed for a store's lifetime (the control API cannot change them). */
export interface MarketplaceRules {
  /** Days from a stay's first review until its double-blind window closes. */
  reviewWindowDays: number;
}

const aggregateKey = (revieweeType: RevieweeType, revieweeId: string) => `${revieweeType}:${revieweeId}`;

const newestFirst = (a: ReviewRecord, b: ReviewRecord) => b.submittedAt - a.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class ReviewStore {
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #initialSettings: MarketplaceSettings;
  #settings: MarketplaceSettings;

  #users = new Map<string, User>();
  #usersByEmail = new Map<string, User>();
  #reservations = new Map<string, Reservation>();
  #listings = new Map<string, Listing>();
  #reviews = new Map<string, ReviewRecord>();
  #reviewsByReservation = new Map<string, ReviewRecord[]>();
  #reviewsByReviewee = new Map<string, ReviewRecord[]>();
  /** Reservations that hold an active review still under the double-blind hold. */
  #blindReservations = new Set<string>();
  #aggregates = new Map<string, AggregateRecord>();
  #aggregatesByKey = new Map<string, AggregateRecord>();

  constructor(clock: Clock, settings: MarketplaceSettings, rules: MarketplaceRules = { reviewWindowDays: REVIEW_WINDOW_DAYS }) {
    this.#clock = clock;
    this.#windowMs = rules.reviewWindowDays * DAY_MS;
    this.#initialSettings = { ...settings };
    this.#settings = { ...settings };
    this.reset();
  }

  /** Back to the seed, dated relative to the clock's now; settings back to their start values. */
  reset(): void {
    const now = this.#clock.nowMs();
    const world = materializeSeed(now);
    this.#settings = { ...this.#initialSettings };
    this.#users = new Map(world.users.map((u) => [u.id, u]));
    this.#usersByEmail = new Map(world.users.map((u) => [u.email.toLowerCase(), u]));
    this.#reservations = new Map(world.reservations.map((r) => [r.id, r]));
    this.#listings = new Map(world.listings.map((l) => [l.id, l]));
    this.#reviews = new Map();
    this.#reviewsByReservation = new Map();
    this.#reviewsByReviewee = new Map();
    this.#blindReservations = new Set();
    this.#aggregates = new Map();
    this.#aggregatesByKey = new Map();
    for (const review of world.reviews) this.#index(review);
    // Seeded aggregates: created with their first public review, last touched with their latest one;
    // ids from a seeded generator, so every fresh world is the same, yet they do not count up.
    const seededId = mulberry32(AGGREGATE_ID_SEED);
    for (const review of world.reviews.filter(isPublicReview)) {
      const key = aggregateKey(review.revieweeType, review.revieweeId);
      if (this.#aggregatesByKey.has(key)) continue;
      const related = (this.#reviewsByReviewee.get(key) ?? []).filter(isPublicReview);
      const aggregate = this.#createAggregate(review.revieweeType, review.revieweeId, Math.min(...related.map((r) => r.createdAt)), uuidFrom(seededId));
      Object.assign(aggregate, this.#aggregateNumbers(key));
      aggregate.updatedAt = Math.max(aggregate.createdAt, ...related.map((r) => r.updatedAt));
    }
    this.applyDueReleases();
  }

  get settings(): MarketplaceSettings {
    return { ...this.#settings };
  }

  setAutoApprove(autoApprove: boolean): void {
    this.#settings.autoApprove = autoApprove;
  }

  // --- users --------------------------------------------------------------

  authenticate(username: string, password: string): User | undefined {
    const user = this.#usersByEmail.get(username.trim().toLowerCase());
    return user && user.password === password ? user : undefined;
  }

  userById(id: string): User | undefined {
    return this.#users.get(id);
  }

  /** The human-readable side of a review's relations (seed 003: "enrich with reviewer/reviewee & reservation"). */
  relationsOf(review: ReviewRecord): { reviewer?: User; revieweeName?: string; reservation?: Reservation } {
    const reviewer = this.#users.get(review.reviewerId);
    const revieweeName = review.revieweeType === "listing" ? this.#listings.get(review.revieweeId)?.title : this.#users.get(review.revieweeId)?.fullname;
    const reservation = this.#reservations.get(review.reservationId);
    return {
      ...(reviewer ? { reviewer } : {}),
      ...(revieweeName !== undefined ? { revieweeName } : {}),
      ...(reservation ? { reservation } : {}),
    };
  }

  // --- double-blind release -------------------------------------------------

  /** Publishes every review whose reservation is released (both sides in, or window closed). */
  applyDueReleases(): number {
    return this.#releaseDue([...this.#blindReservations], this.#clock.nowMs());
  }

  /** Releases the given reservations where due; each touched aggregate is recalculated once. */
  #releaseDue(reservationIds: readonly string[], now: number): number {
    const released = reservationIds.flatMap((id) => this.#releaseIfDue(id, now));
    const touched = new Map(released.map((r) => [aggregateKey(r.revieweeType, r.revieweeId), r]));
    for (const review of touched.values()) this.#recalculateAggregate(review.revieweeType, review.revieweeId, now);
    return released.length;
  }

  #releaseIfDue(reservationId: string, now: number): ReviewRecord[] {
    const reviews = this.#reviewsByReservation.get(reservationId) ?? [];
    const waiting = reviews.filter((r) => r.isActive && !r.blindReleased);
    if (waiting.length === 0) {
      this.#blindReservations.delete(reservationId);
      return [];
    }
    if (!this.#doubleBlindComplete(reservationId, now)) return [];
    for (const review of waiting) {
      review.blindReleased = true;
      if (!review.isPublished) {
        review.isPublished = true;
        review.recordVersion += 1;
        review.updatedAt = now;
      }
    }
    this.#blindReservations.delete(reservationId);
    return waiting;
  }

  /** When the stay's window closes: the first submission (deleted reviews too) plus the window; undefined before any review. */
  #windowClosesAt(reservationId: string): number | undefined {
    const reviews = this.#reviewsByReservation.get(reservationId) ?? [];
    return reviews.length === 0 ? undefined : Math.min(...reviews.map((r) => r.submittedAt)) + this.#windowMs;
  }

  /** Double-blind is over for a stay: both sides have an active review, or the window has closed. */
  #doubleBlindComplete(reservationId: string, now: number): boolean {
    const reservation = this.#reservations.get(reservationId);
    const active = (this.#reviewsByReservation.get(reservationId) ?? []).filter((r) => r.isActive);
    const bothSides =
      reservation !== undefined && active.some((r) => r.reviewerId === reservation.guestId) && active.some((r) => r.reviewerId === reservation.hostId);
    const closesAt = this.#windowClosesAt(reservationId);
    return bothSides || (closesAt !== undefined && now >= closesAt);
  }

  // --- reviews ------------------------------------------------------------

  /** Active reviews a viewer may see: public ones, their own, or all for the moderator. */
  #canSee(viewer: Viewer, review: ReviewRecord): boolean {
    if (!review.isActive) return false;
    if (isPublicReview(review) || isModerator(viewer.user)) return true;
    return viewer.user !== null && review.reviewerId === viewer.user.id;
  }

  #visibleReview(viewer: Viewer, id: string): ReviewRecord {
    const review = this.#reviews.get(id);
    if (!review || !this.#canSee(viewer, review)) {
      throw notFound("errMsg_reviewNotFound", `No review ${id} is visible to this caller.`);
    }
    return review;
  }

  listReviews(viewer: Viewer, filters: ReviewFilters, page: PageRequest): PageResult<ReviewRecord> {
    const matching = [...this.#reviews.values()].filter(
      (r) =>
        this.#canSee(viewer, r) &&
        filterMatches(filters.revieweeId, r.revieweeId) &&
        filterMatches(filters.reservationId, r.reservationId) &&
        filterMatches(filters.reviewerId, r.reviewerId) &&
        filterMatches(filters.revieweeType, r.revieweeType),
    );
    matching.sort(newestFirst);
    return paginate(matching, page);
  }

  getReview(viewer: Viewer, id: string): ReviewRecord {
    return this.#visibleReview(viewer, id);
  }

  createReview(viewer: Viewer, input: CreateReviewInput): ReviewRecord {
    const user = requireUser(viewer);
    const now = this.#clock.nowMs();
    const reservation = this.#reservations.get(input.reservationId);
    if (!reservation) throw notFound("errMsg_reservationNotFound", `No reservation ${input.reservationId}.`);
    const side = user.id === reservation.guestId ? "guest" : user.id === reservation.hostId ? "host" : null;
    if (side === null) {
      throw forbidden("errMsg_notReservationParty", "Only the guest or the host of this reservation may review it.");
    }
    if (reservation.checkOut > now) {
      throw forbidden("errMsg_stayNotCompleted", `Reviews open after checkout (${new Date(reservation.checkOut).toISOString()}).`);
    }
    const closesAt = this.#windowClosesAt(reservation.id);
    if (closesAt !== undefined && now >= closesAt) {
      throw forbidden("errMsg_reviewWindowClosed", `The review window for this stay closed at ${new Date(closesAt).toISOString()}.`);
    }
    const expectedReviewee: Partial<Record<RevieweeType, string>> =
      side === "guest" ? { listing: reservation.listingId, host: reservation.hostId } : { guest: reservation.guestId };
    const expectedId = expectedReviewee[input.revieweeType];
    if (expectedId === undefined) {
      throw badRequest(
        "errMsg_revieweeTypeNotAllowed",
        side === "guest" ? "The guest of a reservation reviews its listing or its host." : "The host of a reservation reviews its guest.",
      );
    }
    if (expectedId !== input.revieweeId) {
      throw badRequest(
        "errMsg_revieweeDoesNotMatchReservation",
        `For revieweeType ${input.revieweeType} on this reservation, revieweeId must be ${expectedId}.`,
      );
    }
    const duplicate = (this.#reviewsByReservation.get(reservation.id) ?? []).some(
      (r) => r.isActive && r.reviewerId === user.id && r.revieweeType === input.revieweeType,
    );
    if (duplicate) {
      throw badRequest("errMsg_reviewAlreadyExists", `You already reviewed the ${input.revieweeType} of this reservation.`);
    }

    // Reviewers cannot choose their own moderation or publication state.
    const moderator = isModerator(user);
    const review: ReviewRecord = {
      id: randomUuid(),
      moderationStatus: moderator ? input.moderationStatus : this.#settings.autoApprove ? "approved" : "pending",
      isPublished: moderator ? input.isPublished : false,
      reviewText: input.reviewText,
      rating: input.rating,
      blindSubmissionCode: formatBlindSubmissionCode(randomHex(8)),
      revieweeId: input.revieweeId,
      reservationId: reservation.id,
      reviewerId: user.id,
      revieweeType: input.revieweeType,
      submittedAt: now,
      isActive: true,
      recordVersion: 0,
      createdAt: now,
      updatedAt: now,
      owner: user.id,
      blindReleased: moderator && input.isPublished,
    };
    this.#index(review);
    this.#recalculateAggregate(review.revieweeType, review.revieweeId, now);
    this.#releaseDue([reservation.id], now);
    return review;
  }

  /**
   * The reviewer may change `reviewText` while the review is unpublished
   * (which sends it back to moderation); the moderator may change
   * `moderationStatus` and `isPublished`. Nothing else is updatable.
   */
  updateReview(viewer: Viewer, id: string, patch: ReviewPatch, otherKeys: readonly string[]): ReviewRecord {
    const user = requireUser(viewer);
    const review = this.#visibleReview(viewer, id);
    const moderator = isModerator(user);
    const reviewer = review.reviewerId === user.id;
    if (otherKeys.length > 0) {
      throw forbidden("errMsg_forbiddenFields", `These fields cannot be updated: ${otherKeys.join(", ")}.`);
    }
    if (!moderator && !reviewer) throw forbidden("errMsg_notReviewOwner", "Only the reviewer or a moderator may update a review.");
    if ((patch.moderationStatus !== undefined || patch.isPublished !== undefined) && !moderator) {
      throw forbidden("errMsg_onlyModeratorsCanModerate", "Only a moderator may change moderationStatus or isPublished.");
    }
    if (patch.reviewText !== undefined && !reviewer) {
      throw forbidden("errMsg_forbiddenFields", "Only the reviewer may change reviewText.");
    }
    if (patch.reviewText !== undefined && review.isPublished) {
      throw forbidden("errMsg_reviewIsPublished", "A published review can no longer be edited.");
    }
    if (patch.isPublished === true && !review.isPublished && !this.#doubleBlindComplete(review.reservationId, this.#clock.nowMs())) {
      // Approval is allowed; publication waits for the other side or the window (it then happens by itself).
      throw forbidden(
        "errMsg_doubleBlindNotComplete",
        "This stay is still double-blind: approve the review, and it publishes when both sides have reviewed or the window closes.",
      );
    }
    if (patch.moderationStatus === "pending" && review.moderationStatus !== "pending") {
      throw badRequest("errMsg_invalidModerationTransition", `A ${review.moderationStatus} review cannot go back to pending.`);
    }

    const now = this.#clock.nowMs();
    if (patch.reviewText !== undefined) {
      review.reviewText = patch.reviewText;
      // Edited text needs a fresh moderation decision.
      review.moderationStatus = this.#settings.autoApprove ? "approved" : "pending";
    }
    if (patch.moderationStatus !== undefined) review.moderationStatus = patch.moderationStatus;
    if (patch.isPublished !== undefined) {
      review.isPublished = patch.isPublished;
      // A moderator's explicit choice ends the hold: the window will not republish an unpublished review.
      review.blindReleased = true;
    }
    review.recordVersion += 1;
    review.updatedAt = now;
    this.#recalculateAggregate(review.revieweeType, review.revieweeId, now);
    return review;
  }

  /** Soft delete: by the reviewer while unpublished, by the moderator at any time. */
  deleteReview(viewer: Viewer, id: string): ReviewRecord {
    const user = requireUser(viewer);
    const review = this.#visibleReview(viewer, id);
    if (!isModerator(user)) {
      if (review.reviewerId !== user.id) {
        throw forbidden("errMsg_notReviewOwner", "Only the reviewer or a moderator may delete a review.");
      }
      if (review.isPublished) throw forbidden("errMsg_reviewIsPublished", "A published review can only be removed by a moderator.");
    }
    const now = this.#clock.nowMs();
    review.isActive = false;
    review.recordVersion += 1;
    review.updatedAt = now;
    this.#recalculateAggregate(review.revieweeType, review.revieweeId, now);
    return review;
  }

  #index(review: ReviewRecord): void {
    this.#reviews.set(review.id, review);
    pushTo(this.#reviewsByReservation, review.reservationId, review);
    pushTo(this.#reviewsByReviewee, aggregateKey(review.revieweeType, review.revieweeId), review);
    if (review.isActive && !review.blindReleased) this.#blindReservations.add(review.reservationId);
  }

  // --- aggregates -----------------------------------------------------------

  /**
   * Aggregates a caller may know of: the moderator sees every one; anyone else
   * only those with a public review, so a reviewee whose reviews are all
   * hidden (or gone) looks exactly like one that never had any.
   */
  #aggregateVisible(viewer: Viewer, aggregate: AggregateRecord): boolean {
    return aggregate.isActive && (aggregate.reviewCount > 0 || isModerator(viewer.user));
  }

  listAggregates(viewer: Viewer, filters: AggregateFilters, page: PageRequest): PageResult<AggregateRecord> {
    const matching = [...this.#aggregates.values()].filter(
      (a) => this.#aggregateVisible(viewer, a) && filterMatches(filters.revieweeId, a.revieweeId) && filterMatches(filters.revieweeType, a.revieweeType),
    );
    // Creation order (ids come from a counter): stable across requests.
    matching.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return paginate(matching, page);
  }

  getAggregate(viewer: Viewer, id: string): AggregateRecord {
    const aggregate = this.#aggregates.get(id);
    if (!aggregate || !this.#aggregateVisible(viewer, aggregate)) throw notFound("errMsg_reviewAggregateNotFound", `No review aggregate ${id}.`);
    return aggregate;
  }

  /** Numbers from PUBLIC reviews only; hidden below 3 public reviews (numbers kept). */
  #aggregateNumbers(key: string): Pick<AggregateRecord, "averageRating" | "reviewCount" | "visibilityStatus"> {
    const ratings = (this.#reviewsByReviewee.get(key) ?? []).filter(isPublicReview).map((r) => r.rating);
    const reviewCount = ratings.length;
    const averageRating = reviewCount === 0 ? 0 : Math.round((ratings.reduce((s, r) => s + r, 0) / reviewCount) * 100) / 100;
    return {
      averageRating,
      reviewCount,
      visibilityStatus: reviewCount >= MIN_PUBLIC_REVIEWS_FOR_PUBLIC_AGGREGATE ? "public" : "hidden",
    };
  }

  /** Aggregate ids are random, like review ids: a counter would tell how many reviewees have (hidden) reviews. */
  #createAggregate(revieweeType: RevieweeType, revieweeId: string, at: number, id = randomUuid()): AggregateRecord {
    const aggregate: AggregateRecord = {
      id,
      revieweeId,
      revieweeType,
      averageRating: 0,
      reviewCount: 0,
      visibilityStatus: "hidden",
      isActive: true,
      recordVersion: 0,
      createdAt: at,
      updatedAt: at,
      owner: SYSTEM_USER_ID,
    };
    this.#aggregates.set(aggregate.id, aggregate);
    this.#aggregatesByKey.set(aggregateKey(revieweeType, revieweeId), aggregate);
    return aggregate;
  }

  /**
   * Creates the aggregate on a reviewee's first PUBLIC review (a hidden one
   * must not leave a trace: no record, no id, no timestamp); bumps it only when
   * its public numbers change.
   */
  #recalculateAggregate(revieweeType: RevieweeType, revieweeId: string, now: number): void {
    const key = aggregateKey(revieweeType, revieweeId);
    const existing = this.#aggregatesByKey.get(key);
    const next = this.#aggregateNumbers(key);
    if (!existing && next.reviewCount === 0) return;
    const aggregate = existing ?? this.#createAggregate(revieweeType, revieweeId, now);
    const changed =
      next.averageRating !== aggregate.averageRating || next.reviewCount !== aggregate.reviewCount || next.visibilityStatus !== aggregate.visibilityStatus;
    if (!changed) return;
    Object.assign(aggregate, next);
    if (existing) {
      aggregate.recordVersion += 1;
      aggregate.updatedAt = now;
    }
  }
}

function requireUser(viewer: Viewer): User {
  if (!viewer.user) throw unauthorized("errMsg_loginRequired", "Sign in to do this.");
  return viewer.user;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
