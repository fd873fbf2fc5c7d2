/**
 * The attack corpus (test/fixtures/hostile.ts) through every element, fed by
 * a real misbehaving HTTP server with seed-shaped data: nothing may execute
 * (a canary), no markup or URL may appear, the text must read back verbatim,
 * bidi controls must stay in the review body, and the layout must hold.
 */
import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { waitUntil } from "../support/browser/wait.js";
import { RatingSummary } from "../../src/components/rating-summary/rating-summary.js";
import { ReviewForm } from "../../src/components/review-form/review-form.js";
import { ReviewList } from "../../src/components/review-list/review-list.js";
import { ReviewModeration } from "../../src/components/review-moderation/review-moderation.js";
import { StarRating } from "../../src/components/star-rating/star-rating.js";
import { resetConfig } from "../../src/core/config.js";
import { draftKey } from "../../src/core/drafts.js";
import { publicAuthorName } from "../../src/core/names.js";
import { HOSTILE_DATES, HOSTILE_NAMES, HOSTILE_TEXTS } from "../fixtures/hostile.js";
import { faultScript } from "../support/browser/backend.js";
import { deepElements, deepLabels, deepText, freshServices } from "../support/browser/dom.js";
import { envelope, wireAggregate, wireReview } from "../support/wire.js";

for (const element of [StarRating, RatingSummary, ReviewList, ReviewForm, ReviewModeration]) element.define();

declare global {
  interface Window {
    __pwned?: () => void;
    __pwnedCalled?: boolean;
  }
}

type Wire = Record<string, unknown>;

/** Tags our templates use; anything else in a shadow tree came from data. */
const ALLOWED_TAGS = new Set(
  "div span p ul li article header time bdi button select option label fieldset legend input textarea form dl dt dd strong svg g path rect star-rating".split(
    " ",
  ),
);
const URL_ATTRIBUTES = new Set(["href", "src", "srcdoc", "xlink:href"]);
/** What leaked hidden items carry; it must never be rendered. */
const LEAK = "LEAK-MARKER";
const ENTRY = "entry-1";
const DIRECTORY = "dir-1";
const WIDTH = 600;
const MEGABYTE = 1_000_000;

const codePoints = (text: string) => Array.from(text).length;
/** Collapsed behind "Read more": more than 480 characters, or 6 lines or more. */
const isLong = (text: string) => codePoints(text) > 480 || (text.match(/\n/g)?.length ?? 0) >= 6;
const readable = (date: string) => !Number.isNaN(Date.parse(date));
/** `{"__proto__": …, "constructor": …, "prototype": …}` as own keys, the way JSON.parse makes them. */
const pollutingKeys = (): Wire =>
  JSON.parse(
    '{"__proto__": {"polluted": "yes", "fullname": "PROTO"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}',
  ) as Wire;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function prototypesClean(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    expect(Object.hasOwn(proto, "polluted"), "a prototype was polluted").to.equal(false);
  }
  expect(({} as Record<string, unknown>)["polluted"]).to.equal(undefined);
}

/** Renders `template` inside a 600px-wide container and returns both. */
async function mount<T extends HTMLElement>(template: ReturnType<typeof html>, tag: string): Promise<{ el: T; box: HTMLElement }> {
  const box = await fixture<HTMLElement>(html`<div style="inline-size: ${WIDTH}px">${template}</div>`);
  return { el: box.querySelector<T>(tag)!, box };
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const articles = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="review"]')];
const settledWith = (el: Element, what: string) =>
  waitUntil(() => articles(el).length > 0 || part(el, "empty") || part(el, "error") || part(el, "average"), `${what} did not load`, {
    timeout: 6000,
  });

/** A short, printable view of a possibly huge string, for failure messages. */
const preview = (value: string | null | undefined) =>
  typeof value === "string" ? `${JSON.stringify(value.slice(0, 60))}${value.length > 60 ? `… (${value.length} chars)` : ""}` : String(value);

/** Strict equality without printing megabytes when it fails. */
function expectSame(actual: string | null | undefined, wanted: string, what: string): void {
  if (actual !== wanted) throw new Error(`${what}: expected ${preview(wanted)}, got ${preview(actual)}`);
}

