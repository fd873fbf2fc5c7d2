import { property, state } from "lit/decorators.js";
import type { ReviewSource } from "../api/source.js";
import { CONFIG_EVENT, configuredTokenFor, currentConfig, resolveToken, type TokenProvider } from "../core/config.js";
import type { RevieweeType, SourceKind } from "../core/model.js";
import { services } from "../core/services.js";
import { qualifies, structuredData } from "../core/structured-data.js";
import type { Aggregate, Review } from "../core/model.js";
import { BaseElement } from "./base-element.js";
import { publishJsonLd } from "./json-ld.js";
import { errorState } from "./states.js";

const SOURCES: readonly string[] = ["mindbricks", "partnerpage"];
const REVIEWEE_TYPES: readonly string[] = ["listing", "host", "guest"];
/** A sign-in, a new review or a moderation decision anywhere on the page: reload. */
const REFRESH_EVENTS = [CONFIG_EVENT, "review-submitted", "review-moderated"];
/** How far outside the viewport a lazy element starts loading. */
const LAZY_MARGIN = "300px";

/**
 * What every review element shares: the common attributes (DESIGN.md §2) and
 * their precedence over `configure()` and the embed's `data-*`, credentials
 * as a property only, and lazy loading. Language, events and `define()`
 * come from BaseElement.
 */
export abstract class ReviewElement extends BaseElement {
  /** Base URL of the review API or the public directory proxy. */
  @property({ attribute: "api-base" }) apiBase: string | null = null;
  /** `mindbricks` (default) or `partnerpage`. */
  @property() source: string | null = null;
  @property({ attribute: "reviewee-id" }) revieweeId: string | null = null;
  /** `listing` (default), `host` or `guest`. */
  @property({ attribute: "reviewee-type" }) revieweeType: string | null = null;
  @property({ attribute: "directory-id" }) directoryId: string | null = null;
  @property({ attribute: "entry-id" }) entryId: string | null = null;
  /** `eager` (default) or `lazy`: no request until the element nears the viewport. */
  @property() loading: "eager" | "lazy" = "eager";

  /**
   * A bearer token / API key, or a getter. A property only: never an attribute, never in the DOM.
   * Sent to this element's own `api-base`, whatever its origin: whoever sets it chose both. (A token from
   * `configure({ token })` goes only to the origin it was configured for, or to `tokenOrigins`.)
   */
  @property({ attribute: false }) token: TokenProvider | null = null;

  @state() protected nearViewport = false;
  /** Bumped when configuration or reviews change on the page, so loaders see new arguments and reload. */
  @state() protected refreshVersion = 0;

  #observer: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of REFRESH_EVENTS) globalThis.addEventListener(name, this.#refresh);
    this.#watchViewport();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of REFRESH_EVENTS) globalThis.removeEventListener(name, this.#refresh);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("loading") && this.isConnected) this.#watchViewport();
  }

  #refresh = (): void => {
    // Cached results may belong to the old viewer or the old data.
    services().store.invalidate();
    this.refreshVersion++;
  };

  #watchViewport(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.loading !== "lazy" || typeof IntersectionObserver === "undefined") {
      this.nearViewport = true;
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.nearViewport = true;
          this.#observer?.disconnect();
          this.#observer = undefined;
        }
      },
      { rootMargin: LAZY_MARGIN },
    );
    this.#observer.observe(this);
  }

  /**
   * What is wrong with this element's settings, for developers; empty when it
   * can load. A wrong id or type is an error rather than a silent fallback:
   * guessing could show the wrong reviews.
   */
  protected configurationProblems(): string[] {
    const problems: string[] = [];
    if (!this.resolvedApiBase) problems.push('"api-base" is missing (attribute, configure({ apiBase }) or data-api-base)');
    const source = this.source ?? currentConfig().source;
    if (source !== undefined && !SOURCES.includes(source)) problems.push(`"source" must be mindbricks or partnerpage, not "${source}"`);
    if (this.revieweeType !== null && !REVIEWEE_TYPES.includes(this.revieweeType)) {
      problems.push(`"reviewee-type" must be listing, host or guest, not "${this.revieweeType}"`);
    }
    if (this.resolvedSource === "partnerpage") {
      if (!this.resolvedDirectoryId) problems.push('"directory-id" is missing');
      if (!this.entryId) problems.push('"entry-id" is missing');
    } else if (!this.revieweeId) {
      problems.push('"reviewee-id" is missing');
    }
    return problems;
  }

  #warned = "";

  /** The contained error of a misconfigured element, with one console warning naming the problem. */
  protected renderMisconfigured(problems: readonly string[]) {
    const text = `<${this.localName}>: ${problems.join("; ")}`;
    if (this.#warned !== text) {
      this.#warned = text;
      console.warn(`[review-widgets] ${text}`);
    }
    return errorState(this.i18n, this.i18n.t("misconfigured"), () => this.requestUpdate());
  }

  protected get resolvedSource(): SourceKind {
    const value = this.source ?? currentConfig().source;
    return value !== undefined && SOURCES.includes(value) ? (value as SourceKind) : "mindbricks";
  }

  protected get resolvedApiBase(): string | null {
    return this.apiBase ?? currentConfig().apiBase ?? null;
  }

  protected get resolvedRevieweeType(): RevieweeType {
    return this.revieweeType !== null && REVIEWEE_TYPES.includes(this.revieweeType) ? (this.revieweeType as RevieweeType) : "listing";
  }

  /** Whose reviews: the reviewee (marketplace) or the directory entry (partnerpage). */
  protected get subjectId(): string | null {
    return (this.resolvedSource === "partnerpage" ? this.entryId : this.revieweeId) || null;
  }

  protected get resolvedDirectoryId(): string | null {
    return this.directoryId ?? currentConfig().directoryId ?? null;
  }

  /** The backend for this element, or null when not configured. */
  protected get reviewSource(): ReviewSource | null {
    const base = this.resolvedApiBase;
    if (!base || this.configurationProblems().length > 0) return null;
    return services().source(this.resolvedSource, { apiBase: base, directoryId: this.resolvedDirectoryId });
  }

  /** A key naming the backend, for the shared store. */
  protected get sourceKey(): string {
    return `${this.resolvedSource} ${this.resolvedApiBase ?? ""} ${this.resolvedDirectoryId ?? ""}`;
  }

  /** Opt-in JSON-LD for crawlers: only public data, only for things a third party reviews, only with a name. */
  protected publishStructuredData(name: string | null, type: string | null, aggregate: Aggregate | null, reviews: readonly Review[]): void {
    const source = this.resolvedSource;
    const eligible = name && qualifies(source, this.resolvedRevieweeType);
    publishJsonLd(this, eligible ? structuredData(source, { name, ...(type ? { type } : {}) }, aggregate, reviews) : null);
  }

  protected async currentToken(): Promise<string | null> {
    if (this.token !== null) return resolveToken(this.token);
    const base = this.resolvedApiBase;
    return base ? resolveToken(configuredTokenFor(base)) : null;
  }
}
