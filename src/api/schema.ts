/**
 * Wire validation: a few typed combinators, enough for the shapes we read.
 * A schema is a function that returns the checked value or throws at the
 * first problem; `check` turns that into a result. Objects keep only the
 * declared keys (an allow-list: unknown fields never reach the domain).
 * No code generation, so a strict CSP without 'unsafe-eval' holds.
 */
export type Schema<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

class Invalid extends Error {}

function fail(path: string, expected: string): never {
  throw new Invalid(`${path || "value"}: expected ${expected}`);
}

export const string =
  (minLength = 0): Schema<string> =>
  (value, path) =>
    typeof value === "string" && value.length >= minLength ? value : fail(path, minLength ? "a non-empty string" : "a string");

export const number =
  (min = -Infinity, max = Infinity, integer = false): Schema<number> =>
  (value, path) =>
    typeof value === "number" && value >= min && value <= max && (!integer || Number.isInteger(value))
      ? value
      : fail(path, `${integer ? "an integer" : "a number"} in [${min}, ${max}]`);

export const boolean: Schema<boolean> = (value, path) => (typeof value === "boolean" ? value : fail(path, "a boolean"));

export const literal =
  <T extends string>(expected: T): Schema<T> =>
  (value, path) =>
    value === expected ? expected : fail(path, JSON.stringify(expected));

/** An ISO-like date string that Date can read. */
export const date: Schema<string> = (value, path) =>
  typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : fail(path, "a date");

export const unknown: Schema<unknown> = (value) => value;

/** Absent or null is allowed (and kept as given). */
export const nullish =
  <T>(schema: Schema<T>): Schema<T | null | undefined> =>
  (value, path) =>
    value === undefined || value === null ? value : schema(value, path);

export const array =
  <T>(item: Schema<T>): Schema<T[]> =>
  (value, path) =>
    Array.isArray(value) ? value.map((entry, i) => item(entry, `${path}[${i}]`)) : fail(path, "a list");

export const object =
  <S extends Record<string, Schema<unknown>>>(shape: S): Schema<{ [K in keyof S]: Infer<S[K]> }> =>
  (value, path) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "an object");
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const field = shape[key]!((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (field !== undefined) out[key] = field;
    }
    return out as { [K in keyof S]: Infer<S[K]> };
  };

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export function check<T>(schema: Schema<T>, value: unknown): Checked<T> {
  try {
    return { ok: true, value: schema(value, "") };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, problem: error.message };
    throw error;
  }
}
