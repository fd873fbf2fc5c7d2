import { html, isServer, nothing, svg, type PropertyDeclarations } from "lit";
import type { ApiError } from "../../core/errors.js";
import { distributionOf } from "../../core/aggregate.js";
import type { RevieweeKey, ReviewSource } from "../../core/source.js";
import type { Aggregate } from "../../core/model.js";
import type { Counts, SummaryState as Summary } from "../../core/server-state.js";
import { takeState } from "../../internal/takeover.js";

import { Loader } from "../../internal/loader.js";
import { PublicElement } from "../../internal/public-element.js";
import type { StructuredDataTarget } from "../../internal/structured-data.js";
import { publishStructuredDataLater } from "../../internal/structured-data-loader.js";
import { baseStyles } from "../../internal/shared.styles.js";
import { starRow, starStyles } from "../../internal/stars.js";
import { ratingSummaryStyles } from "./rating-summary.styles.js";

/**
 * The average rating, its stars and the number of reviews of one reviewee,
 * with optional distribution bars. Shows no numbers when the server marks the
 * aggregate hidden or there are fewer reviews than `min-count` — and says so.
 * All summaries of a page share one aggregate request. With a `<review-list>`
 * of the same reviewee on the page, the distribution bars filter it.
 *
 * @tagname rating-summary
 * @summary Average rating, stars, review count and distribution.
 * @csspart average - The average, e.g. "4.3".
 * @csspart stars - The stars (role=img, "Rated 4.3 out of 5").
 * @csspart count - "23 reviews".
 * @csspart distribution - The list of per-star bars.
 * @csspart filter-bar - A bar as a button (`aria-pressed`), when a `<review-list>` of the same reviewee is on the page: it filters that list to its stars; pressed again, it clears the filter.
 * @csspart empty - The text shown instead of numbers.
 * @csspart skeleton - The loading placeholder (same height as the result).
 * @csspart error - A muted line when loading failed (no alert: it loads again with the page's next retry, when the browser comes back online, or when the tab is shown again).
 * @cssprop --review-star-color - Star and bar colour.
 * @cssprop --review-star-size - Star size.
 * @cssprop --review-average-size - Font size of the average.
 * @cssprop --review-bar-color - Distribution bar colour.
 * @cssprop --review-bar-track-color - Distribution track colour.
 * @cssprop --review-bar-height - Distribution bar thickness.
 * @cssprop --review-distribution-width - Maximum width of the distribution.
 * @cssprop --review-summary-height - Reserved height of the summary line.
 * @cssprop --review-summary-width - Reserved width of the summary line (default 13em), so nothing beside it shifts when it loads.
 * @cssprop --review-font - Font family (inherits by default).
 * @cssprop --review-text-color - Text colour (inherits by default).
 * @cssprop --review-muted-color - Secondary text colour.
 * @fires review-load - `{count}` when loaded (0 when no numbers may be shown); also for data rendered on the server.
 * @fires review-error - `{error}` when loading failed.
 */
export class RatingSummary extends PublicElement {
  static readonly tag = "rating-summary";
  static override styles = [baseStyles, starStyles, ratingSummaryStyles];
  static override properties: PropertyDeclarations = {
    minCount: { type: Number, attribute: "min-count" },
    showDistribution: { type: Boolean, attribute: "show-distribution" },
    structuredData: { type: Boolean, attribute: "structured-data" },
    itemName: { attribute: "item-name" },
    itemType: { attribute: "item-type" },
  };

  /** Below this many reviews, no average or count is shown. */
  minCount = 0;
  /** Show per-star distribution bars. */
  showDistribution = false;
  /** Emit schema.org AggregateRating JSON-LD for crawlers (listings and directory entries only; needs `item-name`). */
  structuredData = false;
  /** The name of what is reviewed, for structured data. */
  itemName: string | null = null;
  /** schema.org type for structured data (default LodgingBusiness, or Organization for directory entries). */
  itemType: string | null = null;

  /**
   * The data, as the server renderer (`review-widgets/ssr`) checked it: shown as loaded. In the browser
   * the state comes from the `<script type="application/json" data-review-widgets-state>` child the
   * renderer writes; only a well-formed aggregate is taken from it, and a setting change loads as usual.
   */
  set initialData(value: Summary | null) {
    if (value) this.#loader.preset(value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!isServer) this.initialData = takeState(this, "summaryState");
  }

