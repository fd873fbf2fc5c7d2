import { html, nothing, type PropertyValues, type PropertyDeclarations } from "lit";
import { ApiError } from "../../core/errors.js";
import { reviewWindowDays } from "../../core/config.js";
import { graphemeCount } from "../../core/graphemes.js";
import { draftProblems, type Problem, writerProblems } from "../../core/review-rules.js";
import { clearDraft, draftKey, forgetPersonalDetails, loadDraft, saveDraft, submissionId } from "../../core/drafts.js";
import { enForm, enFormDirectory, enFormMarketplace } from "../../core/i18n/en-form.js";
import { addEnglish, type MessageKey } from "../../core/i18n/index.js";
import type { Review, ReviewDraft } from "../../core/model.js";

import { Loader } from "../../internal/loader.js";
import { mayHaveLanded, Submission } from "../../internal/submission.js";
import { ReviewElement } from "../../internal/review-element.js";
import { DIRECTORY, MARKETPLACE } from "../../core/variants.js";
import type { FormPort } from "../../internal/own-review.js";
import { kit, ownReview, ownReviewLater } from "../../internal/own-review-loader.js";
import { baseStyles } from "../../internal/shared.styles.js";
import { StarRating } from "../star-rating/star-rating.js";
import { reviewFormStyles } from "./review-form.styles.js";
import { EMPTY, type Errors, type Field, fieldErrors, type Fields, writerDetails, writerFields } from "./fields.js";

addEnglish({ ...enForm, ...(MARKETPLACE ? enFormMarketplace : {}), ...(DIRECTORY ? enFormDirectory : {}) });

/** Where focus goes after a failed attempt: the first field with a problem, in reading order. */
const ORDER: readonly Field[] = ["rating", "firstName", "lastName", "email", "title", "company", "text"];
/** What to write about, by whom it is about: a stay (the listing), its host, or a guest (written by the host). */
const HINTS = { listing: "textHint", host: "textHintHost", guest: "textHintGuest" } as const;

/**
 * Writes a review: star input, text with a live character count, validation
 * that speaks up only after a field is left or a submit is attempted, exactly
 * one POST however often it is submitted, and a draft kept in localStorage
 * (per reservation and reviewee) through reloads and failed submits. After an
 * ambiguous failure (network, timeout, 5xx) it checks whether the first POST
 * landed before posting again; for a partner directory, whose submitters are
 * anonymous, every attempt at the same content carries the same
 * `Idempotency-Key`, so the proxy creates the review once. A marketplace visitor who is
 * not signed in gets a sign-in button instead of a form; a 429 keeps the retry disabled until its
 * `Retry-After`, counting down. Lengths count characters as people see them (graphemes).
 *
 * A signed-in author's own unpublished review (marketplace) offers Edit (the
 * same form and validation, refilled; the edit is kept as a draft) and
 * Withdraw (after an inline confirmation). Both show their outcome at once and
 * roll back, with the typed text kept, if the server refuses.
 *
 * @tagname review-form
 * @summary The review form.
 * @attr {boolean} edit - Marketplace: open the viewer's own unpublished review for editing as soon as it is found (once;
 *   `<review-list>` uses it for Edit on the viewer's card).
 * @csspart form - The form.
 * @csspart textarea - The review text field.
 * @csspart submit - The submit button.
 * @csspart notice - The double-blind notice, and the confirmation after sending.
 * @csspart stars - The star input (its `star` parts are exported).
 * @csspart star - Each star of the input.
 * @csspart error - The submit error (role=alert).
 * @csspart retry - Its retry button: after a failure that may pass, the one way to send again (the submit
 *   button is not shown beside it); after a 429, disabled until its `Retry-After`, counting down.
 * @csspart sign-in - "Sign in to write a review", shown instead of the form while nobody is signed in (marketplace).
 * @csspart skeleton - Placeholder while checking for an existing review.
 * @csspart edit - Edit on the author's own unpublished review.
 * @csspart withdraw - Withdraw on it.
 * @csspart confirm - The "Withdraw your review?" question with its Withdraw and Keep it buttons.
 * @csspart cancel - Cancel while editing.
 * @cssprop --review-textarea-height - Minimum height of the text field.
 * @cssprop --review-accent-color - Submit button and notice accent.
 * @cssprop --review-danger-color - Error colour.
 * @cssprop --review-border-color - Field borders.
 * @cssprop --review-radius - Corner radius.
 * @cssprop --review-font - Font family (inherits by default).
 * @fires review-submit - `{draft}` before the POST; cancelable.
 * @fires review-submitted - `{review}` after the server accepted it.
 * @fires review-updated - `{review}` after the author's edit was saved (a new rating may give it a new `id`).
 * @fires review-withdrawn - `{id}` after the author withdrew their review.
 * @fires review-edit-cancelled - `{id}` when the author closed the editor of their review with Cancel.
 * @fires review-auth-required - `{}` when a signed-out visitor presses "Sign in to write a review", or the server
 *   answered 401: sign the user in and `configure({ token })`; the form then appears, with anything typed kept.
 * @fires review-error - `{error}` when sending failed (also when the stay's review window has
 *   closed: the form is then replaced by a notice saying so, and when).
 */
