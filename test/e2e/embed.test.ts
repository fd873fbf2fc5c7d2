import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { e2e, partText, settled } from "../support/node/e2e.ts";

/**
 * The script-tag build in plain HTML pages, as a site would use it. Pages are
 * served on the reference server's origin through a Playwright route; the
 * widgets and the API come from the real server.
 */

type Api = { configure(settings: Record<string, unknown>): void; q: unknown[] | { push(...commands: unknown[]): number } };

const context = e2e();
const { open } = context;
const LISTING = "20000000-0000-4000-8000-000000000001";
/** Another seeded listing. */
const NEIGHBOUR = "20000000-0000-4000-8000-000000000002";
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

/** Opens `html` at /test-page.html and records CSP violations and API requests. */
async function page(html: string): Promise<Page & { problems: string[]; violations: string[]; apiCalls: string[] }> {
  const blank = (await open("/languages.html")) as Page & { problems: string[]; violations: string[]; apiCalls: string[] };
  blank.violations = [];
  blank.apiCalls = [];
  await blank.exposeFunction("__violation", (text: string) => blank.violations.push(text));
  await blank.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { __violation(text: string): void }).__violation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  blank.on("request", (request) => {
    if (/\/(reviewsystem-api|directory-proxy)\//.test(request.url())) blank.apiCalls.push(request.url());
  });
  await blank.route("**/test-page.html", (route) => route.fulfill({ contentType: "text/html", body: html }));
  // Bare imports of the ESM build resolve through an import map to the packages on disk.
  await blank.route("**/node_modules/**", async (route) => {
    const path = new URL(route.request().url()).pathname.slice(1);
    route.fulfill({ contentType: "text/javascript", body: await readFile(path, "utf8") });
  });
  await blank.goto(new URL("/test-page.html", blank.url()).href);
  return blank;
}

const IMPORT_MAP = JSON.stringify({
  imports: {
    ...Object.fromEntries(
      ["lit", "lit-html", "lit-element", "@lit/reactive-element"].flatMap((name) => [
        [
          name,
          `/node_modules/${name}/${name === "lit-element" ? "index.js" : name.startsWith("@lit") ? "reactive-element.js" : name === "lit-html" ? "lit-html.js" : "index.js"}`,
        ],
        [`${name}/`, `/node_modules/${name}/`],
      ]),
    ),
    "zod/mini": "/node_modules/zod/v4/mini/index.js",
  },
});

