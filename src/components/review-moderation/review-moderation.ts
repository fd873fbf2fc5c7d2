import { html, nothing, type PropertyValues, type PropertyDeclarations } from "lit";
import { ApiError } from "../../core/errors.js";
import type { ModerationDecision, ModerationPage, ModerationSource } from "../../core/source.js";
import { enModeration, enModerationMarketplace, enModerationOwner } from "../../core/i18n/en-moderation.js";
import { addEnglish } from "../../core/i18n/index.js";
import type { ModerationItem, ModerationStatus } from "../../core/model.js";
import { hasBackend, moderationSource } from "../../internal/services.js";
import { uniqueById } from "../../core/sort.js";
import { Loader } from "../../internal/loader.js";
import { ReviewElement } from "../../internal/review-element.js";
import { MARKETPLACE } from "../../core/variants.js";
import { baseStyles } from "../../internal/shared.styles.js";
import { cardBody, cardHeader, cardStyles, toggled } from "../../internal/card.js";
import { starStyles } from "../../internal/stars.js";
import { errorState, errorText } from "../../internal/states.js";
import { deskToolStyles, reviewModerationStyles } from "./review-moderation.styles.js";

addEnglish({ ...enModeration, ...enModerationOwner, ...(MARKETPLACE && enModerationMarketplace) });

type Tab = ModerationStatus;
const TABS: Tab[] = ["pending", "approved", "rejected"];
const PAGE_SIZE = 20;

/**
 * The moderator's view: reviews waiting for a decision, and on two more tabs
 * the approved and the rejected (declined) ones, each tab with its count, with
 * everything the public never sees — full name, email — shown to this
 * signed-in admin only. One action each to approve or decline, and on the
 * approved and rejected tabs one to reverse that decision; the list updates at
 * once and rolls back with a message if the server refuses. A marketplace
 * review that double-blind still hides says until when. A directory key that
 * may read but not decide gets no actions, and one line that says why.
 * Search, a filter by reviewee and bulk decisions (tick, one confirmation,
 * one request per review; the refused stay ticked) come with Export and
 * Delete. The directory
 * owner also gets an Export button that downloads every review as a dated CSV
 * file. Names only, never ids: without one a neutral label ("a guest", "this
 * listing"). Credentials come from `configure({ token })` or the `token` property.
 *
 * @tagname review-moderation
 * @summary Approve or decline reviews.
 * @csspart review - Each review.
 * @csspart review-author - Author's full name.
 * @csspart review-date - Submission date.
 * @csspart review-body - Review text.
 * @csspart stars - A review's stars (role=img, labelled with the rating).
 * @csspart approve - The approve button.
 * @csspart decline - The decline (reject) button.
 * @csspart notice - Why there are no actions (a key that may read reviews but not decide on them).
 * @csspart blind - On a marketplace review double-blind still hides: until when.
 * @csspart export - The directory owner's Export (CSV) button.
 * @csspart show-more - Loads the next page of the queue.
 * @csspart delete - Delete (asks for confirmation first).
 * @csspart confirm-delete - Confirms the Delete.
 * @csspart cancel - Keeps the review (or, in the bulk bar, the selection undecided).
 * @csspart search - Searches the loaded reviews' text, title and author.
 * @csspart filter - Shows the reviews of one listing, person or entry.
 * @csspart select - Ticks a review for a bulk decision.
 * @csspart select-all - Ticks every review shown.
 * @csspart confirm-bulk - The bulk decision's one confirmation.
 * @csspart tabs - The tab list (each tab with its count, where the server gives one).
 * @csspart empty - Nothing to moderate.
 * @csspart skeleton - Loading placeholder.
 * @csspart error - Load error (role=alert).
 * @csspart retry - Its retry button.
 * @cssprop --review-accent-color - Selected tab and approve button.
 * @cssprop --review-danger-color - Decline button.
 * @cssprop --review-card-padding - Padding of each review.
 * @fires review-moderated - `{id, status}` after the server accepted a decision (`status` "deleted" after a Delete).
 * @fires review-auth-required - `{}` when the server answered 401 or 403.
 * @fires review-load - `{count}`: reviews in the current tab.
 * @fires review-error - `{error}`.
 */
