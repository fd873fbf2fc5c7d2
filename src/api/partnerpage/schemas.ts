import * as z from "zod/mini";

/**
 * Wire schemas of the partner directory review API (seed 000) and of our
 * public proxy, which returns a PII-stripped subset of the same shape.
 * Responses are camelCase; request bodies are snake_case.
 */
const isoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), "not a date"));
const optionalString = z.optional(z.nullable(z.string()));

export const WireDirectoryReview = z.looseObject({
  id: z.string().check(z.minLength(1)),
  entry: z.looseObject({ id: z.string().check(z.minLength(1)), title: optionalString }),
  title: optionalString,
  company: optionalString,
  summary: z.string(),
  firstName: optionalString,
  lastName: optionalString,
  email: optionalString,
  rating: z.number().check(z.int(), z.gte(1), z.lte(5)),
  created: isoDate,
  status: z.string(),
});
export type WireDirectoryReview = z.infer<typeof WireDirectoryReview>;

/** The seed documents no list shape: accept a bare array or DRF pagination. */
export const WirePaginated = z.looseObject({
  count: z.optional(z.number()),
  next: z.optional(z.nullable(z.string())),
  results: z.array(z.unknown()),
});
