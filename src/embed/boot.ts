/**
 * What every script-tag file does on load: registers its tags (a tag another
 * file already registered is left alone), reads `data-api-base`,
 * `data-source`, `data-locale`, `data-directory-id` and
 * `data-review-window-days` from its own <script>
 * tag, fetches other languages' strings from next to itself, and exposes
 * `window.ReviewWidgets`. Two files on one page (or a file next to the ESM
 * build) share one configuration: see core/config.ts.
 */
import { configure, setEmbedDefaults, type ReviewWidgetsConfig } from "../core/config.js";
import { addMessages, setCatalogLoader } from "../core/i18n/index.js";
import { MARKETPLACE } from "../core/variants.js";

interface ReviewWidgetsGlobal {
  configure: typeof configure;
  addMessages: typeof addMessages;
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
    // Other languages' strings are small ES modules next to this file (dist/core/i18n/<lang>.js).
    const base = script.src;
    setCatalogLoader(async (lang) => {
      const module = (await import(/* @vite-ignore */ new URL(`core/i18n/${lang}.js`, base).href)) as { default: object };
      return module.default;
    });
    const { apiBase, source, locale, directoryId, reviewWindowDays } = script.dataset;
    if (apiBase) settings.apiBase = apiBase;
    if (MARKETPLACE && reviewWindowDays) settings.reviewWindowDays = +reviewWindowDays;
    if (source === "mindbricks" || source === "partnerpage") settings.source = source;
    if (locale) settings.locale = locale;
    if (directoryId) settings.directoryId = directoryId;
  }
  if (Object.keys(settings).length > 0) setEmbedDefaults(settings);
  for (const element of elements) element.define(element.tag);
  window.ReviewWidgets ??= { configure, addMessages };
}
