/**
 * review-widgets/ssr: stars and reviews in the page's first HTML (issue 17).
 *
 * Renders `<rating-summary>`, `<review-list>` and `<star-rating>` to HTML
 * strings with a declarative shadow root, styled as in the browser and
 * readable without JavaScript. Data is loaded anonymously through the same
 * sources, store and visibility rules as in the browser, so a hidden review can
 * never reach the HTML, its state or its JSON-LD. The state rides along as a
 * `<script type="application/json" data-review-widgets-state>` child: the
 * script-tag files and `review-widgets/define` take the element over from it
 * without a request (a plain re-render in the same frame; nothing flashes).
 *
 * Node, or any runtime with `fetch` and Web Crypto that runs `@lit-labs/ssr`.
 * This is the only module that imports `@lit-labs/ssr`.
 */
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html, type LitElement } from "lit";
import { RatingSummary } from "../components/rating-summary/rating-summary.js";
import { ReviewList } from "../components/review-list/review-list.js";
import { StarRating } from "../components/star-rating/star-rating.js";
import type { BackendTraits } from "../core/backend.js";
import { importCatalog } from "../core/i18n/catalogs.js";
import { LOADABLE, loadCatalog, setCatalogLoader } from "../core/i18n/index.js";
import type { Review, RevieweeType } from "../core/model.js";
import { scriptJson } from "../core/script-json.js";
import type { ListState, SummaryState } from "../core/server-state.js";
import { arrange, isSort } from "../core/sort.js";
import { structuredData, type JsonLd } from "../core/structured-data.js";
import { HttpClient } from "../api/http.js";
import { loaders } from "../internal/loader.js";
import { listState, summaryState } from "../internal/server-state.js";
import { provideServices, Services, services } from "../internal/services.js";

export { STATE_SELECTOR } from "../internal/server-state.js";

/** An element's attributes, as on the tag: `true` for a boolean attribute, `false`/`null`/`undefined` to leave one out. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RenderOptions {
  /**
   * The page's own configuration (what `configure()` or the script tag's `data-*` give its elements),
   * for elements without the attribute. Used to load the data; the HTML keeps the attributes as given.
   */
  page?: { apiBase?: string; source?: string; directoryId?: string };
  /**
   * Where a relative `api-base` (`"/api"`) is fetched from on the server, e.g. the incoming request's
   * origin (`new URL(request.url).origin`). The HTML keeps the attribute as given.
   */
  origin?: string;
  /**
   * How requests are made (default: global `fetch`), e.g. a proxy's own `app.fetch`, so rendering
   * needs no network round trip. Results are cached per function for 30 s, like the browser's store.
   */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /**
   * The language and direction of the page around the element (what its closest `lang` and `dir`
   * ancestors say in the browser), for an element without its own. Default: `configure({ locale })`, else English.
   */
  context?: { lang?: string; dir?: "ltr" | "rtl" };
  /** Told when the data could not be loaded; the element is then rendered loading, and loads in the browser. */
  onError?: (error: unknown) => void;
}

const ELEMENTS = [StarRating, RatingSummary, ReviewList];

/** What the server adds to our elements, which it renders outside any page. */
interface OnServer {
  serverContext?: RenderOptions["context"];
  render(): unknown;
  closest(selector: string): Element | null;
  hasAttribute(name: string): boolean;
  readonly i18n: { lang: string };
  readonly direction: string;
}
for (const element of ELEMENTS) {
  const prototype = element.prototype as unknown as OnServer;
  const content = prototype.render;
  // Lit's server renderer renders into the shadow root itself (lit/lit#3080), not into the wrapper our
  // createRenderRoot makes in the browser (internal/base-element.ts): the wrapper is drawn here. `later`
  // keeps the controls that need script (sort, Read more, Show more) in their place, unseen, until it runs.
  prototype.render = function (this: OnServer) {
    return html`<div class="root later" lang=${this.i18n.lang} dir=${this.direction}>${content.call(this)}</div>`;
  };
  // No page around the element (the shim has no closest()): its own `lang` and `dir`, else what the caller says of the page.
  prototype.closest = function (this: OnServer, selector: string) {
    const name = /^\[(lang|dir)\]$/.exec(selector)?.[1] as "lang" | "dir" | undefined;
    if (!name) return null;
    if (this.hasAttribute(name)) return this as unknown as Element;
    const inherited = this.serverContext?.[name];
    return inherited ? ({ getAttribute: () => inherited } as unknown as Element) : null;
  };
  element.define();
}

