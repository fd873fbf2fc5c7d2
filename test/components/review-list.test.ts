import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import type { ApiError } from "../../src/core/errors.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { configure, resetConfig } from "../../src/core/config.js";
import { faultScript, sandbox, type MarketplaceIds, type Sandbox } from "../support/browser/backend.js";
import { deepElements, deepLabels, deepText, freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireReview } from "../support/wire.js";

ReviewList.define();

type Ids = MarketplaceIds & { listings: { noReviews: string[] } };

interface WireReview {
  id: string;
  rating: number;
  reviewText: string;
  submittedAt: string;
}

const DAY_MS = 86_400_000;
const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long" });

const reviews = (el: ReviewList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="review"]')];
/** The rating each review announces ("Rated 4 out of 5"). */
const ratings = (el: ReviewList) => reviews(el).map((r) => Number(/Rated (\d)/.exec(r.querySelector('[part~="stars"]')!.getAttribute("aria-label")!)![1]));
const dates = (el: ReviewList) => reviews(el).map((r) => r.querySelector("time")!.getAttribute("datetime"));
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const status = (el: ReviewList) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const loaded = (el: ReviewList) =>
  waitUntil(() => reviews(el).length > 0 || part(el, "empty") || part(el, "error"), "the list did not load", { timeout: 4000 });

async function world() {
  const box = await sandbox();
  return { box, ids: (await box.ids()) as Ids };
}

/** The public reviews of a listing, newest first, straight from the reference server. */
async function serverReviews(box: Sandbox, listing: string): Promise<WireReview[]> {
  const response = await fetch(`${box.marketplace}/v1/reviews?revieweeId=${listing}&revieweeType=listing&pageRowCount=100`);
  return ((await response.json()) as { reviews: WireReview[] }).reviews;
}

/** The signed-in guest's own review of the story stay: pending, double-blind. */
async function guestReviewsStory(box: Sandbox, ids: Ids, text: string) {
  const { accessToken } = await box.login("guest@demo.test");
  const response = await fetch(`${box.marketplace}/v1/reviews`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      moderationStatus: "pending",
      isPublished: false,
      reviewText: text,
      rating: 4,
      revieweeId: ids.listings.main,
      reservationId: ids.reservations.story,
      revieweeType: "listing",
    }),
  });
  expect(response.status).to.equal(201);
  return { token: accessToken, review: ((await response.json()) as { review: WireReview }).review };
}

async function choose(select: HTMLSelectElement, value: string, el: ReviewList): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  await el.updateComplete;
}

async function showAll(el: ReviewList): Promise<void> {
  for (let guard = 0; part(el, "show-more") && guard < 30; guard++) {
    part(el, "show-more")!.click();
    await el.updateComplete;
  }
}

