/**
 * The state a server-rendered element takes over from (src/internal/server-state.ts) is untrusted
 * input: only well-formed, public data passes, rebuilt field by field, and anything else is no state.
 */
import { expect } from "@open-wc/testing";
import { listState, readStateScript, summaryState } from "../../src/internal/server-state.js";

type Loose = Record<string, unknown>;

const SUBMITTED = "2026-10-01T10:00:00.000Z";

/** A public review as the server puts it in the state (dates as JSON strings). */
const stateReview = (overrides: Loose = {}): Loose => ({
  id: "r1",
  rating: 4,
  text: "Lovely loft",
  authorName: "Jane D.",
  revieweeId: "L1",
  submittedAt: SUBMITTED,
  visibility: "public",
  ...overrides,
});

/** What `listState` must make of `stateReview()`: these fields and no others. */
const PUBLIC = { id: "r1", rating: 4, text: "Lovely loft", authorName: "Jane D.", revieweeId: "L1", submittedAt: new Date(SUBMITTED), visibility: "public" };

const kept = (review: Loose) => listState({ reviews: [review] })!.reviews;

describe("server state: listState", () => {
  it("takes a public review, rebuilt with the fields of the domain model", () => {
    expect(kept(stateReview())).to.deep.equal([PUBLIC]);
    expect(kept(stateReview({ submittedAt: new Date(SUBMITTED) }))).to.deep.equal([PUBLIC]);
  });

  it("keeps the optional public fields when they are well-formed", () => {
    const stay = { checkIn: "2026-09-20T00:00:00.000Z", nights: 3, verified: true };
    const [review] = kept(stateReview({ title: "Great", authorRole: "guest", authorCompany: "Northwind", stay }));
    expect(review).to.deep.equal({
      ...PUBLIC,
      title: "Great",
      authorRole: "guest",
      authorCompany: "Northwind",
      stay: { checkIn: new Date(stay.checkIn), nights: 3, verified: true },
    });
  });

  it("drops optional fields that are malformed, and keeps the review", () => {
    for (const extra of [
      { title: 7 },
      { authorRole: "admin" },
      { authorCompany: ["x"] },
      { stay: { checkIn: "not a date", nights: 3 } },
      { stay: { checkIn: SUBMITTED, nights: -1 } },
      { stay: "2026-09-20" },
    ]) {
      expect(kept(stateReview(extra)), JSON.stringify(extra)).to.deep.equal([PUBLIC]);
    }
    const [review] = kept(stateReview({ stay: { checkIn: SUBMITTED, nights: 2, verified: "true" } }));
    expect(review!.stay?.verified, "verified only when literally true").to.equal(false);
  });

  it("never lets a private field through: reviewer and reservation ids, emails, full names, moderation fields", () => {
    const [review] = kept(
      stateReview({
        reviewerId: "user-7",
        reservationId: "res-7",
        email: "jane@example.com",
        authorEmail: "jane@example.com",
        authorFullName: "Jane Doe",
        reviewer: { id: "user-7", fullname: "Jane Doe", email: "jane@example.com" },
        moderationStatus: "approved",
        isPublished: true,
        blindSubmissionCode: "code-7",
        pendingReason: "moderation",
        pendingUntil: SUBMITTED,
        _owner: "user-7",
      }),
    );
    expect(review).to.deep.equal(PUBLIC);
    expect(JSON.stringify(review)).not.to.match(/user-7|res-7|@example|Doe|code-7/);
  });

  it("ignores keys named like prototypes", () => {
    const review = JSON.parse(JSON.stringify(stateReview()).replace("{", '{"__proto__": {"polluted": "yes"}, "constructor": {"x": 1},')) as Loose;
    expect(kept(review)).to.deep.equal([PUBLIC]);
    expect(({} as Loose)["polluted"]).to.equal(undefined);
  });

  const dropped: [string, Loose][] = [
    ["pending (the viewer's own, never for a server render)", { visibility: "pending", pendingReason: "double-blind" }],
    ["hidden", { visibility: "hidden" }],
    ["visibility missing", { visibility: undefined }],
    ["visibility in other case", { visibility: "PUBLIC" }],
    ["visibility not a string", { visibility: true }],
    ["rating 0", { rating: 0 }],
    ["rating 6", { rating: 6 }],
    ["rating 4.5", { rating: 4.5 }],
    ["rating as a string", { rating: "5" }],
    ["rating NaN", { rating: Number.NaN }],
    ["impossible date", { submittedAt: "2026-13-45T99:99:99Z" }],
    ["empty date", { submittedAt: "" }],
    ["date as a number", { submittedAt: Date.parse(SUBMITTED) }],
    ["date missing", { submittedAt: undefined }],
    ["id not a string", { id: 1 }],
    ["text not a string", { text: ["Lovely"] }],
    ["text missing", { text: undefined }],
    ["author missing", { authorName: undefined }],
    ["reviewee not a string", { revieweeId: null }],
  ];
  for (const [what, overrides] of dropped) {
    it(`drops a review whose ${what}`, () => {
      const reviews = [stateReview({ id: "good" }), stateReview({ id: "bad", text: "SECRET", ...overrides })];
      const state = listState({ reviews })!;
      expect(state.reviews.map((review) => review.id)).to.deep.equal(["good"]);
      expect(JSON.stringify(state)).not.to.contain("SECRET");
    });
  }

  it("drops entries that are not objects", () => {
    expect(listState({ reviews: [null, "r1", 4, [stateReview()], stateReview()] })!.reviews).to.deep.equal([PUBLIC]);
  });

  it("is no state when the shape is wrong", () => {
    for (const value of [null, undefined, "reviews", 42, [], [stateReview()], {}, { reviews: null }, { reviews: {} }, { reviews: "[]" }]) {
      expect(listState(value), JSON.stringify(value) ?? String(value)).to.equal(null);
    }
  });

  it("an empty list is a state (loaded, no reviews)", () => {
    expect(listState({ reviews: [] })).to.deep.equal({ reviews: [] });
  });
});

