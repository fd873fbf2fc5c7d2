import { LitElement } from "lit";
import { currentConfig } from "../core/config.js";
import type { ReviewEventMap, ReviewEventName } from "../core/events.js";
import { translator, type Translator } from "../core/i18n/index.js";

/** The few things every element needs: a safe `define()`, its language, typed events. */
export abstract class BaseElement extends LitElement {
  static define<T extends CustomElementConstructor>(this: T & { readonly tag: string }, tag = this.tag, registry = customElements): void {
    // Two embeds on one page, or the IIFE next to the ESM build: the first definition wins, quietly.
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** The element's language: its own `lang`, the closest ancestor's, `configure({locale})`, then the page's. */
  protected get i18n(): Translator {
    const own = this.lang || this.closest("[lang]")?.getAttribute("lang") || "";
    return translator(own || currentConfig().locale || document.documentElement.lang || "en");
  }

  /** Fires a typed, bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends ReviewEventName>(name: K, detail: ReviewEventMap[K], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }
}
