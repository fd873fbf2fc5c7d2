/**
 * Adding a backend is one folder and one line: here a guestbook that is
 * neither the marketplace nor the directory registers at run time, and the
 * elements work with it from its traits alone — no element knows its name.
 */
import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { registerBackend } from "../../src/api/backends.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import type { ReviewSource } from "../../src/core/source.js";
import { freshServices } from "../support/browser/dom.js";
import { waitUntil } from "../support/browser/wait.js";

RatingSummary.define();
ReviewList.define();
ReviewForm.define();

const review = {
  id: "g-1",
  rating: 4,
  text: "Signed the guestbook: lovely evening.",
  authorName: "Ada",
  revieweeId: "hall",
  submittedAt: new Date("2026-10-01T12:00:00Z"),
  visibility: "public" as const,
};
const asked: string[] = [];

const guestbook: ReviewSource = {
  kind: "guestbook",
  listReviews: async (query) => {
    asked.push(`list ${query.revieweeId}`);
    return { items: [review], page: 1, pageSize: 10, total: 1, pageCount: 1, viewerId: null, dropped: 0 };
  },
  getReview: async () => review,
  createReview: async (draft) => ({ ...review, id: "g-3", text: draft.text, rating: draft.rating }),
  updateReview: async () => null,
  deleteReview: async () => undefined,
  findOwnReview: async () => ({ review: null, viewerId: null }),
  listAggregates: async (keys) =>
    keys.map((key) => ({ revieweeId: key.revieweeId, visible: true as const, average: 4, count: 1, distribution: [0, 0, 0, 1, 0] as const })),
  getAggregate: async () => null,
};

registerBackend("guestbook", {
  traits: { entries: false, anonymous: true, reservations: false, refusal: "decline", exports: false, schemaType: "EventVenue" },
  load: async () => ({ createSource: () => guestbook }),
});

describe("a third backend", () => {
  beforeEach(() => freshServices());
  afterEach(() => fixtureCleanup());

  it("serves the summary, the list and the form from its registration alone", async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <rating-summary source="guestbook" api-base="https://guestbook.example" reviewee-id="hall"></rating-summary>
      <review-list source="guestbook" api-base="https://guestbook.example" reviewee-id="hall"></review-list>
      <review-form source="guestbook" api-base="https://guestbook.example" reviewee-id="hall"></review-form>
    </div>`);
    const [summary, list, form] = [wrapper.querySelector("rating-summary")!, wrapper.querySelector("review-list")!, wrapper.querySelector("review-form")!];
    await waitUntil(() => summary.shadowRoot!.querySelector('[part~="average"]'), "the summary did not load");
    expect(summary.shadowRoot!.querySelector('[part~="average"]')!.textContent!.trim()).to.equal("4.0");
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="review"]'), "the list did not load");
    expect(list.shadowRoot!.textContent).to.contain("Signed the guestbook");
    // Anonymous submitters and no reservations (its traits): the form asks who writes, with no sign-in and no reservation-id.
    await waitUntil(() => form.shadowRoot!.querySelector("textarea"), "the form did not render");
    expect(form.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    expect(form.shadowRoot!.querySelector('[part~="sign-in"]')).to.equal(null);
    expect(form.shadowRoot!.querySelector('input[autocomplete="email"]')).to.not.equal(null);
    expect(asked).to.include("list hall");
  });

  it("says a backend this file does not carry is missing, by its name", async () => {
    const el = await fixture<RatingSummary>(html`<rating-summary source="nowhere" api-base="https://x.example" reviewee-id="x"></rating-summary>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), "no configuration error");
  });
});
