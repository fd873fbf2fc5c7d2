/**
 * Invalid data from a server is dropped item by item and reported once per
 * place it came from — to the developer console and as an event a site can
 * forward to its monitoring — never thrown at the page.
 */
export interface InvalidDataReport {
  /** Where the data came from, e.g. "GET /v1/reviews". */
  context: string;
  dropped: number;
  /** The first problem, e.g. "rating: expected ≤ 5". */
  example: string;
}

export const INVALID_DATA_EVENT = "review-widgets:invalid-data";

const reported = new Set<string>();

export function reportInvalidData(report: InvalidDataReport): void {
  if (report.dropped === 0 || reported.has(report.context)) return;
  reported.add(report.context);
  console.warn(`[review-widgets] dropped ${report.dropped} invalid item(s) from ${report.context} (${report.example})`);
  globalThis.dispatchEvent?.(new CustomEvent<InvalidDataReport>(INVALID_DATA_EVENT, { detail: report }));
}
