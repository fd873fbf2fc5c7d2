import * as z from "zod/mini";
import { isoDate, nonEmptyString as id } from "../wire.js";

/**
 * Wire schemas of the partner directory review API (seed 000) and of our
 * public proxy, which returns a PII-stripped subset of the same shape.
 * Responses are camelCase; request bodies are snake_case.
 */
const text = z.nullish(z.string());

export const WireDirectoryReview = z.object({
  id,
  entry: z.object({ id, title: text }),
  title: text,
  company: text,
  summary: z.string(),
  firstName: text,
  lastName: text,
  email: text,
  rating: z.int().check(z.gte(1), z.lte(5)),
  created: isoDate,
  status: z.string(),
});
export type WireDirectoryReview = z.infer<typeof WireDirectoryReview>;

/** The seed documents no list shape: accept a bare array or DRF pagination. */
export const WirePaginated = z.object({
  count: z.nullish(z.number()),
  next: z.nullish(z.string()),
  results: z.array(z.unknown()),
});
