import type { html, nothing, ReactiveElement, TemplateResult } from "lit";
import type { ApiError } from "../core/errors.js";
import type { ReviewEventMap, ReviewEventName } from "../core/events.js";
import type { MessageKey, Translator } from "../core/i18n/index.js";
import type { Review, ReviewDraft, RevieweeType } from "../core/model.js";
import type { refresh } from "../core/refresh.js";
import type { RequestContext, ReviewSource } from "../core/source.js";
import type { ReviewElement } from "./review-element.js";

export { enOwnReview } from "../core/i18n/en-own-review.js";

/*
 * The author's Edit and Withdraw of their own unpublished review (marketplace), in <review-form> and on
 * the author's card in <review-list>. Only a signed-in author with such a review runs it, so it loads on
 * demand (own-review-loader.ts, on-demand.ts). It shares nothing with the page's copy of the library but
 * what is passed in: Lit's templates, the error type and `refresh` in the kit, the element's state through a port.
 */

export interface Kit {
  html: typeof html;
  nothing: typeof nothing;
  ApiError: typeof ApiError;
  refresh: typeof refresh;
}

interface Port {
  readonly el: ReactiveElement;
  readonly i18n: Translator;
  token(): Promise<string | null>;
  emit<K extends ReviewEventName>(name: K, detail: ReviewEventMap[K]): boolean;
}

/** The form's reactive state that Edit and Withdraw change (its properties of these names). */
export interface FormState {
  editing?: Review | null;
  confirming?: boolean;
  note?: MessageKey | null;
  failure?: { message: string; retry: boolean } | null;
  busy?: boolean;
  sent?: Review | null;
  restored?: boolean;
}

/** <review-form> as Edit and Withdraw see it. */
export interface FormPort extends Port, Readonly<Pick<FormState, "editing" | "sent">> {
  /** The viewer's review the form found on the server. */
  readonly found: Review | null | undefined;
  set(state: FormState): void;
  /** The viewer's review on the server is now `review` (null: none, a new one can be written). */
  find(review: Review | null): void;
  /** Empties the form and its kept draft. */
  forgetDraft(): void;
  /** Opens `review` in the form. */
  edit(review: Review): void;
}

/** The list's reactive state that Edit and Withdraw change: the id of the author's card open in an editor, asking to withdraw, or withdrawn. */
export interface ListState {
  editing?: string | null;
  confirming?: string | null;
  gone?: string | null;
  failure?: string | null;
  announcement?: string;
}

/** <review-list> as Edit and Withdraw see it. */
export interface ListPort extends Port, Readonly<Pick<ListState, "editing" | "confirming">> {
  readonly el: ReviewElement;
  readonly revieweeType: RevieweeType;
  set(state: ListState): void;
}

