import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { sendKeys } from "@web/test-runner-commands";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import type { StarRating } from "../../src/components/star-rating/star-rating.js";
import { resetConfig } from "../../src/core/config.js";
import type { Review } from "../../src/core/model.js";
import { faultScript, sandbox, type MarketplaceIds, type Sandbox } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireReview } from "../support/wire.js";

ReviewForm.define();
ReviewList.define();

const TEXT = "A bright loft with a wonderful terrace; the stairs are steep.";
const EDITED = "Edited: the terrace is lovely, <img src=x onerror=alert(1)> and the stairs steep.";
const WAIT = { timeout: 5000 };

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const active = (el: Element) => el.shadowRoot!.activeElement;
const text = (el: Element | null) => el!.textContent!.replace(/\s+/g, " ").trim();

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith("review-widgets:draft:")) localStorage.removeItem(key);
}

/** The guest's own pending review of the story stay, posted straight to the reference server. */
async function ownReview(box: Sandbox, ids: MarketplaceIds, token: string): Promise<{ id: string }> {
  const response = await fetch(`${box.marketplace}/v1/reviews`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      moderationStatus: "pending",
      isPublished: false,
      reviewText: TEXT,
      rating: 4,
      revieweeId: ids.listings.main,
      reservationId: ids.reservations.story,
      revieweeType: "listing",
    }),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as { review: { id: string } }).review;
}