/** No foreign element, no event handler, no URL attribute, layout inside the container, the canary silent. */
async function audit(el: HTMLElement, box: HTMLElement, { wait = true } = {}): Promise<void> {
  // One frame for the render; an injected element or handler is caught below by its presence, not by waiting for it to run.
  if (wait) await nextFrame();
  const problems: string[] = [];
  for (const node of deepElements(el)) {
    if (!ALLOWED_TAGS.has(node.localName)) problems.push(`element <${node.localName}>`);
    for (const attribute of Array.from(node.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on") || URL_ATTRIBUTES.has(name) || attribute.localName === "href") problems.push(`attribute ${name} on <${node.localName}>`);
      if (["width", "height", "viewbox"].includes(name) && !attribute.value.split(/[\s,]+/).every((n) => Number.isFinite(Number(n)))) {
        problems.push(`${name}="${attribute.value}" on <${node.localName}>`);
      }
    }
  }
  expect(problems, "foreign markup in the shadow tree").to.deep.equal([]);
  for (const root of [el.shadowRoot!, ...deepElements(el).flatMap((node) => (node.shadowRoot ? [node.shadowRoot] : []))]) {
    expect(root.querySelectorAll("style, script, img, iframe, a, object, embed, link, base, meta, template").length).to.equal(0);
  }
  const container = box.getBoundingClientRect();
  expect(el.getBoundingClientRect().width, "element width").to.be.at.most(container.width + 0.5);
  expect(box.scrollWidth, "nothing overflows the container").to.be.at.most(box.clientWidth + 1);
  const overflowing = deepElements(el)
    .filter((node) => !node.closest(".sr-only"))
    .map((node) => [node, node.getBoundingClientRect()] as const)
    .filter(([, rect]) => (rect.width > 0 || rect.height > 0) && (rect.left < container.left - 1 || rect.right > container.right + 1))
    .map(([node, rect]) => `<${node.localName} part="${node.getAttribute("part") ?? ""}"> ${Math.round(rect.left)}..${Math.round(rect.right)}`);
  expect(overflowing, "elements outside the container").to.deep.equal([]);
  expect(window.__pwnedCalled, "the canary ran: something executed").to.equal(false);
  prototypesClean();
}

/** Whether the first and last letters of `el`'s first text are laid out left to right. */
function readsLeftToRight(el: Element): boolean {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    const letters = [...text.matchAll(/[A-Za-z0-9]/g)].map((m) => m.index);
    if (letters.length < 2) continue;
    const range = document.createRange();
    const left = (i: number) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return left(letters[0]!) < left(letters[letters.length - 1]!);
  }
  throw new Error(`no text to measure in <${el.localName}>`);
}

/** The review text reads back verbatim, or as its excerpt ending in "…" until "Read more" shows all of it. */
async function expectBody(el: ReviewList | ReviewModeration, article: HTMLElement, text: string, what: string): Promise<void> {
  const body = article.querySelector<HTMLElement>('[part~="review-body"]')!;
  const more = article.querySelector<HTMLButtonElement>("button[aria-expanded]");
  if (!more) {
    expectSame(body.textContent, text, `${what}: verbatim`);
    // The public list collapses long texts; the moderator reads them whole.
    if (el instanceof ReviewList) expect(isLong(text), `${what}: a long text must be collapsed behind "Read more"`).to.equal(false);
    return;
  }
  expect(isLong(text), `${what}: only long texts are collapsed`).to.equal(true);
  const shown = body.textContent!;
  expect(shown.endsWith("…"), `${what}: the excerpt ends in an ellipsis`).to.equal(true);
  expect(text.startsWith(shown.slice(0, -1)), `${what}: the excerpt ${preview(shown)} is the start of the text`).to.equal(true);
  expect(codePoints(shown)).to.be.at.most(481);
  if (text.length >= MEGABYTE) expect(body.getBoundingClientRect().height, `${what}: collapsed height`).to.be.below(400);
  more.click();
  await el.updateComplete;
  expectSame(body.textContent, text, `${what}: the full text after "Read more"`);
  more.click();
  await el.updateComplete;
}

/** Review id, from the body's `id="body-<id>"`. */
const reviewId = (article: HTMLElement) => article.querySelector('[part~="review-body"]')!.id.replace(/^body-/, "");

interface Expected {
  text: string;
  author: string;
  date?: string;
  company?: string;
  title?: string;
}

/** Hidden, malformed or prototype-named statuses: none of these may render. */
function hiddenMarketplace(): Wire[] {
  const hidden = (overrides: Wire) => wireReview({ reviewText: `${LEAK} ${JSON.stringify(overrides)}`, ...overrides });
  return [
    hidden({ moderationStatus: "pending" }),
    hidden({ moderationStatus: "rejected" }),
    hidden({ isPublished: false }),
    hidden({ isActive: false }),
    hidden({ isPublished: "true" }),
    hidden({ moderationStatus: "constructor" }),
    hidden({ moderationStatus: "__proto__" }),
    hidden({ moderationStatus: "toString" }),
    hidden({ moderationStatus: "APPROVED" }),
    hidden({ revieweeId: "__proto__" }),
  ];
}

