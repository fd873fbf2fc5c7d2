import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { resetConfig } from "../../src/core/config.js";
import { setOnDemandLoader } from "../../src/internal/on-demand.js";
import { faultScript } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { waitUntil } from "../support/browser/wait.js";
import { envelope, wireReview } from "../support/wire.js";

ReviewForm.define();
ReviewList.define();

const WAIT = { timeout: 5000 };
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const mine = wireReview({
  id: "own-1",
  reviewerId: "me",
  revieweeId: "listing-1",
  reservationId: "res-1",
  isPublished: false,
  moderationStatus: "pending",
  reviewText: "A bright loft with a wonderful terrace; the stairs are steep.",
});

// Edit and Withdraw are code only an author with an unpublished review runs: they load on demand. This file holds
// that load back (each test file runs in a page of its own, so nothing loaded them before).
let release: () => void = () => undefined;
const requested: string[] = [];
setOnDemandLoader(async (path) => {
  requested.push(path);
  await new Promise<void>((resolve) => (release = resolve));
  return import("../../src/internal/own-review.js");
});

describe("the author's Edit and Withdraw, loaded on demand", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  it("shows the author's review at once, and Edit and Withdraw once their code is in, without moving the card's text", async () => {
    const formServer = await faultScript({ json: envelope("reviews", [mine], { userId: "me" }) });
    const listServer = await faultScript({ json: envelope("reviews", [mine], { userId: "me" }) });
    const form = await fixture<ReviewForm>(
      html`<review-form api-base=${formServer.base} reviewee-id="listing-1" reservation-id="res-1" .token=${"token-me"}></review-form>`,
    );
    const list = await fixture<ReviewList>(html`<review-list api-base=${listServer.base} reviewee-id="listing-1" .token=${"token-me"}></review-list>`);
    await waitUntil(() => part(form, "notice") && part(list, "review-pending"), "the author's review did not show", WAIT);
    await waitUntil(() => requested.length > 0, "Edit and Withdraw were not asked for", WAIT);
    expect(requested).to.deep.equal(["internal/own-review.js"]);
    for (const el of [form, list]) expect([part(el, "edit"), part(el, "withdraw")]).to.deep.equal([null, null]);
    const offset = () => part(list, "review-body")!.getBoundingClientRect().top - list.getBoundingClientRect().top;
    const before = offset();
    await expect(form).to.be.accessible();
    await expect(list).to.be.accessible();

    release();
    await waitUntil(() => [form, list].every((el) => part(el, "edit") && part(el, "withdraw")), "Edit and Withdraw did not appear", WAIT);
    expect(offset(), "the card's text moved").to.equal(before);
    expect(part(form, "withdraw")!.textContent!.trim()).to.equal("Withdraw");
    // Loaded once for every element of the page.
    expect(requested).to.have.length(1);
    await expect(form).to.be.accessible();
    await expect(list).to.be.accessible();
  });
});
