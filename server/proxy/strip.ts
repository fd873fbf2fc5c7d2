/**
 * PII removal for public directory reviews. The public shape is built field
 * by field from an allow-list: nothing the upstream adds (today or later)
 * can pass through, and anything malformed drops the whole review.
 */
import { isObject } from "../shared/json.ts";

/** A directory review as the public proxy returns it. */
export interface PublicReview {
  id: string;
  entry: { id: string; title: string };
  entryType: string;
  title: string;
  company: string;
  summary: string;
  shortSummary: string;
  firstName: string;
  /** First letter of the last name only ("Doe" → "D"). */
  lastName: string;
  rating: number;
  created: string;
  status: string;
  statusDisplay: string;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Optional text fields (title, company): null or missing become "". */
function optionalText(value: unknown): string | null {
  if (value === null || value === undefined) return "";
  return text(value);
}

/** The first letter (code point) of a name, e.g. "Doe" → "D"; "" when empty. */
export function initial(name: string): string {
  return Array.from(name.trim())[0] ?? "";
}

/** The public form of an upstream review, or null when it is not well-formed. */
export function toPublicReview(raw: unknown): PublicReview | null {
  if (!isObject(raw) || !isObject(raw["entry"])) return null;
  const entry = raw["entry"];
  const id = text(raw["id"]);
  const entryId = text(entry["id"]);
  const entryTitle = text(entry["title"]);
  const entryType = text(raw["entryType"]);
  const title = optionalText(raw["title"]);
  const company = optionalText(raw["company"]);
  const summary = text(raw["summary"]);
  const shortSummary = text(raw["shortSummary"]);
  const firstName = text(raw["firstName"]);
  const lastName = text(raw["lastName"]);
  const rating = raw["rating"];
  const created = text(raw["created"]);
  const status = text(raw["status"]);
  const statusDisplay = text(raw["statusDisplay"]);
  if (
    id === null ||
    entryId === null ||
    entryTitle === null ||
    entryType === null ||
    title === null ||
    company === null ||
    summary === null ||
    shortSummary === null ||
    firstName === null ||
    lastName === null ||
    typeof rating !== "number" ||
    !Number.isInteger(rating) ||
    rating < 1 ||
    rating > 5 ||
    created === null ||
    Number.isNaN(Date.parse(created)) ||
    status === null ||
    statusDisplay === null
  ) {
    return null;
  }
  return {
    id,
    entry: { id: entryId, title: entryTitle },
    entryType,
    title,
    company,
    summary,
    shortSummary,
    firstName,
    lastName: initial(lastName),
    rating,
    created,
    status,
    statusDisplay,
  };
}

/** Public only when approved: status exactly "A". */
export function isApproved(review: PublicReview): boolean {
  return review.status === "A";
}
