import { STATUS_DISPLAY, type Entry, type ReviewRecord, type UserRef } from "./model.ts";

/** The wire format of a review: camelCase, exactly like the API's example. */
export interface ReviewJson {
  id: string;
  entry: { id: string; owner: string; title: string };
  entryType: "partner";
  title: string;
  company: string;
  summary: string;
  shortSummary: string;
  firstName: string;
  lastName: string;
  email: string;
  rating: number;
  created: string;
  status: string;
  statusDisplay: string;
  approvedBy: UserRef | null;
  declinedBy: UserRef | null;
}

const SHORT_SUMMARY_MAX = 100;

/**
 * The summary cut to at most 100 characters (code points) on a word
 * boundary, ending with "…" when it was cut.
 */
export function shortSummary(summary: string): string {
  const chars = Array.from(summary);
  if (chars.length <= SHORT_SUMMARY_MAX) return summary;
  const room = chars.slice(0, SHORT_SUMMARY_MAX - 1).join("");
  // Cut at the last whitespace if the word after it was split.
  const nextChar = chars[SHORT_SUMMARY_MAX - 1] ?? "";
  const lastSpace = room.search(/\s\S*$/);
  const cut = /\s/.test(nextChar) || lastSpace <= 0 ? room : room.slice(0, lastSpace);
  return `${cut.replace(/[\s.,;:!?\-–—]+$/u, "")}…`;
}

/** ISO 8601 in UTC without milliseconds, e.g. "2026-04-21T10:15:30Z". */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function reviewJson(review: ReviewRecord, entry: Entry): ReviewJson {
  return {
    id: review.id,
    entry: { id: entry.id, owner: entry.owner, title: entry.title },
    entryType: "partner",
    title: review.title,
    company: review.company,
    summary: review.summary,
    shortSummary: shortSummary(review.summary),
    firstName: review.firstName,
    lastName: review.lastName,
    email: review.email,
    rating: review.rating,
    created: isoSeconds(review.createdMs),
    status: review.status,
    statusDisplay: STATUS_DISPLAY[review.status],
    approvedBy: review.approvedBy ? { ...review.approvedBy } : null,
    declinedBy: review.declinedBy ? { ...review.declinedBy } : null,
  };
}
