import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { e2e, settled } from "../support/node/e2e.ts";

/**
 * Theming from the outside: the page's colour scheme (and the reader's
 * prefers-color-scheme when the page opts in), reduced motion, forced colours,
 * and a brand theme made only of parts and custom properties.
 */
const { open } = e2e();
const LISTING = "20000000-0000-4000-8000-000000000001";

async function page(css: string, body = `<review-list reviewee-id="${LISTING}" page-size="2"></review-list>`): Promise<Page & { problems: string[] }> {
  const p = await open("/languages.html");
  await p.route("**/theme-test.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>theme</title><style>${css}</style>
        <script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script></head><body>${body}</body></html>`,
    }),
  );
  await p.goto(new URL("/theme-test.html", p.url()).href);
  return p;
}

const cardBackground = (p: Page) =>
  p.evaluate(() => getComputedStyle(document.querySelector("review-list")!.shadowRoot!.querySelector('[part~="review"]')!).backgroundColor);

describe("theming", () => {
  it("draws the distribution bars and spaces the card's stay line in the built file (minified templates)", async () => {
    const p = await page(
      "",
      `<rating-summary reviewee-id="${LISTING}" show-distribution></rating-summary><review-list reviewee-id="${LISTING}" page-size="2"></review-list>`,
    );
    await p.locator("rating-summary").locator('[part~="distribution"]').waitFor();
    const stay = await p.locator("review-list").locator(".meta").first().textContent();
    assert.match(stay?.replace(/\s+/g, " ").trim() ?? "", /^Stayed \w+ \d{4} · \d+ nights · ✓ Verified stay$/);
    const widths = await p.evaluate(() =>
      [...document.querySelector("rating-summary")!.shadowRoot!.querySelectorAll("svg.bar > rect:not(.track)")].map((bar) => bar.getBoundingClientRect().width),
    );
    assert.equal(widths.length, 5, "one bar per star");
    assert.ok(
      widths.some((width) => width > 0),
      `the bars are drawn: ${widths.join(", ")}`,
    );
    assert.deepEqual(p.problems, []);
  });

  it("follows prefers-color-scheme on a page that opts in with color-scheme, and stays light on one that does not", async () => {
    const optedIn = await page(":root { color-scheme: light dark }");
    await optedIn.emulateMedia({ colorScheme: "dark" });
    await settled(optedIn);
    assert.equal(await cardBackground(optedIn), "rgb(28, 29, 32)");
    await optedIn.emulateMedia({ colorScheme: "light" });
    assert.equal(await cardBackground(optedIn), "rgb(255, 255, 255)");

    const lightOnly = await page("");
    await lightOnly.emulateMedia({ colorScheme: "dark" });
    await settled(lightOnly);
    assert.equal(await cardBackground(lightOnly), "rgb(255, 255, 255)", "a light page keeps light widgets");
  });

  it("stops the loading shimmer for reduced motion", async () => {
    const p = await open("/languages.html");
    await p.emulateMedia({ reducedMotion: "reduce" });
    // The reviews are held back until the checks are done, so the skeleton stays for as long as they take.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route("**/reviewsystem-api/**", async (route) => {
      await held;
      await route.continue();
    });
    await p.route("**/motion.html", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><head><title>m</title><script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" defer></script></head><body><review-list reviewee-id="${LISTING}"></review-list></body></html>`,
      }),
    );
    await p.goto(new URL("/motion.html", p.url()).href);
    const skeleton = p.locator("review-list").locator('[part~="skeleton"]').first();
    await skeleton.waitFor();
    assert.equal(await skeleton.evaluate((el) => getComputedStyle(el).animationName), "none");
    await p.emulateMedia({ reducedMotion: "no-preference" });
    assert.equal(await skeleton.evaluate((el) => getComputedStyle(el).animationName), "review-pulse");
    release();
  });

  it("uses system colours in forced-colors mode", async () => {
    const p = await page("", `<rating-summary reviewee-id="${LISTING}"></rating-summary><span id="probe" style="color: CanvasText">x</span>`);
    await p.emulateMedia({ forcedColors: "active" });
    await settled(p);
    const [fill, canvasText] = await p.evaluate(() => [
      getComputedStyle(document.querySelector("rating-summary")!.shadowRoot!.querySelector(".on path")!).fill,
      getComputedStyle(document.getElementById("probe")!).color,
    ]);
    assert.equal(fill, canvasText);
  });

  it("takes a brand theme made only of custom properties and parts", async () => {
    const p = await page(`
      review-list { --review-star-color: rgb(122, 62, 157); --review-radius: 0px; --review-font: Georgia, serif; }
      review-list::part(review) { border-inline-start-width: 6px; }
      review-list::part(review-author) { text-transform: uppercase; }`);
    await settled(p);
    const styles = await p.evaluate(() => {
      const root = document.querySelector("review-list")!.shadowRoot!;
      const card = getComputedStyle(root.querySelector('[part~="review"]')!);
      return {
        star: getComputedStyle(root.querySelector(".on path")!).fill,
        radius: card.borderTopLeftRadius,
        border: card.borderInlineStartWidth,
        font: getComputedStyle(root.querySelector('[part~="review-body"]')!).fontFamily,
        author: getComputedStyle(root.querySelector('[part~="review-author"]')!).textTransform,
      };
    });
    assert.deepEqual(styles, { star: "rgb(122, 62, 157)", radius: "0px", border: "6px", font: "Georgia, serif", author: "uppercase" });
    assert.deepEqual(p.problems, []);
  });
});
