/**
 * Validation of public review submissions, with errors in the directory
 * API's own form `{field: [message]}`. Only the listed fields are kept:
 * `status`, `approved_by` and anything else in the body are dropped.
 */
import { graphemeCount } from "../../src/core/graphemes.ts";

export type FieldErrors = Record<string, string[]>;

/** The snake_case body the proxy forwards upstream (status added there). */
export interface Submission {
  entry_id: string;
  title: string;
  company: string;
  summary: string;
  first_name: string;
  last_name: string;
  email: string;
  rating: number;
}

export const SUBMISSION_FIELDS = ["entry_id", "title", "company", "summary", "first_name", "last_name", "email", "rating"] as const;

const REQUIRED = "This field is required.";
const NOT_NULL = "This field may not be null.";
const NOT_STRING = "Not a valid string.";
const BLANK = "This field may not be blank.";
const minLength = (n: number) => `Ensure this field has at least ${n} characters.`;
const maxLength = (n: number) => `Ensure this field has no more than ${n} characters.`;

/** Same practical rule as the directory API: one @, a dotted domain, no spaces. */
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,100}$/;

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

function textField(value: unknown, opts: { required: boolean; min: number; max: number }): Check<string> {
  if (value === undefined) return opts.required ? { ok: false, error: REQUIRED } : { ok: true, value: "" };
  if (value === null) return opts.required ? { ok: false, error: NOT_NULL } : { ok: true, value: "" };
  if (typeof value !== "string") return { ok: false, error: NOT_STRING };
  const text = value.trim();
  const length = graphemeCount(text);
  if (length === 0 && opts.required) return { ok: false, error: BLANK };
  if (length < opts.min) return { ok: false, error: minLength(opts.min) };
  if (length > opts.max) return { ok: false, error: maxLength(opts.max) };
  return { ok: true, value: text };
}

function entryIdField(value: unknown): Check<string> {
  const text = textField(value, { required: true, min: 1, max: 100 });
  if (!text.ok) return text;
  return ENTRY_ID.test(text.value) ? text : { ok: false, error: "Enter a valid entry id." };
}

function emailField(value: unknown): Check<string> {
  const text = textField(value, { required: true, min: 1, max: 254 });
  if (!text.ok) return text;
  const local = text.value.slice(0, text.value.lastIndexOf("@"));
  const valid = EMAIL.test(text.value) && local.length <= 64 && !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
  return valid ? text : { ok: false, error: "Enter a valid email address." };
}

function ratingField(value: unknown): Check<number> {
  if (value === undefined) return { ok: false, error: REQUIRED };
  if (value === null) return { ok: false, error: NOT_NULL };
  if (typeof value !== "number" || !Number.isInteger(value)) return { ok: false, error: "A valid integer is required." };
  if (value < 1) return { ok: false, error: "Ensure this value is greater than or equal to 1." };
  if (value > 5) return { ok: false, error: "Ensure this value is less than or equal to 5." };
  return { ok: true, value };
}

export function validateSubmission(body: Record<string, unknown>): { ok: true; value: Submission } | { ok: false; errors: FieldErrors } {
  const checks = {
    entry_id: entryIdField(body["entry_id"]),
    title: textField(body["title"], { required: false, min: 0, max: 120 }),
    company: textField(body["company"], { required: false, min: 0, max: 120 }),
    summary: textField(body["summary"], { required: true, min: 10, max: 2000 }),
    first_name: textField(body["first_name"], { required: true, min: 1, max: 60 }),
    last_name: textField(body["last_name"], { required: true, min: 1, max: 60 }),
    email: emailField(body["email"]),
    rating: ratingField(body["rating"]),
  };
  const errors: FieldErrors = {};
  for (const [name, check] of Object.entries(checks)) if (!check.ok) errors[name] = [check.error];
  const { entry_id, title, company, summary, first_name, last_name, email, rating } = checks;
  if (!entry_id.ok || !title.ok || !company.ok || !summary.ok || !first_name.ok || !last_name.ok || !email.ok || !rating.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      entry_id: entry_id.value,
      title: title.value,
      company: company.value,
      summary: summary.value,
      first_name: first_name.value,
      last_name: last_name.value,
      email: email.value,
      rating: rating.value,
    },
  };
}

const PASS_THROUGH_FIELDS: ReadonlySet<string> = new Set([...SUBMISSION_FIELDS, "non_field_errors"]);
const MAX_MESSAGES_PER_FIELD = 5;
const MAX_MESSAGE_LENGTH = 300;

/**
 * The part of an upstream 400 body that may reach the public: known field
 * names with string messages only. Null when nothing usable remains.
 */
export function publicFieldErrors(body: unknown): FieldErrors | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(body)) {
    if (!PASS_THROUGH_FIELDS.has(name) || !Array.isArray(messages)) continue;
    const kept = messages.filter((m): m is string => typeof m === "string" && m.length <= MAX_MESSAGE_LENGTH).slice(0, MAX_MESSAGES_PER_FIELD);
    if (kept.length > 0) errors[name] = kept;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
