import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, ensureChromium } from "../../scripts/chromium.ts";
import { startServer, type RunningServer } from "../../server/serve.ts";

/**
 * The package as a developer adopts it: `npm pack`, installed into throwaway consumers (a Vite
 * vanilla-TS page, a React 19 page, a Vue page; test/e2e/consumer/), type-checked under strict —
 * React, Vue and Svelte templates included — built with Vite, and rendered in Chromium against the
 * reference API on another origin. Plus the plain script-tag page, on an origin different from both
 * the API and the script. Needs the build (npm test's e2e step builds first) and the npm registry
 * or its cache for the consumers' packages (pinned below).
 *
 * Origins: the API is the reference server; the consumer app, the pages and the "CDN" are small
 * static servers of their own, each on its own port (real servers: Chromium refuses a page that
 * Playwright fulfilled access to loopback addresses).
 */
const CONSUMER_PACKAGES = [
  "react@19.3.1",
  "react-dom@19.3.1",
  "@types/react@19.3.3",
  "@types/react-dom@19.3.0",
  "vue@3.5.45",
  "@vitejs/plugin-vue@6.0.11",
  "vue-tsc@3.3.14",
  // vue-tsc and svelte-check need TypeScript's JS API, which TypeScript 7 (the repository's) has not.
  "typescript@5.9.3",
  "svelte@5.57.3",
  "svelte-check@4.7.8",
  "vite@8.3.8",
  // The optional peer of review-widgets/ssr.
  "@lit-labs/ssr@4.1.0",
];
const LISTING = "20000000-0000-4000-8000-000000000001";
const repo = resolve(".");
const work = mkdtempSync(join(tmpdir(), "review-widgets-consumer-"));
const app = join(work, "app");
let server: RunningServer;
let browser: Browser;
let tarball = "";
const servers: Server[] = [];
/** Pages by path, served by the "site" and "stranger" origins. */
const pages = new Map<string, string>();
let APP = "";
let SITE = "";
let CDN = "";
let CDN_WITHOUT_CORS = "";
let STRANGER = "";

