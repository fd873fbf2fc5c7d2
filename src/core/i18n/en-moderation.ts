/** English strings of <review-moderation> (loaded only with it). */
export const enModeration = {
  contactEmail: "Email",
  moderation: "Review moderation",
  pendingTab: "Pending",
  approvedTab: "Approved",
  declinedTab: "Declined",
  approve: "Approve",
  decline: "Decline",
  approved: "Approved the review by {author}.",
  declined: "Declined the review by {author}.",
  moderationFailed: "The review by {author} could not be updated and is back in the list.",
  nothingToModerate: "Nothing waiting for moderation.",
  nothingRejected: "No reviews here.",
  readOnlyKey: "This key can read reviews but not approve or decline them.",
  signInToModerate: "Sign in as a moderator to see reviews waiting for moderation.",
  reviewOf: "Review of",
  "some-entry": "this entry",
};

/** The marketplace's words: rejecting, its reviewees, the double-blind state of a review (not in files without the marketplace). */
export const enModerationMarketplace = {
  rejectedTab: "Rejected",
  reject: "Reject",
  rejected: "Rejected the review by {author}.",
  "some-listing": "this listing",
  "some-host": "a host",
  "some-guest": "a guest",
  hiddenUntil: "Hidden by double-blind until {date}.",
};

/** Export, Delete, search, filter and bulk decisions (not in the everything file: src/core/variants.ts). */
export const enModerationOwner = {
  delete: "Delete",
  cancel: "Cancel",
  confirmDelete: "Delete this review for good? This cannot be undone.",
  deleted: "Deleted the review by {author}.",
  exportReviews: "Export (CSV)",
  exportFailed: "The export failed. Please try again.",
  search: "Search text and author",
  all: "All",
  selectAll: "Select all on this page",
  selectedCount: "{count} selected",
  confirmBulk: { one: "Apply this to the selected review?", other: "Apply this to all {count} selected reviews?" },
  bulkDone: { one: "Updated {count} review.", other: "Updated {count} reviews." },
  bulkFailed: { one: "{count} review could not be updated and is still selected.", other: "{count} reviews could not be updated and are still selected." },
};
