/**
 * The attack corpus (test/fixtures/hostile.ts) rendered on the server (issue 17): parsed as a
 * browser parses the page, every hostile text, name, title and id stays text — no element,
 * attribute, comment or script comes from data; `</script>` in a review cannot close the state
 * script; hidden items never appear. The same payloads go through the browser in
 * test/components/attacks.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO } from "../../server/marketplace/index.ts";
import { startServer, type RunningServer } from "../../server/serve.ts";
import { excerpt } from "../../src/core/excerpt.ts";
import { publicAuthorName } from "../../src/core/names.ts";
import { renderRatingSummary, renderReviewList } from "../../src/ssr/index.ts";
import { HOSTILE_NAMES, HOSTILE_TEXTS } from "../fixtures/hostile.ts";
import { envelope, wireAggregate, wireReview } from "../support/wire.ts";
import { attr, children, elements, fakeApi, parts, readable, rendered, scriptData, textOf, walk, type HtmlNode } from "./support.ts";

type Wire = Record<string, unknown>;

const LEAK = "LEAK-MARKER";
const CANARY = "__pwned()";
const SCRIPT_CLOSE = `</script><script>${CANARY}</script><!--`;
/** A page's own attribute can be data too (a listing's title as `item-name`). */
const HOSTILE_ITEM = `Loft "><script>${CANARY}</script>${SCRIPT_CLOSE}`;
const HOSTILE_IDS = [`"><img src=x onerror="${CANARY}">`, `' onfocus='${CANARY}`, "__proto__", SCRIPT_CLOSE];
const API = "https://api.test/api";

/** Tags our templates render; anything else in the output came from data. */
const OUR_TAGS = new Set(
  "review-list rating-summary star-rating template style script div span p ul li article header time bdi button select option label strong svg g path rect".split(
    " ",
  ),
);
/** Lit's own markers (`<?>` parses as a comment "?"); any other comment came from data. */
const LIT_COMMENT = /^(\/?lit-part( \S+)?|lit-node \d+|\?)$/;

interface Expected {
  text: string;
  author: string;
  title?: string;
  company?: string;
}

/** The HTML parser drops NUL characters in text (tree construction, "in body"): that is how they read back. */
const parsedText = (text: string) => text.replaceAll("\0", "");

/** Everything the templates did not put there: foreign elements, handlers, URLs, comments, scripts. */
function audit(host: HtmlNode): void {
  const problems: string[] = [];
  for (const node of walk(host)) {
    if (node.nodeName === "#comment" && !LIT_COMMENT.test(node.data ?? "")) problems.push(`comment ${JSON.stringify((node.data ?? "").slice(0, 40))}`);
    if (node.tagName === undefined) continue;
    if (!OUR_TAGS.has(node.tagName)) problems.push(`element <${node.tagName}>`);
    for (const { name } of node.attrs ?? []) {
      if (name.startsWith("on") || ["href", "src", "srcdoc", "xlink:href", "action", "formaction", "style"].includes(name)) {
        problems.push(`attribute ${name} on <${node.tagName}>`);
      }
    }
  }
  assert.deepEqual(problems, [], "markup from data in the server HTML");
  // The only scripts are the host's own state and JSON-LD children; styles and shadow roots are where the templates put them.
  const scripts = elements(host).filter((node) => node.tagName === "script");
  assert.deepEqual(
    scripts.map((node) => attr(node, "type")),
    ["application/json", "application/ld+json"],
  );
  assert.ok(scripts.every((script) => children(host).includes(script)));
  for (const template of elements(host).filter((node) => node.tagName === "template")) {
    assert.equal(attr(template, "shadowrootmode"), "open");
    assert.equal(children(template.content!)[0]?.tagName, "style", "a shadow root starts with its style");
  }
  for (const style of elements(host).filter((node) => node.tagName === "style")) assert.ok(!textOf(style).includes(CANARY), "no style from data");
}

