import { expect } from "@open-wc/testing";
import { HttpClient } from "../../src/api/http.js";
import { WireAggregate, WireReview } from "../../src/api/mindbricks/schemas.js";
import { MindbricksSource } from "../../src/api/mindbricks/source.js";
import { parseItems } from "../../src/api/parse.js";
import { INVALID_DATA_EVENT, type InvalidDataReport } from "../../src/core/diagnostics.js";
import { rejection } from "../support/browser/api-error.js";
import { faultScript } from "../support/browser/backend.js";
import { envelope, errorBody, wireAggregate, wireReview } from "../support/wire.js";

/** Recorded wire fixtures (seed 003 shapes) served by the fault server. */
async function sourceServing(...bodies: unknown[]) {
  const server = await faultScript(...bodies.map((json) => ({ json })));
  return { server, source: new MindbricksSource(server.base, new HttpClient({ maxRetries: 0 })) };
}

describe("MindbricksSource on recorded wire data", () => {
  it("sends the seed's query: repeated filters, pageNumber and pageRowCount, bearer token", async () => {
    const { server, source } = await sourceServing(envelope("reviews", []));
    await source.listReviews({ revieweeId: "listing-1", revieweeType: "listing", page: 2, pageSize: 10 }, { token: "tok" });
    const [entry] = await server.log();
    const url = new URL(entry!.url, location.origin);
    expect(url.pathname.endsWith("/v1/reviews")).to.equal(true);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ revieweeId: "listing-1", revieweeType: "listing", pageNumber: "2", pageRowCount: "10" });
    expect(entry!.authorization).to.equal("Bearer tok");
    expect(url.search).to.not.contain("tok&");
  });

  it("maps public reviews to the domain model with a privacy-trimmed author", async () => {
    const wire = wireReview({ reviewText: "Lovely flat", rating: 5, reviewer: { id: "u1", fullname: "Maria Lopez Garcia" } });
    const { source } = await sourceServing(envelope("reviews", [wire]));
    const page = await source.listReviews({ revieweeId: "listing-1" });
    expect(page.items).to.have.length(1);
    const [review] = page.items;
    expect(review!.text).to.equal("Lovely flat");
    expect(review!.authorName).to.equal("Maria L.");
    expect(review!.authorRole).to.equal("guest");
    expect(review!.visibility).to.equal("public");
    expect(review!.submittedAt.toISOString()).to.equal("2026-10-01T10:00:00.000Z");
    expect(JSON.stringify(review)).to.not.contain("blindSubmissionCode");
    expect(JSON.stringify(review)).to.not.contain("Garcia");
  });

  it("never returns a hidden review, even when a misbehaving server sends it", async () => {
    const leaks = [
      wireReview({ isPublished: false, reviewText: "LEAK unpublished" }),
      wireReview({ moderationStatus: "pending", reviewText: "LEAK pending" }),
      wireReview({ moderationStatus: "rejected", reviewText: "LEAK rejected" }),
      wireReview({ isActive: false, reviewText: "LEAK deleted" }),
      wireReview({ moderationStatus: "shadowbanned", reviewText: "LEAK unknown status" }),
    ];
    const { source } = await sourceServing(envelope("reviews", [...leaks, wireReview({ reviewText: "fine" })], { userId: "someone-else" }));
    const page = await source.listReviews({ revieweeId: "listing-1" });
    expect(page.items.map((r) => r.text)).to.deep.equal(["fine"]);
    expect(page.dropped).to.equal(5);
  });

  it("shows the viewer their own pending review, with why and until when", async () => {
    const own = wireReview({ reviewerId: "me", isPublished: false, moderationStatus: "pending", submittedAt: "2026-11-20T09:00:00.000Z" });
    const { source } = await sourceServing(envelope("reviews", [own], { userId: "me" }));
    const [review] = (await source.listReviews({ revieweeId: "listing-1" })).items;
    expect(review!.visibility).to.equal("pending");
    expect(review!.pendingReason).to.equal("double-blind");
    expect(review!.pendingUntil!.toISOString()).to.equal("2026-12-04T09:00:00.000Z");
  });

  it("drops reviews of another reviewee (a server answering the wrong question)", async () => {
    const { source } = await sourceServing(envelope("reviews", [wireReview({ revieweeId: "listing-2" }), wireReview({ revieweeId: "listing-1" })]));
    const page = await source.listReviews({ revieweeId: "listing-1" });
    expect(page.items.map((r) => r.revieweeId)).to.deep.equal(["listing-1"]);
  });

  it("drops invalid items, keeps the valid ones, and reports the problem once", async () => {
    const bad = [wireReview({ rating: "5" }), wireReview({ rating: 7 }), wireReview({ submittedAt: "yesterday" }), wireReview({ id: 12 }), "junk", null];
    const { source } = await sourceServing(envelope("reviews", [...bad, wireReview({ reviewText: "valid" })]));
    const warnings: unknown[][] = [];
    const events: Event[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    const onEvent = (event: Event) => events.push(event);
    window.addEventListener(INVALID_DATA_EVENT, onEvent);
    try {
      const first = await source.listReviews({ revieweeId: "listing-1" });
      const second = await source.listReviews({ revieweeId: "listing-1" });
      expect(first.items.map((r) => r.text)).to.deep.equal(["valid"]);
      expect(first.dropped).to.equal(6);
      expect(second.items).to.have.length(1);
    } finally {
      console.warn = warn;
      window.removeEventListener(INVALID_DATA_EVENT, onEvent);
    }
    expect(warnings).to.have.length(1);
    expect(events).to.have.length(1);
    expect((events[0] as CustomEvent<{ dropped: number }>).detail.dropped).to.equal(6);
  });

  it("says in the report what was wrong with a dropped item", () => {
    const cases: Array<[unknown, string]> = [
      [wireReview({ rating: "5" }), "rating: expected number"],
      [wireReview({ rating: 7 }), "rating: expected ≤ 5"],
      [wireReview({ submittedAt: "yesterday" }), "submittedAt: expected a date"],
      [wireReview({ id: 12 }), "id: expected string"],
      [wireReview({ id: "" }), "id: expected at least 1 character"],
      [wireReview({ reviewer: { fullname: 42 } }), "reviewer.fullname: expected string"],
      ["junk", "value: expected object"],
    ];
    const examples: string[] = [];
    const onEvent = (event: Event) => examples.push((event as CustomEvent<InvalidDataReport>).detail.example);
    const warn = console.warn;
    console.warn = () => undefined;
    window.addEventListener(INVALID_DATA_EVENT, onEvent);
    try {
      cases.forEach(([item], i) => parseItems(WireReview, [item], `report wording ${i}`));
      parseItems(WireAggregate, [wireAggregate({ averageRating: -1 })], "report wording aggregate");
    } finally {
      console.warn = warn;
      window.removeEventListener(INVALID_DATA_EVENT, onEvent);
    }
    expect(examples).to.deep.equal([...cases.map(([, example]) => example), "averageRating: expected ≥ 0"]);
  });

  it("rejects an envelope with wrong-typed fields as an invalid response", async () => {
    const cases = [
      { status: "OK", dataName: "reviews", reviews: { not: "a list" } },
      { status: "ERR", dataName: "reviews", reviews: [] },
      { status: "OK", dataName: "reviewAggregates", reviews: [] },
      { status: "OK", dataName: "reviews", reviews: [], paging: { pageNumber: "1", pageRowCount: 25, totalRowCount: 0, pageCount: 0 } },
      [],
      "OK",
    ];
    for (const body of cases) {
      const { source } = await sourceServing(body);
      const error = await rejection(source.listReviews({ revieweeId: "listing-1" }));
      expect(error.kind, JSON.stringify(body)).to.equal("invalid-response");
    }
  });

  it("reads the marketplace error envelope into a typed error", async () => {
    const server = await faultScript({ status: 403, json: errorBody(403, "errMsg_notReservationParty") });
    const source = new MindbricksSource(server.base, new HttpClient());
    const error = await rejection(source.createReview({ rating: 5, text: "x", revieweeId: "l", revieweeType: "listing", reservationId: "r" }, { token: "t" }));
    expect(error.status).to.equal(403);
    expect(error.serverCode).to.equal("errMsg_notReservationParty");
  });

  it("creates with the seed's required fields, pending and unpublished", async () => {
    const created = wireReview({ reviewerId: "me", isPublished: false, moderationStatus: "pending" });
    const server = await faultScript({ status: 201, json: envelope("review", created, { userId: "me", statusCode: 201 }) });
    const source = new MindbricksSource(server.base, new HttpClient());
    const review = await source.createReview(
      { rating: 4, text: "Good", revieweeId: "listing-1", revieweeType: "listing", reservationId: "res-1" },
      { token: "t" },
    );
    expect(review.visibility).to.equal("pending");
    const [entry] = await server.log();
    expect(entry!.method).to.equal("POST");
    expect(JSON.parse(entry!.body)).to.deep.equal({
      moderationStatus: "pending",
      isPublished: false,
      reviewText: "Good",
      rating: 4,
      revieweeId: "listing-1",
      reservationId: "res-1",
      revieweeType: "listing",
    });
  });

  it("shows no numbers for a hidden aggregate, and drops aggregates nobody asked for", async () => {
    const { source } = await sourceServing(
      envelope("reviewAggregates", [
        wireAggregate({ revieweeId: "a", visibilityStatus: "hidden", averageRating: 2.5, reviewCount: 2 }),
        wireAggregate({ revieweeId: "zzz" }),
        wireAggregate({ revieweeId: "b", averageRating: 4.27, reviewCount: 31 }),
      ]),
    );
    const aggregates = await source.listAggregates([{ revieweeId: "a" }, { revieweeId: "b" }]);
    expect(aggregates).to.deep.equal([
      { revieweeId: "a", revieweeType: "listing", visible: false },
      { revieweeId: "b", revieweeType: "listing", visible: true, average: 4.27, count: 31 },
    ]);
    expect(JSON.stringify(aggregates[0])).to.not.contain("2.5");
  });
});
