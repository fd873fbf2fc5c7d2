import { html, type ReactiveElement, type TemplateResult } from "lit";
import { ApiError } from "../core/errors.js";
import type { RequestContext, ReviewSource } from "../core/source.js";
import { enOwnReview } from "../core/i18n/en.js";
import { addEnglish, type MessageKey, type Translator } from "../core/i18n/index.js";
import type { Review, ReviewDraft } from "../core/model.js";
import { refresh } from "../core/refresh.js";
import { MARKETPLACE } from "../core/variants.js";

if (MARKETPLACE) addEnglish(enOwnReview);

/**
 * The inline question before the author's own review is withdrawn (no dialog): "Keep it" takes focus,
 * being the safe answer, and Escape answers it too.
 */
export function withdrawConfirm(i18n: Translator, withdraw: () => void, keep: () => void): TemplateResult {
  return html`<div part="confirm" class="actions" role="group" aria-labelledby="confirm" @keydown=${(e: KeyboardEvent) => e.key === "Escape" && keep()}>
    <p id="confirm">${i18n.t("withdrawConfirm")}</p>
    <button class="button" type="button" @click=${withdraw}>${i18n.t("withdraw")}</button>
    <button class="button keep" type="button" @click=${keep}>${i18n.t("keepReview")}</button>
  </div>`;
}

/**
 * Why a change to the author's own review failed, in their terms. A stale page (published or removed
 * meanwhile) hears so, and every element on it reads again to show what is true now.
 */
export function ownReviewFailure(i18n: Translator, error: unknown, fallback: MessageKey): string {
  const { status, reason } = ApiError.from(error);
  const published = reason === "published";
  if (published || status === 404) refresh();
  return i18n.t(published ? "alreadyPublished" : status === 404 ? "reviewGone" : fallback);
}

/** Moves focus to `selector` once `host` has rendered. */
export function focusAfterRender(host: ReactiveElement & { renderRoot: ParentNode }, selector: string): void {
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * Saves the author's edit. The marketplace's update takes the text only (seed 003), so a new rating
 * withdraws the review and posts it again (the stay's review window does not restart); if the new
 * one is refused, the old one is posted back.
 */
export async function saveEdit(source: ReviewSource, old: Review, draft: ReviewDraft, context: RequestContext): Promise<Review> {
  if (draft.rating === old.rating) return (await source.updateReview(old.id, { text: draft.text }, context)) ?? { ...old, text: draft.text };
  await source.deleteReview(old.id, context);
  try {
    return await source.createReview(draft, context);
  } catch (error) {
    await source.createReview({ ...draft, rating: old.rating, text: old.text }, context).catch(() => undefined);
    throw error;
  }
}
