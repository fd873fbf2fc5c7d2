import { reportInvalidData } from "../core/diagnostics.js";
import { ApiError } from "./errors.js";
import type * as z from "zod/mini";
import { ensureJitless } from "./zod.js";

const invalid = () => new ApiError("invalid-response", "The review service sent an answer we could not read.");

/** Parses a whole response with `schema`; a mismatch is an `invalid-response` error. */
export function parseWhole<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  ensureJitless();
  const result = schema.safeParse(value);
  if (!result.success) throw invalid();
  return result.data as z.infer<S>;
}

/**
 * Parses a list item by item: invalid items are dropped and reported once,
 * the rest are kept. A value that is not a list at all is an error.
 */
export function parseItems<S extends z.ZodMiniType>(schema: S, value: unknown, context: string): { items: z.infer<S>[]; dropped: number } {
  if (!Array.isArray(value)) throw invalid();
  ensureJitless();
  const items: z.infer<S>[] = [];
  let example = "";
  for (const raw of value) {
    const result = schema.safeParse(raw);
    if (result.success) items.push(result.data as z.infer<S>);
    else if (example === "") example = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(", ");
  }
  const dropped = value.length - items.length;
  reportInvalidData({ context, dropped, example });
  return { items, dropped };
}
