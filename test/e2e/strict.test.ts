/**
 * The widgets against a server with only the seeds' letter (strict mode: lists
 * hold published, approved reviews and no enrichment — README, "Where the seeds
 * are silent"): the listing and directory pages work, leak nothing and show no id.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DIRECTORY_DEMO } from "../../server/directory/index.ts";
import { DEMO } from "../../server/marketplace/index.ts";
import { e2e, everything, settled } from "../support/node/e2e.ts";

const world = e2e({ strict: true });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function hiddenTexts(): Promise<string[]> {
  const base = world.server.url;
  const login = await fetch(`${base}/auth-api/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "admin@demo.test", password: "demo" }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const ids = Object.values(DEMO.hiddenReviews).flat();
  const texts: string[] = [];
  for (const id of ids) {
    const res = await fetch(`${base}/reviewsystem-api/v1/reviews/${id}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    if (res.ok) texts.push(((await res.json()) as { review: { reviewText: string } }).review.reviewText);
  }
  return texts;
}

describe("against a strict server", () => {
  it("the listing page shows its public reviews and rating, no error, no hidden review, no id", async () => {
    const page = await world.open("/");
    await settled(page);
    await page.waitForFunction(() => document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="review"]'));
    const errors = await page.evaluate(
      () => [...document.querySelectorAll("rating-summary, review-list, review-form")].filter((el) => el.shadowRoot?.querySelector('[part~="error"]')).length,
    );
    assert.equal(errors, 0);
    const text = await everything(page);
    const leaks = (await hiddenTexts()).filter((hidden) => text.includes(hidden.slice(0, 60)));
    assert.deepEqual(leaks, []);
    const visible = await page.evaluate(() => {
      const out: string[] = [];
      for (const host of document.querySelectorAll("rating-summary, review-list")) out.push(host.shadowRoot?.textContent ?? "");
      return out.join("\n");
    });
    assert.doesNotMatch(visible, UUID);
    assert.match(visible, /\d reviews?/);
    assert.deepEqual(page.problems, []);
  });

  it("the directory page shows approved reviews only, no error, no id", async () => {
    const { entries } = (await (await fetch(`${world.server.url}/demo-api/directory/ids`)).json()) as { entries: { id: string }[] };
    const entry = entries.find((e) => !DIRECTORY_DEMO.unapprovedEntryIds.includes(e.id) && e.id !== DIRECTORY_DEMO.emptyEntryId);
    assert.ok(entry);
    const page = await world.open(`/directory.html#entry=${entry.id}`);
    await page.waitForFunction(() => document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="review"], [part~="empty"], [part~="error"]'));
    await settled(page);
    const state = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll("rating-summary, review-list")];
      return {
        errors: hosts.filter((el) => el.shadowRoot?.querySelector('[part~="error"]')).length,
        text: hosts.map((el) => el.shadowRoot?.textContent ?? "").join("\n"),
        reviews: hosts.reduce((n, el) => n + (el.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0), 0),
      };
    });
    assert.equal(state.errors, 0);
    assert.ok(state.reviews > 0, "approved reviews are listed");
    assert.doesNotMatch(state.text, UUID);
    assert.doesNotMatch(state.text, /@/, "no email");
    assert.deepEqual(page.problems, []);
  });
});
