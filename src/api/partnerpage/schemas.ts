import * as z from "zod/mini";
import { isoDate, lazy, nonEmptyString, nullishNumber, nullishString, string, wholeNumberIn, type Parsed } from "../wire.js";

/**
 * Wire schemas of the partner directory review API (seed 000) and of our
 * public proxy, which returns a PII-stripped subset of the same shape.
 * Responses are camelCase; request bodies are snake_case.
 */
const text = nullishString;

export const WireDirectoryReview = lazy(() =>
  z.object({
    id: nonEmptyString(),
    entry: z.object({ id: nonEmptyString(), title: text() }),
    title: text(),
    company: text(),
    summary: string(),
    firstName: text(),
    lastName: text(),
    email: text(),
    rating: wholeNumberIn(1, 5),
    created: isoDate(),
    status: string(),
  }),
);
export type WireDirectoryReview = Parsed<typeof WireDirectoryReview>;

/** The seed documents no list shape: accept a bare array or DRF pagination. */
export const WirePaginated = lazy(() =>
  z.object({
    count: nullishNumber(),
    next: nullishString(),
    /**
     * Checked item by item (parseItems), which also refuses a non-list. z.custom() with no check is z.unknown()
     * to an object (the key must be there, any value), and its code is in every file already (refines use it).
     */
    results: z.custom(),
  }),
);
