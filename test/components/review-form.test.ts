import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { sendKeys } from "@web/test-runner-commands";
import type { ApiError } from "../../src/core/errors.js";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import type { StarRating } from "../../src/components/star-rating/star-rating.js";
import { configure, resetConfig } from "../../src/core/config.js";
import type { Review, ReviewDraft } from "../../src/core/model.js";
import { faultScript, sandbox, type FaultScript, type MarketplaceIds, type Sandbox } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireReview } from "../support/wire.js";

ReviewForm.define();

const DAY_MS = 86_400_000;
const TEXT = "A bright loft with a wonderful terrace; the stairs are steep.";
const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long" });

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textarea = (el: ReviewForm) => part(el, "textarea") as HTMLTextAreaElement;
const submitButton = (el: ReviewForm) => part(el, "submit") as HTMLButtonElement;
const fieldErrors = (el: ReviewForm) => [...el.shadowRoot!.querySelectorAll(".field-error")].map((e) => e.textContent!.trim());
const formShown = (el: ReviewForm) => waitUntil(() => part(el, "form"), "the form did not appear", { timeout: 4000 });

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith("review-widgets:draft:")) localStorage.removeItem(key);
}
const drafts = () => Object.keys(localStorage).filter((key) => key.startsWith("review-widgets:draft:"));

async function rate(el: ReviewForm, stars: number): Promise<void> {
  const input = el.shadowRoot!.querySelector<StarRating>("star-rating")!;
  input.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[stars - 1]!.click();
  await waitUntil(() => input.value === stars);
  await input.updateComplete;
  await el.updateComplete;
}

