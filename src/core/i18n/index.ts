import { en, type MessageKey, type Messages, type PluralForms } from "./en.js";

export type { MessageKey, Messages } from "./en.js";

const catalogs = new Map<string, Partial<Messages>>([["en", en]]);
const overrides = new Map<string, Partial<Messages>>();

/** Languages whose catalogs ship as separate files and load on first use. */
export const LOADABLE = ["es", "de", "ar"];
/** Fired on the page when a catalog has arrived: elements re-render (they do not refetch). */
export const I18N_EVENT = "review-widgets:i18n";

export type CatalogLoader = (lang: string) => Promise<Partial<Messages> | undefined>;
let loader: CatalogLoader | undefined;
const requested = new Set<string>();

/** How catalogs are fetched: code-split imports (ESM) or files next to the script (IIFE). */
export function setCatalogLoader(next: CatalogLoader): void {
  loader = next;
}

function requestCatalog(lang: string): void {
  if (!loader || catalogs.has(lang) || requested.has(lang) || !LOADABLE.includes(lang)) return;
  requested.add(lang);
  loader(lang).then(
    (messages) => {
      if (!messages) return;
      addMessages(lang, messages, false);
      globalThis.dispatchEvent?.(new Event(I18N_EVENT));
    },
    // Unreachable catalog (offline, CSP): the element stays readable in English.
    () => undefined,
  );
}

/** Adds a language, or overrides strings of one (`configure({ messages })`). */
export function addMessages(lang: string, messages: Partial<Messages>, asOverride = true): void {
  const key = lang.toLowerCase();
  const target = asOverride ? overrides : catalogs;
  target.set(key, { ...target.get(key), ...messages });
  translators.clear();
}

type Params = Record<string, string | number>;

/**
 * Strings, plurals, numbers and dates for one language, with every Intl
 * formatter created once and cached (formatters are costly to build).
 */
export class Translator {
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly #messages: Partial<Messages>[];
  readonly #plural: Intl.PluralRules;
  readonly #decimal: Intl.NumberFormat;
  readonly #integer: Intl.NumberFormat;
  readonly #date: Intl.DateTimeFormat;
  readonly #relative: Intl.RelativeTimeFormat;

  constructor(lang: string) {
    const locale = supported(lang);
    this.lang = locale;
    const primary = locale.split("-")[0]!.toLowerCase();
    requestCatalog(primary);
    this.#messages = [overrides.get(locale.toLowerCase()), overrides.get(primary), catalogs.get(locale.toLowerCase()), catalogs.get(primary), en].filter(
      (m): m is Partial<Messages> => m !== undefined,
    );
    this.dir = ["ar", "he", "fa", "ur"].includes(primary) ? "rtl" : "ltr";
    this.#plural = new Intl.PluralRules(locale);
    this.#decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.#integer = new Intl.NumberFormat(locale);
    this.#date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
    this.#relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  }

  t(key: MessageKey, params: Params = {}): string {
    const entry = this.#lookup(key);
    if (typeof entry === "string") return fill(entry, params);
    const count = Number(params["count"] ?? 0);
    const form = entry[this.#plural.select(count)] ?? entry.other;
    return fill(form, { ...params, count: this.#integer.format(count) });
  }

  /** One decimal, as averages are shown: 4.3, 4,3, ٤٫٣. */
  decimal(value: number): string {
    return this.#decimal.format(value);
  }

  integer(value: number): string {
    return this.#integer.format(value);
  }

  date(value: Date): string {
    return this.#date.format(value);
  }

  /** "3 weeks ago", "yesterday" — relative to `now`. */
  relative(value: Date, now = Date.now()): string {
    const seconds = (value.getTime() - now) / 1000;
    const abs = Math.abs(seconds);
    const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
      abs < 60 ? [seconds, "second"]
      : abs < 3600 ? [seconds / 60, "minute"]
      : abs < 86_400 ? [seconds / 3600, "hour"]
      : abs < 7 * 86_400 ? [seconds / 86_400, "day"]
      : abs < 30 * 86_400 ? [seconds / (7 * 86_400), "week"]
      : abs < 365 * 86_400 ? [seconds / (30 * 86_400), "month"]
      : [seconds / (365 * 86_400), "year"];
    return this.#relative.format(Math.round(amount), unit);
  }

  #lookup(key: MessageKey): string | PluralForms {
    for (const messages of this.#messages) {
      const entry = messages[key];
      if (entry !== undefined) return entry;
    }
    return en[key];
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

export function translator(lang: string): Translator {
  let found = translators.get(lang);
  if (!found) translators.set(lang, (found = new Translator(lang)));
  return found;
}
