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
  /** Credentials. Never an attribute, never in a URL or the DOM. */
  token?: TokenProvider | null;
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

export const CONFIG_EVENT = "review-widgets:config";

let embedDefaults: ReviewWidgetsConfig = {};
let configured: ReviewWidgetsConfig = {};

/**
 * Page-wide settings, merged into what was configured before. Precedence:
 * element attribute > `configure()` > the embed script's `data-*` attributes.
 * Elements on the page reload when the configuration changes (e.g. sign-in).
 */
export function configure(settings: ReviewWidgetsConfig): void {
  const { messages, ...rest } = settings;
  for (const [lang, strings] of Object.entries(messages ?? {})) addMessages(lang, strings);
  configured = { ...configured, ...rest };
  announce();
}

/** The embed script's `data-*` settings: the lowest layer. */
export function setEmbedDefaults(settings: ReviewWidgetsConfig): void {
  embedDefaults = { ...embedDefaults, ...settings };
  announce();
}

export function currentConfig(): Readonly<ReviewWidgetsConfig> {
  return { ...embedDefaults, ...configured };
}

/** Resolves the configured token (calling a getter if one was given); null when signed out. */
export async function resolveToken(provider: TokenProvider | null | undefined): Promise<string | null> {
  if (provider === null || provider === undefined) return null;
  const value = typeof provider === "function" ? await provider() : provider;
  return typeof value === "string" && value !== "" ? value : null;
}

/** For tests: forget every setting. */
export function resetConfig(): void {
  embedDefaults = {};
  configured = {};
  announce();
}

function announce(): void {
  globalThis.dispatchEvent?.(new Event(CONFIG_EVENT));
}
