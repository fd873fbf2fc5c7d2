/** Fired on the page to make every element read its data again. */
export const REFRESH_EVENT = "review-widgets:refresh";

/**
 * Every element on the page reads its data again: for a page that changed
 * reviews behind the widgets' back (an admin tool of its own, a demo clock).
 * Signing in or out is `configure({ token })`, which reloads what it affects.
 */
export function refresh(): void {
  globalThis.dispatchEvent?.(new Event(REFRESH_EVENT));
}
