/** English strings of <review-form> for the marketplace backend (a script file without that backend leaves them out). */
export const strings = {
  textHint: "What should other travellers know?",
  doubleBlindNotice: "Reviews are double-blind: yours stays hidden until the other side has reviewed too, or until the 14-day review window closes.",
  submittedDoubleBlind: "Thank you! Your review is hidden until the other side reviews, or until {date}.",
  submittedModeration: "Thank you! Your review will appear once it passes moderation.",
  submittedPublic: "Thank you! Your review is published.",
  alreadyReviewed: "You have already reviewed this stay.",
  signInToReview: "Please sign in to post your review. Your text is kept.",
  notAllowed: "You can't review this stay.",
  stayNotCompleted: "You can review this stay after check-out.",
};
