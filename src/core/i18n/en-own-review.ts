/** The author's own pending review: Edit and Withdraw (marketplace only): with that code, loaded on demand (internal/own-review.ts). */
export const enOwnReview = {
  edit: "Edit",
  withdraw: "Withdraw",
  withdrawConfirm: "Withdraw your review? It will not be published.",
  keepReview: "Keep it",
  withdrawn: "Your review was withdrawn.",
  withdrawFailed: "Your review was not withdrawn. Please try again.",
  alreadyPublished: "Your review has been published meanwhile and can no longer be changed.",
  reviewGone: "Your review is no longer there.",
};
