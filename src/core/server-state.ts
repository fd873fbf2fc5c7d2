import type { Aggregate, Review } from "./model.js";

/**
 * The shapes of data rendered on the server (issue 17), as an element takes them over. Reading and
 * checking a state (public reviews only) is internal/server-state.ts, loaded only on pages that have one.
 */
export type Counts = readonly [number, number, number, number, number];

export interface SummaryState {
  aggregate: Aggregate | null;
  distribution: Counts | null;
}

export interface ListState {
  /** Public reviews only. */
  reviews: Review[];
}
