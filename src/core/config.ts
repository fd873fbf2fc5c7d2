import { addMessages, type Messages } from "./i18n/index.js";
import type { SourceKind } from "./model.js";

/** A bearer token (marketplace) or API key (directory admin), or a function that returns one when needed. */
export type TokenProvider = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ReviewWidgetsConfig {
  /** Base URL of the review API (or of the public directory proxy). */
  apiBase?: string;
  source?: SourceKind;
  /** Default language when no `lang` is found on the element or its ancestors. */
  locale?: string;
  /** Directory backend: which directory. */
  directoryId?: string;
  /**
   * Credentials. Never an attribute, never in a URL or the DOM. Bound to one origin: the origin of the
   * `apiBase` in effect when the token is configured (this call's `apiBase`, else one configured before,
   * else the embed's `data-api-base`, else the page's own origin; a relative URL resolves against
   * `document.baseURI`). An element whose `api-base` points to another origin sends no token and warns once.
   * Configuring `apiBase` later does not move the token.
   */
  token?: TokenProvider | null;
  /**
   * More origins that may receive the configured `token`, on purpose: e.g. `["https://api.example.com"]`.
   * Only scheme, host and port count (a path is ignored).
   */
  tokenOrigins?: readonly string[];
  /**
   * Days from a stay's first review until its double-blind window closes
   * (marketplace; default 14 — our assumption, the seed gives no length).
   * The date a reviewer is promised comes from it: match your server's setting.
   */
  reviewWindowDays?: number;
  /** How long one request may take (default 10 000 ms). */
  timeoutMs?: number;
  /** How often a failed read is retried (default 3; writes are never retried blindly). */
  retries?: number;
  /**
   * Strings by language: override any of ours (`{ en: { submit: "Publish" } }`) or add a
   * language (`{ fr: { … } }`; keys left out fall back to English).
   */
  messages?: Readonly<Record<string, Partial<Messages>>>;
}

/** Fired on the page when settings changed; `detail` names the settings that did. */
export const CONFIG_EVENT = "review-widgets:config";
export type ConfigChange = CustomEvent<{ changed: readonly (keyof ReviewWidgetsConfig)[] }>;

/**
 * The page's settings live on the page, not in this module: two script files
 * on one page (or a script file next to the ESM build) each carry their own
 * copy of this code, and must share one configuration.
 */
interface PageSettings {
  embed: ReviewWidgetsConfig;
  configured: ReviewWidgetsConfig;
  /** The origin the configured token was given for (see `token` above). */
  tokenHome: string | null;
}
const SETTINGS = Symbol.for("review-widgets.settings");
const page = ((globalThis as { [SETTINGS]?: PageSettings })[SETTINGS] ??= { embed: {}, configured: {}, tokenHome: null });
/** Origins already warned about, so the console says it once each. */
const refused = new Set<string>();

/**
 * Page-wide settings, merged into what was configured before. Precedence:
 * element attribute > `configure()` > the embed script's `data-*` attributes.
 * Elements react to what changed: a new API base or sign-in reloads what
 * depends on it, a new language re-renders, the same settings again do nothing.
 */
export function configure(settings: ReviewWidgetsConfig): void {
  const { messages, ...rest } = settings;
  for (const [lang, strings] of Object.entries(messages ?? {})) addMessages(lang, strings);
  if ("token" in rest) page.tokenHome = originOf(rest.apiBase ?? currentConfig().apiBase ?? globalThis.document?.baseURI ?? "");
  update(() => (page.configured = { ...page.configured, ...rest }), messages ? ["messages"] : []);
}

/** The embed script's `data-*` settings: the lowest layer. */
export function setEmbedDefaults(settings: ReviewWidgetsConfig): void {
  update(() => (page.embed = { ...page.embed, ...settings }));
}

export function currentConfig(): Readonly<ReviewWidgetsConfig> {
  return { ...page.embed, ...page.configured };
}

/** The double-blind window in days: the setting if it is a positive number, else 14. */
export function reviewWindowDays(): number {
  const days = currentConfig().reviewWindowDays ?? 0;
  return days > 0 ? days : 14;
}

/** Resolves the configured token (calling a getter if one was given); null when signed out. */
export async function resolveToken(provider: TokenProvider | null | undefined): Promise<string | null> {
  if (provider === null || provider === undefined) return null;
  const value = typeof provider === "function" ? await provider() : provider;
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * The configured token for a request to `apiBase`, or null when that is not the token's origin nor one of
 * `tokenOrigins` — then the console says so once per origin. (A token set on an element's own `token`
 * property does not pass through here: that element's owner chose its `api-base`.)
 */
export function configuredTokenFor(apiBase: string): TokenProvider | null {
  const { token, tokenOrigins = [] } = currentConfig();
  if (token === null || token === undefined) return null;
  const target = originOf(apiBase);
  if (target !== null && (target === page.tokenHome || tokenOrigins.some((allowed) => originOf(allowed) === target))) return token;
  const named = target ?? apiBase;
  if (!refused.has(named)) {
    refused.add(named);
    console.warn(`[review-widgets] token not sent to ${named}: configured for ${page.tokenHome}; see tokenOrigins`);
  }
  return null;
}

/** `url`'s origin (scheme, host, port), a relative URL resolved against the page; null if it has none. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url, globalThis.document?.baseURI).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** For tests: forget every setting. */
export function resetConfig(): void {
  page.tokenHome = null;
  refused.clear();
  update(() => {
    page.embed = {};
    page.configured = {};
  });
}

function update(change: () => void, alsoChanged: readonly (keyof ReviewWidgetsConfig)[] = []): void {
  const before = currentConfig();
  change();
  const after = currentConfig();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof ReviewWidgetsConfig)[]);
  // null and absent both mean "not set": configure({ token: null }) on a signed-out page changes nothing.
  const changed = [...alsoChanged, ...[...keys].filter((key) => !Object.is(before[key] ?? null, after[key] ?? null))];
  if (changed.length > 0) globalThis.dispatchEvent?.(new CustomEvent(CONFIG_EVENT, { detail: { changed } }));
}
