import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import type { ApiError } from "../../src/core/errors.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { resetConfig } from "../../src/core/config.js";
import { faultScript, sandbox, type MarketplaceIds } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireAggregate, wireReview } from "../support/wire.js";

RatingSummary.define();
ReviewList.define();

const root = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const cards = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~="review"]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, " ").trim() ?? "";
const status = (el: ReviewList) => text(root(el).querySelector('[role="status"]'));
const settled = (el: Element) =>
  waitUntil(() => cards(el).length > 0 || part(el, "average") || part(el, "empty") || part(el, "error"), "did not settle", { timeout: 6000 });

/** console.warn lines while `run` runs (the house rule: no console noise, so tests take what they expect). */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe("the review card", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  it("shows a monogram (no image request), the stay in the visitor's terms, and Verified stay only after check-out", async () => {
    const future = new Date(Date.now() + 20 * 864e5).toISOString();
    const server = await faultScript({
      json: envelope("reviews", [
        wireReview({
          id: "past",
          reviewer: { fullname: "élodie Martin" },
          reservation: { id: "r1", checkIn: "2026-10-03T15:00:00.000Z", checkOut: "2026-10-08T10:00:00.000Z" },
        }),
        wireReview({
          id: "upcoming",
          submittedAt: "2026-09-01T10:00:00.000Z",
          reservation: { id: "r2", checkIn: "2026-09-01T15:00:00.000Z", checkOut: future },
        }),
        wireReview({ id: "no-stay", submittedAt: "2026-08-01T10:00:00.000Z", reservation: { id: "r3", checkIn: "not a date", checkOut: "2026-08-02" } }),
      ]),
    });
    const el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1"></review-list>`);
    await settled(el);
    const [past, upcoming, noStay] = cards(el);
    expect(text(past!.querySelector(".avatar"))).to.equal("É");
    expect(past!.querySelector(".avatar")!.getAttribute("aria-hidden")).to.equal("true");
    expect(root(el).querySelectorAll("img")).to.have.length(0);
    expect(text(past!.querySelector(".meta"))).to.equal("Stayed October 2026 · 5 nights · ✓ Verified stay");
    expect(text(upcoming!.querySelector(".meta"))).to.match(/^Stayed September 2026 · \d+ nights$/);
    expect(noStay!.querySelector(".meta"), "a malformed stay loses its line, not the review").to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the directory reviewer's company under the name", async () => {
    const server = await faultScript({
      json: [
        {
          id: "d1",
          entry: { id: "e1", title: "Acme" },
          title: "Great partner",
          company: "Acme Inc.",
          summary: "Fine",
          firstName: "Jane",
          lastName: "Doe",
          rating: 5,
          created: "2026-10-01T10:00:00Z",
          status: "A",
        },
      ],
    });
    const el = await fixture<ReviewList>(html`<review-list source="partnerpage" api-base=${server.base} directory-id="d" entry-id="e1"></review-list>`);
    await settled(el);
    expect(text(cards(el)[0]!.querySelector(".meta"))).to.equal("Acme Inc.");
    expect(text(cards(el)[0]!.querySelector(".avatar"))).to.equal("J");
  });

  it("never dates a review in the future: a clock a few minutes slow reads 'just now'; date-format=absolute shows the month; the full date always on hover and to screen readers", async () => {
    const ahead = new Date(Date.now() + 4 * 60_000).toISOString();
    const server = await faultScript(
      { json: envelope("reviews", [wireReview({ submittedAt: ahead })]) },
      { json: envelope("reviews", [wireReview({ revieweeId: "listing-2", submittedAt: "2026-10-14T10:00:00.000Z" })]) },
    );
    const relative = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1"></review-list>`);
    await settled(relative);
    const time = part(relative, "review-date")!;
    const full = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(new Date(ahead));
    expect(text(time)).to.equal(`just now (${full})`);
    expect(time.getAttribute("title")).to.equal(full);
    expect(text(time.querySelector(".sr-only"))).to.equal(`(${full})`);

    const absolute = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-2" date-format="absolute"></review-list>`);
    await settled(absolute);
    const month = part(absolute, "review-date")!;
    expect(text(month)).to.equal("October 2026 (October 14, 2026)");
    expect(month.getAttribute("title")).to.equal("October 14, 2026");
    expect(text(month.querySelector(".sr-only"))).to.equal("(October 14, 2026)");
  });
});

