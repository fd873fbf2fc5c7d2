import * as z from "zod/mini";

/** Schema pieces both backends' wire formats use. */

export const nonEmptyString = z.string().check(z.minLength(1));

/** An ISO-like date string that Date can read. */
export const isoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), "expected a date"));