export class ReviewModeration extends ReviewElement {
  static readonly tag = "review-moderation";
  static override styles = [baseStyles, starStyles, cardStyles, reviewModerationStyles, deskToolStyles];
  static override properties: PropertyDeclarations = {
    tab: { state: true, attribute: false },
    items: { state: true, attribute: false },
    total: { state: true, attribute: false },
    counts: { state: true, attribute: false },
    readOnly: { state: true, attribute: false },
    pages: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    selected: { state: true, attribute: false },
    bulk: { state: true, attribute: false },
    query: { state: true, attribute: false },
    filter: { state: true, attribute: false },
  };

  private tab: Tab = "pending";
  private items: ModerationItem[] = [];
  private total = 0;
  private counts: ModerationPage["counts"] = {};
  private readOnly = false;
  private pages = 1;
  private announcement = "";
  private failure = "";
  private expanded = new Set<string>();
  /** Desk tools: the ticked reviews, the decision waiting for its one confirmation, the search, the reviewee shown. */
  private selected = new Set<string>();
  private bulk: ModerationDecision | "" = "";
  private query = "";
  private filter = "";
  /** The review whose Delete waits for confirmation. */
  #confirming?: string | undefined;
  #focusIndex: number | null = null;
  /** The tab whose list is on screen; reloading that same tab keeps it (and the keyboard focus in it) in place. */
  #loadedTab: Tab | null = null;

