/**
 * Drafts kept by <review-form> belong to the viewer who wrote them, and the
 * writer's name and email do not outlive a successful submit — against the
 * reference server over real HTTP.
 */
import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import type { StarRating } from "../../src/components/star-rating/star-rating.js";
import { resetConfig } from "../../src/core/config.js";
import { faultScript, sandbox, type MarketplaceIds, type Sandbox } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";

ReviewForm.define();

const TEXT = "A bright loft with a wonderful terrace; the stairs are steep.";
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textarea = (el: ReviewForm) => part(el, "textarea") as HTMLTextAreaElement;
const formShown = (el: ReviewForm) => waitUntil(() => part(el, "form"), "the form did not appear", { timeout: 4000 });
const kept = () => JSON.stringify(Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith("review-widgets:draft:"))));

async function fill(el: ReviewForm, field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function rate(el: ReviewForm, stars: number): Promise<void> {
  const input = el.shadowRoot!.querySelector<StarRating>("star-rating")!;
  input.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[stars - 1]!.click();
  await waitUntil(() => input.value === stars);
  await el.updateComplete;
}

const storyForm = (box: Sandbox, ids: MarketplaceIds, token: string | null) =>
  fixture<ReviewForm>(html`<review-form
    api-base=${box.marketplace}
    reviewee-id=${ids.listings.main}
    reviewee-type="listing"
    reservation-id=${ids.reservations.story}
    .token=${token}
  ></review-form>`);

describe("<review-form> drafts and who they belong to", () => {
  beforeEach(() => {
    freshServices();
    for (const key of Object.keys(localStorage)) if (key.startsWith("review-widgets:draft:")) localStorage.removeItem(key);
  });
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  it("gives a signed-in viewer's unsent review back to them only: not to another account, not when signed out", async () => {
    const box = await sandbox();
    const ids = await box.ids();
    const guest = (await box.login("guest@demo.test")).accessToken;
    const host = (await box.login("host@demo.test")).accessToken;

    const first = await storyForm(box, ids, guest);
    await formShown(first);
    await rate(first, 4);
    await fill(first, textarea(first), TEXT);
    first.remove();

    const other = await storyForm(box, ids, host);
    await formShown(other);
    expect(textarea(other).value, "another account").to.equal("");
    expect(other.shadowRoot!.textContent, "another account").not.to.contain("We restored");
    other.remove();
    // Nobody signed in: asked to sign in, and nothing of the guest's draft on screen.
    const signedOut = await storyForm(box, ids, null);
    await waitUntil(() => part(signedOut, "sign-in"), "no sign-in state", { timeout: 4000 });
    expect(signedOut.shadowRoot!.textContent).not.to.contain(TEXT);
    signedOut.remove();

    const again = await storyForm(box, ids, guest);
    await formShown(again);
    await waitUntil(() => textarea(again)?.value === TEXT, "the guest's draft did not come back");
    expect(again.shadowRoot!.querySelector<StarRating>("star-rating")!.value).to.equal(4);

    // Signing out while the form is open hides the draft too.
    again.token = null;
    await waitUntil(() => part(again, "sign-in") && !again.shadowRoot!.textContent!.includes(TEXT), "the draft stayed on screen after sign-out");
  });

  it("forgets the writer's name and email, also in other drafts, once a directory review was sent", async () => {
    const server = await faultScript({
      status: 201,
      json: {
        id: "new-1",
        entry: { id: "entry-1", title: "Northwind" },
        title: "",
        company: "",
        summary: TEXT,
        firstName: "Jane",
        lastName: "D",
        rating: 5,
        created: "2026-11-25T10:00:00Z",
        status: "P",
      },
    });
    const form = (entry: string) =>
      fixture<ReviewForm>(html`<review-form source="partnerpage" api-base=${server.base} directory-id="demo-directory" entry-id=${entry}></review-form>`);
    const input = (el: ReviewForm, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;

    // Half a review of another entry, with the writer's details, left for later.
    const other = await form("entry-2");
    await formShown(other);
    await fill(other, input(other, "firstName"), "Janet");
    await fill(other, input(other, "email"), "janet@acme.example");
    await fill(other, textarea(other), "Unfinished thoughts about entry two.");
    other.remove();

    const el = await form("entry-1");
    await formShown(el);
    await fill(el, input(el, "firstName"), "Janet");
    await fill(el, input(el, "lastName"), "Doe");
    await fill(el, input(el, "email"), "janet@acme.example");
    await rate(el, 5);
    await fill(el, textarea(el), TEXT);
    expect(kept()).to.contain("janet@acme.example");
    (part(el, "form") as HTMLFormElement).requestSubmit();
    await waitUntil(() => part(el, "notice")?.getAttribute("role") === "status", "not sent", { timeout: 4000 });

    for (const personal of ["janet@acme.example", "Janet", "Doe"]) expect(kept(), personal).not.to.contain(personal);
    expect(kept(), "the other entry's text stays").to.contain("Unfinished thoughts about entry two.");
  });
});
