/**
 * `npm run screenshots`: regenerates the demo screenshots in docs/screenshots/
 * (used by the README) with headless Debian Chromium. Needs `npm run build` first.
 */
import { chromium, type Page } from "playwright-core";
import { startServer } from "../server/serve.ts";
import { CHROMIUM_FLAGS, ensureChromium } from "./chromium.ts";

const OUT = "docs/screenshots";

async function settle(page: Page): Promise<void> {
  // Wait until no widget shows a loading skeleton any more.
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll("rating-summary, review-list, review-form, review-moderation")];
    return hosts.every((host) => host.shadowRoot && !host.shadowRoot.querySelector('[part~="skeleton"]'));
  });
}

const server = await startServer({ demo: true });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS });
try {
  /** `target`: a selector whose element alone is captured. */
  const shots: { name: string; path: string; width?: number; full?: boolean; noScript?: boolean; target?: string; act?: (page: Page) => Promise<void> }[] = [
    { name: "listing", path: "/", full: true },
    // Server-rendered (issue 17): what a visitor, or a crawler, gets without JavaScript.
    { name: "listing-no-javascript", path: "/", width: 900, target: "#reviews", noScript: true },
    {
      name: "listing-guest-pending",
      path: "/",
      // Lena reviews the loft: her review tops her list, marked pending, with Edit and Withdraw there and in the form.
      act: async (page) => {
        const reloaded = page.evaluate(
          () => new Promise((resolve) => document.querySelector("review-list")?.addEventListener("review-load", resolve, { once: true })),
        );
        await page.getByRole("radio", { name: "Lena · guest" }).check({ force: true });
        await reloaded;
        await settle(page);
        const form = page.locator("review-form");
        await form.locator('[role="radio"]').nth(3).click();
        await form
          .locator("textarea")
          .fill("The terrace view was lovely, but the stairs were brutal for my knees. Kenji answered every message within minutes.");
        await form.locator('[part~="submit"]').click();
        await page.locator("review-list").locator('[part~="withdraw"]').waitFor();
        await form.locator('[part~="withdraw"]').waitFor();
        await settle(page);
        await page.locator("#reviews").evaluate((reviews) => reviews.scrollIntoView());
      },
    },
    // The review card: monogram, stay, Verified stay; and the summary's bars filtering the list (issue 14).
    { name: "card", path: "/", width: 900, target: "review-list" },
    {
      name: "summary-filter",
      path: "/",
      width: 900,
      target: "#reviews",
      act: async (page) => {
        await page
          .locator("rating-summary")
          .nth(1)
          .getByRole("button", { name: /^4 stars/ })
          .click();
        await page.locator("review-list").getByRole("button", { name: "Show all reviews" }).waitFor();
      },
    },
    {
      name: "error-state",
      // The client-rendered variant: the server-rendered page holds its reviews before the browser asks.
      path: "/?render=client",
      width: 900,
      target: "#main",
      act: async (page) => {
        // The review service down: one alert in the reviews' region, the summaries quiet.
        await page.route("**/reviewsystem-api/**", (route) => route.abort("connectionrefused"));
        await page.reload();
        await page.locator("review-list").locator('[part~="retry"]').waitFor();
        await settle(page);
      },
    },
    { name: "search", path: "/search.html", full: true },
    { name: "directory", path: "/directory.html", full: true },
    {
      name: "directory-admin",
      path: "/directory-admin.html",
      act: async (page) => {
        await page.getByRole("button", { name: "Sign in as Dana (owner)" }).click();
        await page.locator("review-moderation").locator('[part~="review"]').first().waitFor();
        await settle(page);
      },
    },
    {
      name: "moderation-desk",
      path: "/",
      target: "#stay-admin",
      act: async (page) => {
        await page.getByRole("radio", { name: "Amara · moderator" }).check({ force: true });
        await page.locator("review-moderation").locator('[part~="blind"]').first().waitFor();
        await settle(page);
      },
    },
    { name: "themes", path: "/themes.html", full: true },
    { name: "languages", path: "/languages.html", full: true },
  ];
  const only = process.argv.slice(2);
  for (const shot of shots) {
    if (only.length > 0 && !only.includes(shot.name)) continue;
    const page = await browser.newPage({ viewport: { width: shot.width ?? 1280, height: 900 }, deviceScaleFactor: 1, javaScriptEnabled: !shot.noScript });
    const response = await page.goto(server.url + shot.path);
    if (!response?.ok()) {
      await page.close();
      continue;
    }
    if (!shot.noScript) await settle(page);
    await shot.act?.(page);
    if (shot.target) await page.locator(shot.target).screenshot({ path: `${OUT}/${shot.name}.png` });
    else await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: shot.full ?? false });
    console.log(`${OUT}/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