export class ReviewForm extends ReviewElement {
  static readonly tag = "review-form";
  static override uses = [StarRating];
  static override styles = [baseStyles, reviewFormStyles];
  static override properties: PropertyDeclarations = {
    reservationId: { attribute: "reservation-id" },
    minLength: { type: Number, attribute: "min-length" },
    maxLength: { type: Number, attribute: "max-length" },
    // The author's own review: marketplace only, like everything about it below (left out of the directory's file).
    ...(MARKETPLACE && {
      edit: { type: Boolean },
      editing: { state: true, attribute: false },
      confirming: { state: true, attribute: false },
      note: { state: true, attribute: false },
    }),
    fields: { state: true, attribute: false },
    touched: { state: true, attribute: false },
    attempted: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    serverErrors: { state: true, attribute: false },
    restored: { state: true, attribute: false },
    sent: { state: true, attribute: false },
    closed: { state: true, attribute: false },
    waiting: { state: true, attribute: false },
  };

  /** The stay being reviewed (marketplace). */
  reservationId: string | null = null;
  /** Fewest characters of text (default 20). */
  minLength = 20;
  /** Most characters of text (default 2000). */
  maxLength = 2000;
  /** Open the viewer's own unpublished review for editing as soon as it is found (once; default false). */
  edit?: boolean | undefined;

  private fields: Fields = { ...EMPTY };
  private touched = new Set<Field>();
  private attempted = false;
  private busy = false;
  private failure: { message: string; retry: boolean } | null = null;
  private serverErrors: Partial<Record<Field, string>> = {};
  private restored = false;
  private sent: Review | null = null;
  /** The stay's review window has closed (when, if the server said): no review can be written any more. */
  private closed: Date | null = null;
  /** Whole seconds until the server's `Retry-After` (429) allows another attempt; 0 when it does. */
  private waiting = 0;
  /** When that is (ms since the epoch); 0 when the last failure named no wait. */
  #until = 0;
  /** The author's own review being edited (Edit, Withdraw and what they change: internal/own-review.ts, loaded on demand). */
  private editing?: Review | null;
  /** Withdraw waits for its confirmation. */
  private confirming?: boolean;
  /** What just happened to the author's own review (saved, withdrawn). */
  private note?: MessageKey | null;
  /** Exactly one review per draft, however often it is sent (internal/submission.ts). */
  readonly #submission = new Submission();
  #draftKey = "";
  /** Whose drafts the form reads and writes: the signed-in viewer's id, or null (see core/drafts.ts). */
  #viewer: string | null = null;
  #focusAfterRender: string | null = null;

