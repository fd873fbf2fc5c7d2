import { LitElement } from "lit";
import { currentConfig } from "../core/config.js";
import type { ReviewEventMap, ReviewEventName } from "../core/events.js";
import { I18N_EVENT, translator, type Translator } from "../core/i18n/index.js";

/** A typed, bubbling, composed review event. (Outside the class, so the manifest lists only each element's documented @fires.) */
function reviewEvent<K extends ReviewEventName>(name: K, detail: ReviewEventMap[K], cancelable: boolean): CustomEvent<ReviewEventMap[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

/** The few things every element needs: a safe `define()`, its language, typed events. */
export abstract class BaseElement extends LitElement {
  static define<T extends CustomElementConstructor>(this: T & { readonly tag: string }, tag = this.tag, registry = customElements): void {
    // Two embeds on one page, or the IIFE next to the ESM build: the first definition wins, quietly.
    if (!registry.get(tag)) registry.define(tag, this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(I18N_EVENT, this.#retranslate);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(I18N_EVENT, this.#retranslate);
  }

  #retranslate = (): void => this.requestUpdate();

  /**
   * The element's language: its own `lang` or the closest ancestor's inside the
   * page, then `configure({ locale })` / the embed's `data-locale`, then `<html lang>`.
   */
  protected get i18n(): Translator {
    const scoped = this.closest("[lang]");
    const own = scoped && scoped !== document.documentElement ? scoped.getAttribute("lang") : "";
    return translator(own || currentConfig().locale || document.documentElement.lang || "en");
  }

  /** Fires a typed, bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends ReviewEventName>(name: K, detail: ReviewEventMap[K], cancelable = false): boolean {
    return this.dispatchEvent(reviewEvent(name, detail, cancelable));
  }
}