describe("<review-list>", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    // Remove the elements first, so they do not react to the reset.
    fixtureCleanup();
    resetConfig();
  });

  it("is accessible once loaded", async () => {
    const { box, ids } = await world();
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main}></review-list>`);
    await loaded(el);
    expect(reviews(el)).to.have.length(10);
    await expect(el).to.be.accessible();
  });

  it("shows the public reviews newest first, with the parts a theme relies on", async () => {
    const { box, ids } = await world();
    const expected = await serverReviews(box, ids.listings.main);
    const loads: number[] = [];
    const el = await fixture<ReviewList>(html`<review-list
      api-base=${box.marketplace}
      reviewee-id=${ids.listings.main}
      @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
    ></review-list>`);
    await loaded(el);
    expect(dates(el)).to.deep.equal(expected.slice(0, 10).map((r) => r.submittedAt));
    expect(ratings(el)).to.deep.equal(expected.slice(0, 10).map((r) => r.rating));
    expect(reviews(el)[0]!.querySelector('[part~="review-body"]')!.textContent).to.equal(expected[0]!.reviewText);
    expect(loads).to.deep.equal([24]);
    for (const review of reviews(el)) {
      for (const name of ["review-body", "review-author", "review-date", "stars"]) expect(review.querySelector(`[part~="${name}"]`), name).to.exist;
      expect(review.querySelector('[part~="stars"]')!.getAttribute("aria-label")).to.match(/^Rated [1-5] out of 5$/);
      expect(review.querySelector('[part~="review-author"]')!.textContent).to.match(/^\S+ \S\.$/u);
    }
    expect(el.shadowRoot!.textContent).to.contain("Showing 10 of 24 reviews");
  });

  it("shows a relative date with the exact date available", async () => {
    const { box, ids } = await world();
    const [newest] = await serverReviews(box, ids.listings.main);
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main}></review-list>`);
    await loaded(el);
    const time = reviews(el)[0]!.querySelector<HTMLTimeElement>('time[part~="review-date"]')!;
    const exact = longDate.format(new Date(newest!.submittedAt));
    expect(time.dateTime).to.equal(newest!.submittedAt);
    expect(time.title).to.equal(exact);
    // Seeded 19 days ago (minus a few hours).
    expect(time.textContent!.replace(/\s+/g, " ").trim()).to.equal(`3 weeks ago (${exact})`);
  });

  it("sorts highest first across all pages (attribute), and the select follows", async () => {
    const { box, ids } = await world();
    const expected = await serverReviews(box, ids.listings.main);
    const fiveStars = expected.filter((r) => r.rating === 5);
    expect(fiveStars.length).to.be.greaterThan(5);
    const el = await fixture<ReviewList>(
      html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main} page-size="5" sort="highest"></review-list>`,
    );
    await loaded(el);
    expect(ratings(el)).to.deep.equal([5, 5, 5, 5, 5]);
    expect(part(el, "sort")).to.have.property("value", "highest");
    await showAll(el);
    expect(ratings(el)).to.deep.equal(expected.map((r) => r.rating).sort((a, b) => b - a));
    // Every five-star review, from whichever server page it came, comes first.
    expect(dates(el).slice(0, fiveStars.length).sort()).to.deep.equal(fiveStars.map((r) => r.submittedAt).sort());
  });

  it("sorts with the select and with the attribute, each reflected in the other", async () => {
    const { box, ids } = await world();
    const expected = await serverReviews(box, ids.listings.main);
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main} page-size="5"></review-list>`);
    await loaded(el);
    const select = part(el, "sort") as HTMLSelectElement;
    expect(select.value).to.equal("newest");
    await choose(select, "lowest", el);
    expect(el.getAttribute("sort")).to.equal("lowest");
    expect(ratings(el)).to.deep.equal(
      expected
        .map((r) => r.rating)
        .sort((a, b) => a - b)
        .slice(0, 5),
    );
    expect(status(el)).to.equal("Showing 5 of 24 reviews");

    await choose(select, "oldest", el);
    expect(dates(el)).to.deep.equal(
      expected
        .map((r) => r.submittedAt)
        .reverse()
        .slice(0, 5),
    );

    el.setAttribute("sort", "highest");
    await el.updateComplete;
    expect(ratings(el)).to.deep.equal([5, 5, 5, 5, 5]);
    expect(select.value).to.equal("highest");
    el.setAttribute("sort", "newest");
    await el.updateComplete;
    expect(select.value).to.equal("newest");
    expect(dates(el)).to.deep.equal(expected.slice(0, 5).map((r) => r.submittedAt));
  });

  it("filters by stars across all pages, with counts in the options", async () => {
    const { box, ids } = await world();
    const expected = await serverReviews(box, ids.listings.main);
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main} page-size="5"></review-list>`);
    await loaded(el);
    const filter = part(el, "filter") as HTMLSelectElement;
    const options = [...filter.options].map((o) => o.textContent!.trim());
    const count = (stars: number) => expected.filter((r) => r.rating === stars).length;
    expect(options).to.deep.equal(["All ratings", ...[5, 4, 3, 2, 1].map((s) => `${s} ${s === 1 ? "star" : "stars"} (${count(s)})`)]);

    // The two-star reviews sit on different server pages in newest order.
    await choose(filter, "2", el);
    expect(ratings(el)).to.deep.equal(Array(count(2)).fill(2));
    expect(dates(el)).to.deep.equal(expected.filter((r) => r.rating === 2).map((r) => r.submittedAt));
    expect(status(el)).to.equal(`Showing 2-star reviews (${count(2)})`);

    await choose(filter, "5", el);
    expect(ratings(el)).to.deep.equal([5, 5, 5, 5, 5]);
    await showAll(el);
    expect(dates(el)).to.deep.equal(expected.filter((r) => r.rating === 5).map((r) => r.submittedAt));

    await choose(filter, "", el);
    expect(reviews(el)).to.have.length(5);
  });

  it("shows page-size more with Show more, moves focus to the first new review and announces it", async () => {
    const { box, ids } = await world();
    const expected = await serverReviews(box, ids.listings.main);
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main} page-size="5"></review-list>`);
    await loaded(el);
    expect(reviews(el)).to.have.length(5);
    expect(part(el, "show-more")!.textContent!.trim()).to.equal("Show more reviews");
    part(el, "show-more")!.focus();
    part(el, "show-more")!.click();
    await el.updateComplete;
    expect(reviews(el)).to.have.length(10);
    expect(dates(el)).to.deep.equal(expected.slice(0, 10).map((r) => r.submittedAt));
    expect(el.shadowRoot!.activeElement === reviews(el)[5], "focus on the first new review").to.equal(true);
    expect(status(el)).to.equal("Showing 10 of 24 reviews");
    await expect(el).to.be.accessible();
    await showAll(el);
    expect(reviews(el)).to.have.length(24);
    expect(status(el)).to.equal("Showing 24 of 24 reviews");
    expect(part(el, "show-more") === null, "no Show more at the end").to.equal(true);
  });

  it("collapses a long review behind Read more, which toggles aria-expanded and shows the whole text", async () => {
    const { box, ids } = await world();
    const expected = await serverReviews(box, ids.listings.main);
    const long = expected.slice(0, 10).find((r) => r.reviewText.length > 600)!;
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main}></review-list>`);
    await loaded(el);
    const article = reviews(el)[expected.indexOf(long)]!;
    const body = article.querySelector<HTMLElement>('[part~="review-body"]')!;
    const button = article.querySelector<HTMLButtonElement>("button.read-more")!;
    expect(button.getAttribute("aria-expanded")).to.equal("false");
    expect(button.getAttribute("aria-controls")).to.equal(body.id);
    expect(body.textContent!.endsWith("…")).to.equal(true);
    expect(long.reviewText.startsWith(body.textContent!.slice(0, -1))).to.equal(true);
    expect(body.textContent!.length).to.be.below(long.reviewText.length);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute("aria-expanded")).to.equal("true");
    expect(button.textContent!.trim()).to.equal("Read less");
    expect(body.textContent).to.equal(long.reviewText);
    await expect(el).to.be.accessible();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute("aria-expanded")).to.equal("false");
    // Short reviews have no button.
    expect(reviews(el)[0]!.querySelector("button.read-more") === null, "no Read more on a short review").to.equal(true);
  });

  it("shows the signed-in guest their own pending review on top, with when it will be published", async () => {
    const { box, ids } = await world();
    const text = "My own stay: a lovely loft, pending until the host reviews me.";
    const { token, review } = await guestReviewsStory(box, ids, text);
    const loads: number[] = [];
    const el = await fixture<ReviewList>(html`<review-list
      api-base=${box.marketplace}
      reviewee-id=${ids.listings.main}
      .token=${token}
      @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
    ></review-list>`);
    await loaded(el);
    const [own] = reviews(el);
    expect(own!.getAttribute("part")).to.equal("review review-pending");
    expect(own!.getAttribute("aria-label")).to.equal("Your review");
    expect(own!.querySelector('[part~="review-body"]')!.textContent).to.equal(text);
    expect(own!.querySelector(".badge")!.textContent).to.equal("Pending");
    const until = longDate.format(new Date(Date.parse(review.submittedAt) + 14 * DAY_MS));
    expect(own!.querySelector('[part~="pending-notice"]')!.textContent).to.equal(
      `Only you can see this review. It will be published when the other side reviews, or on ${until} at the latest.`,
    );
    // Own review first, then a full page of public reviews; it is not counted among them.
    expect(reviews(el)).to.have.length(11);
    expect(loads).to.deep.equal([24]);
    expect(el.shadowRoot!.textContent).to.contain("Showing 10 of 24 reviews");
    await expect(el).to.be.accessible();

    // Sorting and filtering never push it away.
    await choose(part(el, "filter") as HTMLSelectElement, "1", el);
    expect(reviews(el)[0]!.querySelector('[part~="review-body"]')!.textContent).to.equal(text);
  });

  it("does not show the guest's pending review to anyone else: signed out or signed in as the host", async () => {
    const { box, ids } = await world();
    const text = "Secret until published: the pending review of the story stay.";
    await guestReviewsStory(box, ids, text);
    const host = await box.login("host@demo.test");
    const anonymous = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main}></review-list>`);
    await loaded(anonymous);
    configure({ token: host.accessToken });
    const asHost = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main}></review-list>`);
    await loaded(asHost);
    for (const el of [anonymous, asHost]) {
      await showAll(el);
      expect(reviews(el)).to.have.length(24);
      expect(deepText(el)).to.not.contain(text);
      expect(deepText(el)).to.not.contain("Pending");
      expect(el.shadowRoot!.querySelector('[part~="review-pending"]') === null).to.equal(true);
    }
  });

  it("marks the viewer's own review a moderator rejected as not approved, not pending", async () => {
    const mine = wireReview({ revieweeId: "listing-1", reviewerId: "me", moderationStatus: "rejected", isPublished: false, reviewText: "My rejected review" });
    const server = await faultScript({ json: envelope("reviews", [mine, wireReview({ revieweeId: "listing-1" })], { userId: "me" }) });
    const el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1" .token=${"token-of-me"}></review-list>`);
    await loaded(el);
    const [own] = reviews(el);
    expect(own!.getAttribute("part")).to.equal("review review-pending");
    expect(own!.querySelector(".badge")!.textContent).to.equal("Not approved");
    expect(own!.querySelector('[part~="pending-notice"]')!.textContent).to.equal("Only you can see this review. It was not approved for publication.");
    await expect(el).to.be.accessible();
  });

  it("never renders a hidden review a misbehaving server sends: not its text, label or count", async () => {
    const publicOnes = Array.from({ length: 12 }, (_, i) =>
      wireReview({
        revieweeId: "listing-1",
        rating: 3 + (i % 3),
        reviewText: `Public review ${i + 1}`,
        submittedAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
      }),
    );
    const leaks = [
      wireReview({
        revieweeId: "listing-1",
        rating: 1,
        isPublished: false,
        reviewText: "LEAK unpublished",
        reviewer: { id: "x", fullname: "Leaky Unpublished" },
      }),
      wireReview({
        revieweeId: "listing-1",
        rating: 1,
        moderationStatus: "pending",
        reviewText: "LEAK pending",
        reviewer: { id: "x", fullname: "Leaky Pending" },
      }),
      wireReview({
        revieweeId: "listing-1",
        rating: 1,
        moderationStatus: "rejected",
        reviewText: "LEAK rejected",
        reviewer: { id: "x", fullname: "Leaky Rejected" },
      }),
      wireReview({ revieweeId: "listing-1", rating: 1, isActive: false, reviewText: "LEAK deleted", reviewer: { id: "x", fullname: "Leaky Deleted" } }),
    ];
    const server = await faultScript({
      json: envelope("reviews", [leaks[0], ...publicOnes.slice(0, 6), leaks[1], leaks[2], ...publicOnes.slice(6), leaks[3]]),
    });
    const loads: number[] = [];
    const el = await fixture<ReviewList>(html`<review-list
      api-base=${server.base}
      reviewee-id="listing-1"
      @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
    ></review-list>`);
    await loaded(el);
    await showAll(el);
    expect(reviews(el)).to.have.length(12);
    const everything = `${deepText(el)} ${deepLabels(el).join(" ")} ${[...(part(el, "filter") as HTMLSelectElement).options].map((o) => o.label).join(" ")}`;
    expect(everything).to.not.contain("LEAK");
    expect(everything).to.not.contain("Leaky");
    expect(everything).to.contain("1 star (0)");
    expect(everything).to.contain("Showing 12 of 12 reviews");
    expect(loads).to.deep.equal([12]);
    await choose(part(el, "filter") as HTMLSelectElement, "1", el);
    expect(reviews(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector(".filtered")!.textContent).to.contain("No reviews with this rating yet.");
    await expect(el).to.be.accessible();
  });

  it("renders hostile text as text, and a repeated review once", async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const twice = wireReview({ revieweeId: "listing-1", reviewText: "I was sent twice" });
    const server = await faultScript({
      json: envelope("reviews", [
        wireReview({ revieweeId: "listing-1", reviewText: hostile, reviewer: { id: "e", fullname: "<b>Eve</b> <i>Evil</i>" } }),
        twice,
        { ...twice },
      ]),
    });
    const el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1"></review-list>`);
    await loaded(el);
    expect(reviews(el)).to.have.length(2);
    const [first] = reviews(el);
    expect(first!.querySelector('[part~="review-body"]')!.textContent).to.equal(hostile);
    expect(first!.querySelector('[part~="review-author"]')!.textContent).to.equal("<b>Eve</b> <.");
    expect(deepElements(el).filter((node) => ["IMG", "SCRIPT", "B", "I"].includes(node.tagName))).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(deepText(el).split("I was sent twice")).to.have.length(2);
  });

  it("says so when there are no reviews yet", async () => {
    const { box, ids } = await world();
    const el = await fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.noReviews[0]!}></review-list>`);
    await loaded(el);
    expect(part(el, "empty")!.textContent).to.equal("No reviews yet.");
    expect(part(el, "sort") === null, "no sort control").to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("shows an accessible skeleton while loading", async () => {
    const server = await faultScript({ delayMs: 250, json: envelope("reviews", []) });
    const el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1" page-size="2"></review-list>`);
    expect(el.shadowRoot!.querySelectorAll('[part~="skeleton"]')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')!.textContent).to.contain("Loading reviews…");
    await expect(el).to.be.accessible();
    await loaded(el);
  });

  it("shows an error with a retry that loads again, firing review-error", async () => {
    const server = await faultScript(
      { status: 503, json: errorBody(503, "errMsg_unavailable") },
      { json: envelope("reviews", [wireReview({ revieweeId: "listing-1", reviewText: "Back again" })]) },
    );
    const errors: ApiError[] = [];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    let el: ReviewList;
    try {
      el = await fixture<ReviewList>(html`<review-list
        api-base=${server.base}
        reviewee-id="listing-1"
        @review-error=${(e: CustomEvent<{ error: ApiError }>) => errors.push(e.detail.error)}
      ></review-list>`);
      await loaded(el);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(part(el, "error")!.getAttribute("role")).to.equal("alert");
    expect(part(el, "error")!.textContent).to.contain("The review service is busy. Please try again in a moment.");
    expect(errors.map((e) => e.status)).to.deep.equal([503]);
    await expect(el).to.be.accessible();
    part(el, "retry")!.click();
    await waitUntil(() => reviews(el).length === 1, "retry did not load");
    expect(reviews(el)[0]!.querySelector('[part~="review-body"]')!.textContent).to.equal("Back again");
    expect(await server.log()).to.have.length(2);
  });

  it("contains a misconfiguration in an accessible error", async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    try {
      const el = await fixture<ReviewList>(html`<review-list reviewee-id="x"></review-list>`);
      expect(part(el, "error")!.textContent).to.contain("not set up correctly");
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"api-base" is missing');
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
