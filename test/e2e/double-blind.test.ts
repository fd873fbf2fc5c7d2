import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { accessibilityText, e2e, everything, partText, settled } from "../support/node/e2e.ts";

/**
 * The double-blind story on the demo listing page, driven as a user would:
 * through the viewer switcher, the form and the moderation view, asserting
 * what each viewer sees — and that a hidden review's text, rating and
 * existence appear nowhere else: not in the DOM, the accessibility tree or the counts.
 */
const { open } = e2e();

const GUEST_TEXT = "MARKER-GUEST The terrace view was lovely but the stairs were brutal for my knees.";
const HOST_TEXT = "MARKER-HOST Lena was tidy, friendly and left the loft exactly as she found it.";

async function viewAs(page: Page, viewer: "Signed out" | "Lena · guest" | "Kenji · host" | "Amara · moderator"): Promise<void> {
  // Another viewer reloads the list (what it shows depends on who is signed in): wait for that, not for a time.
  const reloaded = page.evaluate(
    () => new Promise<void>((resolve) => document.querySelector("review-list")!.addEventListener("review-load", () => resolve(), { once: true })),
  );
  await page.getByRole("radio", { name: viewer }).check({ force: true });
  await reloaded;
  await settled(page);
}

/** Reset demo: the world goes back to the seed, then the page reloads itself; wait for that reload, not the page already there. */
async function resetDemo(page: Page): Promise<void> {
  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "Reset demo" }).click();
  await reloaded;
  await settled(page);
}

async function writeReview(page: Page, stars: number, text: string): Promise<string> {
  const form = page.locator("review-form");
  await form
    .locator('[role="radio"]')
    .nth(stars - 1)
    .click();
  await form.locator("textarea").fill(text);
  await form.locator('[part~="submit"]').click();
  const notice = form.locator('[part~="notice"][role="status"]');
  await notice.waitFor();
  return (await notice.textContent())?.trim() ?? "";
}

async function summary(page: Page): Promise<{ average: string; count: string }> {
  return { average: await partText(page, "rating-summary", "average"), count: await partText(page, "rating-summary", "count") };
}

async function assertNowhere(page: Page, marker: string, who: string): Promise<void> {
  assert.ok(!(await everything(page)).includes(marker), `${who}: the hidden review's text is in the DOM`);
  assert.ok(!(await accessibilityText(page)).includes(marker), `${who}: the hidden review's text is in the accessibility tree`);
}

