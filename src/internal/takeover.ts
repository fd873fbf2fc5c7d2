import { currentConfig } from "../core/config.js";
import { loadCatalog } from "../core/i18n/index.js";
import { STATE_SELECTOR } from "../core/server-state.js";

/**
 * Before the tags are defined on a page with server-rendered elements (a state child in the HTML):
 * one frame, so the browser paints the server's HTML before the upgrade's work, and the strings of
 * their languages, so the takeover renders the same words (a Spanish page never flashes English).
 * Null when the page has none: the tags are defined at once, as always.
 */
export function serverRendered(): Promise<unknown> | null {
  const states = document.querySelectorAll(STATE_SELECTOR);
  if (states.length === 0) return null;
  const langs = [...states].map((state) => state.parentElement?.closest("[lang]")?.getAttribute("lang") || currentConfig().locale || "en");
  return Promise.all([new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))), ...[...new Set(langs)].map(loadCatalog)]);
}
