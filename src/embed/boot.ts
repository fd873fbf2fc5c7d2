/**
 * What every script-tag file does on load: registers its tags (a tag another
 * file already registered is left alone), reads `data-api-base`,
 * `data-source`, `data-locale`, `data-directory-id` and
 * `data-review-window-days` from its own <script>
 * tag, fetches other languages' strings from next to itself, and exposes
 * `window.ReviewWidgets`. Two files on one page (or a file next to the ESM
 * build) share one configuration: see core/config.ts.
 */
import { configure, setEmbedDefaults, setFallbackSource, type ReviewWidgetsConfig } from "../core/config.js";
import type { SourceKind } from "../core/model.js";
import { addMessages, setCatalogLoader } from "../core/i18n/index.js";
import { refresh } from "../core/refresh.js";
import { MARKETPLACE } from "../core/variants.js";
import { setStructuredDataLoader } from "../internal/structured-data-loader.js";

interface ReviewWidgetsGlobal {
  configure: typeof configure;
  addMessages: typeof addMessages;
  refresh: typeof refresh;
}

declare global {
  interface Window {
    ReviewWidgets?: ReviewWidgetsGlobal;
  }
}

interface Definable {
  readonly tag: string;
  define(tag?: string): void;
}

/** `fallback`: the backend this file's elements use when nothing names one (the directory files carry only that one). */
export function boot(elements: readonly Definable[], fallback?: SourceKind): void {
  if (fallback) setFallbackSource(fallback);
  const settings: ReviewWidgetsConfig = {};
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement) {
    // Other languages' strings and the opt-in JSON-LD code are small ES modules next to this file.
    const base = script.src;
    const beside = (path: string) => import(/* @vite-ignore */ new URL(path, base).href);
    setCatalogLoader(async (lang) => ((await beside(`core/i18n/${lang}.js`)) as { default: object }).default);
    setStructuredDataLoader(() => beside("internal/structured-data.js"));
    const { apiBase, source, locale, directoryId, reviewWindowDays } = script.dataset;
    if (apiBase) settings.apiBase = apiBase;
    if (MARKETPLACE && reviewWindowDays) settings.reviewWindowDays = +reviewWindowDays;
    // An unknown backend is kept, so the elements name it in their configuration error rather than ignore it.
    if (source) settings.source = source as SourceKind;
    if (locale) settings.locale = locale;
    if (directoryId) settings.directoryId = directoryId;
  }
  setEmbedDefaults(settings);
  for (const element of elements) element.define(element.tag);
  window.ReviewWidgets ??= { configure, addMessages, refresh };
}
