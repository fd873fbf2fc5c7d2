/**
 * JSON for inside a `<script>` in HTML (state and JSON-LD): `<`, `>`, `&` and
 * the line separators are escaped (`\u003c`…), so no review text can close the
 * script or start a comment — also once a rendered page is serialised and served again.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
