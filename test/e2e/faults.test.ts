import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, normalize } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, ensureChromium } from "../../scripts/chromium.ts";
import { handleFault, type FaultStep } from "../support/node/fault-server.ts";
import { envelope, wireAggregate, wireReview } from "../support/wire.ts";
import { accessibilityText, everything } from "../support/node/e2e.ts";

/**
 * The script-tag build against a real fault-injecting server: every element,
 * every way a backend fails (down, hanging up, too slow, 5xx, 429, truncated,
 * HTML instead of JSON) and every way its data can be wrong (some items
 * invalid, huge, duplicated, for someone else). Each failure must stay
 * contained in the element, with a retry that works once the fault clears;
 * nothing hidden may leak; the form keeps a half-written review.
 *
 * Pages are generated per test: the IIFE (no defer), then a classic inline
 * script that configures short timeouts and only then appends the element.
 */

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
// Short enough to keep the suite quick, long enough that a loaded 2-core CI machine
// does not turn a healthy local answer (the retry that must succeed) into a timeout.
const TIMEOUT_MS = 1500;
const SLOW_MS = 3500;
const TEXT = "MARKER-DRAFT A bright loft with a wonderful terrace; the stairs are steep.";
const OTHER = "listing-OTHER";
/** Every hidden or foreign item in a response carries this; it must never be on the page. */
const LEAK = "LEAK-";

type Tag = "rating-summary" | "review-list" | "review-moderation" | "review-form";
type Wire = Record<string, unknown>;
type Steps = FaultStep[];
interface LogEntry {
  method: string;
  url: string;
  at: number;
}
interface Script {
  base: string;
  log(): Promise<LogEntry[]>;
}
type FaultPage = Page & { problems: string[] };

// ---------------------------------------------------------------- the server

const pages = new Map<string, string>();
let pageCounter = 0;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The "server down" case serves the API from another origin once it is back: allow it.
  res.setHeader("Access-Control-Allow-Origin", "*");
  // A fresh connection per request: Chromium silently re-sends a request (even a POST) once when a
  // *reused* keep-alive connection closes without an answer, which would make a hang-up land twice.
  res.setHeader("Connection", "close");
  if (req.method === "OPTIONS") {
    res.writeHead(204, { "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept", "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE" });
    res.end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/page.html") {
    const page = pages.get(url.searchParams.get("p") ?? "");
    res.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(page ?? "no such page");
    return;
  }
  if (url.pathname.startsWith("/dist/")) {
    const path = normalize(fileURLToPath(new URL(`.${url.pathname.slice("/dist".length)}`, `file://${DIST}`)));
    if (!path.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { "Content-Type": extname(path) === ".js" ? "text/javascript" : "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
    return;
  }
  if (await handleFault(req, res)) return;
  res.writeHead(404).end();
}

function listen(port = 0): Promise<Server> {
  const server = createServer((req, res) => void handle(req, res));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A port nothing listens on (taken, then let go). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let origin = "";
let browser: Browser;
let main: Server;
const contexts = new Set<BrowserContext>();

before(async () => {
  main = await listen();
  origin = `http://127.0.0.1:${(main.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS });
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (main) await close(main);
});

/** Registers a fault script as test/support/browser/backend.ts does; every request under `base` plays the next step. */
async function script(...steps: Steps): Promise<Script> {
  const response = await fetch(`${origin}/__fault/scripts`, { method: "POST", body: JSON.stringify({ steps }) });
  const { id, base } = (await response.json()) as { id: string; base: string };
  return { base, log: async () => (await (await fetch(`${origin}/__fault/log/${id}`)).json()) as LogEntry[] };
}

// ---------------------------------------------------------------- pages

interface Target {
  tag: Tag;
  attrs: Record<string, string>;
  token?: string;
}

const TARGETS: Record<Tag, Target> = {
  "rating-summary": { tag: "rating-summary", attrs: { "reviewee-id": "listing-1" } },
  "review-list": { tag: "review-list", attrs: { "reviewee-id": "listing-1", "page-size": "10" } },
  "review-moderation": { tag: "review-moderation", attrs: {}, token: "admin-token" },
  "review-form": { tag: "review-form", attrs: { "reviewee-id": "listing-1", "reservation-id": "res-1" }, token: "token-me" },
};

/** The page: the IIFE, then configure() with short timeouts, then the element (token as a property). */
function pageFor(apiBase: string, target: Target): string {
  const js = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>faults</title>
<script src="/dist/review-widgets.js"></script></head>
<body><p id="before">Host content before the widget.</p><main id="slot" style="max-inline-size: 640px"></main><p id="after">Host content after the widget.</p>
<script>
  ReviewWidgets.configure(${js({ apiBase, timeoutMs: TIMEOUT_MS, retries: 1 })});
  const element = document.createElement(${js(target.tag)});
  for (const [name, value] of Object.entries(${js(target.attrs)})) element.setAttribute(name, value);
  ${target.token ? `element.token = ${js(target.token)};` : ""}
  document.getElementById("slot").append(element);
</script></body></html>`;
}

async function open(apiBase: string, target: Target, attrs: Record<string, string> = {}): Promise<FaultPage> {
  const id = `p${++pageCounter}`;
  pages.set(id, pageFor(apiBase, { ...target, attrs: { ...target.attrs, ...attrs } }));
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  contexts.add(context);
  const page = (await context.newPage()) as FaultPage;
  page.setDefaultTimeout(15_000);
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().startsWith("PROBLEM ")) page.problems.push(message.text().slice(8));
  });
  // tsx keeps function names with a `__name` helper the page does not have.
  await page.addInitScript("globalThis.__name = (fn) => fn;");
  await page.addInitScript(() => {
    addEventListener("unhandledrejection", (event) => console.error(`PROBLEM unhandled rejection: ${String(event.reason)}`));
    // Every script payload calls it: if it runs, a response was executed.
    (window as unknown as { __pwned(): void }).__pwned = () => console.error("PROBLEM the canary ran");
  });
  await page.goto(`${origin}/page.html?p=${id}`);
  return page;
}

