import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import type { ApiError } from "../../src/core/errors.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { resetConfig } from "../../src/core/config.js";
import { faultScript, sandbox, type MarketplaceIds } from "../support/browser/backend.js";
import { deepLabels, deepText, freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireAggregate } from "../support/wire.js";

RatingSummary.define();

type Ids = MarketplaceIds & { listings: { fewReviews: string[]; noReviews: string[] } };

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const settled = (el: RatingSummary) =>
  waitUntil(() => part(el, "average") || part(el, "empty") || part(el, "error"), "the summary did not settle", { timeout: 4000 });

async function world() {
  const box = await sandbox();
  return { box, ids: (await box.ids()) as Ids };
}

/** The main listing's public reviews, straight from the reference server. */
async function publicRatings(base: string, listing: string): Promise<number[]> {
  const body = (await (await fetch(`${base}/v1/reviews?revieweeId=${listing}&revieweeType=listing&pageRowCount=100`)).json()) as {
    reviews: { rating: number }[];
  };
  return body.reviews.map((review) => review.rating);
}

describe("<rating-summary>", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    // Remove the elements first, so they do not react to the reset.
    fixtureCleanup();
    resetConfig();
  });

  it("is accessible once loaded", async () => {
    const { box, ids } = await world();
    const el = await fixture<RatingSummary>(html`<rating-summary api-base=${box.marketplace} reviewee-id=${ids.listings.main}></rating-summary>`);
    await settled(el);
    expect(part(el, "average")).to.exist;
    await expect(el).to.be.accessible();
  });

  it("shows the server's average with one decimal, its stars and the review count", async () => {
    const { box, ids } = await world();
    const ratings = await publicRatings(box.marketplace, ids.listings.main);
    const el = await fixture<RatingSummary>(html`<rating-summary api-base=${box.marketplace} reviewee-id=${ids.listings.main}></rating-summary>`);
    await settled(el);
    const mean = ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
    const expected = (Math.round(Math.round(mean * 100) / 10) / 10).toFixed(1);
    expect(part(el, "average")!.textContent!.trim()).to.equal(expected);
    expect(part(el, "count")!.textContent!.trim()).to.equal("24 reviews");
    const stars = el.shadowRoot!.querySelector('[part~="stars"]')!;
    expect(stars.getAttribute("role")).to.equal("img");
    expect(stars.getAttribute("aria-label")).to.equal(`Rated ${expected} out of 5`);
  });

  it("formats averages and plurals: 4.27 → 4.3 and 23 reviews; 5 → 5.0 and 1 review", async () => {
    const server = await faultScript({
      json: envelope("reviewAggregates", [
        wireAggregate({ revieweeId: "l-23", averageRating: 4.27, reviewCount: 23 }),
        wireAggregate({ revieweeId: "l-1", averageRating: 5, reviewCount: 1 }),
      ]),
    });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <rating-summary api-base=${server.base} reviewee-id="l-23"></rating-summary>
      <rating-summary api-base=${server.base} reviewee-id="l-1"></rating-summary>
    </div>`);
    const [many, one] = [...wrapper.querySelectorAll("rating-summary")];
    await settled(many!);
    await settled(one!);
    expect([part(many!, "average")!.textContent!.trim(), part(many!, "count")!.textContent!.trim()]).to.deep.equal(["4.3", "23 reviews"]);
    expect([part(one!, "average")!.textContent!.trim(), part(one!, "count")!.textContent!.trim()]).to.deep.equal(["5.0", "1 review"]);
  });

  it("shows distribution bars with accessible labels that match the public reviews", async () => {
    const { box, ids } = await world();
    const ratings = await publicRatings(box.marketplace, ids.listings.main);
    const el = await fixture<RatingSummary>(
      html`<rating-summary api-base=${box.marketplace} reviewee-id=${ids.listings.main} show-distribution></rating-summary>`,
    );
    await settled(el);
    await waitUntil(() => part(el, "distribution"));
    const rows = [...part(el, "distribution")!.querySelectorAll("li")];
    const expected = [5, 4, 3, 2, 1].map((stars) => {
      const n = ratings.filter((r) => r === stars).length;
      return `${stars} ${stars === 1 ? "star" : "stars"}: ${n} ${n === 1 ? "review" : "reviews"}`;
    });
    expect(rows.map((row) => row.getAttribute("aria-label"))).to.deep.equal(expected);
    expect(part(el, "distribution")!.getAttribute("aria-label")).to.equal("Rating distribution");
    await expect(el).to.be.accessible();
  });

  it("shows no numbers at all for a hidden aggregate, and says why", async () => {
    const { box, ids } = await world();
    const loads: number[] = [];
    const el = await fixture<RatingSummary>(
      html`<rating-summary
        api-base=${box.marketplace}
        reviewee-id=${ids.listings.fewReviews[0]!}
        show-distribution
        @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
      ></rating-summary>`,
    );
    await settled(el);
    expect(part(el, "empty")!.textContent).to.equal("Not enough reviews yet to show a rating.");
    expect(deepText(el)).to.not.match(/\d/);
    expect(deepLabels(el).join(" ")).to.not.match(/\d/);
    expect(el.shadowRoot!.querySelector("[part~='stars'], [part~='average'], [part~='count'], [part~='distribution']") === null).to.equal(true);
    expect(loads).to.deep.equal([0]);
    await expect(el).to.be.accessible();
  });

  it("hides the numbers below min-count", async () => {
    const { box, ids } = await world();
    const el = await fixture<RatingSummary>(
      html`<rating-summary api-base=${box.marketplace} reviewee-id=${ids.listings.main} min-count="25"></rating-summary>`,
    );
    await settled(el);
    expect(part(el, "empty")!.textContent).to.equal("Not enough reviews yet to show a rating.");
    expect(deepText(el)).to.not.match(/\d/);
    el.minCount = 24;
    await el.updateComplete;
    expect(part(el, "count")!.textContent!.trim()).to.equal("24 reviews");
  });

  it("says there are no reviews yet when the reviewee has no aggregate", async () => {
    const { box, ids } = await world();
    const el = await fixture<RatingSummary>(html`<rating-summary api-base=${box.marketplace} reviewee-id=${ids.listings.noReviews[0]!}></rating-summary>`);
    await settled(el);
    expect(part(el, "empty")!.textContent).to.equal("No reviews yet.");
    expect(deepText(el)).to.not.match(/\d/);
    await expect(el).to.be.accessible();
  });

  it("batches 30 summaries on a page into one aggregate request", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `listing-${i + 1}`);
    const server = await faultScript({
      json: envelope(
        "reviewAggregates",
        ids.map((revieweeId, i) => wireAggregate({ revieweeId, averageRating: 3 + (i % 20) / 10, reviewCount: 10 + i })),
      ),
    });
    const wrapper = await fixture<HTMLElement>(
      html`<div>${ids.map((id) => html`<rating-summary api-base=${server.base} reviewee-id=${id}></rating-summary>`)}</div>`,
    );
    const summaries = [...wrapper.querySelectorAll("rating-summary")];
    await waitUntil(() => summaries.every((el) => part(el, "count")), "not every summary loaded");
    expect(summaries.map((el) => part(el, "count")!.textContent!.trim())).to.deep.equal(ids.map((_, i) => `${10 + i} reviews`));
    const log = await server.log();
    expect(log).to.have.length(1);
    const params = new URL(log[0]!.url, location.origin).searchParams;
    expect(params.getAll("revieweeId")).to.deep.equal(ids);
    expect(log[0]!.authorization).to.equal(null);
  });

  it("computes directory summaries from the public reviews behind the proxy, in one request", async () => {
    const urls: string[] = [];
    freshServices({
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });
    const box = await sandbox();
    const { entries } = (await (await fetch(`${box.base}/demo-api/directory/ids`)).json()) as { entries: { id: string }[] };
    const [busy, quiet, unreviewed] = [entries[0]!.id, entries[1]!.id, entries[11]!.id];
    const wrapper = await fixture<HTMLElement>(html`<div>
      ${[busy, quiet, unreviewed].map(
        (id) => html`<rating-summary source="partnerpage" api-base=${box.proxy} directory-id="demo-directory" entry-id=${id}></rating-summary>`,
      )}
    </div>`);
    const summaries = [...wrapper.querySelectorAll("rating-summary")];
    await Promise.all(summaries.map((el) => settled(el)));
    expect(summaries.map((el) => (part(el, "count") ?? part(el, "empty"))!.textContent!.trim())).to.deep.equal(["9 reviews", "7 reviews", "No reviews yet."]);
    expect(urls.filter((url) => url.includes("/directory-proxy/"))).to.have.length(1);
    await expect(summaries[0]!).to.be.accessible();
  });

  it('makes no request with loading="lazy" until the element is scrolled near', async () => {
    const requested: string[] = [];
    freshServices({ fetch: (input, init) => (requested.push(String(input)), fetch(input, init)) });
    const server = await faultScript({ json: envelope("reviewAggregates", [wireAggregate({ revieweeId: "far", averageRating: 3.5, reviewCount: 8 })]) });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div style="block-size: 4000px"></div>
      <rating-summary loading="lazy" api-base=${server.base} reviewee-id="far"></rating-summary>
    </div>`);
    const el = wrapper.querySelector("rating-summary")!;
    // Observers report in the order they were made: once ours has, the element's has told it that it is far away.
    await new Promise<void>((resolve) => {
      const observer = new IntersectionObserver(() => (observer.disconnect(), resolve()));
      observer.observe(el);
    });
    expect(requested).to.deep.equal([]);
    expect(part(el, "skeleton")).to.exist;
    await expect(el).to.be.accessible();
    el.scrollIntoView();
    await settled(el);
    expect(part(el, "average")!.textContent!.trim()).to.equal("3.5");
    expect(await server.log()).to.have.length(1);
    window.scrollTo(0, 0);
  });

  it("shows an accessible loading skeleton while waiting", async () => {
    const server = await faultScript({ delayMs: 250, json: envelope("reviewAggregates", []) });
    const el = await fixture<RatingSummary>(html`<rating-summary api-base=${server.base} reviewee-id="slow" show-distribution></rating-summary>`);
    expect(part(el, "skeleton")!.getAttribute("aria-busy")).to.equal("true");
    expect(deepText(el)).to.contain("Loading reviews…");
    await expect(el).to.be.accessible();
    await settled(el);
  });

  it("fails quietly: a muted line, no alert and no button; one console line; back online it asks again, firing review-error then review-load", async () => {
    const server = await faultScript(
      { status: 500, json: errorBody(500, "errMsg_internalServerError") },
      { json: envelope("reviewAggregates", [wireAggregate({ revieweeId: "flaky", averageRating: 4, reviewCount: 5 })]) },
    );
    const errors: ApiError[] = [];
    const loads: number[] = [];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    let el: RatingSummary;
    try {
      el = await fixture<RatingSummary>(html`<rating-summary
        api-base=${server.base}
        reviewee-id="flaky"
        @review-error=${(e: CustomEvent<{ error: ApiError }>) => errors.push(e.detail.error)}
        @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
      ></rating-summary>`);
      await settled(el);
    } finally {
      console.warn = warn;
    }
    const error = part(el, "error")!;
    expect(error.getAttribute("role")).to.equal(null);
    expect(error.textContent).to.equal("Rating unavailable right now");
    expect(getComputedStyle(error).borderTopStyle, "no red box").to.equal("none");
    expect(part(el, "retry")).to.equal(null);
    expect(errors.map((e) => e.status)).to.deep.equal([500]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^\[review-widgets\] reviews not loaded: .*HTTP 500/);
    await expect(el).to.be.accessible();

    window.dispatchEvent(new Event("online"));
    await waitUntil(() => part(el, "average"), "retry did not load");
    expect(part(el, "count")!.textContent!.trim()).to.equal("5 reviews");
    expect(await server.log()).to.have.length(2);
    expect(loads).to.deep.equal([5]);
  });

  it("contains a misconfiguration: an error in place, one console warning, no request", async () => {
    const requested: string[] = [];
    freshServices({ fetch: (input, init) => (requested.push(String(input)), fetch(input, init)) });
    const server = await faultScript({ json: envelope("reviewAggregates", []) });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    try {
      const missing = await fixture<RatingSummary>(html`<rating-summary api-base=${server.base}></rating-summary>`);
      expect(part(missing, "error")!.getAttribute("role")).to.equal("alert");
      expect(part(missing, "error")!.textContent).to.contain("Reviews can't be shown here: this widget is not set up correctly.");
      part(missing, "retry")!.click();
      await missing.updateComplete;
      missing.showDistribution = true;
      await missing.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"reviewee-id" is missing');
      await expect(missing).to.be.accessible();

      const badType = await fixture<RatingSummary>(html`<rating-summary api-base=${server.base} reviewee-id="x" reviewee-type="hotel"></rating-summary>`);
      expect(part(badType, "error")).to.exist;
      expect(warnings).to.have.length(2);
      expect(warnings[1]).to.contain('"reviewee-type" must be listing, host or guest, not "hotel"');
      // A request starts within the update that rendered the error, so none has been made by now, nor will be.
      expect(requested).to.deep.equal([]);
      expect(await server.log()).to.have.length(0);
    } finally {
      console.warn = warn;
    }
  });

  it("fires review-error for a misconfiguration, once, so a page that watches errors hears of it", async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    const errors: ApiError[] = [];
    const record = (event: Event) => errors.push((event as CustomEvent<{ error: ApiError }>).detail.error);
    document.addEventListener("review-error", record);
    try {
      const el = await fixture<RatingSummary>(html`<rating-summary reviewee-id="x"></rating-summary>`);
      await waitUntil(() => errors.length === 1, "no review-error");
      el.showDistribution = true;
      await el.updateComplete;
      await el.updateComplete;
      expect(errors).to.have.length(1);
      expect(errors[0]!.kind).to.equal("misconfigured");
      expect(errors[0]!.detail).to.contain('"api-base" is missing');
      expect(errors[0]!.retryable).to.equal(false);
    } finally {
      document.removeEventListener("review-error", record);
      console.warn = warn;
    }
  });

  it("aborts its request when removed, and never renders the late answer", async () => {
    const signals: AbortSignal[] = [];
    const requests: Promise<unknown>[] = [];
    freshServices({
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal);
        const request = fetch(input, init);
        requests.push(request.catch(() => undefined));
        return request;
      },
    });
    const server = await faultScript({ delayMs: 300, json: envelope("reviewAggregates", [wireAggregate({ revieweeId: "gone", reviewCount: 9 })]) });
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener("unhandledrejection", onUnhandled);
    const loads: number[] = [];
    try {
      const el = await fixture<RatingSummary>(
        html`<rating-summary api-base=${server.base} reviewee-id="gone" @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}></rating-summary>`,
      );
      await waitUntil(async () => (await server.log()).length === 1, "the request did not reach the server");
      el.remove();
      await waitUntil(() => signals.length === 1 && signals[0]!.aborted, "the request was not aborted");
      // The aborted fetch has settled, so whatever the element does with its outcome has been done.
      await Promise.all(requests);
      await el.updateComplete;
      // Booleans, not elements: chai would try to print a whole element on failure.
      expect(Boolean(part(el, "average") || part(el, "error")), "rendered after removal").to.equal(false);
      expect(part(el, "skeleton") !== null).to.equal(true);
      expect(loads).to.deep.equal([]);
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener("unhandledrejection", onUnhandled);
    }
  });
});
