/**
 * UUID-shaped identifiers. Seeded users, listings and reservations (which demo
 * pages and tests name) get ids from per-kind counters; review and aggregate
 * ids are random (seeded reviews' from a fixed seed), as are sessions and
 * blind-submission codes.
 */

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first hex digit of an id tells its kind, which helps when reading logs. */
export const ID_KIND = {
  user: 1,
  listing: 2,
  reservation: 3,
  review: 4,
  reviewAggregate: 5,
} as const;

export type IdKind = keyof typeof ID_KIND;

/** Owner of records the service creates by itself (review aggregates). */
export const SYSTEM_USER_ID = "00000000-0000-4000-8000-000000000000";

export function makeId(kind: IdKind, serial: number): string {
  const prefix = ID_KIND[kind].toString(16);
  return `${prefix}0000000-0000-4000-8000-${serial.toString(16).padStart(12, "0")}`;
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** An opaque code; it identifies a submission without revealing anything. */
export function formatBlindSubmissionCode(hex16: string): string {
  const upper = hex16.toUpperCase();
  return `BSC-${upper.slice(0, 4)}-${upper.slice(4, 8)}-${upper.slice(8, 12)}-${upper.slice(12, 16)}`;
}
