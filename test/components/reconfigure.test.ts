import { expect, fixture, fixtureCleanup, html, oneEvent } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { CONFIG_EVENT, configure, resetConfig } from "../../src/core/config.js";
import { refresh } from "../../src/core/refresh.js";
import { sandbox, type MarketplaceIds } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";

RatingSummary.define();
ReviewList.define();

interface Sent {
  url: string;
  signedIn: boolean;
}

/** A summary and a list of one listing, with every request the page's client sends. */
async function listingPage() {
  const sent: Sent[] = [];
  freshServices({
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      sent.push({ url: String(input), signedIn: headers.has("Authorization") });
      // This machine is offline: the named servers are unreachable, as they would be without a network.
      if (String(input).startsWith("https://")) return Promise.reject(new TypeError("Failed to fetch"));
      return fetch(input, init);
    },
  });
  const box = await sandbox();
  const ids = (await box.ids()) as MarketplaceIds;
  configure({ apiBase: box.marketplace });
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <rating-summary reviewee-id=${ids.listings.main}></rating-summary>
    <review-list reviewee-id=${ids.listings.main} page-size="3"></review-list>
  </div>`);
  const summary = wrapper.querySelector("rating-summary")!;
  const list = wrapper.querySelector("review-list")!;
  const shown = (el: Element) => el.shadowRoot!.querySelectorAll('[part~="review"], [part~="average"]').length;
  await waitUntil(() => shown(summary) > 0 && shown(list) > 0, "the page did not load", { timeout: 4000 });
  return { box, sent, summary, list, shown };
}

const skeleton = (el: Element) => el.shadowRoot!.querySelector('[part~="skeleton"]');

describe("configure() changes only what a change affects", () => {
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  it("announces nothing when the settings are the same again", async () => {
    const { box } = await listingPage();
    const announced: string[][] = [];
    const listen = (event: Event) => announced.push([...(event as CustomEvent<{ changed: string[] }>).detail.changed]);
    globalThis.addEventListener(CONFIG_EVENT, listen);
    try {
      configure({ apiBase: box.marketplace });
      configure({});
      configure({ timeoutMs: 5000 });
    } finally {
      globalThis.removeEventListener(CONFIG_EVENT, listen);
    }
    expect(announced).to.deep.equal([["timeoutMs"]]);
  });

  it("signing in reloads the list, keeping its reviews on screen meanwhile, and leaves the public summary alone", async () => {
    const { box, sent, summary, list, shown } = await listingPage();
    const before = sent.length;
    const { accessToken } = await box.login("guest@demo.test");
    const reloaded = oneEvent(list, "review-load");
    configure({ token: accessToken });
    await list.updateComplete;
    expect(skeleton(list), "no skeleton while the signed-in list loads").to.equal(null);
    expect(shown(list)).to.equal(3);
    await reloaded;
    const after = sent.slice(before);
    expect(after.length).to.be.greaterThan(0);
    expect(
      after.every((request) => request.signedIn && request.url.includes("/v1/reviews?")),
      JSON.stringify(after),
    ).to.equal(true);
    expect(skeleton(summary)).to.equal(null);
  });

  it("takes the seed's servers by name; unreachable, every element shows the network error, and switching back recovers", async () => {
    const { box, sent, summary, list, shown } = await listingPage();
    const before = sent.length;
    configure({ apiBase: "staging" });
    const error = (el: Element) => el.shadowRoot!.querySelector('[part~="error"]');
    await waitUntil(() => error(summary) && error(list), "no error state");
    expect(sent.slice(before).every((request) => request.url.startsWith("https://airbnb3-stage.mindbricks.co/reviewsystem-api/v1/"))).to.equal(true);
    expect(error(list)!.getAttribute("role")).to.equal("alert");
    expect(error(list)!.textContent).to.contain("The review service isn't answering right now");
    await expect(list).to.be.accessible();

    list.setAttribute("api-base", "production");
    await waitUntil(() => sent.some((request) => request.url.startsWith("https://airbnb3.mindbricks.co/reviewsystem-api/v1/reviews")), "production not asked");
    list.removeAttribute("api-base");
    configure({ apiBase: box.marketplace });
    await waitUntil(() => shown(summary) > 0 && shown(list) > 0 && !error(list) && !error(summary), "did not recover");
  });

  it("a language or wording change re-renders without a request", async () => {
    const { sent, summary } = await listingPage();
    const before = sent.length;
    configure({ messages: { en: { reviewCount: { one: "{count} opinion", other: "{count} opinions" } } } });
    await waitUntil(() => summary.shadowRoot!.querySelector('[part~="count"]')?.textContent?.includes("opinions"), "the summary did not re-render");
    expect(sent.length).to.equal(before);
  });

  it("an announcement without its list of changes (another version of this library on the page) reloads every element", async () => {
    const { summary, list } = await listingPage();
    const reloaded = Promise.all([oneEvent(list, "review-load"), oneEvent(summary, "review-load")]);
    globalThis.dispatchEvent(new Event(CONFIG_EVENT));
    // Each loads again (from the store's cache where it still holds: the settings are the same).
    const [fromList, fromSummary] = await reloaded;
    expect([fromList.detail.count, fromSummary.detail.count].every((count) => count > 0)).to.equal(true);
  });

  it("refresh() reads every element's data again, keeping it on screen meanwhile", async () => {
    const { sent, summary, list, shown } = await listingPage();
    const before = sent.length;
    const reloaded = Promise.all([oneEvent(list, "review-load"), oneEvent(summary, "review-load")]);
    refresh();
    await list.updateComplete;
    expect(skeleton(list)).to.equal(null);
    expect(shown(list)).to.equal(3);
    await reloaded;
    const urls = sent.slice(before).map((request) => request.url);
    expect(
      urls.some((url) => url.includes("/v1/reviews?")),
      "the list asked again",
    ).to.equal(true);
    expect(
      urls.some((url) => url.includes("/v1/reviewaggregates?")),
      "the summary asked again",
    ).to.equal(true);
  });
});
