import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { DIRECTORY_DEMO } from "../../server/directory/index.ts";
import { e2e } from "../support/node/e2e.ts";

/**
 * The directory's server-rendered detail page (/directory/{entryId}): stars and reviews in the first HTML,
 * styled, without JavaScript; with it, the widgets take over without a request and stay live.
 */
const world = e2e();

const PARTNER = DIRECTORY_DEMO.entries[0];
assert.ok(PARTNER?.title === "Northwind Cloud Consulting");
const PATH = `/directory/${PARTNER.id}`;

interface Opened {
  page: Page;
  /** Every request the page made to the proxy, as it started. */
  proxied: string[];
  problems: string[];
}

async function openPage(path: string, javaScriptEnabled: boolean): Promise<Opened> {
  const context = await world.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.once("close", () => void context.close().catch(() => undefined));
  const opened: Opened = { page, proxied: [], problems: [] };
  page.on("request", (request) => {
    if (request.url().includes("/directory-proxy/")) opened.proxied.push(request.url());
  });
  page.on("pageerror", (error) => opened.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") opened.problems.push(`console: ${message.text()}`);
  });
  // tsx's keepNames wraps functions passed to page.evaluate in a `__name` helper that the page lacks.
  await page.addInitScript("globalThis.__name = (fn) => fn;");
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      const loads: string[] = [];
      Object.assign(window, { loads });
      document.addEventListener("review-load", (event) => loads.push((event.target as Element).localName));
    });
  }
  await page.goto(world.server.url + path);
  // Without JavaScript no init script runs; evaluate still does.
  if (!javaScriptEnabled) await page.evaluate("globalThis.__name = (fn) => fn;");
  return opened;
}

/** What a visitor sees in the widgets: numbers, stars and cards, with the styles that reach them. */
function seen(page: Page) {
  return page.evaluate(() => {
    const summary = document.querySelector("rating-summary")?.shadowRoot;
    const list = document.querySelector("review-list")?.shadowRoot;
    const text = (root: ShadowRoot | null | undefined, part: string) => root?.querySelector(`[part~="${part}"]`)?.textContent?.trim() ?? null;
    const card = list?.querySelector('[part~="review"]');
    const filled = summary?.querySelector(".on path");
    const sort = list?.querySelector('[part~="sort"]');
    return {
      average: text(summary, "average"),
      count: text(summary, "count"),
      stars: summary?.querySelector('[part~="stars"]')?.getAttribute("aria-label") ?? null,
      starFill: filled ? getComputedStyle(filled).fill : null,
      starHeight: summary?.querySelector("svg.stars")?.getBoundingClientRect().height ?? 0,
      reviews: [...(list?.querySelectorAll('[part~="review-body"]') ?? [])].map((body) => body.textContent?.trim() ?? ""),
      cardBorder: card ? `${getComputedStyle(card).borderTopWidth} ${getComputedStyle(card).borderTopStyle}` : null,
      sortVisibility: sort ? getComputedStyle(sort).visibility : null,
    };
  });
}

describe("directory: server-rendered detail page", () => {
  it("without JavaScript shows the average, the count, the stars and the reviews, styled", { timeout: 60_000 }, async () => {
    const { page, proxied, problems } = await openPage(PATH, false);
    assert.equal(await page.locator("h1").textContent(), PARTNER.title);
    const view = await seen(page);
    assert.equal(view.average, "3.6");
    assert.equal(view.count, "9 reviews");
    assert.equal(view.stars, "Rated 3.6 out of 5");
    assert.equal(view.starFill, "rgb(194, 87, 12)", "the stars take their colour from the shadow root's style");
    assert.ok(view.starHeight > 10 && view.starHeight < 40, `stars ${view.starHeight}px high`);
    assert.equal(view.reviews.length, 5);
    assert.ok(view.reviews.every((body) => body.length > 20));
    assert.equal(view.cardBorder, "1px solid");
    // Sorting needs the script: the control keeps its place, unseen.
    assert.equal(view.sortVisibility, "hidden");
    assert.deepEqual([...proxied], []);
    assert.deepEqual(problems, [], "no CSP report, no error");
    await page.close();
  });

  it("with JavaScript takes over without a request to the proxy, and sorting, the form and the client-rendered link work", { timeout: 90_000 }, async () => {
    const { page, proxied, problems } = await openPage(PATH, true);
    await page.waitForFunction(() => (window as unknown as { loads: string[] }).loads.length >= 2);
    await page.waitForFunction(() => customElements.get("review-form") && document.querySelector("review-form")?.shadowRoot?.querySelector("textarea"));
    const live = await seen(page);
    assert.equal(live.average, "3.6");
    assert.equal(live.reviews.length, 5, "the server's cards were replaced, not doubled");
    assert.equal(live.sortVisibility, "visible");
    assert.deepEqual([...proxied], [], "no request before the visitor does anything");

    const list = page.locator("review-list");
    await list.locator('[part~="sort"]').selectOption("lowest");
    await list.locator('[part~="review"]').first().locator('[aria-label="Rated 1 out of 5"]').waitFor();
    await list.locator('[part~="show-more"]').click();
    await page.waitForFunction(() => (document.querySelector("review-list")?.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0) === 9);

    const form = page.locator("review-form");
    await form.locator('[role="radio"]').nth(3).click();
    await form.getByLabel("First name").fill("Grace");
    await form.getByLabel("Last name").fill("Hopper");
    await form.getByLabel("Email (not published)").fill("grace@example.test");
    await form.getByLabel("Company").fill("Compilers Inc");
    await form.locator("textarea").fill("They shipped our data platform on time and documented every decision.");
    await form.locator('[part~="submit"]').click();
    await form.locator('[part~="notice"][role="status"]', { hasText: "once the directory approves it" }).waitFor();
    assert.ok(
      proxied.some((url) => url.endsWith(`/directories/${DIRECTORY_DEMO.directoryId}/reviews`)),
      "the form posts through the proxy",
    );

    await page.getByRole("link", { name: "client-rendered version" }).click();
    await page.locator("#detail-view:not([hidden]) review-list").waitFor();
    assert.equal(new URL(page.url()).hash, `#entry=${PARTNER.id}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("is linked from the grid, and 404s an entry the directory does not have", { timeout: 60_000 }, async () => {
    const { page, problems } = await openPage("/directory.html", true);
    await page.getByRole("link", { name: PARTNER.title }).click();
    await page.waitForURL(`**${PATH}`);
    assert.equal(await page.locator("h1").textContent(), PARTNER.title);
    assert.deepEqual(problems, []);
    await page.close();
    assert.equal((await fetch(`${world.server.url}/directory/not-an-entry`)).status, 404);
  });
});
