/**
 * Never a hidden review in server-rendered HTML, its state or its JSON-LD (issue 17): the marketplace
 * listing has public reviews, double-blind-held ones (one written just now through the API), ones
 * pending moderation, rejected and deleted ones; the directory entry has pending and declined ones.
 * Rendered anonymously, and again through a leaky upstream that answers with a moderator's view:
 * the visibility rules run on the server as in the browser.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DIRECTORY_DEMO } from "../../server/directory/index.ts";
import { seedWorld } from "../../server/directory/seed.ts";
import { Clock } from "../../server/clock.ts";
import { DEMO } from "../../server/marketplace/index.ts";
import { materializeSeed } from "../../server/marketplace/seed.ts";
import { startServer, type RunningServer } from "../../server/serve.ts";
import { renderRatingSummary, renderReviewList } from "../../src/ssr/index.ts";
import { parts, readable, rendered, scriptData } from "./support.ts";

const MAIN = DEMO.listings.main;
const MARKETPLACE = { "api-base": "/reviewsystem-api", "reviewee-id": MAIN, "structured-data": true, "item-name": "Alfama loft" };
const JUST_WRITTEN = "SSR-HIDDEN held by double-blind, written during the test";

let server: RunningServer;
before(async () => {
  server = await startServer({ port: 0 });
});
after(() => server.close());

async function call(path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(server.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const login = async (who: "guest" | "admin") => (await call("/auth-api/login", { username: DEMO.logins[who], password: DEMO.password })).accessToken as string;

/** The seed's reviews of the listing, split by the rule of DESIGN.md §3. */
function marketplaceSeed(): { publicIds: string[]; hiddenTexts: string[]; undeletedTexts: string[] } {
  const reviews = materializeSeed(Date.now()).reviews.filter((review) => review.revieweeId === MAIN);
  const isPublic = (review: (typeof reviews)[number]) => review.isPublished && review.moderationStatus === "approved" && review.isActive;
  const publicTexts = new Set(reviews.filter(isPublic).map((review) => review.reviewText));
  const hiddenTexts = reviews.filter((review) => !isPublic(review)).map((review) => review.reviewText);
  // Otherwise "absent" would prove nothing.
  assert.ok(hiddenTexts.length >= 9 && hiddenTexts.every((text) => !publicTexts.has(text)), "the seed's hidden texts differ from its public ones");
  const undeletedTexts = reviews.filter((review) => !isPublic(review) && review.isActive).map((review) => review.reviewText);
  return { publicIds: reviews.filter(isPublic).map((review) => review.id), hiddenTexts, undeletedTexts };
}

/** Asserts that no hidden text can be read anywhere in the rendered element, and returns it parsed. */
function assertNoneOf(hiddenTexts: readonly string[], html: string, tag: string) {
  const host = rendered(html, tag);
  const everything = readable(host);
  for (const text of hiddenTexts) assert.ok(!everything.includes(text) && !html.includes(text.slice(0, 40)), `hidden text rendered: ${text.slice(0, 60)}`);
  return host;
}

interface ListStateJson {
  reviews: { id: string; text: string }[];
}
interface JsonLdJson {
  review?: { reviewBody: string }[];
  aggregateRating?: { reviewCount: number };
}