async function done(page: Page): Promise<void> {
  const context = page.context();
  contexts.delete(context);
  await context.close();
}

// ---------------------------------------------------------------- wire data

const paged = (items: unknown[], extra: Wire = {}) =>
  envelope("reviews", items, { paging: { pageNumber: 1, pageRowCount: Math.max(items.length, 1), totalRowCount: items.length, pageCount: 1 }, ...extra });

/** Public reviews of listing-1, each carrying secrets that must not be shown. */
const publicReview = (marker: string, overrides: Wire = {}) =>
  wireReview({ reviewText: marker, blindSubmissionCode: `${LEAK}CODE`, reviewer: { id: "u", fullname: "Maria Lopez Garcia" }, ...overrides });

/** Unpublished, pending, rejected, deleted: never on a public page. */
const hiddenReviews = () => [
  wireReview({ reviewText: `${LEAK}UNPUBLISHED`, isPublished: false, moderationStatus: "approved" }),
  wireReview({ reviewText: `${LEAK}PENDING`, isPublished: true, moderationStatus: "pending", reviewerId: "someone-else" }),
  wireReview({ reviewText: `${LEAK}REJECTED`, isPublished: true, moderationStatus: "rejected" }),
  wireReview({ reviewText: `${LEAK}INACTIVE`, isActive: false }),
];

const listHealthy = () => paged([publicReview("PUBLIC-1"), publicReview("PUBLIC-2"), publicReview("PUBLIC-3"), ...hiddenReviews()]);
const aggregatesHealthy = () =>
  envelope("reviewAggregates", [
    wireAggregate({ averageRating: 4.33, reviewCount: 12 }),
    wireAggregate({ revieweeId: OTHER, averageRating: 1.11, reviewCount: 777 }),
  ]);
const pendingReview = (marker: string, overrides: Wire = {}) =>
  wireReview({ reviewText: marker, moderationStatus: "pending", isPublished: false, ...overrides });
/** What does not belong on the moderator's "pending" tab: decided or deleted reviews. */
const notPendingReviews = () => [
  wireReview({ reviewText: `${LEAK}APPROVED`, moderationStatus: "approved" }),
  wireReview({ reviewText: `${LEAK}REJECTED`, moderationStatus: "rejected", isPublished: false }),
  pendingReview(`${LEAK}INACTIVE`, { isActive: false }),
];
const moderationHealthy = () => paged([pendingReview("PENDING-1"), pendingReview("PENDING-2"), ...notPendingReviews()]);

/** The viewer's own review of the stay, as the marketplace returns it. */
const ownReview = (overrides: Wire = {}) =>
  wireReview({
    reviewerId: "me",
    revieweeId: "listing-1",
    reservationId: "res-1",
    isPublished: false,
    moderationStatus: "pending",
    reviewText: TEXT,
    ...overrides,
  });
