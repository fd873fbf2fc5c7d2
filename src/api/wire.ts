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

/** Schema pieces both backends' wire formats use (called inside `lazy` builders). */
export const nonEmptyString = () => z.string().check(z.minLength(1));

/** An ISO-like date string that Date can read. */
export const isoDate = () => z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), "expected a date"));
