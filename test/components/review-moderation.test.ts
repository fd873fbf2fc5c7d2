import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { sendKeys } from "@web/test-runner-commands";
import type { ApiError } from "../../src/core/errors.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { ReviewModeration } from "../../src/components/review-moderation/review-moderation.js";
import { configure, resetConfig } from "../../src/core/config.js";
import { faultScript, sandbox, type MarketplaceIds, type Sandbox } from "../support/browser/backend.js";
import { deepText, freshServices } from "../support/browser/dom.js";
import { envelope, errorBody, wireReview } from "../support/wire.js";

ReviewModeration.define();
ReviewList.define();

const ADMIN_KEY = "demo-admin-key";
const READONLY_KEY = "demo-readonly-key";

type Ids = MarketplaceIds & { hiddenReviews: { pendingPublished: string[] } };
interface DirectoryWire {
  id: string;
  entry: { id: string };
  firstName: string;
  lastName: string;
  email: string;
  summary: string;
  status: string;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="review"]')];
const bodies = (el: Element) => items(el).map((item) => item.querySelector('[part~="review-body"]')!.textContent);
const authors = (el: Element) => items(el).map((item) => item.querySelector('[part~="review-author"]')!.textContent);
const tab = (el: Element, name: "pending" | "approved" | "rejected") => el.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${name}`)!;
/** Each tab's name and count as read out, e.g. "Pending 3". */
const tabNames = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent!.replace(/\s+/g, " ").trim());
const actions = (el: Element) => el.shadowRoot!.querySelectorAll('[part~="approve"], [part~="decline"], [part~="delete"]');
const status = (el: Element) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const settled = (el: Element) => waitUntil(() => items(el).length > 0 || part(el, "empty") || part(el, "error"), "moderation did not load", { timeout: 4000 });
const focused = (el: Element) => el.shadowRoot!.activeElement;

/** Everything in the directory as its owner sees it (straight from the API). */
async function directoryView(box: Sandbox): Promise<DirectoryWire[]> {
  const response = await fetch(`${box.directoryApi}/reviews/directory/demo-directory/?page_size=200`, { headers: { Authorization: ADMIN_KEY } });
  return ((await response.json()) as { results: DirectoryWire[] }).results;
}

/** A directory review on the wire, as the owner reads it. */
const directoryWire = (id: string, summary: string, status = "P") => ({
  id,
  entry: { id: "entry-1", title: "Acme" },
  entryType: "partner",
  title: "",
  company: "",
  summary,
  shortSummary: summary,
  firstName: "Jane",
  lastName: "Doe",
  email: "jane@example.com",
  rating: 4,
  created: "2026-04-21T10:15:30Z",
  status,
  statusDisplay: "pending",
  approvedBy: null,
  declinedBy: null,
});

const directoryModeration = (box: Sandbox, key: string | null) =>
  fixture<ReviewModeration>(
    html`<review-moderation source="partnerpage" api-base=${box.directoryApi} directory-id="demo-directory" .token=${key}></review-moderation>`,
  );

describe("<review-moderation>", () => {
  beforeEach(() => freshServices());
  afterEach(() => {
    // Remove the elements first, so they do not react to the reset.
    fixtureCleanup();
    resetConfig();
  });

  it("is accessible, and asks a signed-out visitor to sign in as a moderator", async () => {
    const box = await sandbox();
    const el = await fixture<ReviewModeration>(html`<review-moderation api-base=${box.marketplace}></review-moderation>`);
    await settled(el);
    await expect(el).to.be.accessible();
    expect(part(el, "empty")!.textContent).to.equal("Sign in as a moderator to see reviews waiting for moderation.");
    expect(items(el)).to.have.length(0);
  });

  it("lists the marketplace's pending reviews for the admin, with full names", async () => {
    const box = await sandbox();
    const ids = (await box.ids()) as Ids;
    const admin = (await box.login("admin@demo.test")).accessToken;
    const loads: number[] = [];
    const el = await fixture<ReviewModeration>(html`<review-moderation
      api-base=${box.marketplace}
      .token=${admin}
      @review-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
    ></review-moderation>`);
    await settled(el);
    const pendingPublished = (await (
      await fetch(`${box.marketplace}/v1/reviews/${ids.hiddenReviews.pendingPublished[0]}`, { headers: { Authorization: `Bearer ${admin}` } })
    ).json()) as {
      review: { reviewText: string; reviewer: { fullname: string } };
    };
    const index = bodies(el).indexOf(pendingPublished.review.reviewText);
    expect(index).to.be.at.least(0);
    expect(authors(el)[index]).to.equal(pendingPublished.review.reviewer.fullname);
    expect(authors(el)[index]!.split(" ").length).to.be.at.least(2);
    expect(loads).to.have.length(1);
    expect(loads[0]).to.be.at.least(items(el).length);
    const buttons = items(el)[0]!.querySelectorAll("button");
    expect([...buttons].map((b) => b.textContent!.trim())).to.deep.equal(["Approve", "Reject", "Delete"]);
    await expect(el).to.be.accessible();
  });

  it("shows names, never ids: the reviewee's name or title from the server, a neutral label without one", async () => {
    const box = await sandbox();
    const ids = (await box.ids()) as Ids & { listingTitles: Record<string, string> };
    const admin = (await box.login("admin@demo.test")).accessToken;
    const el = await fixture<ReviewModeration>(html`<review-moderation api-base=${box.marketplace} .token=${admin}></review-moderation>`);
    await settled(el);
    const text = deepText(el);
    expect(text).to.contain(ids.listingTitles[ids.listings.main]!);
    expect(text).to.not.match(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(part(el, "export"), "no export on the marketplace").to.equal(null);

    fixtureCleanup();
    freshServices();
    const bare = [
      wireReview({
        moderationStatus: "pending",
        reviewText: "About a guest",
        revieweeType: "guest",
        revieweeId: "u-1",
        reviewer: null,
        reviewerId: "host-uuid",
      }),
      wireReview({ moderationStatus: "pending", reviewText: "About a listing", reviewer: null, reviewerId: "guest-uuid" }),
    ];
    const server = await faultScript({ json: envelope("reviews", bare, { userId: "admin" }) });
    const plain = await fixture<ReviewModeration>(html`<review-moderation api-base=${server.base} .token=${"admin-token"}></review-moderation>`);
    await settled(plain);
    expect(authors(plain)).to.deep.equal(["Host", "Guest"]);
    const shown = deepText(plain);
    expect(shown).to.contain("a guest").and.contain("this listing");
    expect(shown).to.not.contain("uuid").and.not.contain("u-1").and.not.contain("listing-1");
    await expect(plain).to.be.accessible();
  });

  it("approves at once, announces it, fires review-moderated, and the review then shows in a list on the page", async () => {
    const box = await sandbox();
    const ids = (await box.ids()) as Ids;
    const admin = (await box.login("admin@demo.test")).accessToken;
    const target = ids.hiddenReviews.pendingPublished[0]!;
    const { review } = (await (await fetch(`${box.marketplace}/v1/reviews/${target}`, { headers: { Authorization: `Bearer ${admin}` } })).json()) as {
      review: { reviewText: string; reviewer: { fullname: string } };
    };
    const moderated: { id: string; status: string }[] = [];
    const page = await fixture<HTMLElement>(html`<div>
      <review-list api-base=${box.marketplace} reviewee-id=${ids.listings.main}></review-list>
      <review-moderation api-base=${box.marketplace} .token=${admin} @review-moderated=${(e: CustomEvent<{ id: string; status: string }>) => moderated.push(e.detail)}></review-moderation>
    </div>`);
    const list = page.querySelector("review-list")!;
    const el = page.querySelector("review-moderation")!;
    await settled(el);
    await waitUntil(() => list.shadowRoot!.querySelectorAll('[part~="review"]').length > 0, "the list did not load");
    expect(deepText(list)).to.not.contain(review.reviewText);

    const before = items(el).length;
    const index = bodies(el).indexOf(review.reviewText);
    items(el)[index]!.querySelector<HTMLButtonElement>('[part~="approve"]')!.click();
    await el.updateComplete;
    // Optimistic: gone before the server has answered.
    expect(bodies(el)).to.not.include(review.reviewText);
    expect(items(el)).to.have.length(before - 1);
    expect(status(el)).to.equal(`Approved the review by ${review.reviewer.fullname}.`);
    await expect(el).to.be.accessible();

    await waitUntil(() => moderated.length === 1, "no review-moderated");
    expect(moderated).to.deep.equal([{ id: target, status: "approved" }]);
    await waitUntil(() => deepText(list).includes(review.reviewText), "the approved review did not appear in the list");
    expect(list.shadowRoot!.querySelector('[part~="review"] [part~="review-body"]')!.textContent).to.equal(review.reviewText);
    await settled(el);
    expect(bodies(el)).to.not.include(review.reviewText);
  });

  it("puts the review back with an alert when the server refuses the decision", async () => {
    const pending = [
      wireReview({ moderationStatus: "pending", isPublished: true, reviewText: "First in line", reviewer: { id: "a", fullname: "Ana Alves" } }),
      wireReview({ moderationStatus: "pending", isPublished: false, reviewText: "Second in line", reviewer: { id: "b", fullname: "Ben Brooks" } }),
      wireReview({ moderationStatus: "pending", isPublished: false, reviewText: "Third in line", reviewer: { id: "c", fullname: "Cleo Chen" } }),
    ];
    const server = await faultScript(
      { json: envelope("reviews", pending, { userId: "admin" }) },
      { delayMs: 150, status: 403, json: errorBody(403, "errMsg_onlyModeratorsCanModerate") },
    );
    const errors: ApiError[] = [];
    const auth: unknown[] = [];
    const moderated: unknown[] = [];
    const el = await fixture<ReviewModeration>(html`<review-moderation
      api-base=${server.base}
      .token=${"admin-token"}
      @review-error=${(e: CustomEvent<{ error: ApiError }>) => errors.push(e.detail.error)}
      @review-auth-required=${(e: CustomEvent) => auth.push(e.detail)}
      @review-moderated=${(e: CustomEvent) => moderated.push(e.detail)}
    ></review-moderation>`);
    await settled(el);
    expect(bodies(el)).to.deep.equal(["First in line", "Second in line", "Third in line"]);

    items(el)[1]!.querySelector<HTMLButtonElement>('[part~="decline"]')!.click();
    await el.updateComplete;
    expect(bodies(el)).to.deep.equal(["First in line", "Third in line"]);
    expect(status(el)).to.equal("Rejected the review by Ben Brooks.");

    await waitUntil(() => part(el, "error"), "no alert after the refusal");
    expect(bodies(el)).to.deep.equal(["First in line", "Second in line", "Third in line"]);
    expect(part(el, "error")!.getAttribute("role")).to.equal("alert");
    expect(part(el, "error")!.textContent!.trim()).to.equal("The review by Ben Brooks could not be updated and is back in the list.");
    expect(status(el)).to.equal("");
    expect(focused(el) === items(el)[1], "focus on the restored review").to.equal(true);
    expect(errors.map((e) => e.status)).to.deep.equal([403]);
    expect(auth).to.have.length(1);
    expect(moderated).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const log = await server.log();
    expect(log.map((entry) => entry.method)).to.deep.equal(["GET", "PATCH"]);
    expect(JSON.parse(log[1]!.body)).to.deep.equal({ moderationStatus: "rejected", isPublished: false });
  });

  it("switches tabs with the arrow keys, Home and End", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    const everything = await directoryView(box);
    expect(items(el)).to.have.length(everything.filter((r) => r.status === "P").length);
    tab(el, "pending").focus();

    await sendKeys({ press: "ArrowRight" });
    await el.updateComplete;
    expect(tab(el, "approved").getAttribute("aria-selected")).to.equal("true");
    await sendKeys({ press: "ArrowRight" });
    await el.updateComplete;
    expect(tab(el, "rejected").getAttribute("aria-selected")).to.equal("true");
    expect(tab(el, "pending").getAttribute("aria-selected")).to.equal("false");
    expect([tab(el, "pending").tabIndex, tab(el, "approved").tabIndex, tab(el, "rejected").tabIndex]).to.deep.equal([-1, -1, 0]);
    expect(focused(el) === tab(el, "rejected"), "focus on the Declined tab").to.equal(true);
    expect(tab(el, "rejected").textContent!.trim()).to.match(/^Declined\b/);
    expect(el.shadowRoot!.querySelector('[role="tabpanel"]')!.getAttribute("aria-labelledby")).to.equal("tab-rejected");
    await waitUntil(() => items(el).length === everything.filter((r) => r.status === "D").length, "the declined reviews did not load");
    await expect(el).to.be.accessible();

    await sendKeys({ press: "ArrowLeft" });
    await sendKeys({ press: "ArrowLeft" });
    await el.updateComplete;
    expect(tab(el, "pending").getAttribute("aria-selected")).to.equal("true");
    expect(focused(el) === tab(el, "pending"), "focus on the Pending tab").to.equal(true);
    await sendKeys({ press: "ArrowLeft" });
    await el.updateComplete;
    expect(tab(el, "rejected").getAttribute("aria-selected")).to.equal("true", "Left from the first tab wraps to the last");
    await sendKeys({ press: "End" });
    await el.updateComplete;
    expect(tab(el, "rejected").getAttribute("aria-selected")).to.equal("true");
    await sendKeys({ press: "Home" });
    await el.updateComplete;
    expect(tab(el, "pending").getAttribute("aria-selected")).to.equal("true");
    expect(focused(el) === tab(el, "pending"), "focus back on the Pending tab").to.equal(true);
  });

  it("shows the directory admin names and emails, and declines a review: it moves to Declined and never becomes public", async () => {
    const box = await sandbox();
    const everything = await directoryView(box);
    const target = everything.find((r) => r.status === "P")!;
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    const index = bodies(el).indexOf(target.summary);
    const item = items(el)[index]!;
    expect(authors(el)[index]).to.equal(`${target.firstName} ${target.lastName}`);
    expect(item.textContent).to.contain(target.email);
    expect([...item.querySelectorAll("button")].map((b) => b.textContent!.trim())).to.deep.equal(["Approve", "Decline", "Delete"]);

    item.querySelector<HTMLButtonElement>('[part~="decline"]')!.click();
    await el.updateComplete;
    expect(status(el)).to.equal(`Declined the review by ${target.firstName} ${target.lastName}.`);
    await waitUntil(async () => (await directoryView(box)).find((r) => r.id === target.id)?.status === "D", "not declined on the server");

    tab(el, "rejected").click();
    await waitUntil(() => bodies(el).includes(target.summary), "the declined review is not on the Declined tab");
    const list = await fixture<ReviewList>(
      html`<review-list source="partnerpage" api-base=${box.proxy} directory-id="demo-directory" entry-id=${target.entry.id}></review-list>`,
    );
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="review"], [part~="empty"]'), "the public list did not load");
    expect(deepText(list)).to.not.contain(target.summary);
  });

  it("approves a directory review with the keyboard only, and the public list shows it", async () => {
    const box = await sandbox();
    const everything = await directoryView(box);
    const entry = everything.find((r) => r.status === "P")!.entry.id;
    // The key is the moderation view's alone: the public list on the same page reads through the proxy.
    configure({ directoryId: "demo-directory" });
    const page = await fixture<HTMLElement>(html`<div>
      <review-moderation source="partnerpage" api-base=${box.directoryApi} .token=${ADMIN_KEY}></review-moderation>
      <review-list source="partnerpage" api-base=${box.proxy} entry-id=${entry}></review-list>
    </div>`);
    const el = page.querySelector("review-moderation")!;
    const list = page.querySelector("review-list")!;
    await settled(el);
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="review"], [part~="empty"]'), "the public list did not load");
    const first = bodies(el)[0]!;
    const firstAuthor = authors(el)[0]!;
    const second = bodies(el)[1]!;

    tab(el, "pending").focus();
    // From the tabs: the search, the filter, "select all", the first review's tick box, its Approve.
    const order: (string | null | undefined)[] = [];
    for (let step = 0; step < 5; step++) {
      await sendKeys({ press: "Tab" });
      order.push(focused(el)?.getAttribute("part"));
    }
    expect(order).to.deep.equal(["search", "filter", "select-all", "select", "approve"]);
    expect(items(el)[0]!.contains(focused(el)), "Tab reaches the first review's Approve").to.equal(true);
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    expect(bodies(el)[0]).to.equal(second);
    expect(status(el)).to.equal(`Approved the review by ${firstAuthor}.`);
    // Focus stays in the list, on the review that took its place.
    expect(focused(el) === items(el)[0], "focus on the next review").to.equal(true);

    // The newest pending review is first in the queue, and it is a review of the listed entry.
    expect(everything.find((r) => r.summary === first)!.entry.id).to.equal(entry);
    await waitUntil(() => deepText(list).includes(first), "the approved review did not appear publicly");
    await waitUntil(async () => (await directoryView(box)).find((r) => r.summary === first)?.status === "A", "not approved on the server");
    await settled(el);
    expect(focused(el) !== null, "focus is still inside the moderation view after it reloads").to.equal(true);
  });

  it("deletes a review after a confirmation that Escape or Cancel dismisses, and the server forgets it", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    const moderated: { id: string; status: string }[] = [];
    el.addEventListener("review-moderated", (e) => moderated.push(e.detail));
    const [first, second] = bodies(el);
    const author = authors(el)[0]!;
    const target = (await directoryView(box)).find((r) => r.summary === first)!;

    items(el)[0]!.querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
    await el.updateComplete;
    await waitUntil(() => focused(el)?.getAttribute("part") === "cancel", "focus is not on Cancel");
    expect(items(el)[0]!.querySelector('[role="group"]')!.textContent).to.contain("Delete this review for good?");
    await expect(el).to.be.accessible();
    await sendKeys({ press: "Escape" });
    await el.updateComplete;
    expect(part(el, "confirm-delete")).to.equal(null);
    expect(focused(el) === items(el)[0], "focus back on the review").to.equal(true);
    expect(bodies(el)[0]).to.equal(first);

    items(el)[0]!.querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
    await el.updateComplete;
    part(el, "confirm-delete")!.click();
    await el.updateComplete;
    expect(bodies(el)[0]).to.equal(second);
    expect(status(el)).to.equal(`Deleted the review by ${author}.`);
    await waitUntil(() => moderated.length === 1, "no review-moderated");
    expect(moderated).to.deep.equal([{ id: target.id, status: "deleted" }]);
    expect((await directoryView(box)).some((r) => r.id === target.id)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("puts a review back with an alert when the server refuses the Delete", async () => {
    const list = { count: 2, next: null, previous: null, results: [directoryWire("r1", "Kept after all"), directoryWire("r2", "Second")] };
    // Three lists (one per tab's count) and the permission probe, in any order; then the DELETE.
    const server = await faultScript(
      { json: list },
      { json: list },
      { json: list },
      { json: list },
      { status: 403, json: { detail: "You do not have permission to perform this action." } },
    );
    const el = await fixture<ReviewModeration>(
      html`<review-moderation source="partnerpage" api-base=${server.base} directory-id="demo-directory" .token=${ADMIN_KEY}></review-moderation>`,
    );
    await settled(el);
    const before = bodies(el);
    items(el)[0]!.querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
    await el.updateComplete;
    part(el, "confirm-delete")!.click();
    await waitUntil(() => part(el, "error"), "no alert");
    expect(bodies(el)).to.deep.equal(before);
    expect(part(el, "error")!.textContent).to.contain("could not be updated and is back in the list");
    await expect(el).to.be.accessible();
  });

  it("downloads the owner's export as a dated CSV file", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, READONLY_KEY);
    await settled(el);
    await expect(el).to.be.accessible();
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      part(el, "export")!.click();
      await waitUntil(() => clicked.length === 1, "no download");
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked[0]!.download).to.match(/^reviews-demo-directory-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await (await fetch(clicked[0]!.href)).text();
    expect(csv.split("\r\n")[0]).to.match(/^id,entry_id,entry_title,status,/);
    expect(csv.split("\r\n").length).to.be.above(20);
  });

  it("says so when the export fails", async () => {
    const empty = { json: { count: 0, next: null, previous: null, results: [] } };
    // Three lists (one per tab's count) and the permission probe, in any order; then the export.
    const server = await faultScript(empty, empty, empty, empty, { status: 500, json: { detail: "boom" } });
    const el = await fixture<ReviewModeration>(
      html`<review-moderation source="partnerpage" api-base=${server.base} directory-id="demo-directory" .token=${ADMIN_KEY}></review-moderation>`,
    );
    await settled(el);
    const errors: ApiError[] = [];
    el.addEventListener("review-error", (e) => errors.push(e.detail.error));
    part(el, "export")!.click();
    await waitUntil(() => part(el, "error"), "no alert");
    expect(part(el, "error")!.textContent!.trim()).to.equal("The export failed. Please try again.");
    expect(errors.map((e) => e.status)).to.deep.equal([500]);
    await expect(el).to.be.accessible();
    const log = await server.log();
    expect(log[4]!.authorization).to.equal(ADMIN_KEY);
    expect(log[4]!.url).to.contain("/reviews/directory/demo-directory/export/");
  });

  it("offers a read-only key no actions, and says why once, outside the cards", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, READONLY_KEY);
    await settled(el);
    await waitUntil(() => part(el, "notice"), "no notice for the read-only key");
    expect(items(el).length).to.be.above(0);
    expect(part(el, "notice")!.textContent).to.equal("This key can read reviews but not approve or decline them.");
    expect(actions(el)).to.have.length(0);
    expect(items(el).some((item) => item.contains(part(el, "notice")))).to.equal(false);
    expect(part(el, "error")).to.equal(null);
    await expect(el).to.be.accessible();
    tab(el, "rejected").click();
    await waitUntil(() => tab(el, "rejected").getAttribute("aria-selected") === "true" && items(el).length > 0, "the Declined tab did not load");
    expect(actions(el)).to.have.length(0);
    // Nothing was changed by finding out.
    const everything = await directoryView(box);
    expect(everything.filter((r) => r.status === "P").length).to.equal(Number(tabNames(el)[0]!.split(" ")[1]));
  });

  it("offers the owner's key every action, with no notice", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    expect(part(el, "notice")).to.equal(null);
    expect(actions(el).length).to.equal(items(el).length * 3);
  });

  it("counts each tab from the server, and undoes an approval from the Approved tab", async () => {
    const box = await sandbox();
    const everything = await directoryView(box);
    const count = (code: string) => everything.filter((r) => r.status === code).length;
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    await waitUntil(() => tabNames(el).every((name) => /\d$/.test(name)), "no counts on the tabs");
    expect(tabNames(el)).to.deep.equal([`Pending ${count("P")}`, `Approved ${count("A")}`, `Declined ${count("D")}`]);
    await expect(el).to.be.accessible();

    tab(el, "approved").click();
    await waitUntil(() => items(el).length > 0 && tab(el, "approved").getAttribute("aria-selected") === "true", "the Approved tab did not load");
    // The same order as the owner's own read; texts can repeat, so count them.
    const target = everything.filter((r) => r.status === "A")[0]!;
    expect(bodies(el)[0]).to.equal(target.summary);
    const copies = () => bodies(el).filter((body) => body === target.summary).length;
    const before = copies();
    const card = items(el)[0]!;
    expect([...card.querySelectorAll("button")].map((b) => b.textContent!.trim())).to.deep.equal(["Decline", "Delete"]);
    card.querySelector<HTMLButtonElement>('[part~="decline"]')!.click();
    await el.updateComplete;
    expect(copies()).to.equal(before - 1);
    expect(tabNames(el)).to.deep.equal([`Pending ${count("P")}`, `Approved ${count("A") - 1}`, `Declined ${count("D") + 1}`]);
    expect(status(el)).to.equal(`Declined the review by ${target.firstName} ${target.lastName}.`);
    await waitUntil(async () => (await directoryView(box)).find((r) => r.id === target.id)?.status === "D", "not declined on the server");

    tab(el, "rejected").click();
    await waitUntil(() => tab(el, "rejected").ariaSelected === "true" && bodies(el).includes(target.summary), "the review is not on the Declined tab");
    const back = items(el)[bodies(el).indexOf(target.summary)]!;
    expect([...back.querySelectorAll("button")].map((b) => b.textContent!.trim())).to.deep.equal(["Approve", "Delete"]);
    back.querySelector<HTMLButtonElement>('[part~="approve"]')!.click();
    await waitUntil(async () => (await directoryView(box)).find((r) => r.id === target.id)?.status === "A", "the decline was not undone");
    await waitUntil(() => tabNames(el)[1] === `Approved ${count("A")}`, "the Approved count did not come back");
    await expect(el).to.be.accessible();
  });

  it("undoes a rejection on the marketplace, and puts the counts back when the server refuses", async () => {
    const rejected = [
      wireReview({ moderationStatus: "rejected", isPublished: false, reviewText: "Rejected once", reviewer: { id: "a", fullname: "Ana Alves" } }),
      wireReview({ moderationStatus: "approved", isPublished: true, reviewText: "Approved one", reviewer: { id: "b", fullname: "Ben Brooks" } }),
    ];
    const list = { json: envelope("reviews", rejected, { userId: "admin" }) };
    // A list for each tab opened, then the PATCH.
    const server = await faultScript(list, list, { delayMs: 150, status: 500, json: errorBody(500, "errMsg_internal") });
    const el = await fixture<ReviewModeration>(html`<review-moderation api-base=${server.base} .token=${"admin-token"}></review-moderation>`);
    await settled(el);
    expect(tabNames(el)).to.deep.equal(["Pending 0", "Approved 1", "Rejected 1"]);
    tab(el, "rejected").click();
    await waitUntil(() => bodies(el).includes("Rejected once"), "the Rejected tab did not load");
    items(el)[0]!.querySelector<HTMLButtonElement>('[part~="approve"]')!.click();
    await el.updateComplete;
    expect(tabNames(el)).to.deep.equal(["Pending 0", "Approved 2", "Rejected 0"]);
    await waitUntil(() => part(el, "error"), "no alert after the refusal");
    expect(tabNames(el)).to.deep.equal(["Pending 0", "Approved 1", "Rejected 1"]);
    expect(bodies(el)).to.deep.equal(["Rejected once"]);
    expect(items(el)[0]!.contains(part(el, "error"))).to.equal(false);
    const log = await server.log();
    expect(JSON.parse(log.at(-1)!.body)).to.deep.equal({ moderationStatus: "approved" });
    await expect(el).to.be.accessible();
  });

  it("searches the text and author, and filters by entry, on the loaded reviews", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    const all = bodies(el);
    const author = authors(el)[1]!;
    part(el, "search")!.focus();
    await sendKeys({ type: author.split(" ")[1]!.toUpperCase() });
    await el.updateComplete;
    expect(authors(el).length).to.be.above(0).and.below(all.length);
    expect(authors(el).every((name) => name.toLowerCase().includes(author.split(" ")[1]!.toLowerCase()))).to.equal(true);
    await sendKeys({ type: "zzqx-nothing-matches" });
    await el.updateComplete;
    expect(items(el)).to.have.length(0);
    expect(part(el, "empty")!.textContent).to.equal("No reviews here.");
    await expect(el).to.be.accessible();
    (part(el, "search") as HTMLInputElement).value = "";
    part(el, "search")!.dispatchEvent(new Event("input"));
    await el.updateComplete;
    expect(bodies(el)).to.deep.equal(all);

    const filter = part(el, "filter") as HTMLSelectElement;
    const entry = filter.options[1]!;
    filter.value = entry.value;
    filter.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(items(el).length).to.be.above(0).and.below(all.length);
    expect(items(el).every((item) => item.textContent!.includes(entry.textContent!))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("approves the ticked reviews after one confirmation, with the keyboard", async () => {
    const box = await sandbox();
    const el = await directoryModeration(box, ADMIN_KEY);
    await settled(el);
    const before = items(el).length;
    const [first, second] = bodies(el);
    // Texts can repeat: follow the pending reviews with these texts by id.
    const chosen = (await directoryView(box)).filter((r) => r.status === "P" && (r.summary === first || r.summary === second)).map((r) => r.id);
    items(el)[0]!.querySelector<HTMLInputElement>('[part~="select"]')!.focus();
    await sendKeys({ press: "Space" });
    items(el)[1]!.querySelector<HTMLInputElement>('[part~="select"]')!.focus();
    await sendKeys({ press: "Space" });
    await el.updateComplete;
    expect((part(el, "select-all") as HTMLInputElement).indeterminate).to.equal(true);
    const bar = el.shadowRoot!.querySelector<HTMLElement>('[aria-labelledby="bulk"]')!;
    expect(bar.querySelector("#bulk")!.textContent).to.equal("2 selected");
    await expect(el).to.be.accessible();

    bar.querySelector<HTMLButtonElement>('[part~="approve"]')!.focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => focused(el)?.getAttribute("part") === "confirm-bulk", "focus is not on Confirm");
    expect(bar.querySelector("#bulk")!.textContent).to.equal("Apply this to all 2 selected reviews?");
    await expect(el).to.be.accessible();
    await sendKeys({ press: "Escape" });
    await el.updateComplete;
    expect(part(el, "confirm-bulk")).to.equal(null);
    expect(items(el)).to.have.length(before);
    await waitUntil(() => focused(el) === bar.querySelector('[part~="approve"]'), "focus is not back on the bar's Approve");

    bar.querySelector<HTMLButtonElement>('[part~="approve"]')!.click();
    await el.updateComplete;
    part(el, "confirm-bulk")!.focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => status(el) === "Updated 2 reviews.", "no announcement of the bulk decision");
    expect(bodies(el)).to.not.include.members([first, second]);
    const view = await directoryView(box);
    expect(view.filter((r) => chosen.includes(r.id)).map((r) => r.status)).to.deep.equal(["A", "A"]);
    expect(part(el, "error")).to.equal(null);
  });

  it("keeps the reviews the server refused ticked, and says how many", async () => {
    const three = [directoryWire("r1", "One"), directoryWire("r2", "Two"), directoryWire("r3", "Three")];
    const list = { json: { count: 3, next: null, previous: null, results: three } };
    // The accepted ones answer later than the refused one: until all are answered, no message of one review's own shows.
    const ok = { json: directoryWire("r1", "One", "D"), delayMs: 300 };
    const refused = { status: 403, json: { detail: "You do not have permission to perform this action." } };
    // Three lists and the probe, then the three PATCHes: one of them refused.
    const server = await faultScript(list, list, list, list, ok, refused, ok, list);
    const el = await fixture<ReviewModeration>(
      html`<review-moderation source="partnerpage" api-base=${server.base} directory-id="demo-directory" .token=${ADMIN_KEY}></review-moderation>`,
    );
    await settled(el);
    part(el, "select-all")!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("#bulk")!.textContent).to.equal("3 selected");
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-labelledby="bulk"] [part~="decline"]')!.click();
    await el.updateComplete;
    part(el, "confirm-bulk")!.click();
    await waitUntil(() => part(el, "error"), "no alert for the refused review");
    expect(part(el, "error")!.textContent!.trim()).to.equal("1 review could not be updated and is still selected.");
    expect(status(el)).to.equal("Updated 2 reviews.");
    // The two accepted ones left (this scripted server lists them again if the view reloads); the refused one is the one ticked.
    const ticked = () => items(el).filter((item) => item.querySelector<HTMLInputElement>('[part~="select"]')!.checked);
    expect(ticked()).to.have.length(1);
    expect(el.shadowRoot!.querySelector("#bulk")!.textContent).to.equal("1 selected");
    expect(items(el).some((item) => item.contains(part(el, "error")))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("says on each card double-blind still hides, until when", async () => {
    const box = await sandbox();
    const ids = (await box.ids()) as Ids & { hiddenReviews: { pendingUnpublished: string[]; approvedUnpublished: string[] } };
    const admin = (await box.login("admin@demo.test")).accessToken;
    const read = async (id: string) =>
      (
        (await (await fetch(`${box.marketplace}/v1/reviews/${id}`, { headers: { Authorization: `Bearer ${admin}` } })).json()) as {
          review: { reviewText: string; submittedAt: string };
        }
      ).review;
    const hidden = await read(ids.hiddenReviews.pendingUnpublished[0]!);
    const published = await read(ids.hiddenReviews.pendingPublished[0]!);
    const el = await fixture<ReviewModeration>(html`<review-moderation api-base=${box.marketplace} .token=${admin}></review-moderation>`);
    await settled(el);
    const card = (text: string) => items(el)[bodies(el).indexOf(text)]!;
    // The only review of its stay: the window runs 14 days from it.
    const until = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(Date.parse(hidden.submittedAt) + 14 * 864e5);
    expect(card(hidden.reviewText).querySelector('[part~="blind"]')!.textContent).to.equal(`Hidden by double-blind until ${until}.`);
    expect(card(published.reviewText).querySelector('[part~="blind"]')).to.equal(null);
    await expect(el).to.be.accessible();

    tab(el, "approved").click();
    const approved = await read(ids.hiddenReviews.approvedUnpublished[0]!);
    await waitUntil(() => bodies(el).includes(approved.reviewText), "the Approved tab did not load");
    expect(card(approved.reviewText).querySelector('[part~="blind"]')!.textContent).to.match(/^Hidden by double-blind until .+\.$/);
  });
});
