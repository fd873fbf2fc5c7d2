import type { StoredDraft } from "./drafts.js";
import { graphemeCount } from "./graphemes.js";
import { firstVisible } from "./visible-text.js";

/** A field of a review being written. */
export type DraftField = keyof StoredDraft;

/** A rule a draft breaks: what to say (a message key) and its numbers; the form says it in the page's language. */
export type Problem = readonly [
  key: "ratingRequired" | "textInvisible" | "textTooShort" | "textTooLong" | "fieldRequired" | "fieldTooLong" | "emailInvalid",
  params?: { count?: number; max?: number },
];

/** The fields about who writes, where submitters are anonymous (the directory): whether each is required, and its most characters. */
export const WRITER_FIELDS = [
  ["firstName", true, 60],
  ["lastName", true, 60],
  ["email", true, 254],
  ["title", false, 120],
  ["company", false, 120],
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/**
 * What is wrong with a draft's rating and text: a rating of 1 to 5, and a text of `min` to `max` characters
 * as people see them (graphemes) with something visible in it. Pure: the form's rules, testable without a browser.
 */
export function draftProblems(draft: Required<StoredDraft>, rules: { min: number; max: number }): Partial<Record<DraftField, Problem>> {
  const problems: Partial<Record<DraftField, Problem>> = {};
  if (!(draft.rating >= 1 && draft.rating <= 5)) problems.rating = ["ratingRequired"];
  const text = draft.text.trim();
  const length = graphemeCount(text);
  // Only zero-width or control characters, NUL or broken UTF-16: nothing a reader could see.
  if (text && !firstVisible(text)) problems.text = ["textInvisible"];
  else if (length < rules.min) problems.text = ["textTooShort", { count: rules.min }];
  else if (length > rules.max) problems.text = ["textTooLong", { max: rules.max }];
  return problems;
}

/** What is wrong with who writes, where submitters are anonymous: names and a valid email required, title and company optional. */
export function writerProblems(draft: Required<StoredDraft>): Partial<Record<DraftField, Problem>> {
  const problems: Partial<Record<DraftField, Problem>> = {};
  for (const [name, required, max] of WRITER_FIELDS) {
    const value = draft[name].trim();
    if (required && !value) problems[name] = ["fieldRequired"];
    else if (value && !firstVisible(value)) problems[name] = ["textInvisible"];
    else if (graphemeCount(value) > max) problems[name] = ["fieldTooLong", { max }];
    else if (name === "email" && !EMAIL.test(value)) problems[name] = ["emailInvalid"];
  }
  return problems;
}
