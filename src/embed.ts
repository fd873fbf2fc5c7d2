/**
 * The script-tag build (dist/review-widgets.js): registers the tags, reads
 * `data-api-base`, `data-source`, `data-locale` (and `data-directory-id`) from
 * its own <script> tag, and exposes `window.ReviewWidgets.configure`.
 * Loading it twice, or next to the ESM build, is harmless: the first wins.
 */
import { configure, setEmbedDefaults, type ReviewWidgetsConfig } from "./core/config.js";
import { addMessages, setCatalogLoader } from "./core/i18n/index.js";
import { defineAll } from "./register.js";

interface ReviewWidgetsGlobal {
  configure: typeof configure;
  addMessages: typeof addMessages;
}

declare global {
  interface Window {
    ReviewWidgets?: ReviewWidgetsGlobal;
  }
}

const script = document.currentScript;
defineAll();
if (script instanceof HTMLScriptElement) {
  // Other languages' strings are small ES modules next to this file (dist/core/i18n/<lang>.js).
  const base = script.src;
  setCatalogLoader(async (lang) => {
    const module = (await import(/* @vite-ignore */ new URL(`core/i18n/${lang}.js`, base).href)) as { default: object };
    return module.default;
  });
  const { apiBase, source, locale, directoryId } = script.dataset;
  const defaults: ReviewWidgetsConfig = {};
  if (apiBase) defaults.apiBase = apiBase;
  if (source === "mindbricks" || source === "partnerpage") defaults.source = source;
  if (locale) defaults.locale = locale;
  if (directoryId) defaults.directoryId = directoryId;
  setEmbedDefaults(defaults);
}

window.ReviewWidgets ??= { configure, addMessages };
