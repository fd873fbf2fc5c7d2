import * as z from "zod/mini";

/** What parsing needs of a wire schema. */
export interface Parser<T> {
  safeParse(value: unknown): z.core.util.SafeParseResult<T>;
}
export type Parsed<P> = P extends Parser<infer T> ? T : never;

/**
 * A schema built on first use. zod's constructors do real work for every
 * field (≈ 5 ms for all our schemas at start-up), and a page should not pay
 * for schemas it may never need: the other backend's, the error body's.
 */
export function lazy<S extends z.ZodMiniType>(build: () => S): Parser<z.infer<S>> {
  let schema: S | undefined;
  return { safeParse: (value) => (schema ??= build()).safeParse(value) };
}

/*
 * Schema pieces both backends' wire formats use (called inside `lazy` builders).
 * Every check is a refine with its own message: zod/mini's z.int(), z.literal()
 * and the length and range checks each bring code of their own (≈ 1 KB gzip
 * together, on every page), and a refine says just as clearly what was expected.
 */
export const nonEmptyString = () => z.string().check(z.refine((value) => value.length > 0, "expected at least 1 character"));

/** A number within [min, max]. */
export const numberIn = (min: number, max = Infinity) =>
  z.number().check(
    z.refine((value) => value >= min, `expected ≥ ${min}`),
    z.refine((value) => value <= max, `expected ≤ ${max}`),
  );

/** A whole number within [min, max]. */
export const wholeNumberIn = (min: number, max = Infinity) => numberIn(min, max).check(z.refine(Number.isInteger, "expected a whole number"));

/** An ISO-like date string that Date can read. */
export const isoDate = () => z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), "expected a date"));