describe("the summary's bars filter the list of the same reviewee", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  it("'4 stars' filters the list, announced; pressed again or 'Show all reviews' clears it in one click; the list's stars attribute presses the bar", async () => {
    const box = await sandbox();
    const ids = (await box.ids()) as MarketplaceIds;
    const listing = ids.listings.main;
    const wrapper = await fixture<HTMLElement>(html`<div>
      <rating-summary api-base=${box.marketplace} reviewee-id=${listing} show-distribution></rating-summary>
      <rating-summary api-base=${box.marketplace} reviewee-id=${ids.listings.grid.find((id) => id !== listing)!} show-distribution></rating-summary>
      <review-list api-base=${box.marketplace} reviewee-id=${listing} page-size="50"></review-list>
    </div>`);
    const [summary, other] = [...wrapper.querySelectorAll("rating-summary")];
    const list = wrapper.querySelector("review-list")!;
    await settled(list);
    await waitUntil(() => summary!.shadowRoot!.querySelectorAll("button.row").length === 5, "the bars did not become buttons");
    await waitUntil(() => part(other!, "distribution"), "the other summary did not load");
    expect(other!.shadowRoot!.querySelectorAll("button"), "no list of that reviewee here: plain bars").to.have.length(0);

    const all = cards(list).length;
    const bar = (stars: number) => summary!.shadowRoot!.querySelectorAll<HTMLButtonElement>("button.row")[5 - stars]!;
    const fours = Number(/: (\d+) review/.exec(bar(4).getAttribute("aria-label")!)![1]);
    expect(bar(4).getAttribute("aria-pressed")).to.equal("false");
    bar(4).focus();
    bar(4).click();
    await waitUntil(() => cards(list).length === fours, "the list was not filtered");
    expect(list.stars).to.equal(4);
    expect(list.getAttribute("stars")).to.equal("4");
    expect(status(list)).to.equal(`Showing 4-star reviews (${fours})`);
    expect(text(root(list).querySelector(".filtered"))).to.equal(`Showing 4-star reviews (${fours}) Show all reviews`);
    await summary!.updateComplete;
    expect(bar(4).getAttribute("aria-pressed")).to.equal("true");
    await expect(summary!).to.be.accessible();
    await expect(list).to.be.accessible();

    // One click clears it, from the list…
    part(list, "clear-filter")!.click();
    await waitUntil(() => cards(list).length === all, "the filter was not cleared");
    expect(root(list).activeElement, "focus lands on the filter it reset").to.equal(part(list, "filter"));
    await summary!.updateComplete;
    expect(bar(4).getAttribute("aria-pressed")).to.equal("false");

    // …or from the bar pressed again.
    bar(5).click();
    await waitUntil(() => list.stars === 5);
    bar(5).click();
    await waitUntil(() => list.stars === null && cards(list).length === all, "pressing the bar again did not clear");

    // A site sets the filter: the bar shows it.
    list.stars = 3;
    await list.updateComplete;
    await summary!.updateComplete;
    expect(bar(3).getAttribute("aria-pressed")).to.equal("true");

    // The list leaves the page: the bars are plain again.
    list.remove();
    await summary!.updateComplete;
    expect(summary!.shadowRoot!.querySelectorAll("button")).to.have.length(0);
  });
});

describe("quiet failures", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  it("with the API down: one alert and one Try again per region, muted lines elsewhere, one console line; one retry reloads every failed element", async function () {
    this.timeout(30_000);
    const down = { status: 503, json: errorBody(503, "errMsg_unavailable") };
    // Each element's read fails (these tests configure no automatic retry), then its service is back.
    const service = (json: unknown) => faultScript(down, { json });
    const [summaryApi, aApi, bApi, cApi] = await Promise.all([
      service(envelope("reviewAggregates", [wireAggregate({ revieweeId: "a", averageRating: 4, reviewCount: 1 })])),
      ...["a", "b", "c"].map((id) => service(envelope("reviews", [wireReview({ revieweeId: id, reviewText: `Back ${id}` })]))),
    ]);
    const errors: ApiError[] = [];
    let wrapper!: HTMLElement;
    const warnings = await warningsDuring(async () => {
      wrapper = await fixture<HTMLElement>(html`<div @review-error=${(e: CustomEvent<{ error: ApiError }>) => errors.push(e.detail.error)}>
        <main>
          <rating-summary api-base=${summaryApi!.base} reviewee-id="a"></rating-summary>
          <review-list api-base=${aApi!.base} reviewee-id="a"></review-list>
          <review-list api-base=${bApi!.base} reviewee-id="b"></review-list>
        </main>
        <aside><review-list api-base=${cApi!.base} reviewee-id="c"></review-list></aside>
      </div>`);
      const all = [...wrapper.querySelectorAll("rating-summary, review-list")];
      await waitUntil(() => all.every((el) => part(el, "error")), "not every element failed", { timeout: 8000 });
    });
    const [summary, first, second, aside] = [...wrapper.querySelectorAll<RatingSummary | ReviewList>("rating-summary, review-list")];
    const alerts = (el: Element) => root(el).querySelectorAll('[role="alert"]').length;
    expect([summary, first, second, aside].map((el) => alerts(el!))).to.deep.equal([0, 1, 0, 1]);
    expect([summary, first, second, aside].map((el) => root(el!).querySelectorAll('[part~="retry"]').length)).to.deep.equal([0, 1, 0, 1]);
    expect(text(part(second!, "error"))).to.equal("The review service is busy. Please try again in a moment.");
    expect(errors, "every element tells the page").to.have.length(4);
    expect(warnings, "one console line for the burst").to.have.length(1);
    for (const el of [summary, first, second]) await expect(el!).to.be.accessible();

    const retried = await warningsDuring(async () => {
      part(first!, "retry")!.click();
      await waitUntil(() => [first, second, aside].every((el) => cards(el!).length > 0) && part(summary!, "average"), "one retry did not reload the others", {
        timeout: 8000,
      });
    });
    expect(retried).to.deep.equal([]);
    expect(text(part(summary!, "average"))).to.equal("4.0");
  });

  it("loads again by itself when the tab becomes visible again", async function () {
    this.timeout(20_000);
    const failure = { status: 500, json: errorBody(500, "errMsg_internalServerError") };
    const server = await faultScript(failure, { json: envelope("reviews", [wireReview({ reviewText: "Visible again" })]) });
    let el!: ReviewList;
    await warningsDuring(async () => {
      el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1"></review-list>`);
      await settled(el);
    });
    expect(part(el, "error")).to.exist;
    // The test page may itself be a background tab: it is shown now.
    Object.defineProperty(document, "hidden", { value: false, configurable: true });
    try {
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
      await waitUntil(() => cards(el).length === 1, "did not load again on visibilitychange", { timeout: 8000 });
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    expect(text(part(el, "review-body"))).to.equal("Visible again");
  });
});
