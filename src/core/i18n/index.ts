import { MARKETPLACE } from "../variants.js";
import { en, enMarketplace, type MessageKey, type Messages, type PluralForms } from "./en.js";

export type { MessageKey, Messages } from "./en.js";

/**
 * Loaded languages and the page's overrides live on the page, shared by every
 * copy of this code on it (two script files, or one next to the ESM build);
 * `version` tells each copy when to drop its cached translators.
 */
interface PageMessages {
  catalogs: Map<string, Partial<Messages>>;
  overrides: Map<string, Partial<Messages>>;
  version: number;
}
const MESSAGES = Symbol.for("review-widgets.messages");
const page = ((globalThis as { [MESSAGES]?: PageMessages })[MESSAGES] ??= { catalogs: new Map(), overrides: new Map(), version: 0 });
const { catalogs, overrides } = page;
/** English, the last word for every key: the shared strings plus those of the elements this build has. */
const english: Partial<Messages> = MARKETPLACE ? { ...en, ...enMarketplace } : { ...en };

/** An element's own English strings (the form's, the moderation view's), added when its module loads. */
export function addEnglish(messages: Partial<Messages>): void {
  Object.assign(english, messages);
}

/** Languages whose catalogs ship as separate files and load on first use. */
export const LOADABLE = ["es", "de", "ar"];
/** Fired on the page when a catalog has arrived: elements re-render (they do not refetch). */
export const I18N_EVENT = "review-widgets:i18n";

export type CatalogLoader = (lang: string) => Promise<Partial<Messages> | undefined>;
let loader: CatalogLoader | undefined;
const requested = new Map<string, Promise<void>>();

/** How catalogs are fetched: code-split imports (ESM) or files next to the script (IIFE). */
export function setCatalogLoader(next: CatalogLoader): void {
  loader = next;
}

/**
 * Fetches a language's strings, once (elements re-render when they arrive); settles when they are in,
 * or could not be fetched. Server-rendered pages wait for it, so their takeover speaks the same language.
 */
export function loadCatalog(lang: string): Promise<void> {
  const primary = lang.split("-")[0]!.toLowerCase();
  if (!loader || catalogs.has(primary) || !LOADABLE.includes(primary)) return Promise.resolve();
  let pending = requested.get(primary);
  if (!pending) {
    pending = loader(primary).then(
      (messages) => {
        if (!messages) return;
        addMessages(primary, messages, false);
        globalThis.dispatchEvent?.(new Event(I18N_EVENT));
      },
      // Unreachable catalog (a CDN without CORS, offline, CSP): the elements stay wholly in English.
      () => console.warn(`[review-widgets] ${primary} strings not loaded (CORS?)`),
    );
    requested.set(primary, pending);
  }
  return pending;
}

/** Adds a language, or overrides strings of one (`configure({ messages })`). */
export function addMessages(lang: string, messages: Partial<Messages>, asOverride = true): void {
  const key = lang.toLowerCase();
  const target = asOverride ? overrides : catalogs;
  target.set(key, { ...target.get(key), ...messages });
  page.version++;
}

type Params = Record<string, string | number>;

/**
 * Strings, plurals, numbers and dates for one language. Each Intl formatter
 * is created once, when first needed, and cached with the translator.
 */
export class Translator {
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly #messages: Partial<Messages>[];
  // Built on first use: creating an Intl formatter is costly (the first one in a page ~20 ms).
  #plural?: Intl.PluralRules;
  #decimal?: Intl.NumberFormat;
  #integer?: Intl.NumberFormat;
  #date?: Intl.DateTimeFormat;
  #month?: Intl.DateTimeFormat;
  #relative?: Intl.RelativeTimeFormat;

  constructor(lang: string) {
    const locale = supported(lang);
    const primary = locale.split("-")[0]!.toLowerCase();
    void loadCatalog(primary);
    const own = [overrides.get(locale.toLowerCase()), overrides.get(primary), catalogs.get(locale.toLowerCase()), catalogs.get(primary)];
    // A language none of whose strings are here (its file still loading, blocked, or never written) is
    // shown wholly in English — strings, numbers, dates, direction — never half one and half the other.
    const usable = primary === "en" || own.some((m) => m !== undefined);
    this.lang = usable ? locale : "en";
    this.#messages = [...(usable ? own : [overrides.get("en")]), english].filter((m): m is Partial<Messages> => m !== undefined);
    this.dir = usable && ["ar", "he", "fa", "ur"].includes(primary) ? "rtl" : "ltr";
  }

  t(key: MessageKey, params: Params = {}): string {
    const entry = this.#lookup(key);
    if (typeof entry === "string") return fill(entry, params);
    const count = Number(params["count"] ?? 0);
    const form = entry[(this.#plural ??= new Intl.PluralRules(this.lang)).select(count)] ?? entry.other;
    return fill(form, { ...params, count: this.integer(count) });
  }

  /** One decimal, as averages are shown: 4.3, 4,3, ٤٫٣. */
  decimal(value: number): string {
    return (this.#decimal ??= new Intl.NumberFormat(this.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value);
  }

  integer(value: number): string {
    return (this.#integer ??= new Intl.NumberFormat(this.lang)).format(value);
  }

  date(value: Date): string {
    return (this.#date ??= new Intl.DateTimeFormat(this.lang, { dateStyle: "long" })).format(value);
  }

  /** "October 2026". */
  month(value: Date): string {
    return (this.#month ??= new Intl.DateTimeFormat(this.lang, { month: "long", year: "numeric" })).format(value);
  }

  /**
   * "3 weeks ago", "yesterday" — relative to `now`. Only ever the past: a date ahead of the
   * device's clock (a clock a few minutes slow) reads "just now", never "in 3 minutes".
   */
  relative(value: Date, now = Date.now()): string {
    const seconds = (value.getTime() - now) / 1000;
    const abs = -seconds;
    if (abs < 60) return this.t("justNow");
    const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
      abs < 3600
        ? [seconds / 60, "minute"]
        : abs < 86_400
          ? [seconds / 3600, "hour"]
          : abs < 7 * 86_400
            ? [seconds / 86_400, "day"]
            : abs < 30 * 86_400
              ? [seconds / (7 * 86_400), "week"]
              : abs < 365 * 86_400
                ? [seconds / (30 * 86_400), "month"]
                : [seconds / (365 * 86_400), "year"];
    return (this.#relative ??= new Intl.RelativeTimeFormat(this.lang, { numeric: "auto" })).format(Math.round(amount), unit);
  }

  #lookup(key: MessageKey): string | PluralForms {
    for (const messages of this.#messages) {
      const entry = messages[key];
      if (entry !== undefined) return entry;
    }
    return key;
  }
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

function supported(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? "en";
  } catch {
    return "en";
  }
}

const translators = new Map<string, Translator>();
let translatorsVersion = page.version;

export function translator(lang: string): Translator {
  if (translatorsVersion !== page.version) {
    translators.clear();
    translatorsVersion = page.version;
  }
  let found = translators.get(lang);
  if (!found) {
    // Bounded: a page that sets many `lang` values (or hostile ones) does not grow it without end.
    if (translators.size >= 16) translators.clear();
    translators.set(lang, (found = new Translator(lang)));
  }
  return found;
}