const noOwnReview = () => ({
  json: paged([publicReview(`${LEAK}SOMEONE-ELSES-REVIEW`, { moderationStatus: "pending", isPublished: false })], { userId: "me" }),
});
const ownReviewFound = () => ({ json: paged([ownReview()], { userId: "me" }) });
const created = (delayMs = 0): FaultStep => ({ delayMs, status: 201, json: envelope("review", ownReview(), { userId: "me", statusCode: 201 }) });

const healthy: Record<Exclude<Tag, "review-form">, () => FaultStep> = {
  "rating-summary": () => ({ json: aggregatesHealthy() }),
  "review-list": () => ({ json: listHealthy() }),
  "review-moderation": () => ({ json: moderationHealthy() }),
};
/** The answer that would have been right: a read's data, or the form's "created". */
const rightAnswer = (tag: Tag): FaultStep => (tag === "review-form" ? created() : healthy[tag]());

// ---------------------------------------------------------------- what a user sees

const count = (page: Page, tag: Tag, selector: string) =>
  page.evaluate(([t, s]) => document.querySelector(t!)!.shadowRoot!.querySelectorAll(s!).length, [tag, selector]);
const partText = (page: Page, tag: Tag, part: string) =>
  page.evaluate(
    ([t, p]) => document.querySelector(t!)!.shadowRoot!.querySelector(`[part~="${p}"]`)?.textContent?.replace(/\s+/g, " ").trim() ?? null,
    [tag, part],
  );
const bodies = (page: Page, tag: Tag) =>
  page.evaluate((t) => [...document.querySelector(t)!.shadowRoot!.querySelectorAll('[part~="review-body"]')].map((b) => b.textContent ?? ""), tag);

/** The data of the healthy step is on screen. */
async function expectHealthy(page: Page, tag: Exclude<Tag, "review-form">): Promise<void> {
  if (tag === "rating-summary") {
    await page.locator('rating-summary [part~="average"]').waitFor();
    assert.equal(await partText(page, tag, "average"), "4.3");
    assert.equal(await partText(page, tag, "count"), "12 reviews");
  } else {
    await page.locator(`${tag} [part~="review"]`).first().waitFor();
    const expected = tag === "review-list" ? ["PUBLIC-1", "PUBLIC-2", "PUBLIC-3"] : ["PENDING-1", "PENDING-2"];
    assert.deepEqual((await bodies(page, tag)).sort(), expected);
  }
  assert.equal(await count(page, tag, '[part~="error"]'), 0, "the error is gone");
}

/**
 * A contained error: inside the element, role=alert with a retry button (a summary: a muted line, no alert, no
 * button — it loads again with the page's next retry or when back online); the host page untouched.
 */
async function expectContainedError(page: Page, tag: Tag): Promise<void> {
  const quiet = tag === "rating-summary";
  const selector = quiet ? '[part~="error"]:not([role])' : '[part~="error"][role="alert"]';
  await page.locator(`${tag} ${selector}`).waitFor();
  const state = await page.evaluate(
    ([t, s]) => {
      const host = document.querySelector(t!)!;
      const alert = host.shadowRoot!.querySelector(s!);
      const box = host.getBoundingClientRect();
      return {
        retry: alert?.querySelectorAll('[part~="retry"]').length ?? 0,
        lightAlerts: document.querySelectorAll('[role="alert"]').length,
        before: document.getElementById("before")?.textContent,
        after: document.getElementById("after")?.textContent,
        afterVisible: (document.getElementById("after")?.getBoundingClientRect().height ?? 0) > 0,
        inside: box.width > 0 && box.right <= innerWidth,
        overflow: document.documentElement.scrollWidth > innerWidth,
        bodyChildren: [...document.body.children].map((child) => child.localName).join(","),
      };
    },
    [tag, selector],
  );
  assert.equal(state.retry, quiet ? 0 : 1, "a retry button inside the alert");
  assert.equal(state.lightAlerts, 0, "no alert outside the element");
  assert.equal(state.before, "Host content before the widget.");
  assert.equal(state.after, "Host content after the widget.");
  assert.ok(state.afterVisible, "the host page around the element still lays out");
  assert.ok(state.inside, "the element keeps its place");
  assert.equal(state.overflow, false, "nothing overflows the page");
  assert.equal(state.bodyChildren, "p,main,p,script");
}

async function retry(page: Page, tag: Tag): Promise<void> {
  if (tag === "rating-summary") await page.evaluate(() => dispatchEvent(new Event("online")));
  else await page.locator(`${tag} [part~="error"] [part~="retry"]`).click();
}

