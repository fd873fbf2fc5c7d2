/**
 * Seed-shaped marketplace wire data for the benchmarks (the envelope and
 * review/aggregate records of seed 003, as test/support/wire.ts records them).
 * Deterministic for one run: every page of the same query is the same bytes,
 * so the widget and the hand-written baseline fetch identical responses.
 */
import { GUEST_NAMES, MAIN_PUBLIC_REVIEWS } from "../server/marketplace/seed-texts.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Midnight today (UTC): review dates are relative to it, the same for the whole run. */
const ANCHOR = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/** `bench-<n>` names a reviewee with exactly n public reviews. */
export function reviewCountOf(revieweeId: string): number | null {
  const match = /^bench-(\d{1,5})$/.exec(revieweeId);
  return match ? Number(match[1]) : null;
}

function wireReview(revieweeId: string, index: number): Record<string, unknown> {
  const sample = MAIN_PUBLIC_REVIEWS[index % MAIN_PUBLIC_REVIEWS.length]!;
  const reviewer = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
  const submittedAt = iso(ANCHOR - (sample.daysAgo + index) * DAY_MS - (index % 24) * 3_600_000);
  return {
    id: `${revieweeId}-review-${index}`,
    moderationStatus: "approved",
    moderationStatus_idx: 1,
    isPublished: true,
    reviewText: sample.text,
    rating: sample.rating,
    blindSubmissionCode: `blind-${index}`,
    revieweeId,
    reservationId: `${revieweeId}-reservation-${index}`,
    reviewerId: reviewer,
    revieweeType: "listing",
    revieweeType_idx: 2,
    submittedAt,
    isActive: true,
    recordVersion: 2,
    createdAt: submittedAt,
    updatedAt: submittedAt,
    _owner: reviewer,
    reviewer: { id: reviewer, fullname: GUEST_NAMES[index % GUEST_NAMES.length]! },
  };
}

function wireAggregate(revieweeId: string, index: number): Record<string, unknown> {
  return {
    id: `${revieweeId}-aggregate`,
    revieweeId,
    revieweeType: "listing",
    revieweeType_idx: 2,
    averageRating: Math.round((3 + ((index * 37) % 200) / 100) * 100) / 100,
    reviewCount: 3 + (index % 40),
    visibilityStatus: "public",
    visibilityStatus_idx: 0,
    isActive: true,
    recordVersion: 1,
    createdAt: iso(ANCHOR - 400 * DAY_MS),
    updatedAt: iso(ANCHOR - DAY_MS),
    _owner: "system",
  };
}

function envelope(dataName: string, items: unknown[], paging: { pageNumber: number; pageRowCount: number; totalRowCount: number; pageCount: number }): string {
  return JSON.stringify({
    status: "OK",
    statusCode: 200,
    elapsedMs: 3,
    ssoTime: 0,
    source: "db",
    cacheKey: "bench",
    userId: null,
    sessionId: null,
    requestId: "bench",
    dataName,
    method: "GET",
    action: "list",
    appVersion: "1.0.0",
    rowCount: items.length,
    [dataName]: items,
    paging,
    filters: [],
    uiPermissions: [],
  });
}

const pages = new Map<string, string>();

/** One page of `GET /v1/reviews?revieweeId=bench-N&pageNumber&pageRowCount`, cached per run. */
export function reviewsPage(revieweeId: string, pageNumber: number, pageRowCount: number): string | null {
  const total = reviewCountOf(revieweeId);
  if (total === null) return null;
  const key = `${revieweeId} ${pageNumber} ${pageRowCount}`;
  let body = pages.get(key);
  if (body === undefined) {
    const start = (pageNumber - 1) * pageRowCount;
    const items: unknown[] = [];
    for (let i = start; i < Math.min(total, start + pageRowCount); i++) items.push(wireReview(revieweeId, i));
    body = envelope("reviews", items, { pageNumber, pageRowCount, totalRowCount: total, pageCount: Math.ceil(total / pageRowCount) });
    pages.set(key, body);
  }
  return body;
}

/** `GET /v1/reviewaggregates?revieweeId=a&revieweeId=b…`: one public aggregate per id. */
export function aggregatesPage(revieweeIds: readonly string[]): string {
  const items = revieweeIds.map((id, i) => wireAggregate(id, i));
  return envelope("reviewAggregates", items, { pageNumber: 1, pageRowCount: Math.max(1, items.length), totalRowCount: items.length, pageCount: 1 });
}
