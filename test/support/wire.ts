/**
 * Recorded-shape wire fixtures of the marketplace review service, exactly as
 * seed 003 documents them (envelope fields, `_idx`, recordVersion, `_owner`).
 */
let sequence = 0;

export function wireReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    id: `rev-${sequence}`,
    moderationStatus: "approved",
    moderationStatus_idx: 1,
    isPublished: true,
    reviewText: `Review number ${sequence}`,
    rating: 4,
    blindSubmissionCode: `code-${sequence}`,
    revieweeId: "listing-1",
    reservationId: `res-${sequence}`,
    reviewerId: `user-${sequence}`,
    revieweeType: "listing",
    revieweeType_idx: 2,
    submittedAt: "2026-10-01T10:00:00.000Z",
    isActive: true,
    recordVersion: 0,
    createdAt: "2026-10-01T10:00:00.000Z",
    updatedAt: "2026-10-01T10:00:00.000Z",
    _owner: `user-${sequence}`,
    reviewer: { id: `user-${sequence}`, fullname: "Maria Lopez Garcia" },
    ...overrides,
  };
}

export function wireAggregate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    id: `agg-${sequence}`,
    revieweeId: "listing-1",
    revieweeType: "listing",
    revieweeType_idx: 2,
    averageRating: 4.33,
    reviewCount: 12,
    visibilityStatus: "public",
    visibilityStatus_idx: 0,
    isActive: true,
    recordVersion: 3,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-10-01T00:00:00.000Z",
    _owner: "system",
    ...overrides,
  };
}

export function envelope(dataName: string, data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const list = Array.isArray(data);
  return {
    status: "OK",
    statusCode: 200,
    elapsedMs: 12,
    ssoTime: 3,
    source: "db",
    cacheKey: "c0ffee",
    userId: null,
    sessionId: "session-1",
    requestId: "request-1",
    dataName,
    method: "GET",
    action: list ? "list" : "get",
    appVersion: "1.0.0",
    rowCount: list ? data.length : 1,
    [dataName]: data,
    ...(list ? { paging: { pageNumber: 1, pageRowCount: 25, totalRowCount: data.length, pageCount: 1 }, filters: [], uiPermissions: [] } : {}),
    ...extra,
  };
}

export function errorBody(status: number, message: string): Record<string, unknown> {
  return { result: "ERR", status, message, errCode: status, date: "2026-11-25T10:00:00.000Z", detail: "" };
}
