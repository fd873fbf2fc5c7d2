import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { e2e, settled } from "../support/node/e2e.ts";

/** Every demo page on a phone: nothing may make the page scroll sideways. */
const { open } = e2e();
const PAGES = ["/", "/search.html", "/directory.html", "/directory-admin.html", "/themes.html", "/languages.html"];
/** Pages as a signed-in moderator sees them: the desk's tabs, search, filter and bulk bar in a narrow column. */
const DESKS: [path: string, act: (page: Page) => Promise<void>][] = [
  ["/", (page) => page.getByRole("radio", { name: "Amara · moderator" }).check({ force: true })],
  ["/directory-admin.html", (page) => page.getByRole("button", { name: "Sign in as Dana (owner)" }).click()],
];

async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; wider: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: limit,
      wider: [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > limit + 1)
        .slice(0, 3)
        .map((element) => `<${element.localName} class="${element.className}">`),
    };
  });
}

describe("demo pages on narrow screens", () => {
  for (const width of [320, 390]) {
    it(`no page scrolls sideways at ${width} px`, async () => {
      for (const path of PAGES) {
        const page = await open(path);
        await page.setViewportSize({ width, height: 800 });
        await settled(page);
        const { scrollWidth, clientWidth, wider } = await overflow(page);
        assert.ok(scrollWidth <= clientWidth, `${path} at ${width} px is ${scrollWidth} px wide: ${wider.join(", ")}`);
        await page.close();
      }
    });

    it(`no moderation desk scrolls sideways at ${width} px`, async () => {
      for (const [path, signIn] of DESKS) {
        const page = await open(path);
        await page.setViewportSize({ width, height: 800 });
        await settled(page);
        await signIn(page);
        await page.locator("review-moderation").locator('[part~="review"]').first().waitFor();
        await settled(page);
        const { scrollWidth, clientWidth, wider } = await overflow(page);
        assert.ok(scrollWidth <= clientWidth, `${path} (desk) at ${width} px is ${scrollWidth} px wide: ${wider.join(", ")}`);
        await page.close();
      }
    });
  }
});
