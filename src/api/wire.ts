import * as z from "zod/mini";
import { MARKETPLACE } from "../core/variants.js";

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

/**
 * The value types, as custom checks too: z.string(), z.number() and z.boolean() each bring a class of their
 * own, z.custom()'s is in every file already. Same result: the value as is, or one issue that stops the checks
 * after it, worded as parse.ts words a type mismatch ("expected number"); a number must be finite, as in zod.
 */
const typed = <T>(type: string, test: (value: unknown) => boolean) => z.custom<T>(test, `expected ${type}`);
export const string = () => typed<string>("string", (value) => typeof value === "string");
export const number = () => typed<number>("number", Number.isFinite);
export const boolean = () => typed<boolean>("boolean", (value) => typeof value === "boolean");
/**
 * z.nullish(string()) and z.nullish(number()), the same parse. Without the marketplace's schemas (which
 * have nullable objects), a file needs no z.nullable() if these are one check each; with them, that
 * check would be extra code, so such a file keeps z.nullish().
 */
export const nullishString = () =>
  MARKETPLACE ? z.nullish(string()) : z.optional(typed<string | null>("string", (value) => value === null || typeof value === "string"));
export const nullishNumber = () =>
  MARKETPLACE ? z.nullish(number()) : z.optional(typed<number | null>("number", (value) => value === null || Number.isFinite(value)));

/*
 * Schema pieces both backends' wire formats use (called inside `lazy` builders).
 * Every check is a refine with its own message: zod/mini's z.int(), z.literal()
 * and the length and range checks each bring code of their own (≈ 1 KB gzip
 * together, on every page), and a refine says just as clearly what was expected.
 */
export const nonEmptyString = () => string().check(z.refine((value) => value.length > 0, "expected at least 1 character"));

/** A number within [min, max]. */
export const numberIn = (min: number, max = Infinity) =>
  number().check(
    z.refine((value) => value >= min, `expected ≥ ${min}`),
    z.refine((value) => value <= max, `expected ≤ ${max}`),
  );

/** A whole number within [min, max]. */
export const wholeNumberIn = (min: number, max = Infinity) => numberIn(min, max).check(z.refine(Number.isInteger, "expected a whole number"));

/** An ISO-like date string that Date can read. */
export const isoDate = () => string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), "expected a date"));