/** Nothing hidden, secret or foreign anywhere on the page or in its accessibility tree; no uncaught error. */
async function expectClean(page: FaultPage, tag: Tag): Promise<void> {
  const text = await everything(page);
  const leaked = text.split("\n").filter((line) => line.includes(LEAK));
  assert.deepEqual(leaked, [], "hidden or foreign reviews leaked into the DOM");
  assert.ok(!(await accessibilityText(page)).includes(LEAK), "hidden reviews leaked into the accessibility tree");
  if (tag !== "review-moderation") {
    // Public pages: first name and initial only.
    assert.ok(!text.includes("Lopez"), "a last name is shown publicly");
  }
  assert.deepEqual(page.problems, [], "uncaught errors or unhandled rejections");
}

// ---------------------------------------------------------------- the form

const methods = (log: LogEntry[]) => log.map((entry) => entry.method);

/** The requests in order; after the review is in, the page may only re-read (a refresh after `review-submitted`). */
function assertRequests(log: LogEntry[], expected: string[], message: string): void {
  const actual = methods(log);
  assert.deepEqual(actual.slice(0, expected.length), expected, `${message} (all requests: ${actual.join(", ")})`);
  assert.deepEqual(
    actual.slice(expected.length).filter((method) => method !== "GET"),
    [],
    `only reads after success (all requests: ${actual.join(", ")})`,
  );
}
const drafts = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("review-widgets:draft:"))
      .map((key) => localStorage.getItem(key) ?? ""),
  );

const partTextForm = (page: Page) => page.evaluate(() => document.querySelector("review-form")!.shadowRoot!.textContent ?? "");

async function writeReview(page: Page): Promise<void> {
  await page.locator('review-form [part~="form"]').waitFor();
  await page.locator('review-form [role="radio"]').nth(3).click();
  await page.locator("review-form textarea").fill(TEXT);
}

async function submit(page: Page): Promise<void> {
  await page.locator('review-form [part~="submit"]').click();
}

/** The half-written review is still in the form and in localStorage. */
async function expectDraftKept(page: Page): Promise<void> {
  await page.locator('review-form [part~="form"]').waitFor();
  const state = await page.evaluate(() => {
    const root = document.querySelector("review-form")!.shadowRoot!;
    return {
      text: root.querySelector("textarea")?.value,
      checked:
        [...root.querySelector("star-rating")!.shadowRoot!.querySelectorAll('[role="radio"]')].findIndex((r) => r.getAttribute("aria-checked") === "true") + 1,
    };
  });
  assert.equal(state.text, TEXT, "the text is kept");
  assert.equal(state.checked, 4, "the rating is kept");
  const stored = (await drafts(page)).map((raw) => JSON.parse(raw) as { rating: number; text: string });
  assert.equal(stored.length, 1, "one draft in localStorage");
  assert.equal(stored[0]!.rating, 4);
  assert.equal(stored[0]!.text, TEXT);
}

// ---------------------------------------------------------------- faults

const errorBodyWithSecrets = (status: number) => ({
  result: "ERR",
  status,
  message: "errMsg_internal",
  errCode: status,
  detail: `${LEAK}DETAIL stack trace`,
  reviews: hiddenReviews(),
});
const HTML_PAGE = `<!doctype html><html><head><title>Bad gateway</title></head><body><h1>502 Bad Gateway</h1><script>__pwned()</script><p>${LEAK}HTML nginx</p></body></html>`;

interface Fault {
  name: string;
  /** The failing step, per request. */
  step: (tag: Tag) => FaultStep;
  /** Requests one failed read makes: the first and, when the failure is worth it, one retry (retries: 1). */
  attempts: number;
  /** The server is not there at all. */
  down?: boolean;
}

const FAILING: Fault[] = [
  { name: "server down (nothing listens)", step: () => ({}), attempts: 0, down: true },
  { name: "connection hung up", step: () => ({ hangup: true }), attempts: 2 },
  { name: "slower than the timeout", step: (tag) => ({ ...rightAnswer(tag), delayMs: SLOW_MS }), attempts: 2 },
  { name: "500", step: () => ({ status: 500, json: errorBodyWithSecrets(500) }), attempts: 2 },
  { name: "503 with Retry-After: 1", step: () => ({ status: 503, headers: { "Retry-After": "1" }, json: errorBodyWithSecrets(503) }), attempts: 2 },
  { name: "429", step: () => ({ status: 429, json: errorBodyWithSecrets(429) }), attempts: 2 },
  { name: "truncated JSON", step: (tag) => ({ ...rightAnswer(tag), truncate: true }), attempts: 2 },
  { name: "an HTML error page (200)", step: () => ({ status: 200, text: HTML_PAGE }), attempts: 1 },
  { name: "an HTML error page (502)", step: () => ({ status: 502, text: HTML_PAGE }), attempts: 2 },
];

