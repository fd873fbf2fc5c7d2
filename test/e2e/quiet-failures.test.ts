import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { e2e } from "../support/node/e2e.ts";

/**
 * Issue 14, quiet failures: with the API down, a page shows at most one alert with one "Try again" per
 * page region (summaries only a muted line), the console one line, and one retry brings every widget back.
 */
const env = e2e();

interface Failures {
  /** role=alert elements per region (the landmark around each failed widget). */
  alertsByRegion: Record<string, number>;
  retries: number;
  summaryAlerts: number;
  failed: number;
}

function failures(page: Page): Promise<Failures> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll("rating-summary, review-list, review-form, review-moderation")];
    const result = { alertsByRegion: {} as Record<string, number>, retries: 0, summaryAlerts: 0, failed: 0 };
    for (const host of hosts) {
      const root = host.shadowRoot!;
      const alerts = root.querySelectorAll('[role="alert"]').length;
      if (root.querySelector('[part~="error"]')) result.failed++;
      const region = host.closest("main,section,article,aside,nav,form,[role=region]");
      const name = region ? `${region.localName}#${region.id || region.getAttribute("aria-labelledby") || region.className}` : "document";
      result.alertsByRegion[name] = (result.alertsByRegion[name] ?? 0) + alerts;
      result.retries += root.querySelectorAll('[part~="retry"]').length;
      if (host.localName === "rating-summary") result.summaryAlerts += alerts;
    }
    return result;
  });
}

/** `button`: the page has a list, whose alert holds the one "Try again"; a page of summaries only comes back by itself (`online`). */
async function downThenBack(path: string, api: string, expectedFailed: number, button: boolean): Promise<void> {
  const page = await env.open(path);
  const lines: string[] = [];
  page.on("console", (message) => {
    if (message.text().startsWith("[review-widgets] reviews not loaded")) lines.push(message.text());
  });
  await page.route(api, (route) => route.abort("connectionrefused"));
  await page.reload();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("rating-summary, review-list")].filter((host) => host.shadowRoot?.querySelector('[part~="error"]')).length >= n,
    expectedFailed,
    { timeout: 20_000 },
  );
  const down = await failures(page);
  assert.equal(down.summaryAlerts, 0, "a failed summary is a muted line, never an alert");
  for (const [region, alerts] of Object.entries(down.alertsByRegion)) assert.ok(alerts <= 1, `${alerts} alerts in ${region}`);
  assert.ok(down.retries <= Object.keys(down.alertsByRegion).length, `${down.retries} retry buttons`);
  assert.equal(down.retries >= 1, button, "a Try again where a list failed");
  assert.equal(lines.length, 1, `one console line for the burst: ${lines.join(" | ")}`);

  await page.unroute(api);
  if (button) await page.locator('[part~="retry"]').first().click();
  else await page.evaluate(() => dispatchEvent(new Event("online")));
  await page.waitForFunction(
    () => ![...document.querySelectorAll("rating-summary, review-list")].some((host) => host.shadowRoot?.querySelector('[part~="error"], [aria-busy="true"]')),
    undefined,
    {
      timeout: 20_000,
    },
  );
  assert.equal((await failures(page)).failed, 0, "one retry brought every widget back");
  assert.deepEqual(page.problems, []);
}

describe("quiet failures on the demo pages (API down)", { concurrency: 1 }, () => {
  it("/ : one alert per region, summaries muted, one console line; one Try again heals the page", { timeout: 60_000 }, async () => {
    // The client-rendered variant: the server-rendered page holds its reviews before the browser asks for them.
    await downThenBack("/?render=client", "**/reviewsystem-api/**", 3, true);
  });

  it("/directory.html : the grid's summaries stay quiet, no alert at all; back online, they load by themselves", { timeout: 60_000 }, async () => {
    await downThenBack("/directory.html", "**/directory-proxy/**", 12, false);
  });
});
