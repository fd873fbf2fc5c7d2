/**
 * Taking over server-rendered elements (issue 17) in the browser: the state child is shown as loaded
 * without a request and `review-load` still fires; only public, well-formed reviews are taken from it;
 * a viewer signed in beforehand, a sign-in later, or a broken state loads as usual.
 */
import { expect, fixtureCleanup } from "@open-wc/testing";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { configure, resetConfig } from "../../src/core/config.js";
import { serverRendered } from "../../src/internal/takeover.js";
import { sandbox } from "../support/browser/backend.js";
import { deepElements, deepText, freshServices } from "../support/browser/dom.js";
import { waitUntil } from "../support/browser/wait.js";

RatingSummary.define();
ReviewList.define();

const UNREACHABLE = "https://reviews.invalid/reviewsystem-api";
const at = (iso: string) => iso;
const review = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  id,
  rating: 4,
  text,
  authorName: "Ana P.",
  revieweeId: "L1",
  submittedAt: at("2026-10-02T10:00:00.000Z"),
  visibility: "public",
  ...extra,
});

/** Requests the page's client makes, from now on. */
function requests(): string[] {
  const made: string[] = [];
  freshServices({
    fetch: (input, init) => {
      made.push(String(input));
      return fetch(input, init);
    },
  });
  return made;
}

/** A server-rendered element as the HTML parser makes it: attributes, then its state child, then connected. */
async function served<T extends HTMLElement>(tag: string, attributes: Record<string, string>, state: string): Promise<{ el: T; loads: number[] }> {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const script = document.createElement("script");
  script.type = "application/json";
  script.dataset["reviewWidgetsState"] = "";
  script.textContent = state;
  el.append(script);
  const loads: number[] = [];
  el.addEventListener("review-load", (event) => loads.push((event as CustomEvent<{ count: number }>).detail.count));
  document.body.append(el);
  await (el as unknown as RatingSummary).updateComplete;
  return { el, loads };
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`);

describe("taking over server-rendered elements", () => {
  before(async () => {
    // As on a server-rendered page: a state child is there when the script runs, and the reader loads.
    const marker = document.createElement("script");
    marker.type = "application/json";
    marker.dataset["reviewWidgetsState"] = "";
    document.body.append(marker);
    const ready = serverRendered();
    expect(ready, "a page with a state child is server-rendered").to.not.equal(null);
    await ready;
    marker.remove();
  });
  afterEach(() => {
    for (const el of document.querySelectorAll("rating-summary, review-list")) el.remove();
    fixtureCleanup();
    resetConfig();
  });

  it("a summary shows its state as loaded, fires review-load, and asks nothing until a setting changes", async () => {
    const made = requests();
    const state = JSON.stringify({ aggregate: { revieweeId: "L1", visible: true, average: 4.25, count: 12 }, distribution: null });
    const { el, loads } = await served<RatingSummary>("rating-summary", { "api-base": UNREACHABLE, "reviewee-id": "L1" }, state);
    await waitUntil(() => loads.length === 1, "review-load fired");
    expect(part(el, "average")[0]!.textContent!.trim()).to.equal("4.3");
    expect(part(el, "count")[0]!.textContent!.trim()).to.equal("12 reviews");
    expect(loads).to.deep.equal([12]);
    expect(made).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // The counter works: another API base loads as usual.
    const box = await sandbox();
    el.setAttribute("reviewee-id", (await box.ids()).listings.main);
    el.setAttribute("api-base", box.marketplace);
    await waitUntil(() => made.length > 0, "a changed setting loads as usual");
    await waitUntil(() => part(el, "count")[0]?.textContent?.trim() === "24 reviews", "the API's numbers");
  });

  it("a list takes public, well-formed reviews only, as text", async () => {
    const made = requests();
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const state = JSON.stringify({
      reviews: [
        review("r1", hostile),
        review("r2", "Someone's pending review", { visibility: "pending" }),
        review("r3", "No date", { submittedAt: "yesterday" }),
        review("r4", "Six stars", { rating: 6 }),
        review("r5", "Quiet and clean.", { reviewerId: "u-9", reservationId: "res-1" }),
      ],
    });
    const { el, loads } = await served<ReviewList>("review-list", { "api-base": UNREACHABLE, "reviewee-id": "L1" }, state);
    await waitUntil(() => loads.length === 1, "review-load fired");
    expect(loads).to.deep.equal([2]);
    expect(part(el, "review").length).to.equal(2);
    const text = deepText(el);
    expect(text).to.contain(hostile);
    expect(text).to.contain("Quiet and clean.");
    for (const hidden of ["pending review", "No date", "Six stars"]) expect(text).to.not.contain(hidden);
    expect(deepElements(el).some((node) => node.localName === "img" || (node.localName === "script" && node.closest("review-list") !== el))).to.equal(false);
    expect(made).to.deep.equal([]);
  });

  it("a viewer signed in before the takeover gets the list loaded for them (their own pending review may be in it)", async () => {
    const box = await sandbox();
    const ids = await box.ids();
    const made = requests();
    configure({ token: (await box.login("guest@demo.test")).accessToken, tokenOrigins: [box.marketplace] });
    const { el } = await served<ReviewList>(
      "review-list",
      { "api-base": box.marketplace, "reviewee-id": ids.listings.main },
      JSON.stringify({ reviews: [review("r1", "From the server")] }),
    );
    await waitUntil(() => made.length > 0, "the list loaded");
    await waitUntil(() => part(el, "review").length > 1, "the API's reviews");
    expect(deepText(el)).to.not.contain("From the server");
  });

  it("a broken state is no state: the element loads as usual", async () => {
    const box = await sandbox();
    const ids = await box.ids();
    const made = requests();
    const { el } = await served<RatingSummary>(
      "rating-summary",
      { "api-base": box.marketplace, "reviewee-id": ids.listings.main },
      '{"aggregate": {"visible": tru',
    );
    await waitUntil(() => part(el, "average").length === 1, "loaded from the API");
    expect(made.length).to.be.greaterThan(0);
  });
});