const GET_ELEMENTS = ["rating-summary", "review-list", "review-moderation"] as const;

/** Opens the element against a base that fails as `fault` says; for "down", a port nothing listens on. */
async function failing(fault: Fault, steps: Steps): Promise<{ server: Script; apiBase: string; revive: () => Promise<Server | null> }> {
  const server = await script(...steps);
  if (!fault.down) return { server, apiBase: server.base, revive: async () => null };
  const port = await freePort();
  return { server, apiBase: `http://127.0.0.1:${port}${server.base}`, revive: () => listen(port) };
}

describe("faults: a failing read shows a contained error, and retry recovers", () => {
  for (const fault of FAILING) {
    describe(fault.name, { concurrency: true }, () => {
      for (const tag of GET_ELEMENTS) {
        it(`<${tag}>`, { timeout: 30_000 }, async () => {
          const failures = Array.from({ length: fault.attempts }, () => fault.step(tag));
          const { server, apiBase, revive } = await failing(fault, [...failures, healthy[tag]()]);
          const page = await open(apiBase, TARGETS[tag]);
          try {
            await expectContainedError(page, tag);
            const log = await server.log();
            assert.equal(log.length, fault.attempts, `requests before the error (one retry for transient failures): ${log.map((e) => e.method).join(", ")}`);
            if (fault.name.startsWith("503")) assert.ok(log[1]!.at - log[0]!.at >= 900, `Retry-After honoured (${log[1]!.at - log[0]!.at} ms)`);
            await expectClean(page, tag);
            const revived = await revive();
            try {
              await retry(page, tag);
              await expectHealthy(page, tag);
            } finally {
              if (revived) await close(revived);
            }
            await expectClean(page, tag);
          } finally {
            await done(page);
          }
        });
      }

      it("<review-form> submit: the review is kept, retry checks whether it landed before posting again", { timeout: 30_000 }, async () => {
        const ambiguous = fault.name !== "429";
        // Too slow or cut short: the server did create the review, the browser just never heard.
        const landedAnyway = fault.name === "slower than the timeout" || fault.name === "truncated JSON";
        // Load check, the failing POST, then: a GET for "did it land?" (not after a 429: nothing landed) and the second POST.
        const steps: Steps = fault.down
          ? [noOwnReview(), created()]
          : [noOwnReview(), fault.step("review-form"), ...(ambiguous ? [landedAnyway ? ownReviewFound() : noOwnReview()] : []), created()];
        const { server, apiBase, revive } = await failing(fault, steps);
        const page = await open(apiBase, TARGETS["review-form"]);
        try {
          await writeReview(page);
          await submit(page);
          await expectContainedError(page, "review-form");
          await expectDraftKept(page);
          await expectClean(page, "review-form");
          assert.deepEqual(methods(await server.log()), fault.down ? [] : ["GET", "POST"], "one POST, never retried blindly");
          const revived = await revive();
          try {
            await retry(page, "review-form");
            await page.locator('review-form [part~="notice"][role="status"]').waitFor();
          } finally {
            if (revived) await close(revived);
          }
          const expected = fault.down
            ? ["GET", "POST"]
            : ambiguous
              ? landedAnyway
                ? ["GET", "POST", "GET"]
                : ["GET", "POST", "GET", "POST"]
              : ["GET", "POST", "POST"];
          assertRequests(await server.log(), expected, "after an ambiguous failure, a GET checks whether the review landed before any second POST");
          assert.deepEqual(await drafts(page), [], "the draft is cleared once the review is in");
          await expectClean(page, "review-form");
        } finally {
          await done(page);
        }
      });
    });
  }
});