  get #structuredDataTarget(): StructuredDataTarget {
    return { traits: this.traits, revieweeType: this.resolvedRevieweeType, name: this.itemName, type: this.itemType };
  }

  readonly #loader = new Loader(this, {
    args: () => {
      const source = this.reviewSource;
      const subject = this.subjectId;
      if (!source || !subject || !this.nearViewport) return null;
      return [source, subject, this.resolvedRevieweeType, this.showDistribution, this.refreshVersion] as const;
    },
    task: ([source, revieweeId, revieweeType, withDistribution], signal) => this.#load(source, { revieweeId, revieweeType }, withDistribution, signal),
    subject: () => `${this.subjectKey} ${this.showDistribution}`,
    onComplete: (summary) => {
      this.loaded();
      const shown = this.#shown(summary.aggregate);
      if (this.structuredData) publishStructuredDataLater(this, this.#structuredDataTarget, shown, []);
      this.emit("review-load", { count: shown?.count ?? 0 });
    },
    onError: (error: ApiError) => this.loadFailed(error),
  });

  async #load(source: ReviewSource, key: RevieweeKey, withDistribution: boolean, signal: AbortSignal): Promise<Summary> {
    const { store } = this.services;
    const aggregate = await store.aggregate(source, this.sourceKey, key, signal);
    let distribution: Counts | null = null;
    if (withDistribution && aggregate?.visible) {
      // Public reviews only, read without credentials: a pending review never moves a bar.
      distribution = aggregate.distribution ?? distributionOf((await store.allReviews(source, this.sourceKey, key, { signal })).reviews);
    }
    return { aggregate, distribution };
  }

  /** Aggregates and the distribution are public data, read without credentials: signing in changes nothing here. */
  protected override get viewerDependent(): boolean {
    return false;
  }

  /** The aggregate when its numbers may be shown. */
  #shown(aggregate: Aggregate | null): Extract<Aggregate, { visible: true }> | null {
    return aggregate?.visible && aggregate.count > 0 && aggregate.count >= this.minCount ? aggregate : null;
  }

  override render() {
    const i18n = this.i18n;
    const problems = this.configurationProblems();
    if (problems.length > 0) return this.renderMisconfigured(problems);
    return this.#loader.render({
      pending: () => html`<div class="line" part="skeleton" aria-busy="true"><span class="sr-only">${i18n.t("loading")}</span></div>
        ${this.showDistribution ? html`<div class="distribution-skeleton" part="skeleton"></div>` : nothing}`,
      // Quiet: a muted line, never an alert; it loads again with the page's next retry (review-element.ts).
      error: () => html`<div class="line">${this.renderFailed(i18n.t("unavailable"), true)}</div>`,
      complete: (value) => this.#renderSummary(value),
    });
  }

  #renderSummary(value: Summary) {
    const i18n = this.i18n;
    const aggregate = this.#shown(value.aggregate);
    if (!aggregate) {
      const none = !value.aggregate || (value.aggregate.visible && value.aggregate.count === 0);
      return html`<p class="line" part="empty">${i18n.t(none ? "noReviews" : "notEnoughReviews")}</p>`;
    }
    const average = i18n.decimal(aggregate.average);
    return html`<div class="line">
        <span part="average" aria-hidden="true">${average}</span>
        ${starRow(aggregate.average, 5, i18n.t("ratedOutOf", { rating: average, max: i18n.integer(5) }))}
        <span part="count">${i18n.t("reviewCount", { count: aggregate.count })}</span>
      </div>
      ${this.showDistribution && value.distribution ? this.#renderDistribution(value.distribution) : nothing}`;
  }

  #renderDistribution(counts: Counts) {
    const i18n = this.i18n;
    const total = counts.reduce((sum, n) => sum + n, 0) || 1;
    // With a <review-list> of the same subject on the page, each bar is a button that filters it (core/store.ts).
    const { filters } = this.services.store;
    const filter = filters.get(this.subjectKey);
    return html`<ul part="distribution" aria-label=${i18n.t("distribution")}>
      ${[5, 4, 3, 2, 1].map((stars) => {
        const count = counts[stars - 1] ?? 0;
        const label = i18n.t("distributionRow", { stars: i18n.t("stars", { count: stars }), count: i18n.t("reviewCount", { count }) });
        const row = html`<span aria-hidden="true">${i18n.t("stars", { count: stars })}</span>
          <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">${svg`<rect class="track" width="100" height="1"/><rect width=${((count / total) * 100).toFixed(1)} height="1"/>`}</svg>
          <span class="value" aria-hidden="true">${i18n.integer(count)}</span>`;
        return filters.has(this.subjectKey)
          ? html`<li><button class="row" part="filter-bar" type="button" aria-label=${label} aria-pressed=${filter === stars ? "true" : "false"}
              @click=${() => this.services.store.setFilter(this.subjectKey, filter === stars ? null : stars)}>${row}</button></li>`
          : html`<li aria-label=${label}>${row}</li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "rating-summary": RatingSummary;
  }
}
