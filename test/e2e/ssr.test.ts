/**
 * Server rendering (issue 17) on the demo's listing page, as `npm start` serves it: readable and
 * styled without JavaScript; with it, taken over without a request, a flash or a shift, and live
 * afterwards (sign-in, sorting, paging); under the page's strict CSP and Trusted Types.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { e2e } from "../support/node/e2e.ts";

const world = e2e();
const API = "/reviewsystem-api/";

/** Records, from before the first byte: API requests, CSP violations, layout shifts, and every frame's summary. */
async function watched(path: string): Promise<Page & { problems: string[]; apiRequests: string[] }> {
  const apiRequests: string[] = [];
  const page = await world.open(path, async (page) => {
    page.on("request", (request) => {
      if (request.url().includes(API)) apiRequests.push(request.url());
    });
    await page.addInitScript(() => {
      const record = ((globalThis as Record<string, unknown>)["__ssr"] = { violations: [] as string[], shift: 0, frames: 0, blankFrames: 0, defined: false });
      addEventListener("securitypolicyviolation", (event) => record.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) record.shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
      // Each frame until well after the takeover: is the summary's average painted? (No frame may lose it.)
      const frame = () => {
        const summary = document.querySelector("rating-summary");
        if (summary) {
          record.frames++;
          if (!summary.shadowRoot?.querySelector('[part~="average"]')?.textContent?.trim()) record.blankFrames++;
          record.defined ||= customElements.get("rating-summary") !== undefined && summary.shadowRoot?.querySelector(".root.later") === null;
        }
        if (record.frames < 120) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  });
  return Object.assign(page, { apiRequests });
}

const record = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { __ssr: { violations: string[]; shift: number; frames: number; blankFrames: number; defined: boolean } }).__ssr,
  );

describe("the server-rendered listing page", () => {
  it("without JavaScript shows the average, the count, the stars and the reviews, styled", async () => {
    const context = await world.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${world.server.url}/`);
      const seen = await page.evaluate(() => {
        const summary = document.querySelector("rating-summary[show-distribution]")?.shadowRoot;
        const list = document.querySelector("review-list")?.shadowRoot;
        const star = summary?.querySelector('[part~="stars"] .on, [part~="stars"] svg');
        const card = list?.querySelector('[part~="review"]');
        return {
          average: summary?.querySelector('[part~="average"]')?.textContent?.trim(),
          count: summary?.querySelector('[part~="count"]')?.textContent?.trim(),
          stars: summary?.querySelector('[part~="stars"]')?.getAttribute("aria-label"),
          reviews: list?.querySelectorAll('[part~="review"]').length,
          starColor: star ? getComputedStyle(star).color : null,
          cardBorder: card ? getComputedStyle(card).borderTopStyle : null,
          dates: [...(list?.querySelectorAll("time[datetime]") ?? [])].map((time) => time.textContent?.trim() ?? ""),
          sortShown: list?.querySelector('[part~="sort"]') ? getComputedStyle(list.querySelector('[part~="sort"]')!).visibility : "none",
        };
      });
      assert.match(seen.average ?? "", /^\d\.\d$/);
      assert.match(seen.count ?? "", /^\d+ reviews$/);
      assert.match(seen.stars ?? "", /^Rated \d\.\d out of 5$/);
      assert.equal(seen.reviews, 6);
      // Styled: the shadow root's own CSS applies (unstyled, a card has no border and stars take the text colour).
      assert.equal(seen.cardBorder, "solid");
      assert.notEqual(seen.starColor, "rgb(0, 0, 0)");
      // Cached HTML cannot say "3 days ago": months, with the exact date in `datetime`.
      for (const date of seen.dates) assert.match(date, /^[A-Z][a-z]+ \d{4}/);
      // Controls that need script keep their place, unseen.
      assert.equal(seen.sortShown, "hidden");
    } finally {
      await context.close();
    }
  });

  it("with JavaScript is taken over without a request, a blank frame or a shift, under strict CSP and Trusted Types", async () => {
    const page = await watched("/");
    await page.waitForFunction(() => (globalThis as unknown as { __ssr: { defined: boolean; frames: number } }).__ssr.defined);
    // Live: the sort control is shown and the dates turned relative.
    await page.waitForFunction(() => {
      const list = document.querySelector("review-list")?.shadowRoot;
      const sort = list?.querySelector('[part~="sort"]');
      return sort && getComputedStyle(sort).visibility === "visible";
    });
    await page.waitForFunction(() => (globalThis as unknown as { __ssr: { frames: number } }).__ssr.frames >= 120);
    const seen = await record(page);
    assert.deepEqual(page.apiRequests, [], "no API request before the visitor does anything");
    assert.equal(seen.blankFrames, 0, "no frame without the average");
    assert.equal(seen.shift, 0, "no layout shift");
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(page.problems, []);
  });

  it("after the takeover, sorting, paging and signing in still work", async () => {
    const page = await watched("/");
    await page.waitForFunction(() => {
      const sort = document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="sort"]');
      return sort && getComputedStyle(sort).visibility === "visible";
    });
    const ratings = () =>
      page.evaluate(() =>
        [...(document.querySelector("review-list")?.shadowRoot?.querySelectorAll('[part~="review"] [part~="stars"]') ?? [])].map((stars) =>
          Number(/Rated (\d)/.exec(stars.getAttribute("aria-label") ?? "")?.[1]),
        ),
      );
    // Sorting (lowest first) reorders the whole set, without a request.
    await page.evaluate(() => {
      const select = document.querySelector("review-list")?.shadowRoot?.querySelector<HTMLSelectElement>('[part~="sort"]');
      if (!select) throw new Error("no sort control");
      select.value = "lowest";
      select.dispatchEvent(new Event("change"));
    });
    await page.waitForFunction(() => {
      const first = document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="review"] [part~="stars"]');
      return first?.getAttribute("aria-label")?.startsWith("Rated 1");
    });
    const sorted = await ratings();
    assert.deepEqual(
      sorted,
      [...sorted].sort((a, b) => a - b),
    );
    // Paging: "Show more" adds the next six.
    const before = (await ratings()).length;
    await page.evaluate(() => document.querySelector("review-list")?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="show-more"]')?.click());
    await page.waitForFunction(
      (count) => (document.querySelector("review-list")?.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0) > count,
      before,
    );
    assert.equal(page.apiRequests.length, 0, page.apiRequests.join(", "));
    // Signing in reloads what the viewer sees differently: the list asks again, with the viewer's token.
    await page.getByRole("radio", { name: "Lena · guest" }).check();
    await page.waitForFunction(() => document.querySelector("review-form")?.shadowRoot?.querySelector("textarea, [part~='edit']"));
    await page.waitForFunction(() => document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="review"]'));
    assert.ok(
      page.apiRequests.some((url) => url.includes("/v1/reviews?")),
      "the list reloads after sign-in",
    );
    assert.deepEqual(page.problems, []);
  });

  it("a Spanish section is taken over in Spanish: no frame shows English, none loses the numbers", async () => {
    const page = await world.open("/languages.html", async (page) => {
      await page.addInitScript(() => {
        const record = ((globalThis as Record<string, unknown>)["__es"] = { frames: 0, wrong: [] as string[], live: false });
        const frame = () => {
          const summary = document.querySelector('[lang="es"] rating-summary');
          if (summary) {
            record.frames++;
            const count = summary.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() ?? "";
            if (!/^24 reseñas$/.test(count)) record.wrong.push(count);
            record.live ||= customElements.get("rating-summary") !== undefined && summary.shadowRoot?.querySelector(".root.later") === null;
          }
          if (record.frames < 90) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    });
    await page.waitForFunction(() => {
      const record = (globalThis as unknown as { __es: { frames: number; live: boolean } }).__es;
      return record.live && record.frames >= 90;
    });
    const seen = await page.evaluate(() => (globalThis as unknown as { __es: { wrong: string[] } }).__es);
    assert.deepEqual(seen.wrong, []);
    assert.match(await page.evaluate(() => document.querySelector('[lang="es"] review-list')?.shadowRoot?.textContent ?? ""), /Mostrando 1 de 24 reseñas/);
    assert.deepEqual(page.problems, []);
  });

  it("?render=client serves the page as written, rendered in the browser only", async () => {
    const response = await fetch(`${world.server.url}/?render=client`);
    const html = await response.text();
    assert.doesNotMatch(html, /shadowrootmode/);
    const rendered = await (await fetch(`${world.server.url}/`)).text();
    assert.match(rendered, /<rating-summary [^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(rendered, /style-src 'self' 'sha256-/);
  });
});
