/**
 * What every script-tag file does on load: registers its tags (a tag another
 * file already registered is left alone), reads `data-api-base`,
 * `data-source`, `data-locale` and `data-directory-id` from its own <script>
 * tag, fetches other languages' strings from next to itself, and exposes
 * `window.ReviewWidgets`. Two files on one page (or a file next to the ESM
 * build) share one configuration: see core/config.ts.
 */
import { configure, setEmbedDefaults, type ReviewWidgetsConfig } from "../core/config.js";
import { addMessages, setCatalogLoader } from "../core/i18n/index.js";
import { refresh } from "../core/refresh.js";
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

/** `defaults` sit below the script tag's `data-*` (the directory file defaults to its one backend). */
export function boot(elements: readonly Definable[], defaults: ReviewWidgetsConfig = {}): void {
  const settings: ReviewWidgetsConfig = { ...defaults };
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement) {
    // Other languages' strings and the opt-in JSON-LD code are small ES modules next to this file.
    const base = script.src;
    const beside = (path: string) => import(/* @vite-ignore */ new URL(path, base).href);
    setCatalogLoader(async (lang) => ((await beside(`core/i18n/${lang}.js`)) as { default: object }).default);
    setStructuredDataLoader(() => beside("internal/structured-data.js"));
    const { apiBase, source, locale, directoryId } = script.dataset;
    if (apiBase) settings.apiBase = apiBase;
    if (source === "mindbricks" || source === "partnerpage") settings.source = source;
    if (locale) settings.locale = locale;
    if (directoryId) settings.directoryId = directoryId;
  }
  if (Object.keys(settings).length > 0) setEmbedDefaults(settings);
  for (const element of elements) element.define(element.tag);
  window.ReviewWidgets ??= { configure, addMessages, refresh };
}
