import type { ReactiveElement, TemplateResult } from "lit";
import { ApiError } from "../core/errors.js";
import type { Translator } from "../core/i18n/index.js";
import { errorState } from "./states.js";

/** The last problem text each misconfigured element warned about. */
const warned = new WeakMap<Element, string>();

/**
 * The contained error of a misconfigured element, with one console warning per problem text and one
 * `review-error` (kind "misconfigured", through `report`), so a page that watches errors hears of it too.
 * Retry renders again: the element checks its settings again.
 */
export function misconfigured(host: ReactiveElement, i18n: Translator, problems: readonly string[], report: (error: ApiError) => void): TemplateResult {
  const text = `<${host.localName}>: ${problems.join("; ")}`;
  if (warned.get(host) !== text) {
    warned.set(host, text);
    console.warn(`[review-widgets] ${text}`);
    // After this render, not during it: a listener may change the element.
    queueMicrotask(() => report(new ApiError("misconfigured", { detail: text })));
  }
  return errorState(i18n, i18n.t("misconfigured"), () => host.requestUpdate());
}