describe("faults: <review-form> keeps a half-written review through a failed submit and a reload", { concurrency: true }, () => {
  const cases: { name: string; post: FaultStep; landed: boolean }[] = [
    { name: "500", post: { status: 500, json: errorBodyWithSecrets(500) }, landed: false },
    { name: "hang-up", post: { hangup: true }, landed: false },
    { name: "timeout (the POST landed after all)", post: created(SLOW_MS), landed: true },
  ];
  for (const { name, post, landed } of cases) {
    it(name, { timeout: 30_000 }, async () => {
      // Load check, the failing POST, the load check after the reload, then the POST that works.
      const server = await script(noOwnReview(), post, landed ? ownReviewFound() : noOwnReview(), created());
      const page = await open(server.base, TARGETS["review-form"]);
      try {
        await writeReview(page);
        await submit(page);
        await expectContainedError(page, "review-form");
        await expectDraftKept(page);
        await page.reload();
        if (landed) {
          // The reload's check found the review: no second POST, no duplicate.
          await page.locator('review-form [part~="notice"][role="status"]').waitFor();
          assertRequests(await server.log(), ["GET", "POST", "GET"], "the reload's check finds the review");
        } else {
          await expectDraftKept(page);
          assert.ok((await partTextForm(page)).includes("We restored the review you had not sent yet."), "the restored draft is announced");
          await submit(page);
          await page.locator('review-form [part~="notice"][role="status"]').waitFor();
          assertRequests(await server.log(), ["GET", "POST", "GET", "POST"], "the reload's GET checks before the second POST");
          assert.deepEqual(await drafts(page), []);
        }
        await expectClean(page, "review-form");
      } finally {
        await done(page);
      }
    });
  }
});

// ---------------------------------------------------------------- wrong data

const HUGE = 10_000;
const hugeReviews = (make: (i: number) => Wire) => Array.from({ length: HUGE }, (_, i) => make(i));
/** The seed's review with only the fields the widgets read (and a secret): 10,000 of them stay a few MB. */
const slimReview = (i: number, overrides: Wire = {}): Wire => ({
  id: `r-${i}`,
  moderationStatus: "approved",
  isPublished: true,
  reviewText: `R${i}`,
  rating: 4,
  blindSubmissionCode: `${LEAK}CODE`,
  revieweeId: "listing-1",
  reservationId: `res-${i}`,
  reviewerId: `user-${i}`,
  revieweeType: "listing",
  submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  isActive: true,
  reviewer: { id: `user-${i}`, fullname: "Maria Lopez Garcia" },
  ...overrides,
});
/** Valid and invalid items side by side: wrong types, missing fields, unreadable dates. */
const invalidReviews = (base: (marker: string, overrides: Wire) => Wire) => [
  base(`${LEAK}RATING-STRING`, { rating: "5" }),
  base(`${LEAK}RATING-SIX`, { rating: 6 }),
  base(`${LEAK}DATE`, { submittedAt: "yesterday" }),
  base(`${LEAK}ID`, { id: 42 }),
  base(`${LEAK}REVIEWER`, { reviewer: "Maria" }),
  base(`${LEAK}PUBLISHED-STRING`, { isPublished: "true" }),
  { ...base("x", {}), reviewText: undefined, id: "no-text" },
  { id: "bare", reviewText: `${LEAK}BARE` },
];

interface DataFault {
  name: string;
  /** Run one element at a time (big responses against a short timeout). */
  sequential?: boolean;
  /** Steps for each element, and what must then be on screen. */
  run: Partial<Record<Tag, { steps: () => Steps; attrs?: Record<string, string>; check: (page: FaultPage) => Promise<void> }>>;
}

const sumOfBars = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelector("rating-summary")!.shadowRoot!.querySelectorAll('[part~="distribution"] li')]
      .map((li) => Number(/: ([\d,]+) review/.exec(li.getAttribute("aria-label") ?? "")?.[1]?.replace(/,/g, "")))
      .reduce((a, b) => a + b, 0),
  );
const summaryWithBars = { "show-distribution": "" };

async function listShows(page: Page, expected: string[]): Promise<void> {
  await page.locator('review-list [part~="review"]').first().waitFor();
  assert.deepEqual((await bodies(page, "review-list")).sort(), [...expected].sort());
}

async function formShown(page: FaultPage): Promise<void> {
  await page.locator('review-form [part~="form"]').waitFor();
  await writeReview(page);
  await submit(page);
  await page.locator('review-form [part~="notice"][role="status"]').waitFor();
}

