/** One headless Debian Chromium for the whole run, driven with playwright-core (as test/support/node/e2e.ts does). */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, ensureChromium } from "../scripts/chromium.ts";

export interface Bench {
  browser: Browser;
  context: BrowserContext;
  base: string;
  /** A new page (viewport 1280×900 unless given) whose page errors fail the run. */
  page(options?: { width?: number; height?: number; initScripts?: string[] }): Promise<Page>;
  cdp(page: Page): Promise<CDPSession>;
  close(): Promise<void>;
}

export async function launch(base: string): Promise<Bench> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  // tsx compiles with keepNames, which wraps functions passed to page.evaluate in a `__name` helper.
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  return {
    browser,
    context,
    base,
    async page(options = {}) {
      const page = await context.newPage();
      if (options.width || options.height) await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 900 });
      for (const script of options.initScripts ?? []) await page.addInitScript(script);
      page.on("pageerror", (error) => console.error(`  page error on ${page.url()}: ${error.message}`));
      return page;
    },
    cdp: (page) => context.newCDPSession(page),
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** Waits until no review widget on the page shows a loading skeleton (the e2e harness's `settled`). */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  // A function, not a string: the demo pages' CSP forbids eval, which string predicates need.
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll("rating-summary, review-list, review-form, review-moderation")];
      return hosts.length > 0 && hosts.every((host) => host.shadowRoot && !host.shadowRoot.querySelector('[part~="skeleton"], [aria-busy="true"]'));
    },
    undefined,
    { timeout, polling: 50 },
  );
}
