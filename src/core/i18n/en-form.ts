/** English strings of <review-form> (loaded only with it) that every backend shares; the rest are in en-form-<backend>.ts. */
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
  draftRestored: "We restored the review you had not sent yet.",
  fixErrors: "Please fix the highlighted fields.",
};
