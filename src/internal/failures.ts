import { html, type ReactiveController, type ReactiveElement } from "lit";
import type { ApiError } from "../core/errors.js";
import type { Translator } from "../core/i18n/index.js";
import { errorState } from "./states.js";

/** Fired by a retry button: every failed element on the page loads again. Coming back online, or to the tab, does the same. */
const RETRY_EVENTS = ["review-widgets:retry", "online", "visibilitychange"];
/** Landmarks that make a page region: each shows at most one alert with a retry button. */
const REGIONS = "main,section,article,aside,nav,form,[role=region],[role=main],[role=complementary]";
/** Which failed element holds each region's alert. */
const alerts = new Map<Node, Failures>();
/** Whether this failure burst has had its one console line (until the next retry). */
let told = false;

/**
 * Quiet failures. An element that could not load says so without shouting: the first failed element of a
 * page region (a landmark) shows the alert and the one retry, which reloads every failed element on the page;
 * the others show a muted line. Coming back online, or to the tab, retries by itself. Developers get
 * `review-error` from each element, but one console line per burst.
 */
export class Failures implements ReactiveController {
  failed = false;
  readonly #host: ReactiveElement;
  readonly #retry: () => void;

  /** `retry`: load again (the host bumps what its loaders depend on). */
  constructor(host: ReactiveElement, retry: () => void) {
    this.#host = host;
    this.#retry = retry;
    host.addController(this);
  }

  hostConnected(): void {
    for (const name of RETRY_EVENTS) globalThis.addEventListener(name, this.#onRetry);
  }

  hostDisconnected(): void {
    for (const name of RETRY_EVENTS) globalThis.removeEventListener(name, this.#onRetry);
  }

  #onRetry = (event: Event): void => {
    if (!this.failed || (event.type === "visibilitychange" && document.hidden)) return;
    told = false;
    this.#retry();
  };

  /** A load failed: the one console line of this burst, if nobody has written it yet. */
  fail(error: ApiError): void {
    this.failed = true;
    if (told) return;
    told = true;
    console.warn(`[review-widgets] reviews not loaded: ${error.message} ${error.detail ?? ""}`);
  }

  /** The error state: the region's alert with the retry, or (`quiet`, or another element holds it) a muted line. */
  render(i18n: Translator, message: string, quiet = false) {
    const region = this.#host.closest(REGIONS) ?? this.#host.getRootNode();
    const holder = alerts.get(region);
    if (!quiet && (!holder || holder === this || !holder.#host.isConnected || !holder.failed)) {
      alerts.set(region, this);
      return errorState(i18n, message, () => globalThis.dispatchEvent(new Event(RETRY_EVENTS[0]!)));
    }
    return html`<p part="error" class="quiet">${message}</p>`;
  }
}
