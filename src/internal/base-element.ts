import { LitElement, type PropertyValues } from "lit";
import { currentConfig } from "../core/config.js";
import type { ReviewEventMap, ReviewEventName } from "../core/events.js";
import { I18N_EVENT, translator, type Translator } from "../core/i18n/index.js";

/** A typed, bubbling, composed review event. (Outside the class, so the manifest lists only each element's documented @fires.) */
function reviewEvent<K extends ReviewEventName>(name: K, detail: ReviewEventMap[K], cancelable: boolean): CustomEvent<ReviewEventMap[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * The few things every element needs: a safe `define()`, its language, typed events.
 *
 * @attr {string} lang - The language of the element's text (else the closest ancestor's, `configure({ locale })`, `<html lang>`); followed when it changes.
 * @attr {"ltr" | "rtl"} dir - Text direction (else the closest ancestor's, else the language's own); followed when it changes.
 */
export abstract class BaseElement extends LitElement {
  /** Elements this one renders, registered with it in the same registry (the form's stars). */
  static uses: readonly { readonly tag: string; define(tag?: string, registry?: CustomElementRegistry): void }[] = [];

  static define<T extends CustomElementConstructor>(
    this: T & { readonly tag: string; readonly uses: typeof BaseElement.uses },
    tag = this.tag,
    registry = customElements,
  ): void {
    for (const used of this.uses) used.define(used.tag, registry);
    // Two embeds on one page, or the IIFE next to the ESM build: the first definition wins, quietly.
    // A class may be registered once per registry: another name (a renamed tag) gets a subclass.
    if (!registry.get(tag)) registry.define(tag, registry.getName?.(this) ? class extends this {} : this);
  }

  /** `lang` and `dir` are the page's own attributes, not reactive properties: setting either re-renders. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, "lang", "dir"];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === "lang" || name === "dir") this.requestUpdate();
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
   * Templates render into a wrapper inside the shadow root, not the root itself:
   * it carries the element's resolved `lang` and `dir` (so a widget set to Arabic
   * on an English page reads and lays out right to left), and the reset of
   * inherited text properties lives there — host-page rules that hit the host
   * element beat `:host`, but cannot reach inside.
   */
  protected override createRenderRoot(): HTMLElement {
    const shadow = super.createRenderRoot() as ShadowRoot;
    // Server-rendered (a declarative shadow root; src/ssr draws the wrapper there): Lit's hydration support adopts it;
    // otherwise the first render replaces what the server drew, in the same task, so nothing flashes.
    // (`:scope` matches nothing in a shadow root; Lit's own hydration flag is renamed in its production build.)
    const served = shadow.querySelector<HTMLElement>(".root");
    if (served && "litElementHydrateSupport" in globalThis) {
      served.classList.remove("later");
      return served;
    }
    const root = document.createElement("div");
    root.className = "root";
    shadow.replaceChildren(root);
    // LitElement renders before the root's first child: the server's <style>, now gone. Our wrapper starts empty.
    this.renderOptions.renderBefore = null;
    return root;
  }

  protected override update(changed: PropertyValues): void {
    // Resolve the language once per update (it walks the DOM), not at every string.
    this.#translator = undefined;
    const root = this.renderRoot as HTMLElement;
    root.lang = this.i18n.lang;
    root.dir = this.direction;
    super.update(changed);
  }

  #translator: Translator | undefined;

  /** A `dir` on the element or an ancestor inside the page wins; otherwise the language's own direction. */
  protected get direction(): "ltr" | "rtl" {
    const scoped = this.closest("[dir]");
    const value = scoped && scoped !== globalThis.document?.documentElement ? scoped.getAttribute("dir") : null;
    return value === "rtl" || value === "ltr" ? value : this.i18n.dir;
  }

  /**
   * The element's language: its own `lang` or the closest ancestor's inside the
   * page, then `configure({ locale })` / the embed's `data-locale`, then `<html lang>`.
   */
  protected get i18n(): Translator {
    if (this.#translator) return this.#translator;
    const scoped = this.closest("[lang]");
    const own = scoped && scoped !== globalThis.document?.documentElement ? scoped.getAttribute("lang") : "";
    return (this.#translator = translator(own || currentConfig().locale || globalThis.document?.documentElement.lang || "en"));
  }

  /** Fires a typed, bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends ReviewEventName>(name: K, detail: ReviewEventMap[K], cancelable = false): boolean {
    return this.dispatchEvent(reviewEvent(name, detail, cancelable));
  }
}
