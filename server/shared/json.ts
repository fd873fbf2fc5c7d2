/** Small facts about JSON values and request media types that every server part asks. */

export type JsonObject = Record<string, unknown>;

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The name Python gives a JSON value's type, as Django REST framework's messages show it. */
export function pythonTypeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    default:
      return "dict";
  }
}

/** `application/json; charset=utf-8` → `application/json`; "" when there is no header. */
export function mediaTypeOf(contentType: string | undefined | null): string {
  return contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
}

export function isJsonMediaType(contentType: string | undefined | null): boolean {
  return mediaTypeOf(contentType) === "application/json";
}
