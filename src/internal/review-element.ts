import type { PropertyDeclarations } from "lit";
import type { ReviewSource } from "../core/source.js";
import { configuredTokenFor, currentConfig, resolveToken, type TokenProvider } from "../core/config.js";
import type { BackendTraits } from "../core/backend.js";
import type { RevieweeType, SourceKind } from "../core/model.js";
import { apiBaseFor } from "../core/servers.js";
import { BaseElement } from "./base-element.js";
import { backendTraits, defaultSource, hasBackend, type Services } from "./services.js";
import { misconfigured } from "./misconfiguration.js";
import { PageEvents } from "./page-events.js";
import { Viewport } from "./viewport.js";

const REVIEWEE_TYPES: readonly string[] = ["listing", "host", "guest"];

/**
 * What every review element shares: the common attributes (DESIGN.md §2) and
 * their precedence over `configure()` and the embed's `data-*`, credentials
 * as a property only. The rest lives beside it: lazy loading (viewport.ts) and
 * what the page says (page-events.ts) are controllers, the misconfigured state
 * is misconfiguration.ts, and the quiet failures of the public elements are
 * public-element.ts; language, events and `define()` come from BaseElement.
 */
export abstract class ReviewElement extends BaseElement {
  // Reactive properties as a static table, not decorators: the same to Lit, and fewer bytes in every script file.
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: "api-base" },
    source: {},
    revieweeId: { attribute: "reviewee-id" },
    revieweeType: { attribute: "reviewee-type" },
    directoryId: { attribute: "directory-id" },
    entryId: { attribute: "entry-id" },
    loading: {},
    token: { attribute: false },
    refreshVersion: { state: true, attribute: false },
  };

  /** Base URL of the review API or the public directory proxy. */
  apiBase: string | null = null;
  /** The backend: `mindbricks` (the marketplace; the default where a file carries it) or `partnerpage` (the directory). */
  source: SourceKind | null = null;
  /** Marketplace: whose reviews (a listing, host or guest id). */
  revieweeId: string | null = null;
  /** `listing` (default), `host` or `guest`. */
  revieweeType: "listing" | "host" | "guest" | null = null;
  /** Directory (`partnerpage`): which directory; or `configure({ directoryId })` / `data-directory-id`. */
  directoryId: string | null = null;
  /** Directory (`partnerpage`): whose reviews (a directory entry id). */
  entryId: string | null = null;
  /** `eager` (default) or `lazy`: no request until the element nears the viewport. */
  loading: "eager" | "lazy" = "eager";

  /**
   * A bearer token / API key, or a getter. A property only: never an attribute, never in the DOM.
   * Sent to this element's own `api-base`, whatever its origin: whoever sets it chose both. (A token from
   * `configure({ token })` goes only to the origin it was configured for, or to `tokenOrigins`.)
   */
  token: TokenProvider | null = null;

  /** Bumped when configuration or reviews change on the page, so loaders see new arguments and reload. */
  protected refreshVersion = 0;

  /** Lazy loading (internal/viewport.ts). */
  readonly #viewport = new Viewport(this);
  /** Changes elsewhere on the page, and the page's shared services (internal/page-events.ts). */
  readonly #page = new PageEvents(this, {
    reload: () => this.refreshVersion++,
    viewerDependent: () => this.viewerDependent,
    filter: (key) => key === this.subjectKey && this.filterChanged(this.services.store.filters.get(key)),
  });

  /** The page's shared client, store and sources, passed to everything the element does (internal/page-events.ts). */
  protected get services(): Services {
    return this.#page.services;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("loading") && this.isConnected) this.#viewport.watch();
  }

  /** The star filter of this element's subject changed (`undefined`: no list for it on the page). */
  protected filterChanged(_stars: number | null | undefined): void {
    this.requestUpdate();
  }

  /** Whether a lazy element has come near the viewport (always, for an eager one): loaders wait for it. */
  protected get nearViewport(): boolean {
    return this.#viewport.near;
  }

  /** Whether what this element shows depends on who is signed in (a summary's public numbers do not). */
  protected get viewerDependent(): boolean {
    return true;
  }

  /**
   * What is wrong with this element's settings, for developers; empty when it
   * can load. A wrong id or type is an error rather than a silent fallback:
   * guessing could show the wrong reviews. An element that needs more, or less, overrides it.
   */
  protected configurationProblems(): string[] {
    const problems: string[] = [];
    if (!this.resolvedApiBase) problems.push('"api-base" is missing');
    if (!hasBackend(this.resolvedSource)) problems.push(`"source": no "${this.resolvedSource}" backend in this script file`);
    if (this.revieweeType !== null && !REVIEWEE_TYPES.includes(this.revieweeType)) {
      problems.push(`"reviewee-type" must be listing, host or guest, not "${this.revieweeType}"`);
    }
    if (this.traits?.entries) {
      if (!this.resolvedDirectoryId) problems.push('"directory-id" is missing');
      if (!this.entryId) problems.push('"entry-id" is missing');
    } else if (!this.revieweeId) {
      problems.push('"reviewee-id" is missing');
    }
    return problems;
  }

  /** The contained error of a misconfigured element, with one console warning and one `review-error` per problem text. */
  protected renderMisconfigured(problems: readonly string[]) {
    return misconfigured(this, this.i18n, problems, (error) => this.emit("review-error", { error }));
  }

  protected get resolvedSource(): SourceKind {
    return this.source ?? currentConfig().source ?? defaultSource();
  }

  /** What this element's backend is like (core/backend.ts); undefined for a backend this file does not carry. */
  protected get traits(): BackendTraits | undefined {
    return backendTraits(this.resolvedSource);
  }

  /** The attribute's or the configured base URL, or a server preset's by name (core/servers.ts). */
  protected get resolvedApiBase(): string | null {
    const base = this.apiBase ?? currentConfig().apiBase;
    return base ? apiBaseFor(base) : null;
  }

  protected get resolvedRevieweeType(): RevieweeType {
    return this.revieweeType !== null && REVIEWEE_TYPES.includes(this.revieweeType) ? (this.revieweeType as RevieweeType) : "listing";
  }

  /** Whose reviews: the reviewee (marketplace) or the directory entry. */
  protected get subjectId(): string | null {
    return (this.traits?.entries ? this.entryId : this.revieweeId) || null;
  }

  protected get resolvedDirectoryId(): string | null {
    return this.directoryId ?? currentConfig().directoryId ?? null;
  }

  /** The backend for this element, or null when not configured. */
  protected get reviewSource(): ReviewSource | null {
    const base = this.resolvedApiBase;
    if (!base || this.configurationProblems().length > 0) return null;
    return this.services.source(this.resolvedSource, { apiBase: base, directoryId: this.resolvedDirectoryId });
  }

  /** A key naming what this element shows: the summary and the list of one subject share it (their star filter). */
  protected get subjectKey(): string {
    return `${this.sourceKey} ${this.subjectId} ${this.resolvedRevieweeType}`;
  }

  /** A key naming the backend, for the shared store. */
  protected get sourceKey(): string {
    return `${this.resolvedSource} ${this.resolvedApiBase ?? ""} ${this.resolvedDirectoryId ?? ""}`;
  }

  protected async currentToken(): Promise<string | null> {
    if (this.token !== null) return resolveToken(this.token);
    const base = this.resolvedApiBase;
    return base ? resolveToken(configuredTokenFor(base)) : null;
  }
}