describe("server state: summaryState", () => {
  const visible = { revieweeId: "L1", visible: true, average: 4.27, count: 31 };

  it("takes a public aggregate and a distribution", () => {
    expect(summaryState({ aggregate: visible, distribution: [1, 2, 3, 10, 15] })).to.deep.equal({ aggregate: visible, distribution: [1, 2, 3, 10, 15] });
    expect(summaryState({ aggregate: { ...visible, distribution: [0, 0, 1, 0, 30] } })).to.deep.equal({
      aggregate: { ...visible, distribution: [0, 0, 1, 0, 30] },
      distribution: null,
    });
  });

  it("takes no aggregate at all (nobody reviewed)", () => {
    expect(summaryState({ aggregate: null })).to.deep.equal({ aggregate: null, distribution: null });
  });

  it("keeps nothing but the reviewee of a hidden aggregate, whatever numbers came with it", () => {
    for (const hidden of [false, "true", 1, undefined]) {
      const state = summaryState({ aggregate: { ...visible, visible: hidden, visibilityStatus: "public" } });
      expect(state, `visible: ${String(hidden)}`).to.deep.equal({ aggregate: { revieweeId: "L1", visible: false }, distribution: null });
    }
  });

  it("rebuilds the aggregate, so private and unknown fields stay behind", () => {
    const state = summaryState({ aggregate: { ...visible, id: "agg-1", _owner: "system", reviewerIds: ["user-7"], email: "a@b.c" } });
    expect(state).to.deep.equal({ aggregate: visible, distribution: null });
  });

  for (const [what, overrides] of [
    ["an average above 5", { average: 5.01 }],
    ["a negative average", { average: -1 }],
    ["an average that is not a number", { average: "4.2" }],
    ["an average of NaN", { average: Number.NaN }],
    ["a fractional count", { count: 3.5 }],
    ["a negative count", { count: -2 }],
    ["a count as a string", { count: "31" }],
    ["no reviewee", { revieweeId: undefined }],
  ] as const) {
    it(`is no state with ${what}`, () => {
      expect(summaryState({ aggregate: { ...visible, ...overrides } })).to.equal(null);
    });
  }

  it("drops a distribution that is not five whole, non-negative counts", () => {
    for (const distribution of [[1, 2, 3, 4], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, -5], [1, 2, 3, 4, 0.5], [1, 2, 3, 4, "5"], "1,2,3,4,5", { 0: 1 }]) {
      expect(summaryState({ aggregate: visible, distribution })!.distribution, JSON.stringify(distribution)).to.equal(null);
      expect(summaryState({ aggregate: { ...visible, distribution } })!.aggregate, JSON.stringify(distribution)).to.deep.equal(visible);
    }
  });

  it("is no state when the shape is wrong", () => {
    for (const value of [null, undefined, 4.2, "state", [], {}, { aggregate: "L1" }, { aggregate: [] }, { aggregate: {} }]) {
      expect(summaryState(value), JSON.stringify(value) ?? String(value)).to.equal(null);
    }
  });
});

describe("server state: readStateScript", () => {
  /** A host element with a `<script>` child (inside a `<div>` when `nested`), built with the DOM, as the page's parser would. */
  const host = (json: string, { marked = true, nested = false } = {}) => {
    const element = document.createElement("div");
    const script = document.createElement("script");
    script.type = "application/json";
    if (marked) script.setAttribute("data-review-widgets-state", "");
    script.textContent = json;
    if (nested) element.append(document.createElement("div"));
    (nested ? element.firstElementChild! : element).append(script);
    return element;
  };

  it("reads the JSON of the element's own state child", () => {
    expect(readStateScript(host('{"reviews":[]}'))).to.deep.equal({ reviews: [] });
  });

  it("reads no state from a nested script, a script without the marker, or text that is not JSON", () => {
    expect(readStateScript(host('{"reviews":[]}', { nested: true }))).to.equal(null);
    expect(readStateScript(host('{"reviews":[]}', { marked: false }))).to.equal(null);
    expect(readStateScript(host('{"reviews":'))).to.equal(null);
    expect(readStateScript(document.createElement("div"))).to.equal(null);
  });
});
