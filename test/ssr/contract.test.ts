/**
 * review-widgets/ssr's contract (issue 17): the CSP hashes match the inline styles, a Spanish page
 * is Spanish, dates are absolute months with a machine-readable `datetime`, an unknown attribute is
 * refused clearly, and a dead API renders the loading state and reports instead of throwing.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { DEMO } from "../../server/marketplace/index.ts";
import { startServer, type RunningServer } from "../../server/serve.ts";
import { renderRatingSummary, renderReviewList, renderStarRating, styleHashes } from "../../src/ssr/index.ts";
import { attr, elements, parts, rendered, scriptData, textOf } from "./support.ts";

const LISTING = { "api-base": "/reviewsystem-api", "reviewee-id": DEMO.listings.main };

let server: RunningServer;
before(async () => {
  server = await startServer({ port: 0 });
});
after(() => server.close());

const month = (lang: string, iso: string) => new Intl.DateTimeFormat(lang, { month: "long", year: "numeric" }).format(new Date(iso));

describe("CSP", () => {
  test("styleHashes() are the SHA-256 of the inline styles, one per element, and cover every <style> rendered", async () => {
    const pages = [
      rendered(await renderRatingSummary({ ...LISTING, "show-distribution": true }, { origin: server.url }), "rating-summary"),
      rendered(await renderReviewList(LISTING, { origin: server.url }), "review-list"),
      rendered(await renderStarRating({ value: 4 }), "star-rating"),
    ];
    const styles = new Set(pages.flatMap((host) => elements(host).filter((node) => node.tagName === "style")).map(textOf));
    const hashes = [...styles].map((css) => `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`);
    // Three elements, three styles: the cards' nested <star-rating> brings the same style as the standalone one.
    assert.equal(styles.size, 3);
    assert.deepEqual((await styleHashes()).sort(), hashes.sort());
  });
});

describe("languages and dates", () => {
  test("a Spanish summary is in Spanish", async () => {
    const host = rendered(await renderRatingSummary({ ...LISTING, "show-distribution": true, lang: "es" }, { origin: server.url }), "rating-summary");
    const { aggregate } = scriptData(host, "application/json") as { aggregate: { count: number; average: number } };
    assert.equal(textOf(parts(host, "count")[0]!), `${aggregate.count} reseñas`);
    assert.equal(textOf(parts(host, "average")[0]!), aggregate.average.toFixed(1).replace(".", ","));
    assert.match(attr(parts(host, "stars")[0]!, "aria-label")!, /^Valoración: /);
    assert.match(attr(parts(host, "distribution")[0]!, "aria-label")!, /^Distribución/);
  });

  for (const lang of ["en", "es"]) {
    test(`review dates are absolute months with a datetime (${lang})`, async () => {
      const host = rendered(await renderReviewList({ ...LISTING, lang }, { origin: server.url }), "review-list");
      const state = scriptData(host, "application/json") as { reviews: { id: string; submittedAt: string }[] };
      const cards = parts(host, "review");
      assert.equal(cards.length, 10);
      for (const card of cards) {
        const id = attr(parts(card, "review-body")[0]!, "id")!.replace(/^body-/, "");
        const time = parts(card, "review-date")[0]!;
        const submitted = state.reviews.find((review) => review.id === id)!.submittedAt;
        assert.equal(time.tagName, "time");
        assert.equal(attr(time, "datetime"), new Date(submitted).toISOString());
        // The month, then the full date for screen readers: never "3 weeks ago", which cached HTML would freeze.
        assert.ok(textOf(time).startsWith(month(lang, submitted)), `${id}: ${textOf(time)}`);
        assert.doesNotMatch(textOf(time), /\bago\b|\bhace\b/);
      }
    });
  }
});

describe("mistakes and failures", () => {
  test("an unknown attribute is refused with a TypeError naming it", async () => {
    await assert.rejects(renderRatingSummary({ ...LISTING, revieweeid: "L1" }), {
      name: "TypeError",
      message: 'review-widgets/ssr: <rating-summary> has no attribute "revieweeid"',
    });
    await assert.rejects(renderReviewList({ ...LISTING, onclick: "alert(1)" }), { name: "TypeError", message: /<review-list> has no attribute "onclick"/ });
    await assert.rejects(renderStarRating({ stars: 4 }), { name: "TypeError", message: /<star-rating> has no attribute "stars"/ });
  });

  test("below min-count, the summary gives crawlers no AggregateRating either (as <rating-summary> does in the browser)", async () => {
    const attributes = { ...LISTING, "min-count": 50, "structured-data": true, "item-name": "Alfama loft" };
    const host = rendered(await renderRatingSummary(attributes, { origin: server.url }), "rating-summary");
    assert.equal(parts(host, "empty").length, 1, "not enough reviews to show");
    assert.equal(scriptData(host, "application/ld+json"), null);
  });

  test("a dead API renders the loading state, without state, and calls onError instead of throwing", async () => {
    // A port that was just listening and is closed now: connections are refused.
    const dead = await startServer({ port: 0 });
    await dead.close();
    for (const [render, tag] of [
      [renderRatingSummary, "rating-summary"],
      [renderReviewList, "review-list"],
    ] as const) {
      const errors: unknown[] = [];
      const html = await render({ "api-base": `${dead.url}/reviewsystem-api`, "reviewee-id": DEMO.listings.main }, { onError: (error) => errors.push(error) });
      const host = rendered(html, tag);
      assert.equal(errors.length, 1, `${tag}: onError once`);
      assert.ok(parts(host, "skeleton").length > 0, `${tag}: loading`);
      assert.equal(scriptData(host, "application/json"), null, `${tag}: no state, so the browser loads`);
    }
  });
});