/** Each card shows its review's text (or the excerpt before "Read more"), author, title and company, as text. */
function assertCards(host: HtmlNode, expected: Map<string, Expected>): void {
  const cards = parts(host, "review");
  assert.deepEqual(cards.map((card) => attr(parts(card, "review-body")[0]!, "id")!.replace(/^body-/, "")).sort(), [...expected.keys()].sort());
  for (const card of cards) {
    const [body] = parts(card, "review-body");
    const id = attr(body!, "id")!.replace(/^body-/, "");
    const want = expected.get(id)!;
    assert.deepEqual(children(body!), [], `${id}: the body holds text only`);
    assert.equal(textOf(body!), parsedText(excerpt(want.text) ?? want.text), `${id}: text`);
    assert.equal(textOf(parts(card, "review-author")[0]!), want.author, `${id}: author`);
    const strong = elements(card).find((node) => node.tagName === "strong");
    if (want.title !== undefined) assert.equal(strong && textOf(strong), want.title, `${id}: title`);
    if (want.company !== undefined) {
      const company = elements(card).find((node) => node.tagName === "bdi" && attr(node, "part") === null);
      assert.equal(company && textOf(company), want.company, `${id}: company`);
    }
  }
}

/** The state reads back every public review's text exactly (no `</script>` cut it short); JSON-LD too. */
function assertScripts(host: HtmlNode, expected: Map<string, Expected>): void {
  const state = scriptData(host, "application/json") as { reviews: { id: string; text: string }[] };
  assert.deepEqual(new Map(state.reviews.map((review) => [review.id, review.text])), new Map([...expected].map(([id, want]) => [id, want.text])));
  const jsonLd = scriptData(host, "application/ld+json") as { name: string; review: { reviewBody: string }[] };
  assert.equal(jsonLd.name, HOSTILE_ITEM);
  assert.deepEqual(jsonLd.review.map((review) => review.reviewBody).sort(), [...expected.values()].map((want) => want.text).sort());
}

function marketplaceApi(): { fetch: ReturnType<typeof fakeApi>["fetch"]; expected: Map<string, Expected> } {
  const items: Wire[] = [];
  const expected = new Map<string, Expected>();
  let minute = 0;
  const add = (id: string, text: string, fullname: string) => {
    items.push(
      wireReview({ id, reviewText: text, submittedAt: new Date(Date.UTC(2026, 9, 1) + minute++ * 60_000).toISOString(), reviewer: { id: "u", fullname } }),
    );
    expected.set(id, { text, author: publicAuthorName(fullname) || "Guest" });
  };
  HOSTILE_TEXTS.forEach((text, i) => add(`text-${i}`, text, "Maria Lopez"));
  add("script-close", SCRIPT_CLOSE, "Maria Lopez");
  HOSTILE_NAMES.forEach((name, i) => add(`name-${i}`, `name case ${i}`, name));
  HOSTILE_IDS.forEach((id, i) => add(id, `hostile id ${i}`, "Ida Dent"));
  for (const hidden of [{ moderationStatus: "pending" }, { moderationStatus: "rejected" }, { isPublished: false }, { isActive: false }]) {
    items.push(wireReview({ reviewText: `${LEAK} ${JSON.stringify(hidden)} ${SCRIPT_CLOSE}`, ...hidden }));
  }
  const paging = { pageNumber: 1, pageRowCount: 1000, totalRowCount: items.length, pageCount: 1 };
  const { fetch } = fakeApi({
    "/api/v1/reviews": envelope("reviews", items, { paging }),
    "/api/v1/reviewaggregates": envelope("reviewAggregates", [wireAggregate({ reviewCount: expected.size })]),
  });
  return { fetch, expected };
}

function directoryApi(): { fetch: ReturnType<typeof fakeApi>["fetch"]; expected: Map<string, Expected> } {
  const results: Wire[] = [];
  const expected = new Map<string, Expected>();
  let minute = 0;
  const add = (id: string, summary: string, name: string, status = "A") => {
    const created = new Date(Date.UTC(2026, 9, 1) + minute++ * 60_000).toISOString();
    results.push({ id, entry: { id: "entry-1", title: "Northwind" }, entryType: "partner", title: name, company: name, summary, shortSummary: "" });
    Object.assign(results.at(-1)!, { firstName: name, lastName: name, rating: 4, created, status, statusDisplay: "" });
    if (status === "A") expected.set(id, { text: summary, author: publicAuthorName(name, name) || "Anonymous", ...(name && { title: name, company: name }) });
  };
  HOSTILE_TEXTS.forEach((text, i) => add(`text-${i}`, text, "Jane"));
  add("script-close", SCRIPT_CLOSE, "Jane");
  HOSTILE_NAMES.forEach((name, i) => add(`name-${i}`, `name case ${i}`, name));
  HOSTILE_IDS.forEach((id, i) => add(id, `hostile id ${i}`, "Ida"));
  for (const status of ["P", "D", "a", ""]) add(`hidden-${status}`, `${LEAK} status ${status} ${SCRIPT_CLOSE}`, "Jane", status);
  const { fetch } = fakeApi({ "/api/directories/dir-1/reviews": { count: results.length, next: null, previous: null, results } });
  return { fetch, expected };
}

