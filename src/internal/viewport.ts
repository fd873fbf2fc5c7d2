import { isServer, type ReactiveController, type ReactiveElement } from "lit";

/** How far outside the viewport a lazy element starts loading. */
const LAZY_MARGIN = "300px";

/**
 * `loading="lazy"`: an element is `near` the viewport only once it comes within 300 px of it (then it
 * stays near); an eager one, or a browser without IntersectionObserver, is near from the start.
 */
export class Viewport implements ReactiveController {
  /** On the server, every element renders its data (issue 17). */
  near = isServer;
  readonly #host: ReactiveElement & { loading: string };
  #observer: IntersectionObserver | undefined;

  constructor(host: ReactiveElement & { loading: string }) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.watch();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** Starts over (when `loading` changes). */
  watch(): void {
    this.hostDisconnected();
    if (this.#host.loading !== "lazy" || typeof IntersectionObserver === "undefined") {
      this.#reached();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#reached();
      },
      { rootMargin: LAZY_MARGIN },
    );
    this.#observer.observe(this.#host);
  }

  #reached(): void {
    this.hostDisconnected();
    if (!this.near) {
      this.near = true;
      this.#host.requestUpdate();
    }
  }
}
