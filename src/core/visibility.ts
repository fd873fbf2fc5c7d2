import type { PendingReason } from "./model.js";

/**
 * The fail-closed visibility rules (DESIGN.md §3). The server decides what is
 * visible; these rules decide again, so that a server bug or an admin token
 * never puts a hidden review on a public page. Inputs are the raw wire fields,
 * typed `unknown` on purpose: anything missing, unknown or malformed is hidden.
 */

export type Visibility = { kind: "public" } | { kind: "own-pending"; reason: PendingReason } | { kind: "hidden" };

const PUBLIC: Visibility = { kind: "public" };
const HIDDEN: Visibility = { kind: "hidden" };

export interface MarketplaceVisibilityFields {
  isPublished?: unknown;
  moderationStatus?: unknown;
  isActive?: unknown;
  reviewerId?: unknown;
}

const MODERATION_STATUSES: readonly unknown[] = ["pending", "approved", "rejected"];

/**
 * Marketplace: public only when `isPublished === true` and
 * `moderationStatus === "approved"` and `isActive !== false` (absent is allowed,
 * any other value than `true` is malformed). The viewer's own non-public review
 * is shown to that viewer only, with the reason it is not public yet.
 */
export function marketplaceVisibility(review: MarketplaceVisibilityFields, viewerId: string | null | undefined): Visibility {
  const active = review.isActive === undefined || review.isActive === true;
  if (!active) return HIDDEN;
  if (review.isPublished === true && review.moderationStatus === "approved") return PUBLIC;

  const own = typeof viewerId === "string" && viewerId !== "" && review.reviewerId === viewerId;
  if (!own || typeof review.isPublished !== "boolean" || !MODERATION_STATUSES.includes(review.moderationStatus)) return HIDDEN;
  if (review.moderationStatus === "rejected") return { kind: "own-pending", reason: "rejected" };
  return { kind: "own-pending", reason: review.isPublished ? "moderation" : "double-blind" };
}

/** Directory: public only when `status === "A"` (approved). There is no "own" review: submitters are anonymous. */
export function directoryVisibility(review: { status?: unknown }): Visibility {
  return review.status === "A" ? PUBLIC : HIDDEN;
}

/** Aggregates: numbers may be shown only when the server marks them public. */
export function isAggregatePublic(aggregate: { visibilityStatus?: unknown; isActive?: unknown }): boolean {
  return aggregate.visibilityStatus === "public" && (aggregate.isActive === undefined || aggregate.isActive === true);
}
