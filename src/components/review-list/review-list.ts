import { html, isServer, nothing, type PropertyValues, type PropertyDeclarations } from "lit";
import type { ApiError } from "../../core/errors.js";
import type { Review } from "../../core/model.js";
import { enList, enListMarketplace } from "../../core/i18n/en.js";
import { addEnglish } from "../../core/i18n/index.js";

import { DIRECTORY, MARKETPLACE } from "../../core/variants.js";
import type { AllReviews } from "../../core/store.js";
import type { ListState } from "../../core/server-state.js";
import { takeState } from "../../internal/takeover.js";
import { currentConfig } from "../../core/config.js";
import { arrange, isSort, SORTS, type Sort } from "../../core/sort.js";
import { Loader } from "../../internal/loader.js";
import { PublicElement } from "../../internal/public-element.js";
import type { StructuredDataTarget } from "../../internal/structured-data.js";
import { publishStructuredDataLater } from "../../internal/structured-data-loader.js";
import { baseStyles } from "../../internal/shared.styles.js";
import { cardBody, cardHeader, cardStyles, toggled } from "../../internal/card.js";
import { starStyles } from "../../internal/stars.js";
import { errorText } from "../../internal/states.js";
import type { ListPort } from "../../internal/own-review.js";
import { kit, ownReview } from "../../internal/own-review-loader.js";
import { ownReviewStyles, reviewListStyles } from "./review-list.styles.js";

addEnglish(MARKETPLACE ? { ...enList, ...enListMarketplace } : enList);

const SORT_LABELS = { newest: "sortNewest", oldest: "sortOldest", highest: "sortHighest", lowest: "sortLowest" } as const;

/**
 * The public reviews of one reviewee: sort and star filter over the whole set
 * (not just the loaded page), "Show more" paging announced to screen readers,
 * long texts collapsed behind "Read more", and — for a signed-in viewer only —
 * their own pending review on top, marked pending, with when it will be published,
 * and Withdraw (after an inline confirmation; gone at once, back with a message
 * if the server refuses) and — where `<review-form>` is on the page — Edit,
 * which opens that form inside the card. A review the viewer may not see is never rendered.
 *
 * @tagname review-list
 * @summary The list of reviews.
 * @csspart review - Each review (`review-pending` is added to the viewer's own pending one).
 * @csspart review-pending - The viewer's own, not yet public review.
 * @csspart review-author - The author label ("Jane D.").
 * @csspart review-date - The date.
 * @csspart review-body - The review text.
 * @csspart stars - A review's stars (role=img, labelled with the rating).
 * @csspart pending-notice - Why the viewer's own review is not public yet.
 * @csspart edit - Edit on the viewer's own pending review (only where `<review-form>` is defined).
 * @csspart withdraw - Withdraw on it.
 * @csspart confirm - The "Withdraw your review?" question with its Withdraw and Keep it buttons.
 * @csspart sort - The sort select.
 * @csspart filter - The star filter select.
 * @csspart clear-filter - "Show all reviews", shown while a star filter is on (from the select, the `stars` attribute or a summary's bars).
 * @csspart show-more - The "Show more reviews" button.
 * @csspart empty - The empty state.
 * @csspart skeleton - Loading placeholders.
 * @csspart error - The error: role=alert with the retry button for the first failed element of a page region (a landmark), a muted line for the others.
 * @csspart retry - The retry button: reloads every failed element on the page.
 * @cssprop --review-card-padding - Padding of each review.
 * @cssprop --review-gap - Space between reviews.
 * @cssprop --review-radius - Corner radius.
 * @cssprop --review-surface - Card background.
 * @cssprop --review-border-color - Card border.
 * @cssprop --review-accent-color - Links, focus ring and buttons.
 * @cssprop --review-skeleton-height - Height reserved per review while loading.
 * @cssprop --review-star-color - Star colour.
 * @cssprop --review-avatar-color - Background of the author's monogram.
 * @cssprop --review-font - Font family (inherits by default).
 * @fires review-load - `{count}`: the number of public reviews (also for data rendered on the server).
 * @fires review-error - `{error}` when loading or withdrawing failed (and one `[review-widgets]` console line per load failure burst, not per element).
 * @fires review-withdrawn - `{id}` after the viewer withdrew their own review.
 */