/** The marketplace list: every hostile text, name and date, duplicates, polluting keys, hostile ids. */
function marketplaceList(): { items: Wire[]; expected: Map<string, Expected> } {
  const items: Wire[] = [];
  const expected = new Map<string, Expected>();
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 9, 1) + minute++ * 60_000).toISOString();
  const add = (id: string, text: string, fullname: string, submittedAt = at(), extra: Wire = {}) => {
    items.push(wireReview({ id, reviewText: text, submittedAt, reviewer: { id: `user-${id}`, fullname }, ...extra }));
    if (readable(submittedAt)) expected.set(id, { text, author: publicAuthorName(fullname) || "Guest", date: new Date(submittedAt).toISOString() });
  };
  HOSTILE_TEXTS.forEach((text, i) => add(`text-${i}`, text, "Maria Lopez"));
  HOSTILE_NAMES.forEach((name, i) => add(`name-${i}`, `name case ${i}`, name));
  HOSTILE_DATES.forEach((date, i) => add(`date-${i}`, `date case ${i}`, "Dana Datum", date));
  add("dup", "DUPLICATE first", "Dup Licate");
  items.push(wireReview({ id: "dup", reviewText: `DUPLICATE second ${LEAK}`, submittedAt: at() }));
  for (const id of ["__proto__", "constructor", "prototype", `"><img src=x onerror="__pwned()">`]) add(id, `hostile id ${id}`, "Ida Dent");
  items.push({
    ...wireReview({ id: "polluting", reviewText: "polluting keys", submittedAt: at(), reviewer: { ...pollutingKeys(), id: "user-p", fullname: "Paula Keys" } }),
    ...pollutingKeys(),
  });
  expected.set("polluting", { text: "polluting keys", author: "Paula K." });
  items.push(...hiddenMarketplace());
  return { items, expected };
}

/** A directory review as the public proxy returns it (server/proxy/strip.ts). */
const directoryReview = (overrides: Wire): Wire => ({
  id: "d",
  entry: { id: ENTRY, title: "Northwind" },
  entryType: "partner",
  title: "",
  company: "",
  summary: "",
  shortSummary: "",
  firstName: "Jane",
  lastName: "D",
  rating: 4,
  created: "2026-10-01T10:00:00Z",
  status: "A",
  statusDisplay: "Approved",
  ...overrides,
});

function directoryList(): { body: Wire; expected: Map<string, Expected> } {
  const results: Wire[] = [];
  const expected = new Map<string, Expected>();
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 9, 1) + minute++ * 60_000).toISOString();
  const add = (id: string, summary: string, name: string, created = at()) => {
    results.push(directoryReview({ id, summary, firstName: name, lastName: name, company: name, title: name, created }));
    if (readable(created)) {
      const entry: Expected = { text: summary, author: publicAuthorName(name, name) || "Anonymous", date: new Date(created).toISOString() };
      if (name) entry.company = entry.title = name;
      expected.set(id, entry);
    }
  };
  HOSTILE_TEXTS.forEach((text, i) => add(`text-${i}`, text, "Jane"));
  HOSTILE_NAMES.forEach((name, i) => add(`name-${i}`, `name case ${i}`, name));
  HOSTILE_DATES.forEach((date, i) => add(`date-${i}`, `date case ${i}`, "Dana", date));
  add("dup", "DUPLICATE first", "Dup");
  results.push(directoryReview({ id: "dup", summary: `DUPLICATE second ${LEAK}`, created: at() }));
  for (const id of ["__proto__", "constructor", `"><img src=x onerror="__pwned()">`]) add(id, `hostile id ${id}`, "Ida");
  results.push({
    ...directoryReview({ id: "polluting", summary: "polluting keys", entry: { ...pollutingKeys(), id: ENTRY, title: "N" } }),
    ...pollutingKeys(),
  });
  expected.set("polluting", { text: "polluting keys", author: "Jane D." });
  for (const status of ["P", "D", "a", "constructor", "__proto__", "toString", ""]) {
    results.push(directoryReview({ id: `hidden-${status}`, status, summary: `${LEAK} status ${status}` }));
  }
  results.push(directoryReview({ id: "other-entry", entry: { id: "entry-2", title: "Other" }, summary: `${LEAK} another entry` }));
  return { body: { count: results.length, next: null, previous: null, results, ...pollutingKeys() }, expected };
}

