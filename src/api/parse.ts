import type * as z from "zod/mini";
import { reportInvalidData } from "../core/diagnostics.js";
import { ApiError } from "../core/errors.js";
import type { Parser } from "./wire.js";

const invalid = () => new ApiError("invalid-response");

/** Why a value failed, in words a site owner can act on (zod/mini ships no message catalog; our refines carry their own). */
const reason = (issue: z.core.$ZodIssue): string => (issue.code === "invalid_type" ? `expected ${issue.expected}` : issue.message);

/** Where and why a value failed, for the one diagnostic report per response. */
const describe = (error: z.core.$ZodError): string => error.issues.map((issue) => `${issue.path.join(".") || "value"}: ${reason(issue)}`).join(", ");

/** Checks a whole response; a mismatch is an `invalid-response` error. */
export function parseWhole<T>(schema: Parser<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid();
  return result.data;
}

/**
 * Checks a list item by item: invalid items are dropped and reported once,
 * the rest are kept. A value that is not a list at all is an error.
 */
export function parseItems<T>(schema: Parser<T>, value: unknown, context: string): { items: T[]; dropped: number } {
  if (!Array.isArray(value)) throw invalid();
  const items: T[] = [];
  let example = "";
  for (const raw of value) {
    const result = schema.safeParse(raw);
    if (result.success) items.push(result.data);
    else example ||= describe(result.error);
  }
  const dropped = value.length - items.length;
  reportInvalidData({ context, dropped, example });
  return { items, dropped };
}
