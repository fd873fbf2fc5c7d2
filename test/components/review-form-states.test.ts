/**
 * <review-form> states that tell the truth (issue 14): a signed-out visitor is asked to sign in before
 * writing, a 429 counts down to the moment its Retry-After allows, a failed submit offers one way to
 * retry, and the character count counts what people see.
 */
import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { sendKeys } from "@web/test-runner-commands";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import type { StarRating } from "../../src/components/star-rating/star-rating.js";
import { configure, resetConfig } from "../../src/core/config.js";
import { draftKey, saveDraft } from "../../src/core/drafts.js";
import { faultScript, sandbox, type FaultScript } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireReview } from "../support/wire.js";

ReviewForm.define();

const TEXT = "A bright loft with a wonderful terrace; the stairs are steep.";
const FAMILY = "👨‍👩‍👧";
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textarea = (el: ReviewForm) => part(el, "textarea") as HTMLTextAreaElement;
const buttons = (el: ReviewForm) => [...el.shadowRoot!.querySelectorAll("button")].map((b) => b.textContent!.trim());
const count = (el: ReviewForm) => el.shadowRoot!.querySelector("#text-count")!.textContent!.trim();
const fieldErrors = (el: ReviewForm) => [...el.shadowRoot!.querySelectorAll(".field-error")].map((e) => e.textContent!.trim());
const formShown = (el: ReviewForm) => waitUntil(() => part(el, "form"), "the form did not appear", { timeout: 4000 });
const clearDrafts = () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith("review-widgets:draft:")) localStorage.removeItem(key);
};

async function rate(el: ReviewForm, stars: number): Promise<void> {
  const input = el.shadowRoot!.querySelector<StarRating>("star-rating")!;
  input.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[stars - 1]!.click();
  await waitUntil(() => input.value === stars);
  await el.updateComplete;
}

async function fill(el: ReviewForm, value: string): Promise<void> {
  textarea(el).value = value;
  textarea(el).dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  await el.updateComplete;
}

const ownWire = () =>
  wireReview({ reviewerId: "me", revieweeId: "listing-1", reservationId: "res-1", isPublished: false, moderationStatus: "pending", reviewText: TEXT });
const noOwnReview = { json: envelope("reviews", [], { userId: "me" }) };
const ownReviewFound = { json: envelope("reviews", [ownWire()], { userId: "me" }) };
const created = { status: 201, json: envelope("review", ownWire(), { userId: "me", statusCode: 201 }) };
const tooMany = (retryAfter: string) => ({ status: 429, headers: { "Retry-After": retryAfter }, json: errorBody(429, "errMsg_tooManyRequests") });

const faultForm = (server: FaultScript, attrs = "") =>
  fixture<ReviewForm>(
    html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1" max-length=${attrs || "2000"} .token=${"token-me"}></review-form>`,
  );

/**
 * What screen readers announce of an alert: its message when it appears, then the message after each
 * change that is not inside `aria-live="off"`.
 */
function announcements(alert: HTMLElement): { said: string[]; stop(): void } {
  const message = () => [...alert.querySelectorAll("p")].map((p) => p.textContent!.trim()).join(" ");
  const said = [message()];
  const observer = new MutationObserver((records) => {
    const live = records.some((record) => {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      return target?.closest("[aria-live]")?.getAttribute("aria-live") !== "off";
    });
    if (live && said.at(-1) !== message()) said.push(message());
  });
  observer.observe(alert, { subtree: true, childList: true, characterData: true, attributes: true });
  return { said, stop: () => observer.disconnect() };
}

