/**
 * Request-body validation with Django REST framework's field messages, so
 * clients see `{field: [message]}` exactly as the real API reports it.
 */
import { graphemeCount } from "../../src/core/graphemes.ts";
import { pythonTypeName } from "../shared/json.ts";
import { textProblem } from "../shared/text.ts";
import { isReviewStatus, type NewReview, type ReviewChanges, type ReviewStatus } from "./model.ts";

export type FieldErrors = Record<string, string[]>;
type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const MESSAGES = {
  required: "This field is required.",
  null: "This field may not be null.",
  blank: "This field may not be blank.",
  string: "Not a valid string.",
  email: "Enter a valid email address.",
  integer: "A valid integer is required.",
  immutable: "This field is immutable.",
  atLeastOne: "At least one field must be provided.",
  // Django's ProhibitNullCharactersValidator and ProhibitSurrogateCharactersValidator say these.
  nullCharacter: "Null characters are not allowed.",
  surrogate: (text: string) => {
    const unit = /\p{Cs}/u.exec(text)?.[0]?.charCodeAt(0) ?? 0xd800;
    return `Surrogate characters are not allowed: U+${unit.toString(16).toUpperCase()}.`;
  },
  control: "Control characters are not allowed.",
  maxLength: (n: number) => `Ensure this field has no more than ${n} characters.`,
  maxValue: (n: number) => `Ensure this value is less than or equal to ${n}.`,
  minValue: (n: number) => `Ensure this value is greater than or equal to ${n}.`,
  choice: (v: string) => `"${v}" is not a valid choice.`,
  pkMissing: (v: string) => `Invalid pk "${v}" - object does not exist.`,
  pkType: (t: string) => `Incorrect type. Expected pk value, received ${t}.`,
} as const;

/** Loose but practical address check (one @, a dot in the domain, no spaces). */
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(value: string): boolean {
  if (value.length > 254 || !EMAIL.test(value)) return false;
  const local = value.slice(0, value.lastIndexOf("@"));
  return local.length <= 64 && !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}

function charField(value: unknown, opts: { allowBlank: boolean; maxLength: number }): Result<string> {
  if (value === null) return { ok: false, error: MESSAGES.null };
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else return { ok: false, error: MESSAGES.string };
  const problem = textProblem(text);
  if (problem === "null") return { ok: false, error: MESSAGES.nullCharacter };
  if (problem === "surrogate") return { ok: false, error: MESSAGES.surrogate(text) };
  if (problem === "control") return { ok: false, error: MESSAGES.control };
  // Only invisible characters (zero-width spaces, joiners, bidi marks…) is as blank as "".
  text = problem === "invisible" ? "" : text.trim();
  if (text === "" && !opts.allowBlank) return { ok: false, error: MESSAGES.blank };
  // Characters as people see them (DRF counts code points): the limits the form shows hold here too.
  if (graphemeCount(text) > opts.maxLength) return { ok: false, error: MESSAGES.maxLength(opts.maxLength) };
  return { ok: true, value: text };
}

function emailField(value: unknown): Result<string> {
  const text = charField(value, { allowBlank: false, maxLength: 254 });
  if (!text.ok) return text;
  return isValidEmail(text.value) ? text : { ok: false, error: MESSAGES.email };
}

function ratingField(value: unknown): Result<number> {
  if (value === null) return { ok: false, error: MESSAGES.null };
  let n: number;
  if (typeof value === "number" && Number.isInteger(value)) n = value;
  else if (typeof value === "string" && /^\s*-?\d{1,9}(?:\.0*)?\s*$/.test(value)) n = Number.parseInt(value, 10);
  else return { ok: false, error: MESSAGES.integer };
  if (n > 5) return { ok: false, error: MESSAGES.maxValue(5) };
  if (n < 1) return { ok: false, error: MESSAGES.minValue(1) };
  return { ok: true, value: n };
}

function statusField(value: unknown): Result<ReviewStatus> {
  if (value === null) return { ok: false, error: MESSAGES.null };
  if (isReviewStatus(value)) return { ok: true, value };
  const shown = typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
  return { ok: false, error: MESSAGES.choice(shown) };
}

/** A validator that stores its cleaned value under the model's key. */
function field<K extends keyof ReviewChanges>(key: K, check: (value: unknown) => Result<NonNullable<ReviewChanges[K]>>) {
  return (value: unknown, target: ReviewChanges): string | null => {
    const result = check(value);
    if (!result.ok) return result.error;
    target[key] = result.value;
    return null;
  };
}

/** The editable fields, by wire (snake_case) name. */
const EDITABLE = {
  title: field("title", (v) => charField(v, { allowBlank: true, maxLength: 255 })),
  company: field("company", (v) => charField(v, { allowBlank: true, maxLength: 255 })),
  summary: field("summary", (v) => charField(v, { allowBlank: false, maxLength: 5000 })),
  first_name: field("firstName", (v) => charField(v, { allowBlank: false, maxLength: 150 })),
  last_name: field("lastName", (v) => charField(v, { allowBlank: false, maxLength: 150 })),
  email: field("email", emailField),
  rating: field("rating", ratingField),
  status: field("status", statusField),
} as const;

type EditableWireName = keyof typeof EDITABLE;
const EDITABLE_NAMES = Object.keys(EDITABLE) as EditableWireName[];
const REQUIRED_ON_CREATE: readonly EditableWireName[] = ["summary", "first_name", "last_name", "email", "rating"];

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function validateFields(body: Record<string, unknown>, errors: FieldErrors, required: readonly EditableWireName[]): ReviewChanges {
  const changes: ReviewChanges = {};
  for (const name of EDITABLE_NAMES) {
    const value = body[name];
    if (value === undefined) {
      if (required.includes(name)) errors[name] = [MESSAGES.required];
      continue;
    }
    const error = EDITABLE[name](value, changes);
    if (error !== null) errors[name] = [error];
  }
  return changes;
}

/** Validates a create body. `entryExists` tells whether an entry id belongs to the directory. */
export function validateCreate(body: Record<string, unknown>, entryExists: (id: string) => boolean): Validated<NewReview> {
  const errors: FieldErrors = {};
  const entryId = body["entry_id"];
  if (entryId === undefined) errors["entry_id"] = [MESSAGES.required];
  else if (entryId === null) errors["entry_id"] = [MESSAGES.null];
  else if (typeof entryId !== "string") errors["entry_id"] = [MESSAGES.pkType(pythonTypeName(entryId))];
  else if (!entryExists(entryId)) errors["entry_id"] = [MESSAGES.pkMissing(entryId)];

  const { title = "", company = "", summary, firstName, lastName, email, rating, status = "P" } = validateFields(body, errors, REQUIRED_ON_CREATE);
  if (
    Object.keys(errors).length > 0 ||
    typeof entryId !== "string" ||
    summary === undefined ||
    firstName === undefined ||
    lastName === undefined ||
    email === undefined ||
    rating === undefined
  ) {
    return { ok: false, errors };
  }
  return { ok: true, value: { entryId, title, company, summary, firstName, lastName, email, rating, status } };
}

/**
 * Validates a PATCH body: any subset of the editable fields, at least one,
 * `entry_id` refused, unknown fields ignored.
 */
export function validatePatch(body: Record<string, unknown>): Validated<ReviewChanges> {
  const errors: FieldErrors = {};
  if (body["entry_id"] !== undefined) errors["entry_id"] = [MESSAGES.immutable];
  const changes = validateFields(body, errors, []);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (Object.keys(changes).length === 0) return { ok: false, errors: { non_field_errors: [MESSAGES.atLeastOne] } };
  return { ok: true, value: changes };
}
