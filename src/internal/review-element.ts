import { property, state } from "lit/decorators.js";
import type { ReviewSource } from "../api/source.js";
import { CONFIG_EVENT, currentConfig, resolveToken, type TokenProvider } from "../core/config.js";
import type { RevieweeType, SourceKind } from "../core/model.js";
import { services } from "../core/services.js";
import { BaseElement } from "./base-element.js";

const SOURCES: readonly string[] = ["mindbricks", "partnerpage"];
const REVIEWEE_TYPES: readonly string[] = ["listing", "host", "guest"];
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

  /** A bearer token / API key, or a getter. A property only: never an attribute, never in the DOM. */
  @property({ attribute: false }) token: TokenProvider | null = null;

  @state() protected nearViewport = false;
  /** Bumped when page configuration changes, so loaders see new arguments. */
  @state() protected configVersion = 0;

  #observer: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(CONFIG_EVENT, this.#onConfig);
    this.#watchViewport();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(CONFIG_EVENT, this.#onConfig);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("loading") && this.isConnected) this.#watchViewport();
  }

  #onConfig = (): void => {
    this.configVersion++;
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
    if (!base) return null;
    return services().source(this.resolvedSource, { apiBase: base, directoryId: this.resolvedDirectoryId });
  }

  /** A key naming the backend, for the shared store. */
  protected get sourceKey(): string {
    return `${this.resolvedSource} ${this.resolvedApiBase ?? ""} ${this.resolvedDirectoryId ?? ""}`;
  }

  protected async currentToken(): Promise<string | null> {
    return resolveToken(this.token ?? currentConfig().token);
  }
}