describe("<review-form> states that tell the truth", () => {
  beforeEach(() => {
    freshServices();
    clearDrafts();
  });
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
    clearDrafts();
  });

  describe("signed out (marketplace)", () => {
    it("asks to sign in before anything is typed, fires review-auth-required from the button, and shows the form with the draft once a token arrives", async () => {
      const box = await sandbox();
      const ids = await box.ids();
      // Typed earlier on this browser, before the session ended: it must come back after sign-in.
      saveDraft(draftKey(["mindbricks", null, ids.reservations.story, "listing", ids.listings.main]), { rating: 4, text: TEXT }, null);
      const heard: Event[] = [];
      const listen = (e: Event) => heard.push(e);
      document.addEventListener("review-auth-required", listen);
      try {
        configure({ apiBase: box.marketplace });
        const el = await fixture<ReviewForm>(
          html`<review-form reviewee-id=${ids.listings.main} reviewee-type="listing" reservation-id=${ids.reservations.story}></review-form>`,
        );
        await waitUntil(() => part(el, "sign-in"), "no sign-in state", { timeout: 4000 });
        expect(part(el, "form") === null, "no form to fill in while signed out").to.equal(true);
        expect(buttons(el)).to.deep.equal(["Sign in to write a review"]);
        expect(el.shadowRoot!.textContent).to.not.contain(TEXT);
        await expect(el).to.be.accessible();

        part(el, "sign-in")!.click();
        part(el, "sign-in")!.focus();
        await sendKeys({ press: "Enter" });
        await sendKeys({ press: "Space" });
        await waitUntil(() => heard.length === 3, `the button fired ${heard.length} events, not 3`);
        const event = heard[0] as CustomEvent;
        expect([event.bubbles, event.composed, event.detail]).to.deep.equal([true, true, {}]);

        // The host page signs the visitor in: the form appears, no reload, with what was typed.
        configure({ token: (await box.login("guest@demo.test")).accessToken });
        await formShown(el);
        await waitUntil(() => textarea(el).value === TEXT, "the draft did not come back after sign-in");
        expect(el.shadowRoot!.querySelector<StarRating>("star-rating")!.value).to.equal(4);
        expect(el.shadowRoot!.textContent).to.contain("We restored the review you had not sent yet.");
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener("review-auth-required", listen);
      }
    });

    it("shows the form after sign-in even when the check for an existing review fails", async () => {
      const server = await faultScript({ status: 500, json: errorBody(500, "errMsg_internalServerError") });
      const el = await fixture<ReviewForm>(html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1"></review-form>`);
      await waitUntil(() => part(el, "sign-in"), "no sign-in state", { timeout: 4000 });
      expect(await server.log(), "nothing to ask the server while signed out").to.deep.equal([]);
      el.token = "token-me";
      await formShown(el);
    });

    it("keeps the form for a partner directory's anonymous submitters", async () => {
      const server = await faultScript({ status: 500 });
      const el = await fixture<ReviewForm>(html`<review-form source="partnerpage" api-base=${server.base} directory-id="d" entry-id="e"></review-form>`);
      await formShown(el);
      expect(part(el, "sign-in") === null, "no sign-in for the directory").to.equal(true);
    });
  });

  describe("after 429", () => {
    it("counts down to the server's Retry-After with the retry disabled, announces only the start and the end, then posts", async () => {
      const server = await faultScript(noOwnReview, tooMany("2"), created, ownReviewFound);
      const el = await faultForm(server);
      await formShown(el);
      await rate(el, 4);
      await fill(el, TEXT);
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "error"), "no error after the 429");
      const error = part(el, "error")!;
      const announced = announcements(error);

      expect(error.getAttribute("role")).to.equal("alert");
      expect(error.textContent).to.contain("Too many attempts. You can try again in 2 s.");
      const retry = part(el, "retry")!;
      expect(retry.getAttribute("aria-disabled")).to.equal("true");
      expect(el.shadowRoot!.activeElement === retry, "focus on the retry").to.equal(true);
      expect(buttons(el), "one way to retry").to.deep.equal(["Try again"]);
      expect(textarea(el).value).to.equal(TEXT);
      await expect(el).to.be.accessible();

      // Pressed while the server still refuses: nothing is sent (the log below has one POST before the wait ends).
      retry.click();
      await waitUntil(() => error.textContent!.includes("in 1 s."), "the countdown did not move", { timeout: 3000 });
      await waitUntil(() => error.textContent!.includes("You can try again now."), "the countdown did not end", { timeout: 4000 });
      expect(retry.getAttribute("aria-disabled")).to.equal("false");
      announced.stop();
      expect(announced.said).to.deep.equal(["Too many attempts. You can try again in 2 s.", "You can try again now."]);
      expect(error.querySelector("p")!.getAttribute("aria-live"), "the end is announced politely").to.equal("polite");
      await expect(el).to.be.accessible();

      retry.click();
      await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "not sent after the wait");
      const posts = (await server.log()).filter((entry) => entry.method === "POST");
      expect(posts).to.have.length(2);
      expect(posts[1]!.at - posts[0]!.at).to.be.at.least(1900);
    });

    it("reads Retry-After as an HTTP date too", async () => {
      const server = await faultScript(noOwnReview, tooMany(new Date(Date.now() + 5000).toUTCString()));
      const el = await faultForm(server);
      await formShown(el);
      await rate(el, 4);
      await fill(el, TEXT);
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "error"), "no error after the 429");
      expect(part(el, "error")!.textContent).to.match(/You can try again in [345] s\./);
      expect(part(el, "retry")!.getAttribute("aria-disabled")).to.equal("true");
    });

    it("without Retry-After, asks to wait a moment and lets the writer try again at once", async () => {
      const server = await faultScript(noOwnReview, { status: 429, json: errorBody(429, "errMsg_tooManyRequests") });
      const el = await faultForm(server);
      await formShown(el);
      await rate(el, 4);
      await fill(el, TEXT);
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "error"), "no error after the 429");
      expect(part(el, "error")!.textContent).to.contain("Too many attempts. Please wait a moment and try again.");
      expect(part(el, "retry")!.getAttribute("aria-disabled")).to.equal("false");
      expect(buttons(el)).to.deep.equal(["Try again"]);
    });
  });

  it("offers one way to retry after a failed submit, with focus on it, and none beside it", async () => {
    const server = await faultScript(noOwnReview, { status: 500, json: errorBody(500, "errMsg_internalServerError") }, noOwnReview, created, ownReviewFound);
    const el = await faultForm(server);
    await formShown(el);
    await rate(el, 4);
    await fill(el, TEXT);
    part(el, "submit")!.focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => part(el, "error"), "no error after the 500");
    expect(buttons(el)).to.deep.equal(["Try again"]);
    expect(part(el, "submit") === null, "no second way to send").to.equal(true);
    expect(el.shadowRoot!.activeElement === part(el, "retry"), "focus on the retry").to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no confirmation after retry");
  });

  describe("counts characters as people see them", () => {
    it("counts an emoji family, a flag and a letter with a combining accent as one character each", async () => {
      const server = await faultScript(noOwnReview);
      const el = await faultForm(server);
      await formShown(el);
      await fill(el, FAMILY);
      expect(count(el)).to.equal("1 / 2,000 characters");
      await fill(el, `${FAMILY}🇵🇹e\u0301👍🏽`);
      expect(count(el)).to.equal("4 / 2,000 characters");
    });

    it("validates the minimum and maximum by the same count", async () => {
      const server = await faultScript(noOwnReview);
      const el = await faultForm(server, "10");
      await formShown(el);
      await rate(el, 3);
      // 10 families: 50 code points, 80 UTF-16 units, 10 characters.
      await fill(el, FAMILY.repeat(10));
      textarea(el).dispatchEvent(new Event("blur"));
      await el.updateComplete;
      expect(count(el)).to.equal("10 / 10 characters");
      expect(fieldErrors(el)).to.deep.equal([]);
      await fill(el, FAMILY.repeat(11));
      expect(fieldErrors(el)).to.deep.equal(["Keep your review under 10 characters."]);
      // 4 families are 20 code points, but 4 characters: short of the default 20.
      el.maxLength = 2000;
      await fill(el, FAMILY.repeat(4));
      expect(fieldErrors(el)).to.deep.equal(["Write at least 20 characters."]);
    });

    it("posts 2,000 emoji families to the reference server, which counts them as 2,000 too", async () => {
      const box = await sandbox();
      const ids = await box.ids();
      const el = await fixture<ReviewForm>(html`<review-form
        api-base=${box.marketplace}
        reviewee-id=${ids.listings.main}
        reservation-id=${ids.reservations.story}
        .token=${(await box.login("guest@demo.test")).accessToken}
      ></review-form>`);
      await formShown(el);
      await rate(el, 5);
      await fill(el, FAMILY.repeat(2000));
      expect(count(el)).to.equal("2,000 / 2,000 characters");
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "not accepted", { timeout: 4000 });
    });
  });
});
