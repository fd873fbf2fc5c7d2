import { expect, fixture, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import type { Aggregate, Review } from "../../src/core/model.js";
import { jsonLdScript, qualifies, structuredData } from "../../src/structured-data.js";
import { faultScript } from "../support/browser/backend.js";
import { freshServices } from "../support/browser/dom.js";
import { envelope, wireAggregate, wireReview } from "../support/wire.js";

RatingSummary.define();
ReviewList.define();

const review = (overrides: Partial<Review>): Review => ({
  id: "r",
  rating: 4,
  text: "Lovely",
  authorName: "Jane D.",
  revieweeId: "l1",
  submittedAt: new Date("2026-10-01T00:00:00Z"),
  visibility: "public",
  ...overrides,
});

const jsonLd = (el: Element) => {
  const script = el.querySelector(':scope > script[type="application/ld+json"]');
  return script ? (JSON.parse(script.textContent!) as Record<string, unknown>) : null;
};

describe("structured data", () => {
  beforeEach(() => freshServices());

  it("describes public reviews and a public aggregate only", () => {
    const aggregate: Aggregate = { revieweeId: "l1", visible: true, average: 4.27, count: 31 };
    const data = structuredData("mindbricks", { name: "Alfama loft" }, aggregate, [
      review({ id: "a", text: "Public one" }),
      review({ id: "b", text: "SECRET pending", visibility: "pending", pendingReason: "double-blind" }),
    ])!;
    expect(data["@type"]).to.equal("LodgingBusiness");
    expect(data["aggregateRating"]).to.deep.equal({ "@type": "AggregateRating", ratingValue: 4.27, reviewCount: 31, bestRating: 5, worstRating: 1 });
    expect(JSON.stringify(data)).to.not.contain("SECRET");
    expect((data["review"] as unknown[]).length).to.equal(1);
    expect(structuredData("mindbricks", { name: "x" }, { revieweeId: "l1", visible: false }, [])).to.equal(null);
  });

  it("is only for listings and directory entries, never people", () => {
    expect(qualifies("mindbricks", "listing")).to.equal(true);
    expect(qualifies("partnerpage", undefined)).to.equal(true);
    expect(qualifies("mindbricks", "host")).to.equal(false);
    expect(qualifies("mindbricks", "guest")).to.equal(false);
  });

  it("escapes review text so it can never close the script tag", () => {
    const data = structuredData("mindbricks", { name: "x" }, null, [review({ text: "</script><script>alert(1)</script>\u2028" })])!;
    const tag = jsonLdScript(data);
    expect(tag.indexOf("</script>")).to.equal(tag.length - "</script>".length);
    const parsed = JSON.parse(tag.slice(tag.indexOf(">") + 1, -"</script>".length)) as { review: { reviewBody: string }[] };
    expect(parsed.review[0]!.reviewBody).to.equal("</script><script>alert(1)</script>\u2028");
  });

  it("is emitted by <review-list structured-data> with public reviews only", async () => {
    const server = await faultScript({
      json: envelope(
        "reviews",
        [
          wireReview({ revieweeId: "l1", reviewText: "Shown to everyone" }),
          wireReview({ revieweeId: "l1", reviewText: "LEAK hidden", isPublished: false }),
          wireReview({ revieweeId: "l1", reviewText: "LEAK own pending", isPublished: false, reviewerId: "me" }),
        ],
        { userId: "me" },
      ),
    });
    const el = await fixture<ReviewList>(html`<review-list api-base=${server.base} reviewee-id="l1" structured-data item-name="Alfama loft"></review-list>`);
    // The JSON-LD code is fetched on first use: on a loaded machine that can take seconds.
    await waitUntil(() => jsonLd(el), "no JSON-LD was published", { timeout: 6000 });
    const data = jsonLd(el)!;
    expect(data["name"]).to.equal("Alfama loft");
    expect(JSON.stringify(data)).to.contain("Shown to everyone");
    expect(JSON.stringify(data)).to.not.contain("LEAK");
  });

  it("is not emitted without a name, for a person, or when the aggregate is hidden", async () => {
    const reviews = await faultScript({ json: envelope("reviews", [wireReview({ revieweeId: "h1", revieweeType: "host" })]) });
    const host = await fixture<ReviewList>(
      html`<review-list api-base=${reviews.base} reviewee-id="h1" reviewee-type="host" structured-data item-name="Kenji"></review-list>`,
    );
    const hidden = await faultScript({ json: envelope("reviewAggregates", [wireAggregate({ revieweeId: "l2", visibilityStatus: "hidden" })]) });
    const summary = await fixture<RatingSummary>(
      html`<rating-summary api-base=${hidden.base} reviewee-id="l2" structured-data item-name="Loft"></rating-summary>`,
    );
    const shown = await faultScript({ json: envelope("reviewAggregates", [wireAggregate({ revieweeId: "l3" })]) });
    const unnamed = await fixture<RatingSummary>(html`<rating-summary api-base=${shown.base} reviewee-id="l3" structured-data></rating-summary>`);
    await waitUntil(() => [host, summary, unnamed].every((el) => el.shadowRoot!.querySelector('[part~="skeleton"]') === null));
    expect([jsonLd(host), jsonLd(summary), jsonLd(unnamed)]).to.deep.equal([null, null, null]);
  });
});