const DATA_FAULTS: DataFault[] = [
  {
    name: "some items of a valid envelope are wrong-typed or incomplete",
    run: {
      "rating-summary": {
        attrs: summaryWithBars,
        steps: () => [
          {
            json: envelope("reviewAggregates", [
              wireAggregate({ averageRating: "4.3" }),
              wireAggregate({ reviewCount: -1 }),
              wireAggregate({ id: undefined }),
              wireAggregate({ averageRating: 4.33, reviewCount: 3 }),
            ]),
          },
          {
            json: paged([
              publicReview("A", { rating: 5 }),
              publicReview("B", { rating: 5 }),
              publicReview("C", { rating: 3 }),
              ...invalidReviews(publicReview),
              ...hiddenReviews(),
            ]),
          },
        ],
        check: async (page) => {
          await page.locator('rating-summary [part~="distribution"]').waitFor();
          assert.equal(await partText(page, "rating-summary", "average"), "4.3");
          assert.equal(await sumOfBars(page), 3, "the bars count the valid public reviews only");
        },
      },
      "review-list": {
        steps: () => [{ json: paged([publicReview("VALID-1"), ...invalidReviews(publicReview), publicReview("VALID-2"), ...hiddenReviews()]) }],
        check: (page) => listShows(page, ["VALID-1", "VALID-2"]),
      },
      "review-moderation": {
        steps: () => [{ json: paged([pendingReview("VALID-1"), ...invalidReviews(pendingReview), pendingReview("VALID-2"), ...notPendingReviews()]) }],
        check: async (page) => {
          await page.locator('review-moderation [part~="review"]').first().waitFor();
          assert.deepEqual(await bodies(page, "review-moderation"), ["VALID-1", "VALID-2"]);
        },
      },
      "review-form": {
        // The POST's answer is malformed: the state of the review is unknown, so retry looks first.
        steps: () => [
          noOwnReview(),
          { status: 201, json: envelope("review", { ...ownReview(), rating: "4", submittedAt: 42 }, { userId: "me" }) },
          ownReviewFound(),
        ],
        check: async (page) => {
          await writeReview(page);
          await submit(page);
          await expectContainedError(page, "review-form");
          await expectDraftKept(page);
          await retry(page, "review-form");
          await page.locator('review-form [part~="notice"][role="status"]').waitFor();
        },
      },
    },
  },
  {
    name: `a huge response (${HUGE.toLocaleString("en")} valid public reviews in one envelope)`,
    sequential: true,
    run: {
      "rating-summary": {
        attrs: summaryWithBars,
        steps: () => [
          { json: envelope("reviewAggregates", [wireAggregate({ averageRating: 4, reviewCount: HUGE })]) },
          { json: paged(hugeReviews((i) => slimReview(i, { rating: (i % 5) + 1 }))) },
        ],
        check: async (page) => {
          await page.locator('rating-summary [part~="distribution"]').waitFor();
          assert.equal(await partText(page, "rating-summary", "count"), "10,000 reviews");
          assert.equal(await sumOfBars(page), HUGE);
        },
      },
      "review-list": {
        steps: () => [{ json: paged(hugeReviews((i) => slimReview(i))) }],
        check: async (page) => {
          await page.locator('review-list [part~="review"]').first().waitFor();
          assert.equal(await count(page, "review-list", '[part~="review"]'), 10, "one page of page-size reviews");
          await page.locator('review-list [part~="show-more"]').click();
          await page.waitForFunction(() => document.querySelector("review-list")!.shadowRoot!.querySelectorAll('[part~="review"]').length === 20);
          await page.locator('review-list [part~="sort"]').selectOption("oldest");
          await page.waitForFunction(() => document.querySelector("review-list")!.shadowRoot!.querySelector('[part~="review-body"]')?.textContent === "R0");
          assert.equal(await count(page, "review-list", '[part~="review"]'), 10);
        },
      },
      "review-moderation": {
        steps: () => [{ json: paged(hugeReviews((i) => slimReview(i, { moderationStatus: "pending", isPublished: false }))) }],
        check: async (page) => {
          await page.locator('review-moderation [part~="review"]').first().waitFor();
          assert.equal(await count(page, "review-moderation", '[part~="review"]'), 20, "one page");
          await page.locator('review-moderation [part~="show-more"]').click();
          await page.waitForFunction(() => document.querySelector("review-moderation")!.shadowRoot!.querySelectorAll('[part~="review"]').length === 40);
        },
      },
      "review-form": {
        // The "did I already review?" check gets everyone's reviews: the form still works.
        steps: () => [
          {
            json: paged(
              hugeReviews((i) => slimReview(i)),
              { userId: "me" },
            ),
          },
          created(),
        ],
        check: formShown,
      },
    },
  },
  {
    name: "duplicated ids",
    run: {
      "rating-summary": {
        attrs: summaryWithBars,
        steps: () => [
          {
            json: envelope("reviewAggregates", [
              wireAggregate({ id: "agg", averageRating: 4.5, reviewCount: 2 }),
              wireAggregate({ id: "agg", averageRating: 1, reviewCount: 99 }),
            ]),
          },
          {
            json: paged([
              publicReview("A", { id: "a", rating: 5 }),
              publicReview("A again", { id: "a", rating: 1 }),
              publicReview("B", { id: "b", rating: 4 }),
            ]),
          },
        ],
        check: async (page) => {
          await page.locator('rating-summary [part~="distribution"]').waitFor();
          assert.equal(await partText(page, "rating-summary", "average"), "4.5");
          assert.equal(await sumOfBars(page), 2, "a repeated review counts once");
        },
      },
      "review-list": {
        steps: () => [
          {
            json: paged([
              publicReview("FIRST-A", { id: "a" }),
              publicReview("FIRST-B", { id: "b" }),
              publicReview(`${LEAK}DUPLICATE-A`, { id: "a" }),
              publicReview("FIRST-C", { id: "c" }),
              publicReview(`${LEAK}DUPLICATE-B`, { id: "b" }),
            ]),
          },
        ],
        check: (page) => listShows(page, ["FIRST-A", "FIRST-B", "FIRST-C"]),
      },
      "review-moderation": {
        steps: () => [
          { json: paged([pendingReview("FIRST-A", { id: "a" }), pendingReview("FIRST-B", { id: "b" }), pendingReview(`${LEAK}DUPLICATE-A`, { id: "a" })]) },
        ],
        check: async (page) => {
          await page.locator('review-moderation [part~="review"]').first().waitFor();
          assert.deepEqual(await bodies(page, "review-moderation"), ["FIRST-A", "FIRST-B"], "each review once");
        },
      },
      "review-form": {
        steps: () => [{ json: paged([ownReview(), ownReview()], { userId: "me" }) }],
        check: async (page) => {
          await page.locator('review-form [part~="notice"][role="status"]').waitFor();
          assert.equal(await count(page, "review-form", '[part~="notice"]'), 1);
          assert.match((await partText(page, "review-form", "notice")) ?? "", /already/i);
        },
      },
    },
  },
  {
    name: "a response for a different reviewee",
    run: {
      "rating-summary": {
        attrs: summaryWithBars,
        steps: () => [{ json: envelope("reviewAggregates", [wireAggregate({ revieweeId: OTHER, averageRating: 1.11, reviewCount: 777 })]) }],
        check: async (page) => {
          await page.locator('rating-summary [part~="empty"]').waitFor();
          const text = await everything(page);
          assert.ok(!text.includes("777") && !text.includes("1.1"), "another reviewee's numbers are not shown");
        },
      },
      "review-list": {
        steps: () => [
          {
            json: paged([
              publicReview("OURS-1"),
              publicReview(`${LEAK}OTHER-1`, { revieweeId: OTHER }),
              publicReview(`${LEAK}OTHER-TYPE`, { revieweeType: "host" }),
              publicReview("OURS-2"),
              publicReview(`${LEAK}OTHER-2`, { revieweeId: OTHER }),
            ]),
          },
        ],
        check: (page) => listShows(page, ["OURS-1", "OURS-2"]),
      },
      // A moderator sees every reviewee: there is no "different reviewee" for <review-moderation>.
      "review-form": {
        // The viewer's review of another listing is not a review of this one.
        steps: () => [{ json: paged([ownReview({ revieweeId: OTHER, reviewText: `${LEAK}OWN-OTHER` })], { userId: "me" }) }, created()],
        check: formShown,
      },
    },
  },
];

describe("faults: wrong data is contained, valid data still shown", () => {
  for (const fault of DATA_FAULTS) {
    describe(fault.name, { concurrency: !fault.sequential }, () => {
      for (const [tag, run] of Object.entries(fault.run) as [Tag, NonNullable<DataFault["run"][Tag]>][]) {
        it(`<${tag}>`, { timeout: 60_000 }, async () => {
          const server = await script(...run.steps());
          const page = await open(server.base, TARGETS[tag], run.attrs);
          try {
            await run.check(page);
            // Still responsive: the page answers at once.
            assert.equal(await page.evaluate(() => 1 + 1), 2);
            await expectClean(page, tag);
          } finally {
            await done(page);
          }
        });
      }
    });
  }
});