const run = (command: string, args: string[], cwd = app) => execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
/** Runs a checker that must pass; on failure the assertion shows what it printed. */
function check(command: string, args: string[]): void {
  try {
    run(command, args);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    assert.fail(`${[command, ...args].join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".html": "text/html",
  ".json": "application/json",
  ".map": "application/json",
  ".css": "text/css",
};
/** A static origin: files under `root` (or the registered pages); `cors` adds Access-Control-Allow-Origin: *. */
async function origin(root: string | null, cors: boolean): Promise<string> {
  const http = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const page = pages.get(path);
    let body: Buffer | string;
    try {
      body = page ?? readFileSync(join(root ?? "/nonexistent", path));
    } catch {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": page ? "text/html" : (TYPES[extname(path)] ?? "application/octet-stream"),
      ...(cors ? { "Access-Control-Allow-Origin": "*" } : {}),
    });
    response.end(body);
  });
  servers.push(http);
  await new Promise<void>((done) => http.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

interface Opened {
  page: Page;
  problems: string[];
  warnings: string[];
  apiCalls: string[];
}
async function open(): Promise<Opened> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const opened: Opened = { page, problems: [], warnings: [], apiCalls: [] };
  page.on("pageerror", (error) => opened.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "warning") opened.warnings.push(message.text());
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) opened.problems.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (request.url().startsWith(server.url) && request.method() !== "OPTIONS") opened.apiCalls.push(request.url());
  });
  return opened;
}

const countText = (page: Page) =>
  page.evaluate(() => document.querySelector("rating-summary")?.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() ?? "");
const reviewCount = (page: Page) => page.evaluate(() => document.querySelector("review-list")?.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0);
const shown = (page: Page) =>
  page.waitForFunction(() => {
    const count = document.querySelector("rating-summary")?.shadowRoot?.querySelector('[part~="count"], [part~="error"]');
    const list = document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="review"], [part~="error"]');
    return Boolean(count && list);
  });

before(async () => {
  APP = await origin(join(app, "dist"), false);
  SITE = await origin(null, false);
  CDN = await origin(repo, true);
  CDN_WITHOUT_CORS = await origin(repo, false);
  STRANGER = await origin(null, false);
  server = await startServer({ demo: true, allowedOrigins: [APP, SITE] });
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  for (const http of servers) http.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the npm package", () => {
  it("packs the license, source maps, types, the manifest and editor data, and no tests or sources", () => {
    run("npm", ["pack", "--silent", "--pack-destination", work], repo);
    tarball = readdirSync(work).find((name) => name.endsWith(".tgz")) ?? "";
    assert.ok(tarball, "npm pack made a tarball");
    const listing = run("tar", ["-tzf", join(work, tarball)], work).split("\n");
    for (const file of [
      "package/LICENSE",
      "package/README.md",
      "package/custom-elements.json",
      "package/docs/elements.md",
      "package/dist/index.js",
      "package/dist/components/review-list/review-list.js.map",
      "package/dist/review-widgets.js",
      "package/dist/review-widgets.js.map",
      "package/dist/review-widgets-listing.js.map",
      "package/dist/types/index.d.ts",
      "package/dist/ssr/index.js",
      "package/dist/types/ssr/index.d.ts",
      "package/dist/internal/server-state.js",
      "package/dist/types/index.d.ts.map",
      "package/dist/frameworks/react.d.ts",
      "package/dist/frameworks/vue.d.ts",
      "package/dist/frameworks/svelte.d.ts",
      "package/dist/vscode.html-custom-data.json",
      "package/dist/vscode.css-custom-data.json",
    ]) {
      assert.ok(listing.includes(file), `${file} is in the package`);
    }
    assert.deepEqual(
      listing.filter((file) => /\.test\.|\/test\/|^package\/src\//.test(file)),
      [],
      "no tests and no sources",
    );
    const manifest = JSON.parse(run("tar", ["-xzOf", join(work, tarball), "package/custom-elements.json"], work)) as {
      modules: { path: string; exports: { kind: string }[] }[];
    };
    for (const module of manifest.modules) {
      assert.ok(listing.includes(`package/${module.path}`), `the manifest's ${module.path} ships`);
      assert.ok(
        module.exports.some((e) => e.kind === "custom-element-definition"),
        `${module.path} has a custom-element-definition`,
      );
    }
  });

  it("installs into Vite vanilla-TS, React 19 and Vue consumers that type-check under strict (Svelte too), and build", () => {
    assert.ok(tarball, "packed by the previous test");
    cpSync(join(repo, "test/e2e/consumer"), app, { recursive: true });
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", "--silent", join(work, tarball), ...CONSUMER_PACKAGES]);
    // vue-tsc checks the vanilla .ts, the React .tsx and the .vue template in one strict program.
    check(join(app, "node_modules/.bin/vue-tsc"), ["-p", "tsconfig.json"]);
    check(join(app, "node_modules/.bin/svelte-check"), ["--tsconfig", "./tsconfig.svelte.json", "--threshold", "error", "--output", "machine"]);
    // A wrong attribute value in Svelte markup is refused (there is no expect-error comment in Svelte markup).
    writeFileSync(join(app, "src/Reviews.svelte"), readFileSync(join(app, "src/Reviews.svelte"), "utf8").replace('sort="newest"', 'sort="best"'));
    assert.throws(
      () => run(join(app, "node_modules/.bin/svelte-check"), ["--tsconfig", "./tsconfig.svelte.json", "--threshold", "error", "--output", "machine"]),
      (error: { stdout?: string }) => /best.*is not assignable/.test(error.stdout ?? ""),
    );
    check(process.execPath, [join(app, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"]);
  });

  for (const consumer of ["vanilla", "react", "vue"]) {
    it(`renders a summary and a list in the ${consumer} build, against the API on another origin`, async () => {
      const { page, problems } = await open();
      await page.goto(`${APP}/${consumer}.html?api=${encodeURIComponent(`${server.url}/reviewsystem-api`)}`);
      await shown(page);
      assert.equal(await countText(page), "24 reviews");
      assert.equal(await reviewCount(page), 3);
      // The typed review-load handler ran.
      await page.waitForFunction(() => document.querySelector("[data-loaded]")?.getAttribute("data-loaded") === "24");
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  it("works as a plain script tag on an origin other than the API's and the script's, in German", async () => {
    const { page, problems, warnings } = await open();
    pages.set(
      "/german.html",
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>site</title>
          <script>window.ReviewWidgets = window.ReviewWidgets || { q: [] }; ReviewWidgets.q.push(["configure", { apiBase: "${server.url}/reviewsystem-api" }]);</script>
          <script src="${CDN}/dist/review-widgets-ratings.js" async></script></head>
          <body><rating-summary reviewee-id="${LISTING}"></rating-summary><review-list reviewee-id="${LISTING}" page-size="3"></review-list></body></html>`,
    );
    await page.goto(`${SITE}/german.html`);
    await page.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.textContent?.includes("Bewertungen"));
    await shown(page);
    assert.equal(await countText(page), "24 Bewertungen");
    assert.equal(await reviewCount(page), 3);
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("server-renders with review-widgets/ssr in Node (installed from the package), and a script file on another origin takes over without a request, under a strict CSP", async () => {
    assert.ok(tarball, "installed by an earlier test");
    const api = `${server.url}/reviewsystem-api`;
    writeFileSync(
      join(app, "ssr.mjs"),
      `import { renderRatingSummary, renderReviewList, styleHashes } from "review-widgets/ssr";
const attributes = { "api-base": ${JSON.stringify(api)}, "reviewee-id": ${JSON.stringify(LISTING)} };
const context = { lang: "de" };
const summary = await renderRatingSummary({ ...attributes, "show-distribution": true }, { context });
const list = await renderReviewList({ ...attributes, "page-size": 3 }, { context });
process.stdout.write(JSON.stringify({ body: summary + list, styles: (await styleHashes()).join(" ") }));
`,
    );
    // Asynchronously: the reference API answering the render runs in this process.
    const rendered = await promisify(execFile)(process.execPath, ["ssr.mjs"], { cwd: app, encoding: "utf8" });
    const { body, styles } = JSON.parse(rendered.stdout) as { body: string; styles: string };
    assert.match(body, /<template shadowroot="open" shadowrootmode="open">/);
    assert.match(body, /data-review-widgets-state/, "the data was loaded on the server");
    pages.set(
      "/server-rendered.html",
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>site</title>
          <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${CDN}; style-src ${styles}; connect-src ${server.url} ${CDN}; require-trusted-types-for 'script'; trusted-types lit-html">
          <script src="${CDN}/dist/review-widgets-ratings.js" data-api-base="${api}" defer></script></head>
          <body>${body}</body></html>`,
    );
    const { page, problems, apiCalls } = await open();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy|Trusted Type/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${SITE}/server-rendered.html`);
    // Taken over: the sort control shows once the script runs.
    await page.waitForFunction(() => {
      const sort = document.querySelector("review-list")?.shadowRoot?.querySelector('[part~="sort"]');
      return sort && getComputedStyle(sort).visibility === "visible";
    });
    assert.equal(await countText(page), "24 Bewertungen");
    assert.equal(await reviewCount(page), 3);
    assert.deepEqual(apiCalls, [], "no request: the state came with the HTML");
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("shows a page whose language file is blocked wholly in English, with one warning", async () => {
    const { page, problems, warnings } = await open();
    pages.set(
      "/blocked-language.html",
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>site</title>
          <script src="${CDN_WITHOUT_CORS}/dist/review-widgets-summary.js" data-api-base="${server.url}/reviewsystem-api" defer></script></head>
          <body><rating-summary reviewee-id="${LISTING}" show-distribution></rating-summary></body></html>`,
    );
    await page.goto(`${SITE}/blocked-language.html`);
    await page.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.querySelector('[part~="count"]'));
    await page.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.querySelector(".root")?.getAttribute("lang") === "en");
    assert.equal(await countText(page), "24 reviews");
    // Numbers in English too: "4.3", not "4,3".
    assert.match(
      await page.evaluate(() => document.querySelector("rating-summary")!.shadowRoot!.querySelector('[part~="average"]')!.textContent!),
      /^\s*\d\.\d\s*$/,
    );
    assert.equal(warnings.filter((text) => text.includes("strings not loaded")).length, 1);
    assert.deepEqual(
      problems.filter((text) => !text.includes("CORS policy")),
      [],
    );
    await page.context().close();
  });

  it("tells a CORS refusal apart: one request, no retries, a hint naming the origin and the setting, review-error", async () => {
    const { page, warnings, apiCalls } = await open();
    pages.set(
      "/stranger.html",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stranger</title>
          <script>window.errors = []; document.addEventListener("review-error", (event) => errors.push(event.detail.error.kind + " " + event.detail.error.likelyCors));</script>
          <script src="${CDN}/dist/review-widgets-summary.js" data-api-base="${server.url}/reviewsystem-api" defer></script></head>
          <body><rating-summary reviewee-id="${LISTING}"></rating-summary></body></html>`,
    );
    await page.goto(`${STRANGER}/stranger.html`);
    await page.waitForFunction(() => document.querySelector("rating-summary")?.shadowRoot?.querySelector('[part~="error"]'));
    assert.deepEqual(await page.evaluate(() => (window as unknown as { errors: string[] }).errors), ["network true"]);
    assert.equal(apiCalls.length, 1, `one request, not retried: ${apiCalls.join(", ")}`);
    const hints = warnings.filter((text) => text.includes("CORS"));
    assert.equal(hints.length, 1);
    assert.ok(hints[0]!.includes(new URL(server.url).origin) && hints[0]!.includes(STRANGER) && hints[0]!.includes("API_ALLOWED_ORIGINS"), hints[0]);
    await page.context().close();
  });
});
