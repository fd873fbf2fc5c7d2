import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { e2e, everything, settled } from "../support/node/e2e.ts";

/**
 * Credentials — the marketplace bearer token and the directory API key —
 * never appear in a URL, the DOM, web storage, a cookie or an error message,
 * whatever the widgets go through (loads, a submit, a refused action).
 */
const { open } = e2e();

interface Trace {
  urls: string[];
  errors: string[];
}

async function trace(page: Page): Promise<Trace> {
  const traced: Trace = { urls: [], errors: [] };
  page.on("request", (request) => traced.urls.push(request.url()));
  await page.exposeFunction("__reviewError", (message: string) => traced.errors.push(message));
  await page.evaluate(() =>
    document.addEventListener("review-error", (event) => {
      const { error } = (event as CustomEvent<{ error: Error & { detail?: string } }>).detail;
      (window as unknown as { __reviewError(message: string): void }).__reviewError(`${error.message} ${error.detail ?? ""} ${String(error.cause ?? "")}`);
    }),
  );
  return traced;
}

async function assertNowhere(page: Page, traced: Trace, secret: string): Promise<void> {
  assert.ok(secret.length >= 8, "a real secret to look for");
  for (const url of traced.urls) assert.ok(!url.includes(secret), `in a URL: ${url}`);
  assert.ok(!(await everything(page)).includes(secret), "in the DOM");
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!storage.includes(secret), "in web storage or cookies");
  for (const message of traced.errors) assert.ok(!message.includes(secret), `in an error message: ${message}`);
}

describe("credentials", () => {
  it("the marketplace token stays out of URLs, the DOM, storage and errors", async () => {
    const page = await open("/");
    const traced = await trace(page);
    await page.getByRole("radio", { name: "Lena · guest" }).check({ force: true });
    await settled(page);
    const token = await page.evaluate(async () => {
      const response = await fetch("/auth-api/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "guest@demo.test", password: "demo" }),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    });
    // Drive a submit, and a refused request with a token the server rejects.
    const form = page.locator("review-form");
    await form.locator('[role="radio"]').nth(3).click();
    await form.locator("textarea").fill("A calm, bright loft; we would come back in a heartbeat.");
    await form.locator('[part~="submit"]').click();
    await form.locator('[part~="notice"][role="status"]').waitFor();
    await page.evaluate(
      (bad) => (window as unknown as { ReviewWidgets: { configure(s: object): void } }).ReviewWidgets.configure({ token: bad }),
      `${token}-revoked`,
    );
    await settled(page);
    await assertNowhere(page, traced, token);
    await assertNowhere(page, traced, `${token}-revoked`);
    assert.ok(traced.errors.length > 0, "the revoked token produced a typed error to inspect");
  });

  it("the directory API key stays out of URLs, the DOM, storage and errors — and the public pages never see it", async () => {
    const admin = await open("/directory-admin.html");
    const traced = await trace(admin);
    await admin.getByRole("button", { name: "Use the read-only key" }).click();
    // The key's permissions are probed with a request the server refuses (403): the key stays out of that too.
    await admin.locator("review-moderation").locator('[part~="notice"]').waitFor();
    await admin.getByRole("button", { name: "Sign in as Dana (owner)" }).click();
    await settled(admin);
    for (const key of ["demo-readonly-key", "demo-admin-key"]) await assertNowhere(admin, traced, key);

    const visitor = await open("/directory.html");
    const visited = await trace(visitor);
    await settled(visitor);
    await visitor.getByRole("link", { name: "Northwind Cloud Consulting" }).click();
    await visitor.locator("#detail-view review-list").waitFor();
    await settled(visitor);
    const bodies = await visitor.evaluate(
      async () =>
        await (await fetch(`${location.origin}/directory-proxy/directories/demo-directory/reviews?entry_id=688509ac-f67f-4dd2-9232-97951263b765`)).text(),
    );
    for (const key of ["demo-proxy-key", "demo-admin-key"]) {
      await assertNowhere(visitor, visited, key);
      assert.ok(!bodies.includes(key));
    }
  });
});
