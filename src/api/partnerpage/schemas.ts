import { array, date, nullish, number, object, string, unknown, type Infer } from "../schema.js";

/**
 * Wire schemas of the partner directory review API (seed 000) and of our
 * public proxy, which returns a PII-stripped subset of the same shape.
 * Responses are camelCase; request bodies are snake_case.
 */
const text = nullish(string());

export const WireDirectoryReview = object({
  id: string(1),
  entry: object({ id: string(1), title: text }),
  title: text,
  company: text,
  summary: string(),
  firstName: text,
  lastName: text,
  email: text,
  rating: number(1, 5, true),
  created: date,
  status: string(),
});
export type WireDirectoryReview = Infer<typeof WireDirectoryReview>;

/** The seed documents no list shape: accept a bare array or DRF pagination. */
export const WirePaginated = object({
  count: nullish(number()),
  next: nullish(string()),
  results: array(unknown),
});
