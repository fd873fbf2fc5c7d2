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
import { refresh } from "../core/refresh.js";
import { MARKETPLACE } from "../core/variants.js";
import { setOnDemandLoader } from "../internal/on-demand.js";

/** What a page may queue before the script arrives: `["configure", {...}]`, `["addMessages", lang, {...}]`, or a function called with the API. */
export type ReviewWidgetsCommand =
  | readonly ["configure", ReviewWidgetsConfig]
  | readonly ["addMessages", ...Parameters<typeof addMessages>]
  | ((api: ReviewWidgetsApi) => void);

export interface ReviewWidgetsApi {
  configure: typeof configure;
  addMessages: typeof addMessages;
  refresh: typeof refresh;
  /** Before a script file loads, the page's array of commands; after, it runs each pushed command at once. */
  q: { push(...commands: ReviewWidgetsCommand[]): number };
}

/** Fired on `document` (and so heard on `window`) each time a script file has registered its tags; `detail.tags` names them. */
export const READY_EVENT = "review-widgets-ready";

declare global {
  interface Window {
    ReviewWidgets?: ReviewWidgetsApi | { q?: ReviewWidgetsCommand[] };
  }
}

interface Definable {
  readonly tag: string;
  define(tag?: string): void;
}

/**
 * The ready contract. The page may create `window.ReviewWidgets = window.ReviewWidgets || { q: [] }`
 * and push commands before an `async` script has arrived; the first script file to load turns that
 * same object into the API (a reference the page kept stays valid), runs the queued commands in order
 * — before any element upgrades, so none renders unconfigured — and from then on runs a pushed
 * command at once. A second script file finds the API in place and leaves it.
 */
function installApi(): void {
  const api = (window.ReviewWidgets ??= {}) as Partial<ReviewWidgetsApi>;
  if (api.configure) return;
  const queued: unknown = api.q;
  const run = (command: ReviewWidgetsCommand): void => {
    try {
      // A function gets the API; ["configure", settings] or ["addMessages", lang, strings] name a method and its arguments.
      if (typeof command === "function") command(api as ReviewWidgetsApi);
      else (api[command[0]] as (...args: unknown[]) => void)(...command.slice(1));
    } catch (error) {
      // One bad command (an unknown name included) must not stop the others, nor the embed.
      reportError(error);
    }
  };
  Object.assign(api, { configure, addMessages, refresh, q: { push: (...commands: ReviewWidgetsCommand[]) => (commands.map(run), 0) } });
  if (Array.isArray(queued)) queued.map(run);
}

/**
 * Registers `elements`; their default backend is the first this file carries (the directory files carry only theirs).
 * `takeover`: for files with elements a server renders (internal/takeover.ts).
 */
export function boot(elements: readonly Definable[], takeover?: () => Promise<unknown> | null): void {
  const settings: ReviewWidgetsConfig = {};
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement) {
    // Other languages' strings and on-demand code (internal/on-demand.ts) are small ES modules next to this file.
    const base = script.src;
    const beside = (path: string) => import(/* @vite-ignore */ new URL(path, base).href);
    setCatalogLoader(async (lang) => ((await beside(`core/i18n/${lang}.js`)) as { default: object }).default);
    setOnDemandLoader(beside);
    const { apiBase, source, locale, directoryId, reviewWindowDays } = script.dataset;
    if (apiBase) settings.apiBase = apiBase;
    if (MARKETPLACE && reviewWindowDays) settings.reviewWindowDays = +reviewWindowDays;
    // An unknown backend is kept, so the elements name it in their configuration error rather than ignore it.
    if (source) settings.source = source;
    if (locale) settings.locale = locale;
    if (directoryId) settings.directoryId = directoryId;
  }
  setEmbedDefaults(settings);
  installApi();
  const define = () => {
    for (const element of elements) element.define(element.tag);
    document.dispatchEvent(new CustomEvent(READY_EVENT, { bubbles: true, detail: { tags: elements.map((element) => element.tag) } }));
  };
  // Server-rendered elements on the page: their HTML paints first, and their languages are in (internal/takeover.ts).
  const rendered = takeover?.();
  if (rendered) void rendered.then(define);
  else define();
}