async function checkList(el: ReviewList, box: HTMLElement, expected: Map<string, Expected>): Promise<void> {
  await settledWith(el, "the list");
  expect(part(el, "error"), "the list shows an error").to.equal(null);
  await audit(el, box);
  const shown = articles(el);
  expect(shown.map(reviewId).sort(), "exactly the valid public reviews, each once").to.deep.equal([...expected.keys()].sort());
  for (const article of shown) {
    const id = reviewId(article);
    const want = expected.get(id)!;
    await expectBody(el, article, want.text, id);
    expectSame(article.querySelector('[part~="review-author"]')!.textContent, want.author, `${id}: author`);
    if (want.date) expect(article.querySelector("time")!.getAttribute("datetime"), `${id}: date`).to.equal(want.date);
    if (want.company !== undefined) expectSame(article.querySelector("header bdi:not([part])")?.textContent, want.company, `${id}: company`);
    if (want.title !== undefined) expectSame(article.querySelector("strong")?.textContent, want.title, `${id}: title`);
  }
  expect(deepText(el)).not.to.contain(LEAK);
  expect(deepLabels(el).join("\n")).not.to.contain(LEAK);
  for (const article of shown) expectBidiContained(article, expected.get(reviewId(article))!, reviewId(article));
  expect(window.__pwnedCalled).to.equal(false);
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/;

/** Bidi controls in a text or a name stay inside it: the labels around them still read left to right. */
function expectBidiContained(article: HTMLElement, want: { text: string; author: string }, what: string): void {
  const body = article.querySelector<HTMLElement>('[part~="review-body"]')!;
  const author = article.querySelector<HTMLElement>('[part~="review-author"]')!;
  expect(body.getAttribute("dir"), `${what}: body dir`).to.equal("auto");
  expect(getComputedStyle(body).unicodeBidi, `${what}: body unicode-bidi`).to.equal("plaintext");
  expect(author.localName === "bdi" || author.getAttribute("dir") === "auto", `${what}: the author is isolated`).to.equal(true);
  if (!BIDI_CONTROLS.test(want.text + want.author)) return;
  expect(readsLeftToRight(article.querySelector('[part~="review-date"]')!), `${what}: the date reads left to right`).to.equal(true);
  if (!BIDI_CONTROLS.test(want.author)) expect(readsLeftToRight(author), `${what}: the author reads left to right`).to.equal(true);
}

describe("attacks: the hostile corpus through every element", () => {
  beforeEach(() => {
    window.__pwnedCalled = false;
    window.__pwned = () => {
      window.__pwnedCalled = true;
    };
    freshServices();
    for (const key of Object.keys(localStorage)) if (key.startsWith("review-widgets:draft:")) localStorage.removeItem(key);
  });
  afterEach(async () => {
    fixtureCleanup();
    resetConfig();
    expect(window.__pwnedCalled, "the canary ran").to.equal(false);
    prototypesClean();
  });

  describe("<review-list>", () => {
    it("marketplace: renders every hostile text, name and date as text, drops unreadable dates, duplicates and hidden items", async function () {
      this.timeout(30_000);
      const { items, expected } = marketplaceList();
      const server = await faultScript({
        json: envelope("reviews", items, { ...pollutingKeys(), paging: { pageNumber: 1, pageRowCount: 100, totalRowCount: items.length, pageCount: 1 } }),
      });
      const { el, box } = await mount<ReviewList>(
        html`<review-list api-base=${server.base} reviewee-id="listing-1" page-size="1000"></review-list>`,
        "review-list",
      );
      await checkList(el, box, expected);
    });

    it('partnerpage: renders every hostile summary, name, company and title as text (source="partnerpage")', async function () {
      this.timeout(30_000);
      const { body, expected } = directoryList();
      const server = await faultScript({ json: body });
      const { el, box } = await mount<ReviewList>(
        html`<review-list source="partnerpage" api-base=${server.base} directory-id=${DIRECTORY} entry-id=${ENTRY} page-size="1000"></review-list>`,
        "review-list",
      );
      await checkList(el, box, expected);
    });

    it("structured data: hostile texts cannot close the JSON-LD script once the page is saved and served again", async () => {
      const breakouts = [
        `</script><img src=x onerror="__pwned()">`,
        `</SCRIPT ><svg onload=__pwned()>`,
        `<!--<script>`,
        `line\u2028separator\u2029and & ampersand > more`,
      ];
      const items = breakouts.map((text, i) =>
        wireReview({
          id: `ld-${i}`,
          reviewText: text,
          submittedAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
          reviewer: { id: `u${i}`, fullname: `${text} Name` },
        }),
      );
      const server = await faultScript({
        json: envelope("reviews", items, { paging: { pageNumber: 1, pageRowCount: 100, totalRowCount: items.length, pageCount: 1 } }),
      });
      const name = `Loft </script><img src=x onerror="__pwned()">`;
      const { el } = await mount<ReviewList>(
        html`<review-list api-base=${server.base} reviewee-id="listing-1" structured-data item-name=${name}></review-list>`,
        "review-list",
      );
      await settledWith(el, "the list");
      await waitUntil(() => el.querySelector("script"), "no JSON-LD");
      const live = el.querySelector("script")!;
      const data = JSON.parse(live.text) as { name: string; review: { reviewBody: string }[] };
      expect(data.name).to.equal(name);
      expect(data.review.map((review) => review.reviewBody).sort()).to.deep.equal([...breakouts].sort());

      // A prerenderer saves the rendered DOM as HTML; a browser later parses that HTML again.
      const saved = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${el.outerHTML}</body></html>`, "text/html");
      const elements = [...saved.body.querySelectorAll("*")].map((node) => node.localName);
      expect(elements, "only the element and its script come back").to.deep.equal(["review-list", "script"]);
      const script = saved.querySelector("review-list > script")!;
      expect(script.getAttribute("type")).to.equal("application/ld+json");
      expect(JSON.parse(script.textContent ?? ""), "the script still holds exactly the data").to.deep.equal(data);
    });
  });

  describe("<rating-summary show-distribution>", () => {
    it("marketplace: hostile aggregates and reviews move no number and put no text on the page", async () => {
      const { items, expected } = marketplaceList();
      const junk = [
        wireAggregate({ ...pollutingKeys(), averageRating: "<img src=x onerror=__pwned()>", reviewCount: 3 }),
        wireAggregate({ averageRating: 1e308, reviewCount: 3 }),
        wireAggregate({ averageRating: -1, reviewCount: 3 }),
        wireAggregate({ averageRating: 4, reviewCount: -3 }),
        wireAggregate({ revieweeId: "__proto__", averageRating: 1, reviewCount: 999 }),
      ];
      const server = await faultScript(
        { json: envelope("reviewAggregates", [...junk, wireAggregate({ averageRating: 4.5, reviewCount: expected.size })], pollutingKeys()) },
        { json: envelope("reviews", items, { paging: { pageNumber: 1, pageRowCount: 100, totalRowCount: items.length, pageCount: 1 } }) },
      );
      const { el, box } = await mount<RatingSummary>(
        html`<rating-summary api-base=${server.base} reviewee-id="listing-1" show-distribution></rating-summary>`,
        "rating-summary",
      );
      await settledWith(el, "the summary");
      await waitUntil(() => part(el, "distribution"), "no distribution");
      await audit(el, box);
      expect(part(el, "average")!.textContent!.trim()).to.equal("4.5");
      // "5 stars: 12 reviews"
      const counts = [...part(el, "distribution")!.querySelectorAll("li")].map((li) =>
        Number(/: ([\d,]+) review/.exec(li.getAttribute("aria-label") ?? "")?.[1]?.replace(/,/g, "")),
      );
      expect(
        counts.reduce((a, b) => a + b, 0),
        "bars count the valid public reviews, once each",
      ).to.equal(expected.size);
      const text = deepText(el) + deepLabels(el).join("\n");
      for (const needle of ["pwned", "<", LEAK, "PROTO", "999"]) expect(text, needle).not.to.contain(needle);
    });

    it("marketplace: absurd but well-typed numbers stay inside the container", async () => {
      const server = await faultScript(
        { json: envelope("reviewAggregates", [wireAggregate({ averageRating: 4.999999, reviewCount: 1e300 })]) },
        { json: envelope("reviews", [wireReview({ rating: 5 })]) },
      );
      const { el, box } = await mount<RatingSummary>(
        html`<rating-summary api-base=${server.base} reviewee-id="listing-1" show-distribution></rating-summary>`,
        "rating-summary",
      );
      await settledWith(el, "the summary");
      await audit(el, box);
    });

    it("partnerpage: counts only approved reviews of the entry, with hostile everything", async () => {
      const { body, expected } = directoryList();
      const server = await faultScript({ json: body });
      const { el, box } = await mount<RatingSummary>(
        html`<rating-summary source="partnerpage" api-base=${server.base} directory-id=${DIRECTORY} entry-id=${ENTRY} show-distribution></rating-summary>`,
        "rating-summary",
      );
      await settledWith(el, "the summary");
      await audit(el, box);
      // The proxy repeats one review ("dup"): the list shows it once, so the count must too.
      expect(part(el, "count")!.textContent!.trim(), "each approved review of the entry counted once").to.equal(`${expected.size} reviews`);
      const text = deepText(el) + deepLabels(el).join("\n");
      for (const needle of ["pwned", "<", LEAK]) expect(text, needle).not.to.contain(needle);
    });
  });

  describe("<review-moderation>", () => {
    it("directory: hostile texts, full names, emails and companies are shown to the admin as text", async function () {
      this.timeout(30_000);
      const results: Wire[] = [];
      const expected: { text: string; author: string; email: string; company: string }[] = [];
      // The megabyte texts have their own test below: laid out whole they cost seconds.
      HOSTILE_TEXTS.filter((text) => text.length < MEGABYTE).forEach((text, i) => {
        const name = HOSTILE_NAMES[i % HOSTILE_NAMES.length]!;
        const email = HOSTILE_NAMES[(i + 3) % HOSTILE_NAMES.length]!;
        results.push({
          ...directoryReview({ id: `p-${i}`, status: "P", summary: text, firstName: name, lastName: name, email, company: name }),
          ...pollutingKeys(),
        });
        expected.push({ text, author: [name, name].filter(Boolean).join(" ") || "Anonymous", email, company: name });
      });
      HOSTILE_DATES.filter((date) => !readable(date)).forEach((created, i) =>
        results.push(directoryReview({ id: `bad-date-${i}`, status: "P", created, summary: LEAK })),
      );
      for (const status of ["A", "D", "constructor", "__proto__"]) results.push(directoryReview({ id: `s-${status}`, status, summary: `${LEAK} ${status}` }));
      const server = await faultScript({ json: { count: expected.length, next: null, previous: null, results } });
      const { el, box } = await mount<ReviewModeration>(
        html`<review-moderation source="partnerpage" api-base=${server.base} directory-id=${DIRECTORY} .token=${"admin-key"}></review-moderation>`,
        "review-moderation",
      );
      await settledWith(el, "moderation");
      await audit(el, box);
      const shown = articles(el);
      expect(shown).to.have.length(expected.length);
      for (const [i, article] of shown.entries()) {
        const want = expected[i]!;
        await expectBody(el, article, want.text, `item ${i}`);
        expectSame(article.querySelector('[part~="review-author"]')!.textContent, want.author, `item ${i}: author`);
        const details = [...article.querySelectorAll("dd")].map((dd) => dd.textContent);
        if (want.email) expect(details.includes(want.email), `item ${i}: email ${preview(want.email)} shown verbatim`).to.equal(true);
        if (want.company) expect(details.includes(want.company), `item ${i}: company ${preview(want.company)} shown verbatim`).to.equal(true);
        expectBidiContained(article, want, `item ${i}`);
      }
      expect(deepText(el)).not.to.contain(LEAK);
    });

    it("directory: hostile entry titles are the filter's options as text, each isolated", async () => {
      const names = HOSTILE_NAMES.filter(Boolean);
      const results = names.map((title, i) => directoryReview({ id: `e-${i}`, status: "P", summary: `review ${i}`, entry: { id: `entry-${i}`, title } }));
      const server = await faultScript({ json: { count: results.length, next: null, previous: null, results } });
      const { el, box } = await mount<ReviewModeration>(
        html`<review-moderation source="partnerpage" api-base=${server.base} directory-id=${DIRECTORY} .token=${"admin-key"}></review-moderation>`,
        "review-moderation",
      );
      await settledWith(el, "moderation");
      await audit(el, box);
      const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[part~="filter"] option')].slice(1);
      expect(options.map((option) => option.textContent)).to.deep.equal(names);
      for (const option of options) {
        expect(option.children.length).to.equal(0);
        expect(option.dir).to.equal("auto");
      }
    });

    it("isolates every text a writer chose: name, title, company, email and body", async () => {
      const rlo = "\u202Eevil\u202D";
      const server = await faultScript({
        json: [
          directoryReview({
            id: "iso",
            status: "P",
            summary: `body ${rlo}`,
            firstName: rlo,
            lastName: rlo,
            title: rlo,
            company: rlo,
            email: `${rlo}@example.test`,
          }),
        ],
      });
      const { el, box } = await mount<ReviewModeration>(
        html`<review-moderation source="partnerpage" api-base=${server.base} directory-id=${DIRECTORY} .token=${"admin-key"}></review-moderation>`,
        "review-moderation",
      );
      await settledWith(el, "moderation");
      await audit(el, box);
      const article = articles(el)[0]!;
      const holders = [...article.querySelectorAll("*")].filter((node) =>
        [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.includes("evil")),
      );
      expect(holders.length, "author, title, body, email, company").to.equal(5);
      for (const node of holders) {
        const isolated = node.closest('bdi, [dir="auto"]');
        expect(isolated !== null && article.contains(isolated), `<${node.localName}> "${preview(node.textContent)}" is isolated`).to.equal(true);
      }
    });

    it("directory: collapses a 1 MB review text until Read more, as the public list does", async function () {
      this.timeout(30_000);
      const huge = HOSTILE_TEXTS.filter((text) => text.length >= MEGABYTE);
      const server = await faultScript({
        json: { count: huge.length, next: null, previous: null, results: huge.map((summary, i) => directoryReview({ id: `big-${i}`, status: "P", summary })) },
      });
      // Hidden while the text is checked: a megabyte laid out whole freezes the page for seconds.
      const { el, box } = await mount<ReviewModeration>(
        html`<review-moderation style="display: none" source="partnerpage" api-base=${server.base} directory-id=${DIRECTORY} .token=${"admin-key"}></review-moderation>`,
        "review-moderation",
      );
      await settledWith(el, "moderation");
      const bodies = articles(el).map((article) => article.querySelector('[part~="review-body"]')!.textContent ?? "");
      const lengths = bodies.map((body) => body.length);
      expect(
        lengths.every((n) => n <= 2 * 481),
        `bodies of ${lengths.join(", ")} characters are not collapsed`,
      ).to.equal(true);
      el.style.display = "";
      await audit(el, box);
      for (const [i, article] of articles(el).entries()) await expectBody(el, article, huge[i]!, `big ${i}`);
    });

    it("marketplace: hostile full names and texts in pending reviews are shown as text", async () => {
      const items: Wire[] = [];
      const expected: { text: string; author: string }[] = [];
      const texts = HOSTILE_TEXTS.filter((text) => text.length < 300).slice(0, 12);
      [...HOSTILE_NAMES, ...texts].forEach((name, i) => {
        const text = texts[i % texts.length]!;
        items.push({
          ...wireReview({ id: `m-${i}`, moderationStatus: "pending", isPublished: false, reviewText: text, reviewer: { id: `u${i}`, fullname: name } }),
          ...pollutingKeys(),
        });
        // No name: the writer's side (a listing review is a guest's), never an id.
        expected.push({ text, author: name || "Guest" });
      });
      items.push(
        wireReview({ moderationStatus: "approved", reviewText: `${LEAK} approved` }),
        wireReview({ moderationStatus: "pending", isActive: false, reviewText: `${LEAK} deleted` }),
      );
      const server = await faultScript({
        json: envelope("reviews", items, { paging: { pageNumber: 1, pageRowCount: 100, totalRowCount: items.length, pageCount: 1 } }),
      });
      const { el, box } = await mount<ReviewModeration>(
        html`<review-moderation api-base=${server.base} .token=${"admin-token"}></review-moderation>`,
        "review-moderation",
      );
      await settledWith(el, "moderation");
      await audit(el, box);
      const shown = articles(el);
      expect(shown).to.have.length(Math.min(20, expected.length));
      for (const [i, article] of shown.entries()) {
        await expectBody(el, article, expected[i]!.text, `item ${i}`);
        expectSame(article.querySelector('[part~="review-author"]')!.textContent, expected[i]!.author, `item ${i}: author`);
        expectBidiContained(article, expected[i]!, `item ${i}`);
      }
      expect(deepText(el)).not.to.contain(LEAK);
    });
  });

  describe("<review-form>", () => {
    const key = draftKey(["partnerpage", DIRECTORY, ENTRY, "listing", ENTRY]);
    const directoryForm = (base: string) =>
      mount<ReviewForm>(html`<review-form source="partnerpage" api-base=${base} directory-id=${DIRECTORY} entry-id=${ENTRY}></review-form>`, "review-form");
    /** What an <input> keeps of a value (newlines stripped; email also trims). */
    const asInput = (value: string, type: string) => {
      const stripped = value.replace(/[\r\n]/g, "");
      return type === "email" ? stripped.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "") : stripped;
    };

    it("restores a poisoned draft as plain field values", async function () {
      this.timeout(30_000);
      for (const [i, text] of HOSTILE_TEXTS.entries()) {
        const name = HOSTILE_NAMES[i % HOSTILE_NAMES.length]!;
        localStorage.setItem(
          key,
          JSON.stringify({
            ...pollutingKeys(),
            rating: ["<img src=x onerror=__pwned()>", Number.POSITIVE_INFINITY, -3, 2.5, 4][i % 5],
            text,
            title: name,
            firstName: name,
            lastName: name,
            email: name,
            company: name,
          }),
        );
        const { el, box } = await directoryForm("/__fault/run/none");
        await waitUntil(() => part(el, "form"), "the form did not appear");
        await audit(el, box, { wait: false });
        expectSame((part(el, "textarea") as HTMLTextAreaElement).value, text, `text ${i} restored verbatim`);
        for (const field of ["firstName", "lastName", "email", "title", "company"]) {
          const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${field}`)!;
          expectSame(input.value, asInput(name, input.type), `text ${i}: ${field}`);
        }
        const rating = el.shadowRoot!.querySelector<StarRating>("star-rating")!;
        expect(rating.value, `text ${i}: rating`).to.equal(i % 5 === 4 ? 4 : 0);
        fixtureCleanup();
      }
    });

    it("survives drafts that are not drafts", async () => {
      for (const raw of [
        '<img src=x onerror="__pwned()">',
        "null",
        "[]",
        "1e309",
        '"text"',
        '{"text": {"toString": 1}, "rating": "5"}',
        '{"__proto__": {"polluted": 1}, "text": ["a"]}',
      ]) {
        localStorage.setItem(key, raw);
        const { el, box } = await directoryForm("/__fault/run/none");
        await waitUntil(() => part(el, "form"), "the form did not appear");
        await audit(el, box);
        expect((part(el, "textarea") as HTMLTextAreaElement).value, raw).to.equal("");
        fixtureCleanup();
      }
    });

    it("shows a DRF 400's hostile field messages from the directory proxy as text, on the right fields", async function () {
      this.timeout(30_000);
      const fields = {
        summary: "#text-error",
        first_name: "#firstName-error",
        last_name: "#lastName-error",
        email: "#email-error",
        title: "#title-error",
        company: "#company-error",
        rating: "fieldset .field-error",
      };
      const names = Object.keys(fields) as (keyof typeof fields)[];
      for (let start = 0; start < HOSTILE_TEXTS.length; start += names.length) {
        const message = (i: number) => HOSTILE_TEXTS[(start + i) % HOSTILE_TEXTS.length]!;
        const body: Wire = { detail: `<script>__pwned()</script>`, non_field_errors: [message(3)], ...pollutingKeys() };
        names.forEach((name, i) => (body[name] = [message(i), "second message"]));
        const server = await faultScript({ status: 400, json: body });
        localStorage.setItem(
          key,
          JSON.stringify({ rating: 5, text: "A careful, honest review of this partner.", firstName: "Jane", lastName: "Doe", email: "jane@example.test" }),
        );
        const { el, box } = await directoryForm(server.base);
        await waitUntil(() => part(el, "form"), "the form did not appear");
        (part(el, "form") as HTMLFormElement).requestSubmit();
        await waitUntil(() => part(el, "error"), "no error after the 400", { timeout: 4000 });
        await el.updateComplete;
        await audit(el, box);
        names.forEach((name, i) => expectSame(el.shadowRoot!.querySelector(fields[name])?.textContent, message(i), `${name}: message ${start + i}`));
        expectSame(el.shadowRoot!.querySelector("star-rating")!.getAttribute("label"), `Your rating: ${message(6)}`, "the rating's label");
        fixtureCleanup();
      }
    });

    it("refuses text and names made only of invisible characters, NUL or lone surrogates, and posts nothing", async function () {
      this.timeout(20_000);
      const server = await faultScript({ status: 500, json: { detail: "nothing may be posted" } });
      for (const blank of [
        "\u200B".repeat(30),
        "\u0000".repeat(25),
        "\uD800".repeat(25),
        "\uDFFF\u202E\u2066\u2069\uFEFF".repeat(10),
        "\u3164\u2800\u0301".repeat(10),
      ]) {
        localStorage.setItem(key, JSON.stringify({ rating: 4, text: blank, firstName: blank, lastName: "Doe", email: "jane@example.test" }));
        const { el, box } = await directoryForm(server.base);
        await waitUntil(() => part(el, "form"), "the form did not appear");
        (part(el, "form") as HTMLFormElement).requestSubmit();
        await el.updateComplete;
        await audit(el, box);
        expectSame(el.shadowRoot!.querySelector("#text-error")?.textContent, "Use visible characters: this has none.", `${preview(blank)}: text`);
        expectSame(el.shadowRoot!.querySelector("#firstName-error")?.textContent, "Use visible characters: this has none.", `${preview(blank)}: first name`);
        fixtureCleanup();
      }
      expect(await server.log(), "nothing was sent").to.deep.equal([]);
    });

    it("marketplace: a hostile error envelope is never shown as-is", async () => {
      const hostile = `<img src=x onerror="__pwned()">`;
      const server = await faultScript(
        { json: envelope("reviews", [], { userId: "me" }) },
        { status: 400, json: { result: "ERR", status: 400, message: hostile, errCode: 400, detail: hostile, ...pollutingKeys() } },
      );
      localStorage.setItem(
        draftKey(["mindbricks", null, "res-1", "listing", "listing-1"]),
        JSON.stringify({ rating: 4, text: "A bright loft with a wonderful terrace; stairs." }),
      );
      const { el, box } = await mount<ReviewForm>(
        html`<review-form api-base=${server.base} reviewee-id="listing-1" reservation-id="res-1" .token=${"token-me"}></review-form>`,
        "review-form",
      );
      await waitUntil(() => part(el, "form"), "the form did not appear");
      (part(el, "form") as HTMLFormElement).requestSubmit();
      await waitUntil(() => part(el, "error"), "no error after the 400", { timeout: 4000 });
      await audit(el, box);
      expect(deepText(el) + deepLabels(el).join("\n")).not.to.contain("onerror");
    });
  });

  describe("<star-rating>", () => {
    it("shows any hostile label as its accessible name, in both modes", async function () {
      this.timeout(20_000);
      for (const label of [...HOSTILE_TEXTS, ...HOSTILE_NAMES]) {
        for (const mode of ["display", "input"] as const) {
          const { el, box } = await mount<StarRating>(html`<star-rating mode=${mode} value="3" .label=${label}></star-rating>`, "star-rating");
          await audit(el, box, { wait: false });
          expectSame(part(el, "stars")!.getAttribute("aria-label"), label, `${mode}: the accessible name`);
          fixtureCleanup();
        }
      }
    });

    it("keeps NaN, infinite, negative and huge values and maxima sane", async function () {
      this.timeout(20_000);
      const numbers = [Number.NaN, Infinity, -5, -0, 0.5, 3, 3.5, 7, 11, 1e308];
      const mismatches: string[] = [];
      for (const max of numbers) {
        for (const value of numbers) {
          for (const mode of ["display", "input"] as const) {
            const what = `${mode} value=${value} max=${max}`;
            const form = await fixture<HTMLFormElement>(
              html`<form style="inline-size: ${WIDTH}px"><star-rating name="rating" mode=${mode} .value=${value} .max=${max}></star-rating></form>`,
            );
            const el = form.querySelector<StarRating>("star-rating")!;
            await el.updateComplete;
            await audit(el, form, { wait: false });
            const label = part(el, "stars")!.getAttribute("aria-label") ?? "";
            expect(label, `${what}: label`).not.to.match(/NaN|Infinity|∞|-\d|e\+/);
            if (mode === "input") {
              const radios = [...el.shadowRoot!.querySelectorAll('[role="radio"]')];
              expect(radios.length, `${what}: stars`).to.be.within(1, 10);
              const checked = radios.findIndex((radio) => radio.getAttribute("aria-checked") === "true") + 1;
              const submitted = new FormData(form).get("rating");
              // What is submitted is what is shown: nothing, or one of the stars on screen.
              if (submitted !== (checked === 0 ? null : String(checked))) {
                mismatches.push(`value=${value} max=${max}: submits ${JSON.stringify(submitted)} with ${radios.length} stars shown, ${checked} checked`);
              }
            } else {
              expect(label, `${what}: label`).to.match(/^Rated \d(\.\d)? out of (\d|10)$/);
            }
            fixtureCleanup();
          }
        }
      }
      expect(mismatches, "input mode submits a rating other than the one it shows").to.deep.equal([]);
    });
  });
});