describe("marketplace: server-rendered HTML, state and JSON-LD hold public reviews only", () => {
  const seed = marketplaceSeed();
  const hiddenTexts = [...seed.hiddenTexts, JUST_WRITTEN];

  before(async () => {
    // The story stay's guest reviews the listing: held until the host reviews too or the window closes.
    const guest = await login("guest");
    const { review } = (await call(
      "/reviewsystem-api/v1/reviews",
      {
        moderationStatus: "pending",
        isPublished: false,
        reviewText: JUST_WRITTEN,
        rating: 5,
        revieweeId: MAIN,
        reservationId: DEMO.reservations.story,
        revieweeType: "listing",
      },
      guest,
    )) as { review: { isPublished: boolean } };
    assert.equal(review.isPublished, false, "held by double-blind");
  });

  /** A `fetch` that signs every request in as the moderator, who is answered with every review there is. */
  async function leakyUpstream(): Promise<{ fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>; answers: string[] }> {
    const admin = await login("admin");
    const answers: string[] = [];
    return {
      answers,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        request.headers.set("authorization", `Bearer ${admin}`);
        const response = await fetch(request);
        answers.push(await response.clone().text());
        return response;
      },
    };
  }

  for (const upstream of ["the reference server, anonymously", "a leaky upstream that answers as the moderator"]) {
    test(`<review-list> through ${upstream}`, async () => {
      const leaky = upstream.startsWith("a leaky") ? await leakyUpstream() : null;
      const html = await renderReviewList({ ...MARKETPLACE, "page-size": 100 }, { origin: server.url, ...(leaky && { fetch: leaky.fetch }) });
      if (leaky) {
        const answered = leaky.answers.join("\n");
        // Deleted reviews are gone even for the moderator; every other hidden one comes back.
        const missing = [...seed.undeletedTexts, JUST_WRITTEN].filter((text) => !answered.includes(JSON.stringify(text).slice(1, 40)));
        assert.deepEqual(missing, [], "the upstream did send the hidden reviews");
      }
      const host = assertNoneOf(hiddenTexts, html, "review-list");
      const state = scriptData(host, "application/json") as ListStateJson;
      assert.deepEqual(state.reviews.map((review) => review.id).sort(), [...seed.publicIds].sort(), "the state holds exactly the public reviews");
      assert.equal(parts(host, "review").length, seed.publicIds.length, "one card per public review");
      const jsonLd = scriptData(host, "application/ld+json") as JsonLdJson;
      assert.equal(jsonLd.review?.length, seed.publicIds.length, "JSON-LD describes the public reviews");
    });

    test(`<rating-summary> through ${upstream}`, async () => {
      const leaky = upstream.startsWith("a leaky") ? await leakyUpstream() : null;
      const html = await renderRatingSummary({ ...MARKETPLACE, "show-distribution": true }, { origin: server.url, ...(leaky && { fetch: leaky.fetch }) });
      const host = assertNoneOf(hiddenTexts, html, "rating-summary");
      const state = scriptData(host, "application/json") as { aggregate: { count: number }; distribution: number[] };
      assert.equal(state.aggregate.count, seed.publicIds.length, "the count is of public reviews");
      assert.equal(
        state.distribution.reduce((sum, n) => sum + n, 0),
        seed.publicIds.length,
        "the bars count public reviews",
      );
      assert.equal((scriptData(host, "application/ld+json") as JsonLdJson).aggregateRating?.reviewCount, seed.publicIds.length);
    });
  }

  test("a listing whose aggregate the server keeps hidden (too few reviews) shows no numbers, even to a moderator's upstream", async () => {
    const listing = DEMO.listings.fewReviews[0]!;
    for (const leaky of [null, await leakyUpstream()]) {
      const html = await renderRatingSummary(
        { ...MARKETPLACE, "reviewee-id": listing, "show-distribution": true },
        { origin: server.url, ...(leaky && { fetch: leaky.fetch }) },
      );
      const host = rendered(html, "rating-summary");
      assert.deepEqual(scriptData(host, "application/json"), { aggregate: { revieweeId: listing, visible: false }, distribution: null });
      assert.deepEqual(parts(host, "average"), []);
      assert.deepEqual(parts(host, "distribution"), []);
      assert.equal(parts(host, "empty").length, 1, "says there are not enough reviews");
      assert.equal(scriptData(host, "application/ld+json"), null, "no AggregateRating for crawlers");
    }
  });
});

describe("directory: server-rendered HTML, state and JSON-LD hold approved reviews only", () => {
  // The first entry has approved, pending and declined reviews (server/directory/seed.ts).
  const entry = DIRECTORY_DEMO.entries[0]!.id;
  const reviews = [...seedWorld(new Clock()).reviews.values()].filter((review) => review.entryId === entry);
  const approved = reviews.filter((review) => review.status === "A");
  const hiddenTexts = reviews.filter((review) => review.status !== "A").flatMap((review) => [review.summary]);
  const attributes = {
    source: "partnerpage",
    "api-base": "/directory-proxy",
    "directory-id": DIRECTORY_DEMO.directoryId,
    "entry-id": entry,
    "structured-data": true,
    "item-name": DIRECTORY_DEMO.entries[0]!.title,
  };

  test("the seed gives the entry hidden reviews to leave out", () => {
    assert.ok(hiddenTexts.length >= 2 && approved.length > 0);
    assert.ok(hiddenTexts.every((text) => !approved.some((review) => review.summary === text)));
  });

  test("<review-list> and <rating-summary> through the proxy", async () => {
    const list = assertNoneOf(hiddenTexts, await renderReviewList(attributes, { origin: server.url }), "review-list");
    assert.equal((scriptData(list, "application/json") as ListStateJson).reviews.length, approved.length);
    assert.equal(parts(list, "review").length, Math.min(10, approved.length));
    const summary = assertNoneOf(hiddenTexts, await renderRatingSummary(attributes, { origin: server.url }), "rating-summary");
    assert.equal((scriptData(summary, "application/json") as { aggregate: { count: number } }).aggregate.count, approved.length);
  });
});