/** Moves focus to `selector` once `host` has rendered. */
function focusAfterRender(host: ReactiveElement, selector: string): void {
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * The inline question before the author's own review is withdrawn (no dialog): "Keep it" takes focus,
 * being the safe answer, and Escape answers it too.
 */
function withdrawConfirm({ html }: Kit, i18n: Translator, withdraw: () => void, keep: () => void): TemplateResult {
  return html`<div part="confirm" class="actions" role="group" aria-labelledby="confirm" @keydown=${(e: KeyboardEvent) => e.key === "Escape" && keep()}>
    <p id="confirm">${i18n.t("withdrawConfirm")}</p>
    <button class="button" type="button" @click=${withdraw}>${i18n.t("withdraw")}</button>
    <button class="button keep" type="button" @click=${keep}>${i18n.t("keepReview")}</button>
  </div>`;
}

/** Edit (when there is a form to edit in) and Withdraw, which asks first. */
function buttons({ html, nothing }: Kit, port: Port, edit: (() => void) | false, confirm: () => void): TemplateResult {
  return html`<div class="actions">
    ${edit ? html`<button class="button" part="edit" type="button" @click=${edit}>${port.i18n.t("edit")}</button>` : nothing}
    <button class="button" part="withdraw" type="button" @click=${() => {
      confirm();
      focusAfterRender(port.el, ".keep");
    }}>${port.i18n.t("withdraw")}</button>
  </div>`;
}

/**
 * Why a change to the author's own review failed, in their terms. A stale page (published or removed
 * meanwhile) hears so, and every element on it reads again to show what is true now.
 */
function failureText({ ApiError, refresh }: Kit, port: Port, error: unknown, fallback: MessageKey): string {
  const failure = ApiError.from(error);
  const published = failure.reason === "published";
  const gone = failure.status === 404;
  port.emit("review-error", { error: failure });
  if (published || gone) refresh();
  return port.i18n.t(published ? "alreadyPublished" : gone ? "reviewGone" : fallback);
}

/**
 * Saves the author's edit. The marketplace's update takes the text only (seed 003), so a new rating
 * withdraws the review and posts it again (the stay's review window does not restart); if the new
 * one is refused, the old one is posted back.
 */
async function saveEdit(source: ReviewSource, old: Review, draft: ReviewDraft, context: RequestContext): Promise<Review> {
  if (draft.rating === old.rating) return (await source.updateReview(old.id, { text: draft.text }, context)) ?? { ...old, text: draft.text };
  await source.deleteReview(old.id, context);
  try {
    return await source.createReview(draft, context);
  } catch (error) {
    await source.createReview({ ...draft, rating: old.rating, text: old.text }, context).catch(() => undefined);
    throw error;
  }
}

/** The form's failure to change the author's review, focus on `focus`. */
function formFailure(kit: Kit, port: FormPort, error: unknown, key: MessageKey, focus: string): void {
  port.set({ failure: { message: failureText(kit, port, error, key), retry: false } });
  focusAfterRender(port.el, focus);
}

/** Edit and Withdraw under the author's own unpublished review in <review-form>, or Withdraw's question. */
export function formActions(kit: Kit, port: FormPort, source: ReviewSource, own: Review, confirming: boolean | undefined): TemplateResult {
  return confirming
    ? withdrawConfirm(
        kit,
        port.i18n,
        () => void formWithdraw(kit, port, source, own),
        () => {
          port.set({ confirming: false });
          focusAfterRender(port.el, '[part~="withdraw"]');
        },
      )
    : buttons(
        kit,
        port,
        () => port.edit(own),
        () => port.set({ confirming: true }),
      );
}

/** Cancel while the author edits their review in <review-form>: back to the review, focus on Edit. */
export function cancelButton({ html }: Kit, port: FormPort): TemplateResult {
  const cancel = () => {
    const { editing } = port;
    if (!editing) return;
    port.forgetDraft();
    port.set({ editing: null, failure: null, restored: false });
    focusAfterRender(port.el, '[part~="edit"]');
    // A page (or <review-list>) that opened this editor closes it.
    port.emit("review-edit-cancelled", { id: editing.id });
  };
  return html`<button class="button" part="cancel" type="button" @click=${cancel}>${port.i18n.t("cancelEdit")}</button>`;
}

/** Optimistic: the edit closes at once; if the server refuses, it reopens with the text and says why. */
export async function formSave(kit: Kit, port: FormPort, source: ReviewSource, old: Review, draft: ReviewDraft): Promise<void> {
  port.set({ busy: true, editing: null, failure: null, note: "saved" });
  focusAfterRender(port.el, '[part~="notice"]');
  try {
    const review = await saveEdit(source, old, draft, { token: await port.token() });
    port.forgetDraft();
    port.find(review);
    port.set({ sent: null });
    port.emit("review-updated", { review });
  } catch (error) {
    // Gone meanwhile (withdrawn elsewhere): what was typed stays, as a new review.
    port.set({ note: null, editing: kit.ApiError.from(error).status === 404 ? null : old });
    formFailure(kit, port, error, "submitFailed", "textarea");
  } finally {
    port.set({ busy: false });
  }
}

/** Optimistic: gone at once (a new review can be written); back, with a message, if the server refuses. */
async function formWithdraw(kit: Kit, port: FormPort, source: ReviewSource, old: Review): Promise<void> {
  const { sent, found } = port;
  port.set({ busy: true, confirming: false, sent: null, failure: null, note: "withdrawn" });
  port.find(null);
  focusAfterRender(port.el, ".message");
  try {
    await source.deleteReview(old.id, { token: await port.token() });
    port.emit("review-withdrawn", { id: old.id });
  } catch (error) {
    port.set({ note: null, sent });
    port.find(found ?? null);
    formFailure(kit, port, error, "withdrawFailed", '[part~="withdraw"]');
  } finally {
    port.set({ busy: false });
  }
}

/**
 * The author's card in <review-list>: Edit (where <review-form> is defined: it opens inside the card) and
 * Withdraw, the question before withdrawing, or the open editor.
 */
export function listActions(kit: Kit, port: ListPort, source: ReviewSource, review: Review): TemplateResult {
  const { html } = kit;
  const { el, i18n } = port;
  const close = (event: Event) => {
    port.set({ editing: null });
    if (event.type !== "review-edit-cancelled") port.set({ announcement: i18n.t(event.type === "review-updated" ? "saved" : "withdrawn") });
    focusAfterRender(el, event.type === "review-edit-cancelled" ? '[part~="edit"]' : '[part~="review"]');
  };
  if (port.editing === review.id) {
    return html`<review-form edit .apiBase=${el.apiBase} .token=${el.token} reviewee-id=${review.revieweeId} reviewee-type=${port.revieweeType} reservation-id=${review.reservationId ?? ""} @review-updated=${close} @review-withdrawn=${close} @review-edit-cancelled=${close}></review-form>`;
  }
  if (port.confirming === review.id) {
    return withdrawConfirm(
      kit,
      i18n,
      () => void listWithdraw(kit, port, source, review),
      () => {
        port.set({ confirming: null });
        focusAfterRender(el, '[part~="withdraw"]');
      },
    );
  }
  return buttons(kit, port, Boolean(customElements.get("review-form")) && (() => port.set({ editing: review.id })), () => port.set({ confirming: review.id }));
}

/** Optimistic: the card goes at once; it comes back, with a message, if the server refuses. */
async function listWithdraw(kit: Kit, port: ListPort, source: ReviewSource, review: Review): Promise<void> {
  port.set({ confirming: null, failure: null, gone: review.id, announcement: port.i18n.t("withdrawn") });
  focusAfterRender(port.el, '[part~="review"]');
  try {
    await source.deleteReview(review.id, { token: await port.token() });
    port.emit("review-withdrawn", { id: review.id });
  } catch (error) {
    port.set({ gone: null, announcement: "", failure: failureText(kit, port, error, "withdrawFailed") });
    focusAfterRender(port.el, '[part~="withdraw"]');
  }
}