  /** Whether the viewer already has a review for this stay (marketplace, signed in), who the viewer is, or that nobody is signed in. */
  readonly #existing = new Loader(this, {
    args: () => {
      const source = this.reviewSource;
      if (!source) return null;
      return [source, this.subjectId, this.reservationId, this.resolvedRevieweeType, this.token, this.refreshVersion] as const;
    },
    // Reloading after a change on the page keeps what is shown (and the focus in it) until the answer.
    subject: MARKETPLACE ? () => `${this.sourceKey} ${this.subjectId} ${this.reservationId} ${this.resolvedRevieweeType}` : undefined,
    task: async ([source], signal): Promise<{ review: Review | null; viewer: string | null; signedOut?: boolean }> => {
      const token = await this.currentToken();
      const reviewer = MARKETPLACE && this.traits?.anonymous === false;
      // Signed out on the marketplace: ask to sign in before anything is typed (a directory's submitters are anonymous).
      if (!reviewer || !token) return { review: null, viewer: null, signedOut: reviewer };
      const own = await source.findOwnReview(this.#domainDraft(), { token, signal });
      // A server that does not say who the viewer is leaves drafts with the browser, as when signed out.
      return { review: own.review, viewer: own.viewerId };
    },
    onComplete: ({ review, viewer }) => {
      this.#adoptViewer(viewer);
      const f = this.fields;
      const pending = MARKETPLACE && review?.visibility === "pending";
      // A kept edit of the author's unpublished review reopens; otherwise the review exists (perhaps an
      // earlier POST landed after all) and its draft has nothing left to keep.
      if (pending && this.restored && f.text && (f.text.trim() !== review.text || f.rating !== review.rating)) this.editing = review;
      else if (review && !this.editing) clearDraft(this.#draftKey);
      if (pending && this.edit && !this.editing) {
        this.edit = false;
        this.#edit(review);
      }
    },
  });

  protected override configurationProblems(): string[] {
    const problems = super.configurationProblems();
    if (this.traits?.reservations && !this.reservationId) problems.push('"reservation-id" is missing');
    return problems;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = draftKey([this.resolvedSource, this.resolvedDirectoryId, this.reservationId ?? this.entryId, this.resolvedRevieweeType, this.subjectId]);
    if (key !== this.#draftKey) {
      // A different stay or reviewee: a different review, so nothing of the last one carries over.
      this.#draftKey = key;
      this.#restore();
    }
  }

  /** Starts over with the draft kept for this key and viewer, if any. */
  #restore(): void {
    const draft = loadDraft(this.#draftKey, this.#viewer);
    this.fields = { ...EMPTY, ...draft };
    this.restored = draft !== null;
    this.sent = null;
    this.closed = null;
    if (MARKETPLACE) this.editing = this.note = null;
    this.failure = null;
    this.#until = 0;
    this.serverErrors = {};
    this.attempted = false;
    this.touched = new Set();
    this.#submission.reset();
  }

  /**
   * The viewer is known (or changed: sign-in, sign-out, another account). What was typed while signed out
   * belongs to whoever signs in now; anything else starts over with that viewer's own draft, so one
   * person's unsent review never shows to the next.
   */
  #adoptViewer(viewer: string | null): void {
    if (viewer === this.#viewer) return;
    const signingIn = this.#viewer === null;
    this.#viewer = viewer;
    const typed = Object.values(this.fields).some((value) => value !== "" && value !== 0);
    if (signingIn && typed) saveDraft(this.#draftKey, this.fields, viewer);
    else this.#restore();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = null;
    }
  }

