import { html, type PropertyValues, type PropertyDeclarations } from "lit";
import { enStars } from "../../core/i18n/en-form.js";
import { addEnglish } from "../../core/i18n/index.js";
import { BaseElement } from "../../internal/base-element.js";
import { baseStyles } from "../../internal/shared.styles.js";
import { oneStar, starRow, starStyles } from "../../internal/stars.js";
import { starRatingStyles } from "./star-rating.styles.js";

addEnglish(enStars);

/**
 * A row of stars: a read-only display with fractional fill (4.3 fills 0.3 of
 * the fifth star), or, with `mode="input"`, a radio group that works inside a
 * native `<form>` (form-associated: `name`, `required`, reset, validity).
 *
 * @tagname star-rating
 * @summary Star rating display and input.
 * @csspart stars - The row of stars (the `img` or `radiogroup`).
 * @csspart star - Each star of the input (a target of at least 44×44 px).
 * @csspart rating-word - Input mode: the chosen (or hovered) rating in words, "Excellent" (five stars only; screen readers hear it in each star's name).
 * @cssprop --review-star-color - Filled star and outline colour.
 * @cssprop --review-star-empty-color - Fill of the empty part of a star (default transparent).
 * @cssprop --review-star-size - Size of one star (default 1.25em).
 * @cssprop --review-star-gap - Space between the stars of the input.
 * @cssprop --review-star-input-padding - Extra hit area around each star in input mode (targets stay ≥ 44×44 px).
 * @fires change - Input mode: the user chose a rating (`value` holds it).
 * @fires input - Input mode: as `change`.
 */
export class StarRating extends BaseElement {
  static readonly tag = "star-rating";
  static override styles = [baseStyles, starStyles, starRatingStyles];
  static formAssociated = true;
  // Reactive properties as a static table, not decorators: the same to Lit, and fewer bytes in every script file.
  static override properties: PropertyDeclarations = {
    value: { type: Number },
    max: { type: Number },
    mode: { reflect: true },
    label: {},
    name: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    invalid: { type: Boolean, reflect: true },
    hovered: { state: true, attribute: false },
  };

  /** The rating; fractional in display mode, a whole number 1..max (0 = none) in input mode. */
  value = 0;
  /** How many stars (default 5). */
  max = 5;
  /** `display` (default) or `input`. */
  mode: "display" | "input" = "display";
  /** Accessible name; defaults to "Rated X out of Y" (display) or "Rating" (input). */
  label: string | null = null;
  /** Input mode: the form field name the rating is submitted under. */
  name: string | null = null;
  /** Input mode: a rating must be chosen before the form submits. */
  required = false;
  /** Input mode: not focusable, not changeable. */
  disabled = false;
  /** Shows the invalid state (set by a form after a failed submit attempt). */
  invalid = false;

  private hovered = 0;
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  #defaultValue = 0;

  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.#internals?.validity;
  }

  /** Focuses the chosen star (the group's one tab stop), as a native radio group does. */
  override focus(options?: FocusOptions): void {
    const target = this.mode === "input" ? this.renderRoot.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') : null;
    if (target) target.focus(options);
    else super.focus(options);
  }

  checkValidity(): boolean {
    return this.#internals?.checkValidity() ?? true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#defaultValue = this.value;
  }

  formResetCallback(): void {
    this.value = this.#defaultValue;
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === "string") this.value = Number(state) || 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.mode !== "input" || !this.#internals) return;
    if (changed.has("value") || changed.has("required") || changed.has("max")) {
      const rating = this.#whole(this.value);
      this.#internals.setFormValue(rating > 0 ? String(rating) : null);
      const anchor = this.renderRoot.querySelector<HTMLElement>('[role="radio"]') ?? undefined;
      if (this.required && rating === 0) this.#internals.setValidity({ valueMissing: true }, this.i18n.t("ratingRequired"), anchor);
      else this.#internals.setValidity({});
    }
  }

  #whole(value: number): number {
    // Clamped to the stars actually drawn, so the form never submits a rating nobody sees.
    return Number.isFinite(value) ? Math.min(this.#max(), Math.max(0, Math.round(value))) : 0;
  }

  #max(): number {
    return Number.isInteger(this.max) && this.max > 0 && this.max <= 10 ? this.max : 5;
  }

  override render() {
    return this.mode === "input" ? this.#renderInput() : this.#renderDisplay();
  }

  #renderDisplay() {
    const max = this.#max();
    const value = Number.isFinite(this.value) ? Math.min(max, Math.max(0, this.value)) : 0;
    return starRow(value, max, this.label ?? this.i18n.t("ratedOutOf", { rating: this.i18n.decimal(value), max: this.i18n.integer(max) }));
  }

  #renderInput() {
    const max = this.#max();
    const chosen = this.#whole(this.value);
    const shown = this.hovered || chosen;
    const focusable = chosen || 1;
    // Five stars read as words too ("Excellent"), as the platforms show them.
    const words = max === 5 ? this.i18n.t("ratingWords").split("|") : [];
    return html`<span
      part="stars"
      role="radiogroup"
      aria-label=${this.label ?? this.i18n.t("ratingInput")}
      aria-required=${this.required ? "true" : "false"}
      aria-invalid=${this.invalid ? "true" : "false"}
      aria-disabled=${this.disabled ? "true" : "false"}
      @keydown=${this.#onKeydown}
      @pointerleave=${() => (this.hovered = 0)}
      >${Array.from({ length: max }, (_, i) => {
        const rating = i + 1;
        return html`<span
          part="star"
          class="star ${this.hovered && rating <= this.hovered ? "preview" : ""}"
          role="radio"
          aria-checked=${rating === chosen ? "true" : "false"}
          aria-label=${[this.i18n.t("stars", { count: rating }), ...words.slice(i, rating)].join(", ")}
          tabindex=${this.disabled ? -1 : rating === focusable ? 0 : -1}
          data-rating=${rating}
          @click=${() => this.#choose(rating)}
          @pointerenter=${() => (this.hovered = this.disabled ? 0 : rating)}
          >${oneStar(rating <= shown)}</span
        >`;
      })}</span
    ><span part="rating-word" aria-hidden="true">${words[shown - 1]}</span>`;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (this.disabled) return;
    const max = this.#max();
    const current = (event.target as HTMLElement).dataset["rating"];
    const from = current ? Number(current) : this.#whole(this.value) || 1;
    // Left/right follow the reading direction, so they mirror in right-to-left text.
    const rtl = this.direction === "rtl";
    const step: Record<string, number> = {
      ArrowUp: 1,
      ArrowDown: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let next: number | undefined;
    if (event.key in step) next = Math.min(max, Math.max(1, from + (step[event.key] ?? 0)));
    else if (event.key === "Home") next = 1;
    else if (event.key === "End") next = max;
    else if (event.key === " " || event.key === "Enter") next = from;
    if (next === undefined) return;
    event.preventDefault();
    this.#choose(next);
  }

  async #choose(rating: number): Promise<void> {
    if (this.disabled) return;
    const changed = rating !== this.#whole(this.value);
    this.value = rating;
    this.invalid = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-rating="${rating}"]`)?.focus();
    if (changed) {
      this.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      this.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "star-rating": StarRating;
  }
}