const doc = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed test</title>${head}</head><body>${body}</body></html>`;

describe("the script-tag build", () => {
  it("registers every tag, reads its data-* settings and exposes configure", async () => {
    const p = await page(
      doc(
        `<script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" data-locale="de" defer></script>`,
        `<rating-summary reviewee-id="${LISTING}"></rating-summary>`,
      ),
    );
    await settled(p);
    const tags = await p.evaluate(() =>
      ["star-rating", "rating-summary", "review-list", "review-form", "review-moderation"].map((tag) => Boolean(customElements.get(tag))),
    );
    assert.deepEqual(tags, [true, true, true, true, true]);
    assert.equal(await p.evaluate(() => typeof (window as unknown as { ReviewWidgets?: Api }).ReviewWidgets?.configure), "function");
    // data-locale="de" applies where no closer lang says otherwise (<html lang="en"> is weaker than the embed's setting).
    await p.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.textContent?.includes("Bewertungen"));
    assert.equal(await partText(p, "rating-summary", "count"), "24 Bewertungen");
    assert.ok(p.apiCalls.every((url) => new URL(url).pathname.startsWith("/reviewsystem-api/")));
    assert.deepEqual(p.problems, []);
  });

  it("upgrades elements placed before an async script", async () => {
    const p = await page(
      doc(
        "",
        `<rating-summary reviewee-id="${LISTING}"></rating-summary><script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" async></script>`,
      ),
    );
    await p.waitForFunction(() => customElements.get("rating-summary") !== undefined);
    await settled(p);
    assert.equal(await partText(p, "rating-summary", "count"), "24 reviews");
  });

  it("runs what the page queued before an async script arrived, before any element renders, and then fires review-widgets-ready (3 of 3 runs)", async () => {
    for (let run = 1; run <= 3; run++) {
      const p = await page(
        doc(
          `<script>
             window.ReviewWidgets = window.ReviewWidgets || { q: [] };
             window.kept = window.ReviewWidgets;
             window.log = [];
             ReviewWidgets.q.push(["configure", { apiBase: "/reviewsystem-api" }], ["addMessages", "en", { reviewCount: { one: "{count} stay review", other: "{count} stay reviews" } }]);
             ReviewWidgets.q.push((api) => log.push("callback " + typeof api.configure));
             document.addEventListener("review-error", (event) => log.push("error " + event.detail.error.kind));
             window.addEventListener("review-widgets-ready", (event) => log.push("ready " + event.detail.tags.join(",") + " " + typeof ReviewWidgets.configure));
           </script>
           <script src="/dist/review-widgets.js" async></script>`,
          `<rating-summary reviewee-id="${LISTING}"></rating-summary>`,
        ),
      );
      await p.waitForFunction(() => (window as unknown as { log: string[] }).log.some((line) => line.startsWith("ready")));
      await settled(p);
      assert.equal(await partText(p, "rating-summary", "count"), "24 stay reviews", `run ${run}`);
      assert.deepEqual(await p.evaluate(() => (window as unknown as { log: string[] }).log), [
        "callback function",
        "ready star-rating,rating-summary,review-list,review-form,review-moderation function",
      ]);
      // The page's own reference is the API now, and a command pushed later runs at once.
      assert.equal(
        await p.evaluate(() => (window as unknown as { kept: unknown }).kept === (window as unknown as { ReviewWidgets: unknown }).ReviewWidgets),
        true,
      );
      await p.evaluate(() => ((window as unknown as { ReviewWidgets: Api }).ReviewWidgets.q as unknown[]).push(["configure", { locale: "de" }]));
      await p.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.textContent?.includes("Bewertungen"));
      assert.deepEqual(p.problems, []);
      await p.close();
    }
  });

  it("shares one configuration between two script files and the ESM build, and defines every tag once", async () => {
    const p = await page(
      doc(
        `<script src="/dist/review-widgets-listing.js" defer></script>
         <script src="/dist/review-widgets-moderation.js" defer></script>
         <script type="importmap">${IMPORT_MAP}</script>
         <script type="module">import { configure, ReviewList } from "/dist/index.js"; ReviewList.define("esm-review-list"); window.esm = { configure, ReviewList };</script>`,
        `<rating-summary reviewee-id="${LISTING}"></rating-summary><review-list reviewee-id="${LISTING}" page-size="3"></review-list>
         <esm-review-list reviewee-id="${LISTING}" page-size="2"></esm-review-list>`,
      ),
    );
    await p.waitForFunction(() => "esm" in window && customElements.get("review-moderation") !== undefined && customElements.get("review-list") !== undefined);
    const tags = await p.evaluate(() =>
      ["star-rating", "rating-summary", "review-list", "review-form", "review-moderation"].map((tag) => Boolean(customElements.get(tag))),
    );
    assert.deepEqual(tags, [true, true, true, true, true]);
    // The script file's class won (first definition); the ESM class still defines a tag of its own name.
    assert.equal(await p.evaluate(() => customElements.get("review-list") === (window as unknown as { esm: { ReviewList: unknown } }).esm.ReviewList), false);
    assert.equal(
      await p.evaluate(() => customElements.get("esm-review-list") === (window as unknown as { esm: { ReviewList: unknown } }).esm.ReviewList),
      true,
    );
    // Configured through the script files' global: the ESM build's element follows too.
    await p.evaluate(() => (window as unknown as { ReviewWidgets: Api }).ReviewWidgets.configure({ apiBase: "/reviewsystem-api" }));
    await settled(p);
    assert.equal(await partText(p, "rating-summary", "count"), "24 reviews");
    await p.waitForFunction(() => document.querySelector("esm-review-list")?.shadowRoot?.querySelector('[part~="review"]'));
    const reviews = await p.evaluate(() =>
      ["review-list", "esm-review-list"].map((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('[part~="review"]').length),
    );
    assert.deepEqual(reviews, [3, 2]);
    // And the other way round: configured through the ESM build, the script files' elements follow.
    await p.evaluate(() => (window as unknown as { esm: { configure(s: object): void } }).esm.configure({ locale: "de" }));
    await p.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.textContent?.includes("Bewertungen"));
    assert.deepEqual(p.problems, []);
  });

  it("is harmless when included twice, and next to the ESM build", async () => {
    const p = await page(
      doc(
        `<script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script>
         <script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script>
         <script type="importmap">${IMPORT_MAP}</script>
         <script type="module">import { ReviewList } from "/dist/define.js"; window.esmReviewList = ReviewList;</script>`,
        `<review-list reviewee-id="${LISTING}" page-size="3"></review-list>`,
      ),
    );
    await p.waitForFunction(() => "esmReviewList" in window);
    await settled(p);
    // The first definition (the IIFE's) stays; the ESM build's define() was a quiet no-op.
    assert.equal(await p.evaluate(() => customElements.get("review-list") === (window as unknown as { esmReviewList: unknown }).esmReviewList), false);
    const reviews = await p.evaluate(() => document.querySelector("review-list")!.shadowRoot!.querySelectorAll('[part~="review"]').length);
    assert.equal(reviews, 3);
    assert.deepEqual(p.problems, []);
  });

  it("makes no request for lazy elements until they near the viewport", async () => {
    const p = await page(
      doc(
        `<script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script>`,
        `<rating-summary id="near" reviewee-id="${NEIGHBOUR}"></rating-summary><div style="height: 4000px"></div>
         <rating-summary id="far" loading="lazy" reviewee-id="${LISTING}"></rating-summary><review-list loading="lazy" reviewee-id="${LISTING}"></review-list>`,
      ),
    );
    // The eager summary in view has loaded: had the lazy ones asked too, they would have by now (same batch, same task).
    await p.locator("#near").locator('[part~="count"], [part~="empty"]').first().waitFor();
    assert.ok(p.apiCalls.length >= 1);
    assert.deepEqual(
      p.apiCalls.filter((url) => url.includes(LISTING)),
      [],
    );
    await p.locator("#far").scrollIntoViewIfNeeded();
    await settled(p);
    assert.ok(p.apiCalls.length >= 1, "scrolling near made the request");
  });

  it("renders under a strict CSP with Trusted Types and reports no violation, in every language", async () => {
    const sections = ["en", "es", "de", "ar"]
      .map(
        (lang) =>
          `<section lang="${lang}"><rating-summary reviewee-id="${LISTING}" show-distribution></rating-summary><review-list reviewee-id="${LISTING}" page-size="2"></review-list></section>`,
      )
      .join("");
    const p = await page(
      doc(
        `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}"><script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script>`,
        `${sections}<review-form reviewee-id="${LISTING}" reservation-id="r"></review-form>`,
      ),
    );
    await settled(p);
    await p.waitForFunction(() => document.querySelector('[lang="ar"] rating-summary')?.shadowRoot?.textContent?.includes("مراجعة"));
    // Interact too: the form's sign-in and validation and the list's controls render new templates.
    await p.locator("review-form").locator('[part~="sign-in"]').click();
    await p.evaluate(async () => {
      const response = await fetch("/auth-api/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "guest@demo.test", password: "demo" }),
      });
      const { accessToken } = (await response.json()) as { accessToken: string };
      (window as unknown as { ReviewWidgets: { configure(settings: object): void } }).ReviewWidgets.configure({ token: accessToken });
    });
    await p.locator("review-form").locator('[part~="submit"]').click();
    await p.locator("review-list").first().locator('[part~="show-more"]').click();
    const counts = await p.evaluate(() =>
      [...document.querySelectorAll("section")].map((s) => s.querySelector("rating-summary")!.shadowRoot!.querySelector('[part~="count"]')!.textContent),
    );
    assert.deepEqual(counts, ["24 reviews", "24 reseñas", "24 Bewertungen", "24 مراجعة"]);
    // The section says only lang="ar": the widgets' content is laid out right to left from the language alone.
    const direction = await p.evaluate(() => {
      const list = document.querySelector('[lang="ar"] review-list')!.shadowRoot!;
      return getComputedStyle(list.querySelector('[part~="review"]')!).direction;
    });
    assert.equal(direction, "rtl");
    assert.deepEqual(p.violations, []);
    assert.deepEqual(p.problems, []);
  });

  it("emits structured data under Trusted Types when the page allows the review-widgets policy", async () => {
    const csp = STRICT_CSP.replace("trusted-types lit-html", "trusted-types lit-html review-widgets");
    const p = await page(
      doc(
        `<meta http-equiv="Content-Security-Policy" content="${csp}"><script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script>`,
        `<rating-summary reviewee-id="${LISTING}" structured-data item-name="Alfama rooftop loft"></rating-summary>
         <review-list reviewee-id="${LISTING}" page-size="3" structured-data item-name="Alfama rooftop loft"></review-list>`,
      ),
    );
    await settled(p);
    await p.waitForFunction(() => document.querySelectorAll('script[type="application/ld+json"]').length === 2);
    const data = await p.evaluate(() =>
      [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!) as Record<string, unknown>),
    );
    assert.equal((data[0]!["aggregateRating"] as { reviewCount: number }).reviewCount, 24);
    assert.equal((data[1]!["review"] as unknown[]).length, 3);
    assert.deepEqual(p.violations, []);
    assert.deepEqual(p.problems, []);
  });

  it("the install snippet's sign-in reaches the first request: two requests in all, not three", async () => {
    const login = await fetch(`${context.server.url}/auth-api/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "guest@demo.test", password: "demo" }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const p = await page(
      doc(
        `<script src="/dist/review-widgets-ratings.js" data-api-base="/reviewsystem-api" defer></script>
         <script type="module">window.ReviewWidgets.configure({ token: () => ${JSON.stringify(accessToken)} });</script>`,
        `<rating-summary reviewee-id="${LISTING}"></rating-summary><review-list reviewee-id="${LISTING}"></review-list>`,
      ),
    );
    await settled(p);
    assert.equal(p.apiCalls.length, 2, p.apiCalls.join("\n"));
    assert.equal(p.apiCalls.filter((url) => url.includes("/v1/reviews?")).length, 1);
    assert.deepEqual(p.problems, []);
  });

  it("keeps a directory file's default backend to its own elements", async () => {
    const p = await page(
      doc(
        `<script src="/dist/review-widgets-summary.js" data-api-base="/reviewsystem-api" defer></script>
         <script src="/dist/review-widgets-moderation.js" defer></script>`,
        `<rating-summary reviewee-id="${LISTING}"></rating-summary>
         <review-moderation api-base="/partnerpage/api/directory/private/v1alpha" directory-id="demo-directory"></review-moderation>`,
      ),
    );
    await settled(p);
    // The summary still asks the marketplace; the moderation view, the directory (signed out: it asks for a key).
    assert.equal(await partText(p, "rating-summary", "count"), "24 reviews");
    assert.match(await p.evaluate(() => document.querySelector("review-moderation")!.shadowRoot!.textContent ?? ""), /Sign in/);
    assert.deepEqual(p.problems, []);
  });

  it("lets an attribute win over configure(), and configure() over data-*", async () => {
    const p = await page(
      doc(
        `<script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api/nowhere" defer></script>`,
        `<rating-summary id="configured" reviewee-id="${LISTING}"></rating-summary><rating-summary id="attribute" api-base="/reviewsystem-api" reviewee-id="${LISTING}"></rating-summary>`,
      ),
    );
    // data-* applies first: the element without an attribute asks /nowhere and shows the error state.
    await p.locator("#configured").locator('[part~="error"]').waitFor();
    assert.equal(await partText(p, "#attribute", "count"), "24 reviews");
    // configure() beats data-*: it reloads from the configured base…
    await p.evaluate(() => (window as unknown as { ReviewWidgets: Api }).ReviewWidgets.configure({ apiBase: "/reviewsystem-api" }));
    await p.locator("#configured").locator('[part~="count"]').waitFor();
    assert.equal(await partText(p, "#configured", "count"), "24 reviews");
    // …but never beats an attribute.
    p.apiCalls.length = 0;
    await p.evaluate(() => (window as unknown as { ReviewWidgets: Api }).ReviewWidgets.configure({ apiBase: "/reviewsystem-api/elsewhere" }));
    await p.locator("#configured").locator('[part~="error"]').waitFor();
    assert.equal(await partText(p, "#attribute", "count"), "24 reviews");
    assert.ok(
      p.apiCalls.some((url) => url.includes("/elsewhere/v1/")),
      "the configured element asked the new base",
    );
    // The attributed element's source did not change: it asks nothing (its answer is still in the page's store).
    assert.ok(!p.apiCalls.some((url) => new URL(url).pathname === "/reviewsystem-api/v1/reviewaggregates"), "the attributed element kept its own");
  });
});
