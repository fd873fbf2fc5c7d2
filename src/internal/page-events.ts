import type { ReactiveController, ReactiveElement } from "lit";
import { CONFIG_EVENT, type ReviewWidgetsConfig, type TokenProvider } from "../core/config.js";
import { REFRESH_EVENT } from "../core/refresh.js";
import { type Services, services } from "./services.js";

/** A new, changed or withdrawn review, a moderation decision or refresh() anywhere on the page: the data changed, reload. */
const DATA_EVENTS = ["review-submitted", "review-updated", "review-withdrawn", "review-moderated", REFRESH_EVENT];

/** What the element does when the page tells it something. */
export interface PageEventsOptions {
  /** Load again: bump what the element's loaders depend on. */
  reload: () => void;
  /** Whether what the element shows depends on who is signed in (a summary's public numbers do not). */
  viewerDependent: () => boolean;
  /** The star filter of the subject named `key` changed in the store (the element checks whether that is its own). */
  filter: (key: string) => void;
}

/**
 * What the rest of the page tells an element: reviews changed anywhere (reload), `configure()` changed a
 * setting (reconfigure only what the change affects), a star filter changed. It also holds the page's
 * shared client, store and sources, taken once when the element connects (a host or a test provides its
 * own with provideServices), which the element passes to everything it does from there.
 */
export class PageEvents implements ReactiveController {
  services: Services = services();
  readonly #host: ReactiveElement & { token: TokenProvider | null };
  readonly #options: PageEventsOptions;

  constructor(host: ReactiveElement & { token: TokenProvider | null }, options: PageEventsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.#host;
    // A framework that rendered before the tag was defined (React 19) wrote `token` as an attribute:
    // take it as the property and take it out of the DOM, where credentials must never be.
    const attribute = host.getAttribute("token");
    if (attribute !== null) {
      host.token ??= attribute;
      host.removeAttribute("token");
      console.warn("[review-widgets] token attribute moved to the property: use configure({ token })");
    }
    for (const name of DATA_EVENTS) globalThis.addEventListener(name, this.#dataChanged);
    globalThis.addEventListener(CONFIG_EVENT, this.#configChanged);
    this.services = services();
    this.services.store.addEventListener("filter", this.#filter);
  }

  hostDisconnected(): void {
    for (const name of DATA_EVENTS) globalThis.removeEventListener(name, this.#dataChanged);
    globalThis.removeEventListener(CONFIG_EVENT, this.#configChanged);
    this.services.store.removeEventListener("filter", this.#filter);
  }

  #filter = (event: Event): void => this.#options.filter((event as CustomEvent<string>).detail);

  #dataChanged = (): void => {
    // Cached results show the data before the change.
    this.services.store.invalidate();
    this.#options.reload();
  };

  /**
   * Reconfigure only what a change affects: another API base reloads, a
   * sign-in reloads what the viewer sees differently, a language re-renders.
   * (Cached results are keyed by source and viewer, so none is stale.)
   */
  #configChanged = (event: Event): void => {
    const changed: unknown = (event as CustomEvent<{ changed?: unknown } | null>).detail?.changed;
    // An announcement without a list (another version of this library on the page): assume everything changed.
    const has = (key: keyof ReviewWidgetsConfig) => !Array.isArray(changed) || changed.includes(key);
    // Settings that name other data: every element reloads when one changes.
    if (has("apiBase") || has("source") || has("directoryId") || (has("token") && this.#options.viewerDependent())) this.#options.reload();
    else if (has("locale") || has("messages")) this.#host.requestUpdate();
  };
}