export class ReviewList extends PublicElement {
  static readonly tag = "review-list";
  static override styles = [baseStyles, starStyles, cardStyles, reviewListStyles, MARKETPLACE ? ownReviewStyles() : []];
  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: "page-size" },
    sort: { reflect: true },
    stars: { type: Number, reflect: true },
    dateFormat: { attribute: "date-format" },
    structuredData: { type: Boolean, attribute: "structured-data" },
    itemName: { attribute: "item-name" },
    itemType: { attribute: "item-type" },
    shown: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    // The viewer's own pending review: marketplace only (left out of the directory's file).
    ...(MARKETPLACE && {
      editing: { state: true, attribute: false },
      confirming: { state: true, attribute: false },
      gone: { state: true, attribute: false },
      failure: { state: true, attribute: false },
    }),
  };

  /** Reviews per page (1–1000, default 10). */
  pageSize = 10;
  /** `newest` (default), `oldest`, `highest`, `lowest`. */
  sort: "newest" | "oldest" | "highest" | "lowest" = "newest";
  /** Only reviews with this many stars (1–5); none for all. The summary's bars of the same reviewee set it too. */
  stars: number | null = null;
  /** `relative` (default: "3 weeks ago") or `absolute` (the month: "October 2026"); the full date is on hover and read to screen readers either way. */
  dateFormat: "relative" | "absolute" = "relative";
  /** Emit schema.org Review JSON-LD for crawlers (public reviews of listings and directory entries only; needs `item-name`). */
  structuredData = false;
  /** The name of what is reviewed, for structured data. */
  itemName: string | null = null;
  /** schema.org type for structured data (default LodgingBusiness, or Organization for directory entries). */
  itemType: string | null = null;

  /**
   * The public reviews, as the server renderer (`review-widgets/ssr`) checked them: shown as loaded. In
   * the browser they come from the `<script type="application/json" data-review-widgets-state>` child
   * the renderer writes; only public, well-formed reviews are taken from it, and a sign-in or a setting
   * change loads as usual.
   */
  set initialData(value: ListState | null) {
    if (value) this.#loader.preset({ ...value, viewerId: null, dropped: 0 });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The server rendered what everyone sees; a viewer already signed in may also see their own pending review.
    if (!isServer && this.token === null && currentConfig().token == null) this.initialData = takeState(this, "listState");
  }

  get #structuredDataTarget(): StructuredDataTarget {
    return { traits: this.traits, revieweeType: this.resolvedRevieweeType, name: this.itemName, type: this.itemType };
  }

  private shown = 0;
  private expanded = new Set<string>();
  private announcement = "";
  /**
   * The viewer's own pending review: open in an inline <review-form>, waiting for Withdraw's confirmation, or withdrawn just now
   * (Edit, Withdraw and what they change: internal/own-review.ts, loaded on demand).
   */
  private editing?: string | null;
  private confirming?: string | null;
  private gone?: string | null;
  private failure?: string | null;
  #focusIndex: number | null = null;
  /** The subject whose star filter this list holds in the store (the summary's bars read it). */
  #filterKey: string | undefined;

  readonly #loader = new Loader(this, {
    args: () => {
      const source = this.reviewSource;
      if (!source || !this.nearViewport) return null;
      return [source, this.subjectId ?? "", this.resolvedRevieweeType, this.token, this.refreshVersion] as const;
    },
    subject: () => `${this.sourceKey} ${this.subjectId} ${this.resolvedRevieweeType}`,
    task: async ([source, revieweeId, revieweeType], signal) => {
      const token = await this.currentToken();
      return this.services.store.allReviews(source, this.sourceKey, { revieweeId, revieweeType }, { token, signal });
    },
    onComplete: (all) => {
      this.loaded();
      const visible = all.reviews.filter((review) => review.visibility === "public");
      if (this.structuredData) publishStructuredDataLater(this, this.#structuredDataTarget, null, arrange(visible, this.#sort, null).slice(0, this.#pageSize));
      this.emit("review-load", { count: visible.length });
    },
    onError: (error: ApiError) => this.loadFailed(error),
  });

  get #sort(): Sort {
    return isSort(this.sort) ? this.sort : "newest";
  }

  get #pageSize(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? Math.min(this.pageSize, 1000) : 10;
  }

  get #stars(): number | null {
    const stars = this.stars;
    return stars !== null && Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The star filter is shared with the page's summaries; a server renders one element at a time.
    if (isServer) return;
    const { store } = this.services;
    if (this.#filterKey !== this.subjectKey) this.#leave();
    if (store.filters.get((this.#filterKey = this.subjectKey)) !== this.#stars) store.setFilter(this.#filterKey, this.#stars);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#leave();
  }

  #leave(): void {
    if (this.#filterKey !== undefined) this.services.store.setFilter(this.#filterKey, undefined);
    this.#filterKey = undefined;
  }

  /** A summary's bar chose a filter for this subject. */
  protected override filterChanged(stars: number | null | undefined): void {
    if (stars !== undefined && stars !== this.#stars) this.#changeView({ stars });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusIndex !== null) {
      // After "Show more", focus moves to the first new review, so keyboard users continue where they were.
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="review"]')[this.#focusIndex]?.focus();
      this.#focusIndex = null;
    }
  }

  override render() {
    const problems = this.configurationProblems();
    if (problems.length > 0) return this.renderMisconfigured(problems);
    const i18n = this.i18n;
    return this.#loader.render({
      pending: () => html`<div aria-busy="true">
        <span class="sr-only">${i18n.t("loading")}</span>
        <div class="cards">
          ${Array.from({ length: Math.min(3, this.#pageSize) }, () => html`<div class="review-skeleton" part="skeleton"></div>`)}
        </div>
      </div>`,
      error: (error) => this.renderFailed(errorText(i18n, error)),
      complete: (value) => this.#renderReviews(value),
    });
  }

  #renderReviews(value: AllReviews) {
    const i18n = this.i18n;
    const reviews = MARKETPLACE ? value.reviews.filter((review) => review.id !== this.gone) : value.reviews;
    const publicReviews = reviews.filter((review) => review.visibility === "public");
    const live = html`<div class="sr-only" role="status">${this.announcement}</div>`;
    if (reviews.length === 0) return html`<p part="empty">${i18n.t("noReviews")}</p>${live}`;

    const stars = this.#stars;
    const arranged = arrange(reviews, this.#sort, stars);
    const own = MARKETPLACE ? arranged.filter((review) => review.visibility === "pending").length : 0;
    const total = arranged.length - own;
    const limit = this.shown || this.#pageSize;
    const visible = arranged.slice(0, own + limit);
    return html`
      ${publicReviews.length > 1 ? this.#renderControls(publicReviews) : nothing}
      ${live}
      ${MARKETPLACE && this.failure ? html`<p part="error" role="alert">${this.failure}</p>` : nothing}
      ${
        stars === null
          ? nothing
          : html`<p class="filtered">
            ${total === 0 ? i18n.t("noReviewsWithStars") : i18n.t("starFilter", { stars: i18n.integer(stars), total: i18n.integer(total) })}
            <button class="button" part="clear-filter" type="button" @click=${this.#clearFilter}>${i18n.t("clearFilter")}</button>
          </p>`
      }
      <ul class="cards">
        ${visible.map((review) => html`<li>${this.#renderReview(review)}</li>`)}
      </ul>
      ${
        total > limit
          ? html`<div class="footer">
            <span class="muted">${i18n.t("showing", { shown: i18n.integer(limit), total: i18n.integer(total) })}</span>
            <button class="button" part="show-more" type="button" @click=${() => this.#showMore(own + limit, total)}>${i18n.t("showMore")}</button>
          </div>`
          : nothing
      }
    `;
  }

  #renderControls(reviews: readonly Review[]) {
    const i18n = this.i18n;
    const counts = [0, 0, 0, 0, 0];
    for (const review of reviews) counts[review.rating - 1]!++;
    return html`<div class="controls">
      <label
        >${i18n.t("sortBy")}
        <select part="sort" @change=${(e: Event) => this.#changeView({ sort: (e.target as HTMLSelectElement).value })}>
          ${SORTS.map((sort) => html`<option value=${sort} ?selected=${sort === this.#sort}>${i18n.t(SORT_LABELS[sort])}</option>`)}
        </select></label
      >
      <label
        >${i18n.t("filterBy")}
        <select part="filter" @change=${(e: Event) => this.#changeView({ stars: Number((e.target as HTMLSelectElement).value) || null })}>
          <option value="" ?selected=${this.#stars === null}>${i18n.t("allRatings")}</option>
          ${[5, 4, 3, 2, 1].map(
            (stars) =>
              html`<option value=${stars} ?selected=${this.#stars === stars}>${i18n.t("stars", { count: stars })} (${i18n.integer(counts[stars - 1] ?? 0)})</option>`,
          )}
        </select></label
      >
    </div>`;
  }

  #renderReview(review: Review) {
    const i18n = this.i18n;
    // Only the marketplace shows a viewer their own pending review (a directory's list is public reviews only).
    const pending = MARKETPLACE && review.visibility === "pending";
    // A role is the marketplace's (its adapter sets only "guest" or "host"); a company, the directory's.
    const author = review.authorName || i18n.t((MARKETPLACE && review.authorRole) || "anonymous");
    const stay = MARKETPLACE && review.stay;
    return html`<article part=${pending ? "review review-pending" : "review"} tabindex="-1" aria-label=${i18n.t(pending ? "yourReview" : "reviewBy", { author })}>
      ${cardHeader(
        i18n,
        review.rating,
        author,
        review.submittedAt,
        pending ? html`<span class="badge">${i18n.t(review.pendingReason === "rejected" ? "notApproved" : "pending")}</span>` : nothing,
        stay
          ? html`<div class="meta muted">
              ${i18n.t("stayed", { date: i18n.month(stay.checkIn) })} · ${i18n.t("nights", { count: stay.nights })}${
                // The separator as a value: the template minifier trims a template's leading space.
                stay.verified ? [" · ", html`<span class="verified"><span aria-hidden="true">✓</span> ${i18n.t("verifiedStay")}</span>`] : nothing
              }
            </div>`
          : DIRECTORY && review.authorCompany
            ? html`<bdi class="meta muted" dir="auto">${review.authorCompany}</bdi>`
            : nothing,
        // Cached server HTML cannot say "3 days ago": it shows the month, and the browser turns it relative.
        isServer || this.dateFormat === "absolute",
      )}
      ${
        pending
          ? html`<p part="pending-notice">${
              review.pendingReason === "rejected"
                ? i18n.t("pendingRejected")
                : review.pendingReason === "moderation" || !review.pendingUntil
                  ? i18n.t("pendingModeration")
                  : i18n.t("pendingDoubleBlind", { date: i18n.date(review.pendingUntil) })
            }</p>`
          : nothing
      }
      ${review.title ? html`<p class="title" dir="auto"><strong>${review.title}</strong></p>` : nothing}
      ${cardBody(i18n, review.id, review.text, this.expanded.has(review.id), () => (this.expanded = toggled(this.expanded, review.id)))}
      ${pending ? this.#renderOwnActions(review) : nothing}
    </article>`;
  }

  #renderOwnActions(review: Review) {
    const source = this.reviewSource;
    return MARKETPLACE && source && ownReview(this)?.listActions(kit, this.#port(), source, review);
  }

  /** This list as the author's Edit and Withdraw (internal/own-review.ts) see it. */
  #port(): ListPort {
    return {
      el: this,
      i18n: this.i18n,
      token: () => this.currentToken(),
      emit: (name, detail) => this.emit(name, detail),
      set: (state) => Object.assign(this, state),
      editing: this.editing,
      confirming: this.confirming,
      revieweeType: this.resolvedRevieweeType,
    };
  }

  #showMore(firstNew: number, total: number): void {
    const shown = (this.shown || this.#pageSize) + this.#pageSize;
    this.shown = shown;
    this.#focusIndex = firstNew;
    this.announcement = this.i18n.t("showing", { shown: this.i18n.integer(Math.min(shown, total)), total: this.i18n.integer(total) });
  }

  async #clearFilter(): Promise<void> {
    this.#changeView({ stars: null });
    await this.updateComplete;
    // The button is gone: focus goes to the filter it reset.
    this.renderRoot.querySelector<HTMLElement>('[part~="filter"]')?.focus();
  }

  #changeView(change: { sort?: string; stars?: number | null }): void {
    const i18n = this.i18n;
    if (change.sort !== undefined) this.sort = change.sort as Sort;
    if (change.stars !== undefined) this.stars = change.stars;
    this.shown = 0;
    const stars = this.#stars;
    const all = this.#loader.value?.reviews ?? [];
    const count = arrange(all, this.#sort, stars).filter((r) => r.visibility === "public").length;
    const total = i18n.integer(count);
    this.announcement =
      change.stars && stars !== null
        ? i18n.t("starFilter", { stars: i18n.integer(stars), total })
        : i18n.t("showing", { shown: i18n.integer(Math.min(count, this.#pageSize)), total });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "review-list": ReviewList;
  }
}