// Every language up front: a server renders any of them on any request, and a Spanish page never shows English first.
setCatalogLoader(importCatalog);
const catalogs = Promise.all(LOADABLE.map(loadCatalog));

/** One client and store per `fetch` a caller brings (the default: the process's own, shared by every render). */
const servicesByFetch = new WeakMap<NonNullable<RenderOptions["fetch"]>, Services>();
function servicesFor(fetch: RenderOptions["fetch"]): Services {
  if (!fetch) return services();
  let found = servicesByFetch.get(fetch);
  if (!found) servicesByFetch.set(fetch, (found = new Services({ http: new HttpClient({ fetch }) })));
  return found;
}

/** What the renderer reads of an element beyond its public properties (resolved from its attributes). */
interface Probe extends LitElement {
  readonly minCount?: number;
  apiBase: string | null;
  source: string | null;
  directoryId: string | null;
  readonly traits: BackendTraits | undefined;
  readonly resolvedApiBase: string | null;
  readonly resolvedRevieweeType: RevieweeType;
}

/** Templates, one per element and set of attribute names (names are checked, so the set is small). */
const templates = new Map<string, TemplateStringsArray>();

/** `bindings` are ` name=` (an attribute, rendered into the HTML) or ` .name=` (a property of the server's instance only). */
function elementTemplate(tag: string, bindings: readonly string[]): TemplateStringsArray {
  const key = `${tag}${bindings.join("")}`;
  let strings = templates.get(key);
  if (!strings) {
    const parts = bindings.length === 0 ? [`<${tag}></${tag}>`] : [`<${tag}${bindings[0]}`, ...bindings.slice(1), `></${tag}>`];
    strings = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    templates.set(key, strings);
  }
  return strings;
}

/** The attributes to render, as strings; unknown names are refused (they would be lost in the browser anyway). */
function attributeList(element: CustomElementConstructor & { observedAttributes?: string[] }, tag: string, attributes: Attributes): [string, string][] {
  const known = element.observedAttributes ?? [];
  const list: [string, string][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (!known.includes(name)) throw new TypeError(`review-widgets/ssr: <${tag}> has no attribute "${name}"`);
    if (value === false || value === null || value === undefined) continue;
    list.push([name, value === true ? "" : String(value)]);
  }
  return list;
}

async function renderElement(
  tag: string,
  attributes: Attributes,
  options: RenderOptions,
  state: (probe: Probe, loaded: unknown) => { data: object; jsonLd: JsonLd | null } | null,
): Promise<string> {
  await catalogs;
  const element = customElements.get(tag) as CustomElementConstructor & { observedAttributes?: string[] };
  const list = attributeList(element, tag, attributes);
  // A throwaway instance resolves the attributes exactly as the browser's element will, and loads with its own loader.
  // It takes the page's services when it is made (internal/page-events.ts): the caller's, for that moment only.
  const shared = services();
  provideServices(servicesFor(options.fetch));
  const probe = new element() as Probe;
  provideServices(shared);
  for (const [name, value] of list) probe.attributeChangedCallback(name, null, value);
  const { apiBase, source, directoryId } = options.page ?? {};
  probe.apiBase ??= apiBase ?? null;
  probe.source ??= source ?? null;
  probe.directoryId ??= directoryId ?? null;
  if (options.origin && probe.resolvedApiBase) probe.apiBase = new URL(probe.resolvedApiBase, options.origin).href;
  let rendered: ReturnType<typeof state> = null;
  const loading = loaders.get(probe)?.load();
  if (loading) {
    try {
      rendered = state(probe, await loading);
    } catch (error) {
      options.onError?.(error);
    }
  }
  // The page's configuration reaches the rendering instance as properties: the HTML keeps the attributes as given.
  const given = new Set(list.map(([name]) => name));
  const properties: [string, unknown][] = (
    [
      ["apiBase", "api-base", apiBase],
      ["source", "source", source],
      ["directoryId", "directory-id", directoryId],
    ] as const
  )
    .filter(([, attribute, value]) => value !== undefined && !given.has(attribute))
    .map(([name, , value]) => [name, value]);
  if (options.context) properties.push(["serverContext", options.context]);
  if (rendered) properties.push(["initialData", rendered.data]);
  const strings = elementTemplate(tag, [...list.map(([name]) => ` ${name}=`), ...properties.map(([name]) => ` .${name}=`)]);
  const values: unknown[] = [...list.map(([, value]) => value), ...properties.map(([, value]) => value)];
  // A page-level element: the markers of the template around it mean nothing to the page, and go.
  const markup = (await collectResult(render(html(strings, ...values))))
    .replace(/^<!--lit-part [^>]*--><!--lit-node 0-->|<!--\/lit-part-->$/g, "")
    .replace(/^(<[\w-]+)\s+/, "$1 ");
  if (!rendered) return markup;
  // Light-DOM children after the shadow root: the state for the takeover, and JSON-LD where asked for.
  const extra =
    `<script type="application/json" data-review-widgets-state>${scriptJson(rendered.data)}</script>` +
    (rendered.jsonLd ? `<script type="application/ld+json" data-review-widgets>${scriptJson(rendered.jsonLd)}</script>` : "");
  return `${markup.slice(0, -`</${tag}>`.length)}${extra}</${tag}>`;
}