describe("attacks: the hostile corpus rendered on the server stays text", () => {
  const backends = {
    marketplace: { api: marketplaceApi, attributes: { "api-base": API, "reviewee-id": "listing-1" } },
    directory: { api: directoryApi, attributes: { source: "partnerpage", "api-base": API, "directory-id": "dir-1", "entry-id": "entry-1" } },
  };
  for (const [name, { api, attributes }] of Object.entries(backends)) {
    test(`${name}: <review-list> with every hostile text, name, title and id`, async () => {
      const { fetch, expected } = api();
      const html = await renderReviewList({ ...attributes, "page-size": 1000, "structured-data": true, "item-name": HOSTILE_ITEM }, { fetch });
      const host = rendered(html, "review-list");
      audit(host);
      assertCards(host, expected);
      assertScripts(host, expected);
      assert.equal(attr(host, "item-name"), HOSTILE_ITEM, "a hostile attribute value stays one value");
      assert.ok(!readable(host).includes(LEAK), "no hidden item");
    });

    test(`${name}: <rating-summary> with a hostile item name`, async () => {
      const html = await renderRatingSummary({ ...attributes, "structured-data": true, "item-name": HOSTILE_ITEM }, { fetch: api().fetch });
      const host = rendered(html, "rating-summary");
      audit(host);
      assert.equal(parts(host, "average").length, 1);
      assert.equal((scriptData(host, "application/ld+json") as { name: string }).name, HOSTILE_ITEM);
    });
  }
});

describe("attacks: a hostile review published through the reference server", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0 });
  });
  after(() => server.close());

  async function post(method: string, path: string, body: unknown, token?: string): Promise<Wire> {
    const headers = { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) };
    const response = await fetch(server.url + path, { method, headers, body: JSON.stringify(body) });
    const json = (await response.json()) as Wire;
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }
  const login = async (who: "guest" | "host" | "admin") =>
    (await post("POST", "/auth-api/login", { username: DEMO.logins[who], password: DEMO.password })).accessToken as string;

  test("`</script>` and markup in a real review stay text in the HTML and the state", async () => {
    const [guest, host, admin] = [await login("guest"), await login("host"), await login("admin")];
    const stay = { moderationStatus: "pending", isPublished: false, reservationId: DEMO.reservations.story, rating: 5 };
    const text = `${SCRIPT_CLOSE} <img src=x onerror="${CANARY}"> & "quotes"`;
    const { review } = (await post(
      "POST",
      "/reviewsystem-api/v1/reviews",
      { ...stay, reviewText: text, revieweeId: DEMO.listings.main, revieweeType: "listing" },
      guest,
    )) as {
      review: { id: string };
    };
    // The host's review of the guest ends the double-blind hold; the moderator approves.
    await post("POST", "/reviewsystem-api/v1/reviews", { ...stay, reviewText: "Tidy guest.", revieweeId: DEMO.users.guest, revieweeType: "guest" }, host);
    await post("PATCH", `/reviewsystem-api/v1/reviews/${review.id}`, { moderationStatus: "approved" }, admin);

    const html = await renderReviewList(
      { "api-base": "/reviewsystem-api", "reviewee-id": DEMO.listings.main, "structured-data": true, "item-name": HOSTILE_ITEM },
      { origin: server.url },
    );
    const list = rendered(html, "review-list");
    audit(list);
    const card = parts(list, "review").find((node) => attr(parts(node, "review-body")[0]!, "id") === `body-${review.id}`);
    assert.ok(card, "the newest review is on the first page");
    assert.equal(textOf(parts(card, "review-body")[0]!), text);
    const state = scriptData(list, "application/json") as { reviews: { id: string; text: string }[] };
    assert.equal(state.reviews.find((item) => item.id === review.id)?.text, text);
  });
});
