import { reportInvalidData } from "../core/diagnostics.js";
import { ApiError } from "./errors.js";
import { check, type Schema } from "./schema.js";

const invalid = () => new ApiError("invalid-response");

/** Checks a whole response; a mismatch is an `invalid-response` error. */
export function parseWhole<T>(schema: Schema<T>, value: unknown): T {
  const result = check(schema, value);
  if (!result.ok) throw invalid();
  return result.value;
}

/**
 * Checks a list item by item: invalid items are dropped and reported once,
 * the rest are kept. A value that is not a list at all is an error.
 */
export function parseItems<T>(schema: Schema<T>, value: unknown, context: string): { items: T[]; dropped: number } {
  if (!Array.isArray(value)) throw invalid();
  const items: T[] = [];
  let example = "";
  for (const raw of value) {
    const result = check(schema, raw);
    if (result.ok) items.push(result.value);
    else example ||= result.problem;
  }
  const dropped = value.length - items.length;
  reportInvalidData({ context, dropped, example });
  return { items, dropped };
}
