/** English strings of <review-form> for the directory backend (a script file without that backend leaves them out). */
export const strings = {
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