/** The guest's own reviews of the story stay, as the server has them now. */
async function serverOwn(box: Sandbox, ids: MarketplaceIds, token: string): Promise<{ id: string; reviewText: string; rating: number }[]> {
  const response = await fetch(`${box.marketplace}/v1/reviews?revieweeId=${ids.listings.main}&reservationId=${ids.reservations.story}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { reviews: { id: string; reviewText: string; rating: number; reviewerId: string }[] }).reviews.filter(
    (r) => r.reviewerId === ids.users.guest,
  );
}

async function world() {
  const box = await sandbox();
  const ids = await box.ids();
  const token = (await box.login("guest@demo.test")).accessToken;
  return { box, ids, token, own: await ownReview(box, ids, token) };
}

const storyForm = (box: Sandbox, ids: MarketplaceIds, token: string) =>
  fixture<ReviewForm>(
    html`<review-form api-base=${box.marketplace} reviewee-id=${ids.listings.main} reservation-id=${ids.reservations.story} .token=${token}></review-form>`,
  );

async function rate(el: ReviewForm, stars: number): Promise<void> {
  const input = el.shadowRoot!.querySelector<StarRating>("star-rating")!;
  input.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[stars - 1]!.click();
  await waitUntil(() => input.value === stars);
  await el.updateComplete;
}

async function type(el: ReviewForm, value: string): Promise<void> {
  const field = part(el, "textarea") as HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe("the author's own pending review", () => {
  beforeEach(() => {
    freshServices();
    clearDrafts();
  });
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
    clearDrafts();
  });

  describe("in <review-form>", () => {
    it("edits text and rating in the same form, keeps the edit as a draft, saves it and fires review-updated", async () => {
      const { box, ids, token, own } = await world();
      const el = await storyForm(box, ids, token);
      await waitUntil(() => part(el, "edit"), "no Edit", WAIT);
      expect(text(part(el, "notice"))).to.contain("You have already reviewed this stay.");
      await expect(el).to.be.accessible();

      part(el, "edit")!.click();
      await waitUntil(() => active(el) === part(el, "textarea"), "focus did not move to the text");
      expect((part(el, "textarea") as HTMLTextAreaElement).value).to.equal(TEXT);
      expect(el.shadowRoot!.querySelector<StarRating>("star-rating")!.value).to.equal(4);
      expect(text(part(el, "submit"))).to.equal("Save changes");
      await expect(el).to.be.accessible();

      // The same validation as a new review.
      await type(el, "Too short");
      part(el, "submit")!.click();
      await waitUntil(() => el.shadowRoot!.querySelector(".field-error"), "no validation");
      expect(await serverOwn(box, ids, token)).to.have.length(1);

      await type(el, EDITED);
      await rate(el, 2);
      expect(
        Object.keys(localStorage).some((key) => key.startsWith("review-widgets:draft:")),
        "the edit is kept as a draft",
      ).to.equal(true);
      const updated = new Promise<Review>((resolve) => el.addEventListener("review-updated", (e) => resolve(e.detail.review), { once: true }));
      part(el, "submit")!.click();
      // Optimistic: the edit closes at once.
      expect((await waitUntil(() => part(el, "form") === null, "the edit did not close"), text(part(el, "notice")))).to.contain("Your changes are saved.");
      const review = await updated;
      expect([review.text, review.rating, review.visibility]).to.deep.equal([EDITED, 2, "pending"]);
      const stored = await serverOwn(box, ids, token);
      expect(stored.map((r) => [r.reviewText, r.rating])).to.deep.equal([[EDITED, 2]]);
      // A new rating replaces the review (the seed's update takes text only): the old one is gone.
      expect(stored[0]!.id).to.not.equal(own.id);
      expect(Object.keys(localStorage).filter((key) => key.startsWith("review-widgets:draft:"))).to.deep.equal([]);
      await waitUntil(() => part(el, "edit"), "no Edit after saving", WAIT);
      await expect(el).to.be.accessible();
    });

    it("keeps an unsaved edit through a reload, and Cancel returns to the review with focus on Edit", async () => {
      const { box, ids, token } = await world();
      let el = await storyForm(box, ids, token);
      await waitUntil(() => part(el, "edit"), "no Edit", WAIT);
      part(el, "edit")!.click();
      await el.updateComplete;
      await type(el, EDITED);
      fixtureCleanup();

      el = await storyForm(box, ids, token);
      await waitUntil(() => part(el, "form"), "the edit did not reopen", WAIT);
      expect((part(el, "textarea") as HTMLTextAreaElement).value).to.equal(EDITED);
      expect(text(el.shadowRoot!.querySelector(".message"))).to.equal("We restored the review you had not sent yet.");

      part(el, "cancel")!.click();
      await waitUntil(() => active(el) === part(el, "edit"), "focus did not return to Edit");
      expect((await serverOwn(box, ids, token))[0]!.reviewText).to.equal(TEXT);
    });

    it("withdraws after an inline confirmation that Escape and Keep it answer safely, then offers a new review", async () => {
      const { box, ids, token, own } = await world();
      const el = await storyForm(box, ids, token);
      await waitUntil(() => part(el, "withdraw"), "no Withdraw", WAIT);

      part(el, "withdraw")!.click();
      await waitUntil(() => active(el)?.textContent?.trim() === "Keep it", "focus did not move to Keep it");
      expect(text(part(el, "confirm"))).to.contain("Withdraw your review? It will not be published.");
      await expect(el).to.be.accessible();
      await sendKeys({ press: "Escape" });
      await waitUntil(() => active(el) === part(el, "withdraw"), "Escape did not return focus to Withdraw");
      expect(await serverOwn(box, ids, token)).to.have.length(1);

      part(el, "withdraw")!.click();
      await el.updateComplete;
      const withdrawn = new Promise<string>((resolve) => el.addEventListener("review-withdrawn", (e) => resolve(e.detail.id), { once: true }));
      part(el, "confirm")!.querySelector("button")!.click();
      await waitUntil(() => part(el, "form"), "no new form after withdrawing");
      expect(text(el.shadowRoot!.querySelector(".message"))).to.equal("Your review was withdrawn.");
      expect(await withdrawn).to.equal(own.id);
      expect(await serverOwn(box, ids, token)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it("rolls an edit back with the typed text when the review was published meanwhile, and says so", async () => {
      const mine = wireReview({
        id: "own-1",
        reviewerId: "me",
        revieweeId: "listing-1",
        reservationId: "res-1",
        isPublished: false,
        moderationStatus: "pending",
        reviewText: TEXT,
      });
      const server = await faultScript(
        { json: envelope("reviews", [mine], { userId: "me" }) },
        { status: 403, json: errorBody(403, "errMsg_reviewIsPublished") },
        { json: envelope("reviews", [{ ...mine, isPublished: true, moderationStatus: "approved" }], { userId: "me" }) },
      );
      const el = await fixture<ReviewForm>(
        html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1" .token=${"token-me"}></review-form>`,
      );
      await waitUntil(() => part(el, "edit"), "no Edit", WAIT);
      part(el, "edit")!.click();
      await el.updateComplete;
      await type(el, EDITED);
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "error"), "no message", WAIT);
      expect(text(part(el, "error"))).to.equal("Your review has been published meanwhile and can no longer be changed.");
      expect((part(el, "textarea") as HTMLTextAreaElement).value).to.equal(EDITED);
      // The page reads again (the stale review is published now); the typed text stays on screen.
      await waitUntil(async () => (await server.log()).length === 3, "the form did not read again", WAIT);
      expect((await server.log()).map((entry) => entry.method)).to.deep.equal(["GET", "PATCH", "GET"]);
      await el.updateComplete;
      expect((part(el, "textarea") as HTMLTextAreaElement).value).to.equal(EDITED);
      await expect(el).to.be.accessible();
    });

    it("keeps the typed text as a new review when the review is gone meanwhile", async () => {
      const server = await faultScript(
        {
          json: envelope(
            "reviews",
            [
              wireReview({
                id: "own-1",
                reviewerId: "me",
                revieweeId: "listing-1",
                reservationId: "res-1",
                isPublished: false,
                moderationStatus: "pending",
                reviewText: TEXT,
              }),
            ],
            { userId: "me" },
          ),
        },
        { status: 404, json: errorBody(404, "errMsg_reviewNotFound") },
        { json: envelope("reviews", [], { userId: "me" }) },
      );
      const el = await fixture<ReviewForm>(
        html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1" .token=${"token-me"}></review-form>`,
      );
      await waitUntil(() => part(el, "edit"), "no Edit", WAIT);
      part(el, "edit")!.click();
      await el.updateComplete;
      await type(el, EDITED);
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "error"), "no message", WAIT);
      expect(text(part(el, "error"))).to.equal("Your review is no longer there.");
      await waitUntil(async () => (await server.log()).length === 3, "the form did not read again", WAIT);
      await el.updateComplete;
      expect(text(part(el, "submit"))).to.equal("Post review");
      expect(part(el, "cancel")).to.equal(null);
      expect((part(el, "textarea") as HTMLTextAreaElement).value).to.equal(EDITED);
      await expect(el).to.be.accessible();
    });

    it("brings the review back when withdrawing fails", async () => {
      const server = await faultScript(
        {
          json: envelope(
            "reviews",
            [
              wireReview({
                id: "own-1",
                reviewerId: "me",
                revieweeId: "listing-1",
                reservationId: "res-1",
                isPublished: false,
                moderationStatus: "pending",
                reviewText: TEXT,
              }),
            ],
            { userId: "me" },
          ),
        },
        { status: 500, json: errorBody(500, "errMsg_internalServerError") },
      );
      const el = await fixture<ReviewForm>(
        html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1" .token=${"token-me"}></review-form>`,
      );
      await waitUntil(() => part(el, "withdraw"), "no Withdraw", WAIT);
      part(el, "withdraw")!.click();
      await el.updateComplete;
      part(el, "confirm")!.querySelector("button")!.click();
      await waitUntil(() => part(el, "error"), "no message", WAIT);
      expect(text(part(el, "error"))).to.equal("Your review was not withdrawn. Please try again.");
      expect(text(part(el, "notice"))).to.contain("You have already reviewed this stay.");
      await waitUntil(() => active(el) === part(el, "withdraw"), "focus did not return to Withdraw");
      await expect(el).to.be.accessible();
    });
  });

  describe("in <review-list>", () => {
    const storyList = (box: Sandbox, ids: MarketplaceIds, token: string) =>
      fixture<ReviewList>(html`<review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main} .token=${token}></review-list>`);
    const pendingCard = (el: ReviewList) => part(el, "review-pending");

    it("withdraws the viewer's own card at once, announces it, and the server agrees", async () => {
      const { box, ids, token, own } = await world();
      const el = await storyList(box, ids, token);
      await waitUntil(() => part(el, "withdraw"), "no Withdraw on the own card", WAIT);
      await expect(el).to.be.accessible();

      part(el, "withdraw")!.click();
      await waitUntil(() => active(el)?.textContent?.trim() === "Keep it", "focus did not move to Keep it");
      await expect(el).to.be.accessible();
      part(el, "confirm")!.querySelector<HTMLElement>(".keep")!.click();
      await waitUntil(() => active(el) === part(el, "withdraw"), "Keep it did not return focus to Withdraw");

      part(el, "withdraw")!.click();
      await el.updateComplete;
      const withdrawn = new Promise<string>((resolve) => el.addEventListener("review-withdrawn", (e) => resolve(e.detail.id), { once: true }));
      part(el, "confirm")!.querySelector("button")!.click();
      await el.updateComplete;
      expect(pendingCard(el) === null, "gone at once").to.equal(true);
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal("Your review was withdrawn.");
      expect(await withdrawn).to.equal(own.id);
      expect(await serverOwn(box, ids, token)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it("puts the card back and says why when the review was published meanwhile", async () => {
      const mine = wireReview({
        id: "own-1",
        reviewerId: "me",
        revieweeId: "listing-1",
        reservationId: "res-1",
        isPublished: false,
        moderationStatus: "pending",
        reviewText: TEXT,
      });
      const server = await faultScript(
        { json: envelope("reviews", [mine], { userId: "me" }) },
        { status: 403, json: errorBody(403, "errMsg_reviewIsPublished") },
        { json: envelope("reviews", [{ ...mine, isPublished: true, moderationStatus: "approved" }], { userId: "me" }) },
      );
      const el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="listing-1" .token=${"token-me"}></review-list>`);
      await waitUntil(() => part(el, "withdraw"), "no Withdraw on the own card", WAIT);
      part(el, "withdraw")!.click();
      await el.updateComplete;
      part(el, "confirm")!.querySelector("button")!.click();
      await waitUntil(() => part(el, "error"), "no message", WAIT);
      expect(text(part(el, "error"))).to.equal("Your review has been published meanwhile and can no longer be changed.");
      // The list reads again and shows the truth: published, with no Edit or Withdraw.
      await waitUntil(() => pendingCard(el) === null && el.shadowRoot!.querySelectorAll('[part~="review"]').length === 1, "the list did not catch up", WAIT);
      expect(part(el, "withdraw")).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it("edits in the page's <review-form>, opened inside the card, and every element agrees afterwards", async () => {
      const { box, ids, token } = await world();
      const el = await storyList(box, ids, token);
      await waitUntil(() => part(el, "edit"), "no Edit", WAIT);
      part(el, "edit")!.click();
      await el.updateComplete;
      const form = el.shadowRoot!.querySelector("review-form")!;
      await waitUntil(() => part(form, "textarea"), "the inline form did not open in edit mode", WAIT);
      await waitUntil(() => form.shadowRoot!.activeElement === part(form, "textarea"), "focus did not move to the text");
      await expect(el).to.be.accessible();
      await type(form, EDITED);
      part(form, "submit")!.click();
      await waitUntil(() => el.shadowRoot!.querySelector("review-form") === null, "the inline form did not close", WAIT);
      await waitUntil(() => pendingCard(el)?.querySelector('[part~="review-body"]')?.textContent === EDITED, "the card did not show the edit", WAIT);
      // Hostile text stays text.
      expect(pendingCard(el)!.querySelector("img")).to.equal(null);
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal("Your changes are saved.");
      expect((await serverOwn(box, ids, token))[0]!.reviewText).to.equal(EDITED);
    });

    it("closes the inline editor on Cancel: the card shows its own Edit and Withdraw once, focus back on Edit", async () => {
      const { box, ids, token, own } = await world();
      const el = await storyList(box, ids, token);
      await waitUntil(() => part(el, "edit"), "no Edit", WAIT);
      part(el, "edit")!.click();
      await el.updateComplete;
      const form = el.shadowRoot!.querySelector("review-form")!;
      await waitUntil(() => part(form, "cancel"), "the inline form did not open in edit mode", WAIT);
      let cancelled = "";
      el.addEventListener("review-edit-cancelled", (event) => (cancelled = event.detail.id), { once: true });
      part(form, "cancel")!.click();
      await waitUntil(() => el.shadowRoot!.querySelector("review-form") === null, "the inline form stayed open", WAIT);
      expect(cancelled).to.equal(own.id);
      expect(el.shadowRoot!.querySelectorAll('[part~="edit"]').length).to.equal(1);
      expect(el.shadowRoot!.querySelectorAll('[part~="withdraw"]').length).to.equal(1);
      await waitUntil(() => active(el) === part(el, "edit"), "focus did not return to Edit");
      await expect(el).to.be.accessible();
    });
  });
});
