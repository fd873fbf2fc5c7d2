/** <star-rating>'s input: the chosen rating in words, 1 to 5 stars, separated by "|". */
export const enStars = {
  ratingInput: "Rating",
  ratingRequired: "Choose a rating from 1 to 5 stars.",
  ratingWords: "Terrible|Poor|Average|Very good|Excellent",
};

/**
 * English strings of <review-form> (loaded only with it): those every backend
 * shares, and those of one backend only, which a script file without that
 * backend leaves out (src/core/variants.ts).
 */
export const enForm = {
  writeReview: "Write a review",
  yourRating: "Your rating",
  yourText: "Your review",
  characters: "{count} / {max} characters",
  textTooShort: { one: "Write at least {count} character.", other: "Write at least {count} characters." },
  textTooLong: "Keep your review under {max} characters.",
  textInvisible: "Use visible characters: this has none.",
  submit: "Post review",
  submitting: "Posting…",
  submitFailed: "Your review was not sent. Your text is kept — please try again.",
  tooManyRequests: "Too many attempts. Please wait a moment and try again.",
  tooManyWait: "Too many attempts. You can try again in {seconds} s.",
  retryNow: "You can try again now.",
  draftRestored: "We restored the review you had not sent yet.",
  fixErrors: "Please fix the highlighted fields.",
};

/** The marketplace's own (left out of the directory's file). */
export const enFormMarketplace = {
  textHint: "What should other travellers know?",
  textHintHost: "What should other travellers know about your host?",
  textHintGuest: "What should other hosts know about this guest?",
  doubleBlindNotice: "Reviews are double-blind: yours stays hidden until the other side has reviewed too, or until the {days}-day review window closes.",
  windowClosed: "The review window for this stay closed on {date}. It can no longer be reviewed.",
  submittedDoubleBlind: "Thank you! Your review is hidden until the other side reviews, or until {date}.",
  submittedModeration: "Thank you! Your review will appear once it passes moderation.",
  submittedPublic: "Thank you! Your review is published.",
  alreadyReviewed: "You have already reviewed this stay.",
  signInToReview: "Please sign in to post your review. Your text is kept.",
  signInToWrite: "Sign in to write a review",
  notAllowed: "You can't review this stay.",
  stayNotCompleted: "You can review this stay after check-out.",
  saveChanges: "Save changes",
  cancelEdit: "Cancel",
  saved: "Your changes are saved.",
};

/** The partner directory's own: who writes (left out of the marketplace's files). */
export const enFormDirectory = {
  textHintDirectory: "What was it like to work with them?",
  fieldRequired: "This field is required.",
  fieldTooLong: "Keep this under {max} characters.",
  emailInvalid: "Enter a valid email address.",
  firstName: "First name",
  lastName: "Last name",
  email: "Email (not published)",
  headline: "Title",
  optional: "optional",
  submittedDirectory: "Thank you! Your review will appear once the directory approves it.",
};