/** A paste: the whole value at once. */
async function fill(el: ReviewForm, field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function world() {
  const box = await sandbox();
  const ids = await box.ids();
  return { box, ids, guest: (await box.login("guest@demo.test")).accessToken };
}

const storyForm = (box: Sandbox, ids: MarketplaceIds, token: string | null) =>
  fixture<ReviewForm>(html`<review-form
    api-base=${box.marketplace}
    reviewee-id=${ids.listings.main}
    reviewee-type="listing"
    reservation-id=${ids.reservations.story}
    .token=${token}
  ></review-form>`);

/** The signed-in viewer's review as the marketplace wire returns it. */
const ownWire = (overrides: Record<string, unknown> = {}) =>
  wireReview({
    reviewerId: "me",
    revieweeId: "listing-1",
    reservationId: "res-1",
    isPublished: false,
    moderationStatus: "pending",
    reviewText: TEXT,
    submittedAt: "2026-11-20T09:00:00.000Z",
    ...overrides,
  });
const noOwnReview = { json: envelope("reviews", [], { userId: "me" }) };
const ownReviewFound = { json: envelope("reviews", [ownWire()], { userId: "me" }) };
const created = (delayMs = 0) => ({ delayMs, status: 201, json: envelope("review", ownWire(), { userId: "me", statusCode: 201 }) });

const faultForm = (server: FaultScript) =>
  fixture<ReviewForm>(html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1" .token=${"token-me"}></review-form>`);

const methods = async (server: FaultScript) => (await server.log()).map((entry) => entry.method);

describe("<review-form>", () => {
  beforeEach(() => {
    freshServices();
    clearDrafts();
  });
  afterEach(() => {
    // Remove the elements first, so they do not react to the reset.
    fixtureCleanup();
    resetConfig();
    clearDrafts();
  });

  it("is accessible", async () => {
    const { box, ids, guest } = await world();
    const el = await storyForm(box, ids, guest);
    await formShown(el);
    await expect(el).to.be.accessible();
    expect(part(el, "notice")!.textContent).to.contain("Reviews are double-blind");
  });

  it("speaks up only after a field is left or a submit is attempted, not while typing the first character", async () => {
    const { box, ids, guest } = await world();
    const el = await storyForm(box, ids, guest);
    await formShown(el);
    textarea(el).focus();
    await sendKeys({ type: "G" });
    await el.updateComplete;
    expect(textarea(el).value).to.equal("G");
    expect(fieldErrors(el)).to.deep.equal([]);
    expect(textarea(el).getAttribute("aria-invalid")).to.equal("false");
    expect(part(el, "form")!.querySelector("#text-count")!.textContent!.trim()).to.equal("1 / 2,000 characters");
    await sendKeys({ type: "reat" });
    await el.updateComplete;
    expect(part(el, "form")!.querySelector("#text-count")!.textContent!.trim()).to.equal("5 / 2,000 characters");

    await sendKeys({ press: "Tab" });
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal(["Write at least 20 characters."]);
    expect(textarea(el).getAttribute("aria-invalid")).to.equal("true");
    expect(textarea(el).getAttribute("aria-describedby")).to.contain("text-error");
    await expect(el).to.be.accessible();

    submitButton(el).click();
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal(["Choose a rating from 1 to 5 stars.", "Write at least 20 characters."]);
    // Focus goes to the first field to fix: the rating.
    const stars = el.shadowRoot!.querySelector<StarRating>("star-rating")!;
    expect(el.shadowRoot!.activeElement === stars, "focus on the rating").to.equal(true);
    expect(stars.invalid).to.equal(true);
    await expect(el).to.be.accessible();

    // Each further failed attempt again takes the user to what is left to fix.
    await rate(el, 4);
    expect(fieldErrors(el)).to.deep.equal(["Write at least 20 characters."]);
    for (let attempt = 0; attempt < 2; attempt++) {
      submitButton(el).focus();
      submitButton(el).click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === textarea(el), `focus on the text after attempt ${attempt + 2}`).to.equal(true);
    }
  });

  it("posts exactly once however fast it is submitted, shows the busy state, then the double-blind notice", async () => {
    const server = await faultScript(noOwnReview, created(300), ownReviewFound);
    const submitted: Review[] = [];
    const el = await faultForm(server);
    el.addEventListener("review-submitted", (e) => submitted.push(e.detail.review));
    await formShown(el);
    await rate(el, 4);
    await fill(el, textarea(el), TEXT);
    for (let i = 0; i < 5; i++) submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute("aria-disabled")).to.equal("true");
    expect(submitButton(el).textContent!.trim()).to.equal("Posting…");
    expect(textarea(el).readOnly).to.equal(true);
    await expect(el).to.be.accessible();
    submitButton(el).click();
    (part(el, "form") as HTMLFormElement).requestSubmit();

    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no confirmation");
    const until = longDate.format(new Date(Date.parse("2026-11-20T09:00:00.000Z") + 14 * DAY_MS));
    expect(part(el, "notice")!.textContent).to.equal(`Thank you! Your review is hidden until the other side reviews, or until ${until}.`);
    expect(el.shadowRoot!.activeElement === part(el, "notice"), "focus on the confirmation").to.equal(true);
    expect(submitted.map((r) => r.text)).to.deep.equal([TEXT]);
    await expect(el).to.be.accessible();
    const log = await server.log();
    expect(log.filter((entry) => entry.method === "POST")).to.have.length(1);
    expect(log[1]!.authorization).to.equal("Bearer token-me");
    expect(JSON.parse(log[1]!.body)).to.deep.include({ rating: 4, reviewText: TEXT, revieweeId: "listing-1", reservationId: "res-1", revieweeType: "listing" });
  });

  it("fires a cancelable review-submit: preventDefault sends nothing", async () => {
    const server = await faultScript(noOwnReview, created());
    const drafts: ReviewDraft[] = [];
    const el = await faultForm(server);
    el.addEventListener("review-submit", (e) => {
      drafts.push(e.detail.draft);
      e.preventDefault();
    });
    await formShown(el);
    await rate(el, 5);
    await fill(el, textarea(el), `  ${TEXT}  `);
    // The event is fired and its cancel honoured synchronously in the click: a POST would have started by now.
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute("aria-disabled"), "the form is not sending").to.equal("false");
    expect(drafts).to.deep.equal([{ rating: 5, text: TEXT, revieweeId: "listing-1", revieweeType: "listing", reservationId: "res-1" }]);
    expect(await methods(server)).to.deep.equal(["GET"]);
    expect(part(el, "form")).to.exist;
  });

  it("asks a writer whose sign-in expired to sign in again on 401, keeps the text, and posts after sign-in", async () => {
    const { box, ids, guest } = await world();
    const auth: unknown[] = [];
    const el = await storyForm(box, ids, "expired-token");
    el.addEventListener("review-auth-required", (e) => auth.push(e.detail));
    await formShown(el);
    await rate(el, 5);
    await fill(el, textarea(el), TEXT);
    submitButton(el).click();
    await waitUntil(() => part(el, "error"), "no error shown");
    expect(part(el, "error")!.getAttribute("role")).to.equal("alert");
    expect(part(el, "error")!.textContent).to.contain("Please sign in to post your review. Your text is kept.");
    expect(part(el, "retry") === null, "no retry for a 401").to.equal(true);
    expect(auth).to.deep.equal([{}]);
    expect(textarea(el).value).to.equal(TEXT);
    await expect(el).to.be.accessible();

    // Signing in again re-checks for an existing review while the writer is still in the text.
    textarea(el).focus();
    el.token = guest;
    await formShown(el);
    await waitUntil(() => part(el, "form") && textarea(el).value === TEXT, "the text was lost after sign-in");
    submitButton(el).click();
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "not posted after sign-in");
    expect(part(el, "notice")!.textContent).to.contain("hidden until the other side reviews, or until");
  });

  it('says "You can\'t review this stay." on 403', async () => {
    const { box, ids } = await world();
    const admin = (await box.login("admin@demo.test")).accessToken;
    const el = await storyForm(box, ids, admin);
    await formShown(el);
    await rate(el, 3);
    await fill(el, textarea(el), TEXT);
    submitButton(el).click();
    await waitUntil(() => part(el, "error"));
    expect(part(el, "error")!.textContent!.trim()).to.equal("You can't review this stay.");
    expect(textarea(el).value).to.equal(TEXT);
  });

  it("says the stay was already reviewed when the server refuses a duplicate", async () => {
    const { box, ids, guest } = await world();
    const el = await storyForm(box, ids, guest);
    await formShown(el);
    // Another tab posts first.
    const other = await fetch(`${box.marketplace}/v1/reviews`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${guest}` },
      body: JSON.stringify({
        moderationStatus: "pending",
        isPublished: false,
        reviewText: "From another tab",
        rating: 2,
        revieweeId: ids.listings.main,
        reservationId: ids.reservations.story,
        revieweeType: "listing",
      }),
    });
    expect(other.status).to.equal(201);
    await rate(el, 4);
    await fill(el, textarea(el), TEXT);
    const errors: ApiError[] = [];
    el.addEventListener("review-error", (e) => errors.push(e.detail.error));
    submitButton(el).click();
    await waitUntil(() => part(el, "error"));
    expect(part(el, "error")!.textContent!.trim()).to.equal("You have already reviewed this stay.");
    expect(errors.map((e) => e.serverCode)).to.deep.equal(["errMsg_reviewAlreadyExists"]);
  });

  it("shows that the stay's review window closed, and when, instead of the form", async () => {
    const { box, ids, guest } = await world();
    const posted = await fetch(`${box.marketplace}/v1/reviews`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${guest}` },
      body: JSON.stringify({
        moderationStatus: "pending",
        isPublished: false,
        reviewText: TEXT,
        rating: 2,
        revieweeId: ids.listings.main,
        reservationId: ids.reservations.story,
        revieweeType: "listing",
      }),
    });
    const submittedAt = Date.parse(((await posted.json()) as { review: { submittedAt: string } }).review.submittedAt);
    await box.advanceDays(14.01);
    const host = (await box.login("host@demo.test")).accessToken;
    const el = await fixture<ReviewForm>(html`<review-form
      api-base=${box.marketplace}
      reviewee-id=${ids.users.guest}
      reviewee-type="guest"
      reservation-id=${ids.reservations.story}
      .token=${host}
    ></review-form>`);
    await formShown(el);
    await rate(el, 1);
    await fill(el, textarea(el), "Retaliation after reading the guest's review.");
    submitButton(el).click();
    await waitUntil(() => part(el, "form") === null, "the form stayed");
    const closedOn = longDate.format(new Date(submittedAt + 14 * DAY_MS));
    expect(part(el, "notice")!.textContent).to.equal(`The review window for this stay closed on ${closedOn}. It can no longer be reviewed.`);
    expect(el.shadowRoot!.activeElement === part(el, "notice"), "focus on the notice").to.equal(true);
    expect(drafts()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("promises the date from the configured review window", async () => {
    configure({ reviewWindowDays: 5 });
    const server = await faultScript(noOwnReview, created(), ownReviewFound);
    const el = await faultForm(server);
    await formShown(el);
    expect(part(el, "notice")!.textContent).to.contain("until the 5-day review window closes");
    await rate(el, 4);
    await fill(el, textarea(el), TEXT);
    submitButton(el).click();
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no confirmation");
    const until = longDate.format(new Date(Date.parse("2026-11-20T09:00:00.000Z") + 5 * DAY_MS));
    expect(part(el, "notice")!.textContent).to.contain(`or until ${until}.`);
  });

  it("shows a signed-in guest who already reviewed the stay that they did, instead of the form", async () => {
    const { box, ids, guest } = await world();
    await fetch(`${box.marketplace}/v1/reviews`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${guest}` },
      body: JSON.stringify({
        moderationStatus: "pending",
        isPublished: false,
        reviewText: TEXT,
        rating: 5,
        revieweeId: ids.listings.main,
        reservationId: ids.reservations.story,
        revieweeType: "listing",
      }),
    });
    const el = await storyForm(box, ids, guest);
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no notice");
    expect(part(el, "notice")!.textContent).to.contain("You have already reviewed this stay.");
    expect(part(el, "form") === null, "no form").to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("keeps the text after a network failure and, on retry, finds the review that landed instead of posting again", async () => {
    // The POST lands, but the connection drops halfway through the answer.
    const server = await faultScript(noOwnReview, { ...created(), truncate: true }, ownReviewFound);
    const el = await faultForm(server);
    await formShown(el);
    await rate(el, 4);
    await fill(el, textarea(el), TEXT);
    submitButton(el).click();
    await waitUntil(() => part(el, "error"), "no error after the dropped connection");
    expect(part(el, "error")!.textContent).to.contain("Your review was not sent. Your text is kept — please try again.");
    expect(textarea(el).value).to.equal(TEXT);
    expect(part(el, "retry")!.getAttribute("aria-disabled")).to.equal("false");
    await expect(el).to.be.accessible();

    part(el, "retry")!.click();
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no confirmation after retry");
    const log = await methods(server);
    expect(log.slice(0, 3)).to.deep.equal(["GET", "POST", "GET"]);
    expect(log.filter((m) => m === "POST")).to.have.length(1);
  });

  it("after a hang-up, keeps the text and offers a retry that looks before it posts", async () => {
    // Chrome itself may resend a POST once when a reused connection drops before any answer:
    // so the script hangs up twice, and GETs may retry.
    freshServices({ maxRetries: 2, baseDelayMs: 10 });
    const server = await faultScript(noOwnReview, { hangup: true }, { hangup: true }, ownReviewFound);
    const el = await faultForm(server);
    await formShown(el);
    await rate(el, 2);
    await fill(el, textarea(el), TEXT);
    submitButton(el).click();
    await waitUntil(() => part(el, "retry"), "no retry offered after the hang-up");
    expect(part(el, "error")!.getAttribute("role")).to.equal("alert");
    expect(part(el, "error")!.textContent).to.contain("Your text is kept");
    expect(textarea(el).value).to.equal(TEXT);
    const before = (await methods(server)).length;

    part(el, "retry")!.click();
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no confirmation after retry");
    const after = (await methods(server)).slice(before);
    expect(after[0]).to.equal("GET");
    expect(after).to.not.include("POST");
  });

  it("after a 500, retries by checking first and posts again only when nothing landed", async () => {
    const server = await faultScript(noOwnReview, { status: 500, json: errorBody(500, "errMsg_internalServerError") }, noOwnReview, created(), ownReviewFound);
    const el = await faultForm(server);
    await formShown(el);
    await rate(el, 4);
    await fill(el, textarea(el), TEXT);
    submitButton(el).click();
    await waitUntil(() => part(el, "retry"), "no retry offered");
    expect(textarea(el).value).to.equal(TEXT);
    part(el, "retry")!.click();
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "no confirmation after retry");
    expect((await methods(server)).slice(0, 4)).to.deep.equal(["GET", "POST", "GET", "POST"]);
  });

  it("keeps the draft through a reload and clears it after sending", async () => {
    const { box, ids, guest } = await world();
    const first = await storyForm(box, ids, guest);
    await formShown(first);
    await rate(first, 4);
    await fill(first, textarea(first), TEXT);
    first.remove();

    const again = await storyForm(box, ids, guest);
    await formShown(again);
    expect(textarea(again).value).to.equal(TEXT);
    expect(again.shadowRoot!.querySelector<StarRating>("star-rating")!.value).to.equal(4);
    expect(again.shadowRoot!.textContent).to.contain("We restored the review you had not sent yet.");
    await expect(again).to.be.accessible();
    expect(drafts()).to.have.length(1);

    submitButton(again).click();
    await waitUntil(() => part(again, "notice")?.getAttribute("role") === "status", "not sent");
    expect(drafts()).to.deep.equal([]);
  });

  it("asks what to write about by whom the review is about: the stay, the host, or the guest", async () => {
    const hints: string[] = [];
    for (const type of ["listing", "host", "guest"]) {
      const server = await faultScript(noOwnReview);
      const el = await fixture<ReviewForm>(
        html`<review-form api-base=${server.base} reviewee-id="someone" reviewee-type=${type} reservation-id="res-1" .token=${"token-me"}></review-form>`,
      );
      await formShown(el);
      hints.push(el.shadowRoot!.querySelector("#text-hint")!.textContent!);
    }
    expect(hints).to.deep.equal([
      "What should other travellers know?",
      "What should other travellers know about your host?",
      "What should other hosts know about this guest?",
    ]);
  });

  it("tells the author of a review a moderator rejected that it was not approved, not that it will appear", async () => {
    const server = await faultScript({ json: envelope("reviews", [ownWire({ moderationStatus: "rejected" })], { userId: "me" }) });
    const el = await faultForm(server);
    await waitUntil(() => part(el, "notice"), "no notice");
    const notice = part(el, "notice")!.textContent!;
    expect(notice).to.contain("You have already reviewed this stay.");
    expect(notice).to.contain("It was not approved for publication.");
    expect(notice).to.not.contain("once it passes moderation");
    await expect(el).to.be.accessible();
  });

  describe("for a partner directory", () => {
    const directoryForm = (base: string, entry: string) =>
      fixture<ReviewForm>(html`<review-form source="partnerpage" api-base=${base} directory-id="demo-directory" entry-id=${entry}></review-form>`);

    async function fillPerson(el: ReviewForm, email: string): Promise<void> {
      const input = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      await fill(el, input("firstName"), "Jane");
      await fill(el, input("lastName"), "Doe");
      await fill(el, input("email"), email);
      await fill(el, input("title"), "Great partner");
      await rate(el, 5);
      await fill(el, textarea(el), TEXT);
    }

    it("asks for name and email, and puts the proxy's field errors on the fields", async () => {
      const box = await sandbox();
      const { entries } = (await (await fetch(`${box.base}/demo-api/directory/ids`)).json()) as { entries: { id: string }[] };
      const el = await directoryForm(box.proxy, entries[0]!.id);
      await formShown(el);
      const labels = [...el.shadowRoot!.querySelectorAll("label")].map((l) => l.textContent!.replace(/\s+/g, " ").trim());
      expect(labels).to.include.members(["First name", "Last name", "Email (not published)", "Title (optional)", "Company (optional)"]);
      expect(part(el, "notice") === null, "no double-blind notice").to.equal(true);
      await expect(el).to.be.accessible();

      // Fine by the form's own check, refused by the directory.
      await fillPerson(el, "jane@acme_corp.example");
      submitButton(el).click();
      await waitUntil(() => part(el, "error"), "no error");
      expect(part(el, "error")!.textContent!.trim()).to.equal("Please fix the highlighted fields.");
      const email = el.shadowRoot!.querySelector<HTMLInputElement>("#email")!;
      expect(email.getAttribute("aria-invalid")).to.equal("true");
      expect(el.shadowRoot!.querySelector(`#${email.getAttribute("aria-describedby")}`)!.textContent).to.equal("Enter a valid email address.");
      await expect(el).to.be.accessible();

      await fill(el, email, "jane@acme.example");
      expect(email.getAttribute("aria-invalid")).to.equal("false");
      submitButton(el).click();
      await waitUntil(() => part(el, "notice"), "not sent");
      expect(part(el, "notice")!.textContent).to.equal("Thank you! Your review will appear once the directory approves it.");
    });

    const directoryCreated = (delayMs = 0) => ({
      delayMs,
      status: 201,
      json: {
        id: "new-1",
        entry: { id: "entry-1", title: "Northwind" },
        title: "Great partner",
        company: "",
        summary: TEXT,
        firstName: "Jane",
        lastName: "D",
        rating: 5,
        created: "2026-11-25T10:00:00Z",
        status: "P",
      },
    });

    it("submits with Enter in a field, once, however often Enter is pressed", async () => {
      const server = await faultScript(directoryCreated(300));
      const el = await directoryForm(server.base, "entry-1");
      await formShown(el);
      await fillPerson(el, "jane@acme.example");
      el.shadowRoot!.querySelector<HTMLInputElement>("#email")!.focus();
      await sendKeys({ press: "Enter" });
      await sendKeys({ press: "Enter" });
      await sendKeys({ press: "Enter" });
      await waitUntil(() => part(el, "notice"), "not sent");
      const log = await server.log();
      expect(log.map((entry) => entry.method)).to.deep.equal(["POST"]);
      expect(log[0]!.authorization).to.equal(null);
      expect(JSON.parse(log[0]!.body)).to.deep.equal({
        entry_id: "entry-1",
        rating: 5,
        summary: TEXT,
        first_name: "Jane",
        last_name: "Doe",
        email: "jane@acme.example",
        title: "Great partner",
      });
    });

    it("tells an anonymous submitter a refusal by the proxy plainly: no sign-in, no marketplace wording", async () => {
      const server = await faultScript({ status: 403, json: { detail: "Origin not allowed." } });
      const el = await directoryForm(server.base, "entry-1");
      await formShown(el);
      await fillPerson(el, "jane@acme.example");
      part(el, "submit")!.click();
      await waitUntil(() => part(el, "error"), "no error shown");
      expect(part(el, "error")!.textContent).to.contain("Your review was not sent. Your text is kept");
    });

    it("sends every attempt at the same review with one Idempotency-Key, through a reload, and a new one once the text changes", async () => {
      clearDrafts();
      const unavailable = { status: 503, json: { detail: "The review service is unavailable. Please try again later." } };
      const server = await faultScript(unavailable, unavailable, unavailable, directoryCreated());
      const keys = async (n: number) => {
        await waitUntil(async () => (await server.log()).length >= n && part(el, "retry") !== null, `attempt ${n} did not fail`, { timeout: 4000 });
        return (await server.log()).map((entry) => entry.idempotencyKey);
      };
      let el = await directoryForm(server.base, "entry-1");
      await formShown(el);
      await fillPerson(el, "jane@acme.example");
      submitButton(el).click();
      const [first] = await keys(1);
      expect(first).to.match(/^[0-9a-f]{32}$/);

      part(el, "retry")!.click();
      expect((await keys(2))[1], "the retry is the same submission").to.equal(first);

      // A reload: the draft and its submission id come back together.
      el.remove();
      el = await directoryForm(server.base, "entry-1");
      await formShown(el);
      expect(textarea(el).value).to.equal(TEXT);
      submitButton(el).click();
      expect((await keys(3))[2], "the same submission after a reload").to.equal(first);

      // Edited text is a different submission: it must not be taken for a repeat.
      await fill(el, textarea(el), `${TEXT} Edited.`);
      part(el, "retry")!.click();
      await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "not sent", { timeout: 4000 });
      const log = await server.log();
      expect(log.map((entry) => entry.method)).to.deep.equal(["POST", "POST", "POST", "POST"]);
      expect(log[3]!.idempotencyKey)
        .to.match(/^[0-9a-f]{32}$/)
        .and.not.equal(first);
      expect(log.every((entry) => entry.authorization === null)).to.equal(true);
      expect(
        Object.keys(localStorage).filter((key) => key.startsWith("review-widgets:draft:")),
        "nothing kept once sent",
      ).to.deep.equal([]);
    });

    it("sends no Idempotency-Key to the marketplace, which refuses duplicates itself", async () => {
      const server = await faultScript(noOwnReview, created());
      const el = await faultForm(server);
      await formShown(el);
      await rate(el, 4);
      await fill(el, textarea(el), TEXT);
      submitButton(el).click();
      await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "not sent", { timeout: 4000 });
      const log = await server.log();
      expect(log.filter((entry) => entry.method === "POST")).to.have.length(1);
      expect(log.every((entry) => entry.idempotencyKey === null)).to.equal(true);
    });
  });
});
