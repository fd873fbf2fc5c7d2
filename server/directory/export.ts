/**
 * The directory owner's export (seed 000 lists `reviewsDirectoryExportRetrieve`
 * and nothing more; this shape is ours, see README "Where the seeds are silent"):
 * every review of the directory, any status, newest first, as CSV (RFC 4180,
 * UTF-8, CRLF, one header row) or as a JSON array of the API's review objects.
 */
import type { ReviewJson } from "./serialize.ts";

export const EXPORT_COLUMNS = [
  "id",
  "entry_id",
  "entry_title",
  "status",
  "status_display",
  "rating",
  "title",
  "summary",
  "first_name",
  "last_name",
  "company",
  "email",
  "created",
  "approved_by",
  "declined_by",
] as const;

const person = (ref: ReviewJson["approvedBy"]) => (ref ? `${ref.firstName} ${ref.lastName}`.trim() || ref.email : "");

function row(review: ReviewJson): string[] {
  return [
    review.id,
    review.entry.id,
    review.entry.title,
    review.status,
    review.statusDisplay,
    String(review.rating),
    review.title,
    review.summary,
    review.firstName,
    review.lastName,
    review.company,
    review.email,
    review.created,
    person(review.approvedBy),
    person(review.declinedBy),
  ];
}

/**
 * One CSV cell. A spreadsheet runs a cell that starts with = + - @ (or a tab
 * or CR before one) as a formula: such cells get a leading apostrophe (OWASP's
 * advice), which spreadsheets show as text. Then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(reviews: readonly ReviewJson[]): string {
  const lines = [EXPORT_COLUMNS.join(","), ...reviews.map((review) => row(review).map(csvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
