import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { accessibilityText, e2e, everything, settled } from "../support/node/e2e.ts";

/**
 * The partner directory, end to end: a visitor submits reviews on the public
 * page (through the proxy), the directory owner approves one and declines
 * another on the admin page, and a new visitor sees only the approved one.
 */
const { open } = e2e();

const PARTNER = "Northwind Cloud Consulting";

async function openPartner(path: string): Promise<Page & { problems: string[] }> {
  const page = await open(path);
  await settled(page);
  await page.getByRole("link", { name: PARTNER }).click();
  await page.locator("#detail-view review-list").waitFor();
  await settled(page);
  return page;
}

async function submit(page: Page, fields: { first: string; last: string; email: string; company: string; stars: number; text: string }): Promise<string> {
  const form = page.locator("#detail-view review-form");
  await form
    .locator('[role="radio"]')
    .nth(fields.stars - 1)
    .click();
  await form.getByLabel("First name").fill(fields.first);
  await form.getByLabel("Last name").fill(fields.last);
  await form.getByLabel("Email (not published)").fill(fields.email);
  await form.getByLabel("Company").fill(fields.company);
  await form.locator("textarea").fill(fields.text);
  await form.locator('[part~="submit"]').click();
  const notice = form.locator('[part~="notice"][role="status"]');
  await notice.waitFor();
  return (await notice.textContent())?.trim() ?? "";
}

describe("partner directory: submit, moderate, publish", () => {
  it("shows an approved submission publicly, never a declined one, and never the submitter's email or last name", async () => {
    const visitor = await openPartner("/directory.html");
    const approvedText = "MARKER-APPROVE They migrated our billing stack in three weeks with zero downtime.";
    const declinedText = "MARKER-DECLINE Terrible, avoid at all costs, they never answered a single email.";
    assert.match(
      await submit(visitor, { first: "Ada", last: "Lovelace", email: "ada@analytical.example", company: "Engines Ltd", stars: 5, text: approvedText }),
      /once the directory approves it/,
    );
    await visitor.reload();
    await settled(visitor);
    await submit(visitor, { first: "Bob", last: "Mallory", email: "bob@example.test", company: "Spite Inc", stars: 1, text: declinedText });
    await visitor.reload();
    await settled(visitor);
    for (const marker of ["MARKER-APPROVE", "MARKER-DECLINE"])
      assert.ok(!(await everything(visitor)).includes(marker), `${marker} is public before moderation`);

    const admin = await open("/directory-admin.html");
    await admin.getByRole("button", { name: "Sign in as Dana (owner)" }).click();
    const moderation = admin.locator("review-moderation");
    const approve = moderation.locator('[part~="review"]', { hasText: "MARKER-APPROVE" });
    await approve.waitFor();
    // The owner sees what the public never does.
    assert.match((await approve.textContent()) ?? "", /ada@analytical\.example/);
    assert.match((await approve.textContent()) ?? "", /Ada Lovelace/);
    await approve.locator('[part~="approve"]').click();
    await moderation.locator('[role="status"]', { hasText: "Approved the review by Ada Lovelace" }).waitFor();
    await moderation.locator('[part~="review"]', { hasText: "MARKER-DECLINE" }).locator('[part~="decline"]').click();
    await moderation.locator('[role="status"]', { hasText: "Declined the review by Bob Mallory" }).waitFor();
    await moderation.getByRole("tab", { name: "Declined" }).click();
    await moderation.locator('[part~="review"]', { hasText: "MARKER-DECLINE" }).waitFor();

    // A new visitor (fresh browser context, so no HTTP cache) sees the approved review only.
    const next = await openPartner("/directory.html");
    const review = next.locator("#detail-view review-list").locator('[part~="review"]', { hasText: "MARKER-APPROVE" });
    await review.waitFor();
    assert.equal(await review.locator('[part~="review-author"]').textContent(), "Ada L.");
    const page = await everything(next);
    const tree = await accessibilityText(next);
    for (const secret of ["MARKER-DECLINE", "ada@analytical.example", "Lovelace", "Mallory", "demo-proxy-key", "demo-admin-key"]) {
      assert.ok(!page.includes(secret), `public page contains ${secret}`);
      assert.ok(!tree.includes(secret), `accessibility tree contains ${secret}`);
    }
    assert.deepEqual([...visitor.problems, ...admin.problems, ...next.problems], []);
  });

  it("offers the read-only key no actions and says why, and the owner's key every action", async () => {
    const admin = await open("/directory-admin.html");
    await admin.getByRole("button", { name: "Use the read-only key" }).click();
    const moderation = admin.locator("review-moderation");
    await moderation.locator('[part~="notice"]', { hasText: "This key can read reviews but not approve or decline them." }).waitFor();
    assert.ok((await moderation.locator('[part~="review"]').count()) > 0, "the read-only key still reads the reviews");
    assert.equal(await moderation.locator('[part~="approve"], [part~="decline"], [part~="delete"]').count(), 0);
    assert.equal(await moderation.locator('[part~="error"]').count(), 0);

    await admin.getByRole("button", { name: "Sign in as Dana (owner)" }).click();
    await moderation.locator('[part~="review"]').first().locator('[part~="approve"]').waitFor();
    assert.equal(await moderation.locator('[part~="notice"]').count(), 0);
    assert.deepEqual(admin.problems, []);
  });
});