describe("double-blind story on the listing page", () => {
  it("guest submits, only the guest sees it; host submits, both publish; moderator approves; everyone sees it", async () => {
    const page = await open("/");
    await settled(page);
    const baseline = await summary(page);
    assert.deepEqual(baseline, { average: "3.9", count: "24 reviews" });

    // 1. Lena reviews the loft: she alone sees it, pending, with the reason and the date.
    await viewAs(page, "Lena · guest");
    const notice = await writeReview(page, 1, GUEST_TEXT);
    assert.match(notice, /hidden until the other side reviews, or until \w+ \d+, \d{4}/);
    await settled(page);
    const own = page.locator("review-list").locator('[part~="review-pending"]');
    await own.waitFor();
    // Her Edit and Withdraw: code loaded on demand from next to the script file (dist/internal/own-review.js).
    await own.locator('[part~="withdraw"]').waitFor();
    await page.locator("review-form").locator('[part~="edit"]').waitFor();
    assert.match((await own.textContent()) ?? "", /MARKER-GUEST/);
    assert.match((await own.textContent()) ?? "", /Pending/);
    assert.match((await own.textContent()) ?? "", /published when the other side reviews, or on \w+ \d+, \d{4}/);
    assert.deepEqual(await summary(page), baseline, "a pending review must not move the average or count");

    // 2. Signed out and as the host: nowhere, and the 1-star rating moved nothing.
    for (const viewer of ["Signed out", "Kenji · host"] as const) {
      await viewAs(page, viewer);
      await assertNowhere(page, "MARKER-GUEST", viewer);
      assert.deepEqual(await summary(page), baseline, `${viewer}: counts`);
    }

    // 3. Kenji reviews Lena: both sides have reviewed, so both are published — and wait for moderation.
    const hostNotice = await writeReview(page, 5, HOST_TEXT);
    assert.match(hostNotice, /once it passes moderation/);
    await viewAs(page, "Signed out");
    await assertNowhere(page, "MARKER-GUEST", "signed out, before moderation");
    await assertNowhere(page, "MARKER-HOST", "signed out, before moderation");

    // 4. Amara approves Lena's review of the loft.
    await viewAs(page, "Amara · moderator");
    const moderation = page.locator("review-moderation");
    const item = moderation.locator('[part~="review"]', { hasText: "MARKER-GUEST" });
    await item.waitFor();
    assert.ok(await moderation.locator('[part~="review"]', { hasText: "MARKER-HOST" }).count(), "the host's review waits too");
    await item.locator('[part~="approve"]').click();
    await moderation.locator('[role="status"]', { hasText: "Approved the review by Lena Fischer" }).waitFor();

    // 5. Everyone now sees it, and it counts.
    await viewAs(page, "Signed out");
    const published = page.locator("review-list").locator('[part~="review"]', { hasText: "MARKER-GUEST" });
    await published.waitFor();
    assert.equal(await published.locator('[part~="review-author"]').textContent(), "Lena F.");
    assert.deepEqual(await summary(page), { average: "3.8", count: "25 reviews" });
    assert.deepEqual(page.problems, []);
  });

  it("without the host's review, closing the 14-day window publishes the guest's", async () => {
    const page = await open("/");
    await settled(page);
    await resetDemo(page);
    const saved = page.waitForResponse((response) => response.url().includes("/demo-api/marketplace/settings") && response.request().method() !== "GET");
    // The guide's words follow the switch: no moderator step once reviews publish at once.
    const moderated = page.locator(".guide").getByText("they wait for the moderator");
    const unmoderated = page.locator(".guide").getByText("and they are published");
    assert.ok((await moderated.isVisible()) && !(await unmoderated.isVisible()));
    await page.locator("#moderation-required").uncheck();
    await saved;
    assert.ok((await unmoderated.isVisible()) && !(await moderated.isVisible()));

    await viewAs(page, "Lena · guest");
    await writeReview(page, 4, GUEST_TEXT);
    await viewAs(page, "Signed out");
    await assertNowhere(page, "MARKER-GUEST", "signed out, window open");

    const before = parseInt(await partText(page, "rating-summary", "count"), 10);
    await page.getByRole("button", { name: "Skip 14 days" }).click();
    await page.locator("review-list").locator('[part~="review"]', { hasText: "MARKER-GUEST" }).waitFor();
    await settled(page);
    // Other stays' windows close too, so their reviews publish as well: at least ours is counted.
    assert.ok(parseInt(await partText(page, "rating-summary", "count"), 10) > before);

    assert.deepEqual(page.problems, []);
  });

  it("a review the moderator rejects is never shown, even after its window closes", async () => {
    const page = await open("/");
    await settled(page);
    await resetDemo(page);

    await viewAs(page, "Lena · guest");
    await writeReview(page, 2, GUEST_TEXT);
    const reloaded = page.evaluate(
      () => new Promise<void>((resolve) => document.querySelector("review-list")!.addEventListener("review-load", () => resolve(), { once: true })),
    );
    await page.getByRole("button", { name: "Skip 14 days" }).click();
    await reloaded;
    await settled(page);

    await viewAs(page, "Amara · moderator");
    const moderation = page.locator("review-moderation");
    const item = moderation.locator('[part~="review"]', { hasText: "MARKER-GUEST" });
    await item.locator('[part~="decline"]').click();
    await moderation.locator('[role="status"]', { hasText: "Rejected the review by Lena Fischer" }).waitFor();
    await moderation.getByRole("tab", { name: "Rejected" }).click();
    await moderation.locator('[part~="review"]', { hasText: "MARKER-GUEST" }).waitFor();

    for (const viewer of ["Signed out", "Kenji · host"] as const) {
      await viewAs(page, viewer);
      await assertNowhere(page, "MARKER-GUEST", `${viewer}, after rejection`);
    }
    // Lena still sees her own review, marked as not approved.
    await viewAs(page, "Lena · guest");
    const own = page.locator("review-list").locator('[part~="review-pending"]', { hasText: "MARKER-GUEST" });
    await own.waitFor();
    assert.match((await own.textContent()) ?? "", /not approved for publication/);
    assert.deepEqual(page.problems, []);
  });
});