  readonly #loader = new Loader(this, {
    args: () => {
      const source = this.#source;
      if (!source || !this.nearViewport) return null;
      return [source, this.tab, this.pages, this.token, this.refreshVersion] as const;
    },
    task: async ([source, status, pages], signal): Promise<ModerationPage | null> => {
      const token = await this.currentToken();
      if (!token) return null;
      const [page, may] = await Promise.all([
        source.listForModeration({ status, page: 1, pageSize: PAGE_SIZE * pages }, { token, signal }),
        source.mayModerate({ token, signal }),
      ]);
      this.readOnly = !may;
      return page;
    },
    onComplete: (page) => {
      this.#loadedTab = this.tab;
      this.items = uniqueById(page?.items ?? []);
      this.total = page?.total ?? 0;
      this.counts = page?.counts ?? {};
      this.emit("review-load", { count: this.total });
    },
    onError: (error) => {
      this.emit("review-error", { error });
      if (error.status === 401 || error.status === 403) this.emit("review-auth-required", {});
    },
  });

  protected override configurationProblems(): string[] {
    // A moderator sees every reviewee: no reviewee-id or entry-id needed; and needs the moderation code, not the public (the owner's file has none).
    const problems = super.configurationProblems().filter((problem) => !/^"(reviewee-id|entry-id|source)"/.test(problem));
    if (problems.length === 0 && !hasBackend(this.resolvedSource, "moderation")) {
      problems.push(`"source": no "${this.resolvedSource}" moderation in this script file`);
    }
    return problems;
  }

  /** The backend's moderation operations, or null when not configured. */
  get #source(): ModerationSource | null {
    const base = this.resolvedApiBase;
    if (!base || this.configurationProblems().length > 0) return null;
    return moderationSource(this.services, this.resolvedSource, { apiBase: base, directoryId: this.resolvedDirectoryId });
  }

  /** The source, for an action on what is shown (only a configured element shows any). */
  get #configured(): ModerationSource {
    const source = this.#source;
    if (!source) throw new ApiError("misconfigured");
    return source;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusIndex !== null) {
      const rows = this.renderRoot.querySelectorAll<HTMLElement>('[part~="review"]');
      const target = rows[Math.min(this.#focusIndex, rows.length - 1)];
      (target ?? this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'))?.focus();
      this.#focusIndex = null;
    }
  }

  override render() {
    const problems = this.configurationProblems();
    if (problems.length > 0) return this.renderMisconfigured(problems);
    const i18n = this.i18n;
    const declines = this.#declines;
    return html`<div role="tablist" part="tabs" aria-label=${i18n.t("moderation")} @keydown=${this.#onTabKey}>
        ${TABS.map(
          (tab) => html`<button
            role="tab"
            type="button"
            id="tab-${tab}"
            aria-selected=${this.tab === tab ? "true" : "false"}
            aria-controls="panel"
            tabindex=${this.tab === tab ? 0 : -1}
            @click=${() => this.#select(tab)}
          >
            ${i18n.t(tab === "rejected" && declines ? "declinedTab" : `${tab}Tab`)}
            ${this.#count(tab)}
          </button>`,
        )}
      </div>
      ${this.readOnly ? html`<p part="notice">${i18n.t("readOnlyKey")}</p>` : nothing}
      <div class="sr-only" role="status">${this.announcement}</div>
      ${this.failure ? html`<div part="error" role="alert"><p>${this.failure}</p></div>` : nothing}
      <div id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">${this.#renderPanel()}</div>
      ${
        this.traits?.exports && this.#loader.value
          ? html`<div class="actions"><button class="button" part="export" type="button" @click=${this.#export}>${i18n.t("exportReviews")}</button></div>`
          : nothing
      }`;
  }

  #renderPanel() {
    const i18n = this.i18n;
    const { value } = this.#loader;
    return this.#loader.render({
      // A reload after a decision (or "Show more") keeps the list; only a first load or a new tab shows the placeholder.
      pending: () =>
        value !== undefined && this.#loadedTab === this.tab
          ? this.#renderQueue(value)
          : html`<div class="moderation-skeleton" part="skeleton" aria-busy="true"><span class="sr-only">${i18n.t("loading")}</span></div>`,
      error: (error) =>
        errorState(i18n, error.status === 401 || error.status === 403 ? i18n.t("signInToModerate") : errorText(i18n, error), () => void this.#loader.run()),
      complete: (page) => this.#renderQueue(page),
    });
  }

  #renderQueue(value: ModerationPage | null) {
    const i18n = this.i18n;
    if (value === null) return html`<p part="empty">${i18n.t("signInToModerate")}</p>`;
    if (this.items.length === 0) return html`<p part="empty">${i18n.t(this.tab === "pending" ? "nothingToModerate" : "nothingRejected")}</p>`;
    const query = this.query.toLocaleLowerCase();
    const shown = this.items.filter(
      (item) =>
        (!this.filter || item.revieweeId === this.filter) && `${item.title ?? ""} ${item.text} ${this.#author(item)}`.toLocaleLowerCase().includes(query),
    );
    return html`${this.#tools(shown)}
      ${!shown.length ? html`<p part="empty">${i18n.t("nothingRejected")}</p>` : nothing}
      <ul class="cards">
        ${shown.map((item) => html`<li>${this.#renderItem(item)}</li>`)}
      </ul>
      ${
        this.total > this.items.length
          ? html`<div class="actions">
            <button class="button" part="show-more" type="button" @click=${() => this.pages++}>${i18n.t("showMore")}</button>
          </div>`
          : nothing
      }`;
  }

  #renderItem(item: ModerationItem) {
    const i18n = this.i18n;
    const author = this.#author(item);
    const reviewee = this.#reviewee(item);
    return html`<article part="review" tabindex="-1" aria-label=${i18n.t("reviewBy", { author })}>
      ${cardHeader(i18n, item.rating, author, item.submittedAt)}
      ${item.title ? html`<p class="title" dir="auto"><strong>${item.title}</strong></p>` : nothing}
      ${cardBody(i18n, item.id, item.text, this.expanded.has(item.id), () => (this.expanded = toggled(this.expanded, item.id)))}
      <dl>
        ${item.authorEmail ? html`<dt>${i18n.t("contactEmail")}</dt><dd dir="auto">${item.authorEmail}</dd>` : nothing}
        ${item.authorCompany ? html`<dt>${i18n.t("company")}</dt><dd dir="auto">${item.authorCompany}</dd>` : nothing}
        <dt>${i18n.t("reviewOf")}</dt>
        <dd dir="auto">${reviewee}</dd>
      </dl>
      ${MARKETPLACE && item.hiddenUntil ? html`<p part="blind">${i18n.t("hiddenUntil", { date: i18n.date(item.hiddenUntil) })}</p>` : nothing}
      ${
        this.readOnly
          ? nothing
          : this.#confirming === item.id
            ? html`<div class="actions" role="group" aria-labelledby="confirm" @keydown=${(e: KeyboardEvent) => e.key === "Escape" && this.#cancelDelete(item)}>
            <p id="confirm">${i18n.t("confirmDelete")}</p>
            <button class="button decline" part="confirm-delete" type="button" @click=${() => this.#delete(item)}>${i18n.t("delete")}</button>
            <button class="button" part="cancel" type="button" @click=${() => this.#cancelDelete(item)}>${i18n.t("cancel")}</button>
          </div>`
            : html`<div class="actions">
        <input type="checkbox" part="select" aria-label=${i18n.t("reviewBy", { author })} .checked=${this.selected.has(item.id)} @change=${() => (this.selected = toggled(this.selected, item.id))} />
        ${this.#choices((decision) => this.#decide(item, decision))}
        <button class="button" part="delete" type="button" @click=${() => this.#askDelete(item)}>${i18n.t("delete")}</button>
      </div>`
      }
    </article>`;
  }

  /** Approve and decline as this tab offers them: each reverses the other tab's decision. */
  #choices(decide: (decision: ModerationDecision) => unknown) {
    const i18n = this.i18n;
    return html`${
      this.tab === "approved"
        ? nothing
        : html`<button class="button primary" part="approve" type="button" @click=${() => decide("approve")}>${i18n.t("approve")}</button>`
    }
    ${
      this.tab === "rejected"
        ? nothing
        : html`<button class="button decline" part="decline" type="button" @click=${() => decide("reject")}>${i18n.t(this.#declines ? "decline" : "reject")}</button>`
    }`;
  }

  /** Search (text, title, author), the reviewee filter, and the ticked reviews' one decision with its one confirmation. */
  #tools(shown: ModerationItem[]) {
    const i18n = this.i18n;
    const chosen = shown.filter((item) => this.selected.has(item.id));
    const all = chosen.length > 0 && chosen.length === shown.length;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    // Asking and cancelling both move the focus to the bar's first button (the confirmation, or the decision again).
    const ask = (decision: ModerationDecision | "") => {
      this.bulk = decision;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("#bulk ~ button")?.focus());
    };
    return html`<div class="actions tools">
        <input type="search" part="search" aria-label=${i18n.t("search")} placeholder=${i18n.t("search")} .value=${this.query} @input=${(e: Event) => (this.query = value(e))} />
        <label
          >${i18n.t("reviewOf")}
          <select part="filter" @change=${(e: Event) => (this.filter = value(e))}>
            <option value="">${i18n.t("all")}</option>
            ${[...new Map(this.items.map((item) => [item.revieweeId, this.#reviewee(item)]))].map(
              ([id, label]) => html`<option value=${id} ?selected=${id === this.filter} dir="auto">${label}</option>`,
            )}
          </select></label
        >
        ${
          this.readOnly
            ? nothing
            : html`<label
              ><input
                type="checkbox"
                part="select-all"
                .checked=${all}
                .indeterminate=${chosen.length > 0 && !all}
                @change=${() => (this.selected = new Set(all ? [] : shown.map((item) => item.id)))}
              />
              ${i18n.t("selectAll")}</label
            >`
        }
      </div>
      ${
        chosen.length && !this.readOnly
          ? html`<div class="actions tools" role="group" aria-labelledby="bulk" @keydown=${(e: KeyboardEvent) => e.key === "Escape" && ask("")}>
            <p id="bulk">${i18n.t(this.bulk ? "confirmBulk" : "selectedCount", { count: chosen.length })}</p>
            ${
              this.bulk
                ? html`<button class="button primary" part="confirm-bulk" type="button" @click=${() => this.#decideAll(chosen)}>
                    ${i18n.t(this.bulk === "approve" ? "approve" : this.#declines ? "decline" : "reject")}
                  </button>
                  <button class="button" part="cancel" type="button" @click=${() => ask("")}>${i18n.t("cancel")}</button>`
                : this.#choices(ask)
            }
          </div>`
          : nothing
      }`;
  }

  /** The confirmed bulk decision, one request per review; those the server refuses come back and stay ticked. */
  async #decideAll(chosen: ModerationItem[]): Promise<void> {
    const decision = this.bulk as ModerationDecision;
    this.bulk = this.failure = "";
    const done = await Promise.all(chosen.map((item) => this.#decide(item, decision, true)));
    const failed = chosen.filter((_, index) => !done[index]);
    this.selected = new Set(failed.map((item) => item.id));
    this.announcement = this.i18n.t("bulkDone", { count: chosen.length - failed.length });
    this.failure = failed.length ? this.i18n.t("bulkFailed", { count: failed.length }) : "";
  }

  /** Whether this backend declines rather than rejects (files without the marketplace know at build time: src/core/variants.ts). */
  get #declines(): boolean {
    return !MARKETPLACE || this.traits?.refusal === "decline";
  }

  #reviewee(item: ModerationItem): string {
    return item.revieweeLabel ?? this.i18n.t(`some-${item.revieweeType ?? (!MARKETPLACE || this.traits?.entries ? "entry" : "listing")}`);
  }

  /** A tab's count: the list's own for the tab on screen, the server's for the others; none signed out or when the server does not say. */
  #count(tab: Tab) {
    const count = this.#loader.value && tab === this.#loadedTab ? this.total : this.counts[tab];
    return count == null ? nothing : html`<span class="n">${this.i18n.integer(count)}</span>`;
  }

  #author(item: ModerationItem): string {
    return item.authorFullName || this.i18n.t(item.authorRole ?? "anonymous");
  }

  // Delete: asked, then confirmed or cancelled.
  #askDelete(item: ModerationItem): void {
    this.#confirming = item.id;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus());
  }

  #cancelDelete(item: ModerationItem): void {
    this.#confirming = undefined;
    this.#focusIndex = this.items.indexOf(item);
    this.requestUpdate();
  }

  /** Confirmed: optimistic like a decision (gone at once, back with a message if the server refuses). */
  #delete(item: ModerationItem): void {
    this.#confirming = undefined;
    void this.#decide(item, "delete");
  }

  /** The owner's export, downloaded as reviews-<directory>-<date>.csv. */
  async #export(): Promise<void> {
    try {
      const blob = await this.#configured.exportReviews?.({ token: await this.currentToken() });
      if (!blob) throw new ApiError("invalid-response");
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `reviews-${this.resolvedDirectoryId ?? ""}-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 6e4);
      this.failure = "";
    } catch (error) {
      this.failure = this.i18n.t("exportFailed");
      this.emit("review-error", { error: ApiError.from(error) });
    }
  }

  #select(tab: Tab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.pages = 1;
    this.failure = "";
    this.filter = this.bulk = "";
    this.selected = new Set();
  }

  #onTabKey(event: KeyboardEvent): void {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    const index = TABS.indexOf(this.tab);
    // Left goes back (right in right-to-left text); both wrap around.
    const back = event.key === (this.direction === "rtl" ? "ArrowRight" : "ArrowLeft");
    const next = event.key === "Home" ? 0 : event.key === "End" ? 2 : (index + (back ? 2 : 1)) % 3;
    this.#select(TABS[next]!);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  /**
   * Optimistic: the review leaves the list at once, and comes back with a message if the server refuses.
   * Part of a bulk decision (`bulk`), it says nothing itself: the bulk's one message follows when all are answered.
   */
  async #decide(item: ModerationItem, decision: ModerationDecision | "delete", bulk = false): Promise<boolean> {
    const i18n = this.i18n;
    const author = this.#author(item);
    const index = this.items.indexOf(item);
    if (index < 0) return false;
    // The count of the tab the review moves to follows it, and comes back with it.
    const to = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "";
    const move = (by: number) => {
      this.total -= by;
      if (to && this.counts[to] !== undefined) this.counts = { ...this.counts, [to]: this.counts[to] + by };
    };
    this.items = this.items.filter((other) => other !== item);
    move(1);
    this.#focusIndex = index;
    if (!bulk) {
      this.failure = "";
      this.announcement = i18n.t(decision === "approve" ? "approved" : decision === "delete" ? "deleted" : this.#declines ? "declined" : "rejected", {
        author,
      });
    }
    try {
      const token = await this.currentToken();
      const status =
        decision === "delete"
          ? (await this.#configured.deleteReview(item.id, { token }), "deleted" as const)
          : (await this.#configured.moderate(item.id, decision as ModerationDecision, { token })).status;
      this.services.store.invalidate();
      this.emit("review-moderated", { id: item.id, status });
      return true;
    } catch (error) {
      const items = [...this.items];
      items.splice(Math.min(index, items.length), 0, item);
      this.items = items;
      move(-1);
      if (!bulk) {
        this.failure = i18n.t("moderationFailed", { author });
        this.announcement = "";
      }
      this.#focusIndex = index;
      const apiError = ApiError.from(error);
      this.emit("review-error", { error: apiError });
      if (apiError.status === 401 || apiError.status === 403) this.emit("review-auth-required", {});
      return false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "review-moderation": ReviewModeration;
  }
}
