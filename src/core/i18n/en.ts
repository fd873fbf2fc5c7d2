import type { enForm, enFormDirectory, enFormMarketplace, enStars } from "./en-form.js";
import type { enOwnReview } from "./en-own-review.js";
import type { enModeration, enModerationMarketplace, enModerationOwner } from "./en-moderation.js";

/**
 * The English strings every element may need; also, with the form's and the
 * moderation view's (en-form.ts, en-moderation.ts, which only pages with
 * those elements load), the shape every other catalog follows. `{name}`
 * marks a parameter; plural entries pick a form with Intl.PluralRules.
 */
export const en = {
  ratedOutOf: "Rated {rating} out of {max}",
  stars: { one: "{count} star", other: "{count} stars" },
  reviewCount: { one: "{count} review", other: "{count} reviews" },
  notEnoughReviews: "Not enough reviews yet to show a rating.",
  noReviews: "No reviews yet.",
  loading: "Loading reviews…",
  loadFailed: "Reviews could not be loaded.",
  offline: "You're offline. Reviews will load when you're back online.",
  unreachable: "The review service isn't answering right now. Please try again in a moment.",
  slow: "The review service is taking too long to answer.",
  busy: "The review service is busy. Please try again in a moment.",
  misconfigured: "Reviews can't be shown here: this widget is not set up correctly.",
  retry: "Try again",
  distribution: "Rating distribution",
  distributionRow: "{stars}: {count}",
  company: "Company",
  justNow: "just now",
  unavailable: "Rating unavailable right now",
};

/** The viewer's own pending review and the author's role: only the marketplace has them (left out of the directory's files). */
export const enMarketplace = {
  // Who wrote a review when no name is shown: only the marketplace's reviews have a role.
  guest: "Guest",
  host: "Host",
  yourReview: "Your review",
  pendingDoubleBlind: "Only you can see this review. It will be published when the other side reviews, or on {date} at the latest.",
  pendingModeration: "Only you can see this review. It will be published once it passes moderation.",
  pendingRejected: "Only you can see this review. It was not approved for publication.",
  notApproved: "Not approved",
};

/** A review card's (internal/card.ts: the list's and the moderation view's), so a page of summaries does not carry them. */
export const enCards = {
  showMore: "Show more reviews",
  readMore: "Read more",
  readLess: "Read less",
  anonymous: "Anonymous",
  reviewBy: "Review by {author}",
  pending: "Pending",
};

/** <review-list>'s own (added when it loads, so a page of summaries does not carry them); the stay is the marketplace's. */
export const enList = {
  noReviewsWithStars: "No reviews with this rating yet.",
  sortBy: "Sort by",
  sortNewest: "Newest first",
  sortOldest: "Oldest first",
  sortHighest: "Highest rated",
  sortLowest: "Lowest rated",
  filterBy: "Show",
  allRatings: "All ratings",
  showing: "Showing {shown} of {total} reviews",
  starFilter: "Showing {stars}-star reviews ({total})",
  clearFilter: "Show all reviews",
};
export const enListMarketplace = {
  stayed: "Stayed {date}",
  nights: { one: "{count} night", other: "{count} nights" },
  verifiedStay: "Verified stay",
};

export type Catalog = typeof en &
  typeof enMarketplace &
  typeof enCards &
  typeof enList &
  typeof enListMarketplace &
  typeof enStars &
  typeof enOwnReview &
  typeof enForm &
  typeof enFormMarketplace &
  typeof enFormDirectory &
  typeof enModeration &
  typeof enModerationMarketplace &
  typeof enModerationOwner;
export type MessageKey = keyof Catalog;
export type PluralForms = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };
/** A translation: the same keys, each a string or plural forms. */
export type Messages = { [K in MessageKey]: Catalog[K] extends string ? string : PluralForms };