  /**
   * Whether this is a directory's form (the writer's fields, no double-blind) is read as
   * `DIRECTORY && (!MARKETPLACE || this.#anonymous)`: known at build time in a one-backend file (in the
   * directory's, another source is a configuration problem and nothing else renders), so the other backend's
   * parts are dropped there. The directory's are module functions: a class method would stay.
   */
  get #anonymous(): boolean {
    return Boolean(this.traits?.anonymous);
  }

  get #max(): number {
    return Number.isInteger(this.maxLength) && this.maxLength > 0 ? this.maxLength : 2000;
  }

  get #min(): number {
    return Number.isInteger(this.minLength) && this.minLength >= 0 ? Math.min(this.minLength, this.#max) : 20;
  }

  #domainDraft(): ReviewDraft {
    const f = this.fields;
    const draft: ReviewDraft = {
      rating: f.rating,
      text: f.text.trim(),
      revieweeId: this.subjectId ?? "",
      revieweeType: this.resolvedRevieweeType,
    };
    if (this.reservationId) draft.reservationId = this.reservationId;
    if (DIRECTORY && (!MARKETPLACE || this.#anonymous)) writerDetails(draft, f);
    return draft;
  }

  /** Every field's problem, whether or not it is shown yet. */
  #errors(): Errors {
    const { i18n } = this;
    const errors: Errors = {};
    const problems = {
      ...draftProblems(this.fields, { min: this.#min, max: this.#max }),
      ...(DIRECTORY && (!MARKETPLACE || this.#anonymous) ? writerProblems(this.fields) : {}),
    };
    for (const [field, [key, params]] of Object.entries(problems) as [Field, Problem][]) {
      errors[field] = i18n.t(key, params?.max ? { max: i18n.integer(params.max) } : params);
    }
    return { ...errors, ...this.serverErrors };
  }

  /** The problem to show for a field: only once it was left, or after a submit attempt. */
  #shownError(field: Field, errors: Errors): string | undefined {
    return this.attempted || this.touched.has(field) || this.serverErrors[field] ? errors[field] : undefined;
  }

  #update(field: Field, value: string | number): void {
    this.fields = { ...this.fields, [field]: value };
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
    this.restored = false;
    this.#submission.changed();
    saveDraft(this.#draftKey, this.fields, this.#viewer);
  }

  #touch(field: Field): void {
    // A field disabled while sending, or removed (sent, re-checking after sign-in), loses focus
    // without the user leaving it; and a state change during that render would schedule another.
    if (this.busy || !this.#showsForm) return;
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  /** Whether render() shows the form (rather than the confirmation, a placeholder or "already reviewed"). */
  get #showsForm(): boolean {
    if (MARKETPLACE && this.editing) return true;
    return (
      !this.sent &&
      this.#existing.render({
        pending: () => false,
        error: () => !this.#existing.value?.review,
        complete: (value) => !value.review && !(MARKETPLACE && value.signedOut),
      })
    );
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || this.sent || this.waiting) return;
    this.attempted = true;
    const errors = this.#errors();
    const first = ORDER.find((field) => errors[field]);
    if (first) {
      this.failure = null;
      this.#focusAfterRender = first === "rating" ? "star-rating" : `#${first}`;
      // Focus moves after a render; a repeated attempt changes no state, so ask for one.
      this.requestUpdate();
      return;
    }
    const source = this.reviewSource;
    if (!source) return;
    const draft = this.#domainDraft();
    const old = MARKETPLACE && this.editing;
    if (old) return void (await ownReviewLater())?.formSave(kit, this.#port(), source, old, draft);
    if (!this.emit("review-submit", { draft }, true)) return;

    this.busy = true;
    // The retry goes with its error: focus follows to the button that now shows the progress.
    if (this.failure?.retry) this.#focusAfterRender = "[part~=submit]";
    this.failure = null;
    try {
      // Anonymous submitters cannot look up whether a POST landed: the proxy recognises a repeat by its key.
      const key = DIRECTORY && (!MARKETPLACE || this.#anonymous) ? () => submissionId(this.#draftKey) : undefined;
      const review = await this.#submission.send(source, draft, { token: await this.currentToken() }, key);
      this.#forgetDraft();
      // Sent: the writer's name and email leave this browser, also from drafts of other reviews.
      forgetPersonalDetails();
      this.services.store.invalidate();
      this.sent = review;
      this.#focusAfterRender = '[part~="notice"]';
      this.emit("review-submitted", { review });
    } catch (error) {
      this.#fail(ApiError.from(error));
    } finally {
      this.busy = false;
    }
  }

  #forgetDraft(): void {
    clearDraft(this.#draftKey);
    this.fields = { ...EMPTY };
  }

  #edit(review: Review): void {
    // Marketplace only: the directory's file leaves the body out.
    if (MARKETPLACE) {
      this.editing = review;
      this.fields = { ...EMPTY, rating: review.rating, text: review.text };
      this.failure = this.note = null;
      this.attempted = false;
      this.touched = new Set();
      this.#focusAfterRender = "textarea";
    }
  }

  /** This form as the author's Edit and Withdraw (internal/own-review.ts) see it. */
  #port(): FormPort {
    return {
      el: this,
      i18n: this.i18n,
      token: () => this.currentToken(),
      emit: (name, detail) => this.emit(name, detail),
      set: (state) => Object.assign(this, state),
      editing: this.editing,
      sent: this.sent,
      found: this.#existing.value?.review,
      find: (review) => (this.#existing.value = { review, viewer: this.#viewer }),
      forgetDraft: () => this.#forgetDraft(),
      edit: (review) => this.#edit(review),
    };
  }

  #fail(error: ApiError): void {
    const { status, reason } = error;
    // The POST may have landed: the one way on is to try again, and that attempt checks first.
    const ambiguous = mayHaveLanded(error);
    this.emit("review-error", { error });
    if (status === 401) this.emit("review-auth-required", {});
    // Field errors come from the directory API (DRF); the marketplace answers with one code.
    if (DIRECTORY && status === 400) this.serverErrors = fieldErrors(error.fieldErrors);
    // The window closed: when, where the server says (without it, the plain "You can't review this stay." below).
    if (MARKETPLACE && reason === "window-closed" && error.until) {
      this.closed = error.until;
      this.#focusAfterRender = '[part~="notice"]';
      clearDraft(this.#draftKey);
      return;
    }
    // These reasons, sign-in and "not yours to review" are a reviewer's: a directory
    // submitter is anonymous, so a 401 or 403 from the proxy is a plain failure to them.
    const reviewer = MARKETPLACE && !this.#anonymous;
    const key: MessageKey =
      reviewer && status === 401
        ? "signInToReview"
        : status === 429
          ? "tooManyRequests"
          : reviewer && reason === "already-reviewed"
            ? "alreadyReviewed"
            : reviewer && reason === "stay-not-completed"
              ? "stayNotCompleted"
              : reviewer && status === 403
                ? "notAllowed"
                : status === 400
                  ? "fixErrors"
                  : "submitFailed";
    // A 429 that says how long to wait: the retry stays disabled until then, counting down.
    const wait = status === 429 ? (error.retryAfterMs ?? 0) : 0;
    this.#until = wait && Date.now() + wait;
    this.failure = { message: this.i18n.t(key), retry: ambiguous || status === 429 };
    // The retry is then the one way to send again (the submit button leaves): focus goes to it.
    if (this.failure.retry) this.#focusAfterRender = "[part~=retry]";
    this.#tick();
  }

  /** Counts `waiting` down to 0, once a second. */
  #tick = (): void => {
    const left = this.#until - Date.now();
    this.waiting = Math.max(0, Math.ceil(left / 1000));
    if (left > 0) setTimeout(this.#tick, left % 1000 || 1000);
  };

  override render() {
    const problems = this.configurationProblems();
    if (problems.length > 0) return this.renderMisconfigured(problems);
    const i18n = this.i18n;
    const closed = this.closed;
    if (MARKETPLACE && closed) {
      return html`<p part="notice" role="status" tabindex="-1">${i18n.t("windowClosed", { date: i18n.date(closed) })}</p>`;
    }
    if (this.sent) return this.#renderWith(this.sent);
    return this.#existing.render({
      pending: () => html`<div class="form-skeleton" part="skeleton" aria-busy="true"><span class="sr-only">${i18n.t("loading")}</span></div>`,
      // A failed check (after a sign-in, say) leaves the last answer: the form shows, as for any failed check.
      error: () => this.#renderWith(MARKETPLACE && this.#existing.value?.review),
      complete: ({ review, signedOut }) =>
        MARKETPLACE && signedOut
          ? html`<button class="button primary" part="sign-in" @click=${() => this.emit("review-auth-required", {})}>${i18n.t("signInToWrite")}</button>`
          : this.#renderWith(MARKETPLACE && review),
    });
  }

  /** The viewer's own review (only the marketplace finds one: a directory's submitters are anonymous), or the form. */
  #renderWith(own: Review | null | undefined | false) {
    return own && !this.editing ? this.#renderOwn(own) : this.#renderForm();
  }

  /** The review just sent, or the viewer's own found on the server; the author's unpublished one can be edited or withdrawn. */
  #renderOwn(own: Review) {
    const i18n = this.i18n;
    const pending = MARKETPLACE && own.visibility === "pending";
    const source = this.reviewSource;
    return html`<p part="notice" role="status" tabindex="-1">${MARKETPLACE && !this.sent ? `${i18n.t(this.note || "alreadyReviewed")} ` : ""}${this.sent || pending ? this.#sentText(own) : ""}</p>
      ${MARKETPLACE ? this.#renderFailure() : nothing}
      ${pending && !this.#anonymous && source && !this.busy ? ownReview(this)?.formActions(kit, this.#port(), source, own, this.confirming) : nothing}`;
  }

  /** The last failure, with the one way to retry (after a 429, disabled and counting down until `Retry-After`). */
  #renderFailure() {
    const i18n = this.i18n;
    return this.failure
      ? html`<div part="error" role="alert">
          <p aria-live=${this.waiting ? "off" : "polite"}>
            ${this.waiting ? i18n.t("tooManyWait", { seconds: i18n.integer(this.waiting) }) : this.#until ? i18n.t("retryNow") : this.failure.message}
          </p>
          ${
            this.failure.retry ? html`<button class="button" part="retry" type="submit" aria-disabled=${this.waiting > 0}>${i18n.t("retry")}</button>` : nothing
          }
        </div>`
      : nothing;
  }

  #sentText(review: Review): string {
    const i18n = this.i18n;
    if (DIRECTORY && (!MARKETPLACE || this.#anonymous)) return i18n.t("submittedDirectory");
    if (review.visibility === "public") return i18n.t("submittedPublic");
    // A review a moderator rejected stays the author's own, and says so (it will not appear).
    if (review.pendingReason === "rejected") return i18n.t("pendingRejected");
    if (review.pendingReason === "double-blind" && review.pendingUntil) return i18n.t("submittedDoubleBlind", { date: i18n.date(review.pendingUntil) });
    return i18n.t("submittedModeration");
  }

  #renderForm() {
    const i18n = this.i18n;
    const errors = this.#errors();
    const textError = this.#shownError("text", errors);
    const ratingError = this.#shownError("rating", errors);
    const count = graphemeCount(this.fields.text);
    const editing = MARKETPLACE && this.editing;
    const note = this.restored ? "draftRestored" : MARKETPLACE && this.note;
    return html`<form part="form" novalidate aria-label=${i18n.t(editing ? "yourReview" : "writeReview")} @submit=${this.#submit}>
      ${note ? html`<p class="message" role="status" tabindex="-1">${i18n.t(note)}</p>` : nothing}
      ${(DIRECTORY && (!MARKETPLACE || this.#anonymous)) || editing ? nothing : html`<p part="notice">${i18n.t("doubleBlindNotice", { days: reviewWindowDays() })}</p>`}
      <fieldset>
        <legend>${i18n.t("yourRating")}</legend>
        <star-rating
          part="stars"
          exportparts="star"
          mode="input"
          name="rating"
          required
          lang=${i18n.lang}
          .value=${this.fields.rating}
          ?invalid=${Boolean(ratingError)}
          ?disabled=${this.busy}
          label=${ratingError ? `${i18n.t("yourRating")}: ${ratingError}` : i18n.t("yourRating")}
          @change=${(e: Event) => this.#update("rating", (e.target as StarRating).value)}
          @focusout=${() => this.#touch("rating")}
        ></star-rating>
        ${ratingError ? html`<p class="field-error">${ratingError}</p>` : nothing}
      </fieldset>
      ${
        DIRECTORY && (!MARKETPLACE || this.#anonymous)
          ? writerFields(
              i18n,
              this.fields,
              this.busy,
              (name) => this.#shownError(name, errors),
              (name, value) => this.#update(name, value),
              (name) => this.#touch(name),
            )
          : nothing
      }
      <div>
        <label for="text">${i18n.t("yourText")}</label>
        <textarea
          id="text"
          part="textarea"
          name="text"
          aria-describedby="text-hint text-count${textError ? " text-error" : ""}"
          aria-invalid=${textError ? "true" : "false"}
          ?readonly=${this.busy}
          .value=${this.fields.text}
          @input=${(e: Event) => this.#update("text", (e.target as HTMLTextAreaElement).value)}
          @blur=${() => this.#touch("text")}
        ></textarea>
        <p class="hint" id="text-hint">${i18n.t(DIRECTORY && (!MARKETPLACE || this.#anonymous) ? "textHintDirectory" : HINTS[this.resolvedRevieweeType])}</p>
        <p class="count ${count > this.#max ? "over" : ""}" id="text-count">
          ${i18n.t("characters", { count: i18n.integer(count), max: i18n.integer(this.#max) })}
        </p>
        ${textError ? html`<p class="field-error" id="text-error">${textError}</p>` : nothing}
      </div>
      ${this.#renderFailure()}
      ${
        this.failure?.retry
          ? nothing
          : html`<div class="actions">
            <button class="button primary" part="submit" type="submit" aria-disabled=${this.busy ? "true" : "false"}>
              ${i18n.t(editing ? "saveChanges" : this.busy ? "submitting" : "submit")}
            </button>
            ${editing ? ownReview(this)?.cancelButton(kit, this.#port()) : nothing}
          </div>`
      }
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "review-form": ReviewForm;
  }
}