/** JSON-LD as the element publishes it in the browser (only with `structured-data` and `item-name`). */
function markup(probe: Probe, attributes: Attributes, summary: SummaryState | null, reviews: readonly Review[]): JsonLd | null {
  const name = attributes["item-name"];
  const type = attributes["item-type"];
  const traits = probe.traits;
  if (!attributes["structured-data"] || typeof name !== "string" || !name || !traits) return null;
  if (!traits.entries && probe.resolvedRevieweeType !== "listing") return null;
  return structuredData(traits, { name, ...(typeof type === "string" && type ? { type } : {}) }, summary?.aggregate ?? null, reviews);
}

/**
 * `<rating-summary>` with its numbers (and distribution bars with `show-distribution`) in the HTML.
 * Attributes as on the tag: `{ "api-base": "https://…", "reviewee-id": "L1", "show-distribution": true }`.
 */
export function renderRatingSummary(attributes: Attributes, options: RenderOptions = {}): Promise<string> {
  return renderElement("rating-summary", attributes, options, (probe, loaded) => {
    const data = summaryState(loaded);
    // Numbers the element does not show (below `min-count`) are not published for crawlers either.
    const shown = data?.aggregate?.visible && data.aggregate.count > 0 && data.aggregate.count >= (probe.minCount ?? 0) ? data : null;
    return data && { data, jsonLd: markup(probe, attributes, shown, []) };
  });
}

/**
 * `<review-list>` with its first page of public reviews in the HTML (dates as months: cached HTML
 * cannot say "3 days ago"). Sort, filter, "Show more" and "Read more" keep their place, unseen, until
 * the script takes over.
 */
export function renderReviewList(attributes: Attributes, options: RenderOptions = {}): Promise<string> {
  return renderElement("review-list", attributes, options, (probe, loaded) => {
    const data: ListState | null = listState(loaded);
    if (!data) return null;
    const sort = attributes["sort"];
    const size = Number(attributes["page-size"] ?? 10);
    const first = arrange(data.reviews, isSort(sort) ? sort : "newest", null).slice(0, Number.isInteger(size) && size > 0 ? Math.min(size, 1000) : 10);
    return { data, jsonLd: markup(probe, attributes, null, first) };
  });
}

/** `<star-rating>` (display, or an input the browser takes over). */
export function renderStarRating(attributes: Attributes): Promise<string> {
  return renderElement("star-rating", attributes, {}, () => null);
}

/**
 * What a page with server-rendered elements adds to its Content-Security-Policy: the hashes of the
 * elements' inline styles, for `style-src` (e.g. `style-src 'self' ${(await styleHashes()).join(" ")}`).
 */
export async function styleHashes(): Promise<string[]> {
  return Promise.all(
    ELEMENTS.map(async (element) => {
      const css = element.elementStyles.map((style) => ("cssText" in style ? style.cssText : "")).join("");
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css));
      return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
    }),
  );
}
