/**
 * The start-up levers of issue 11, before and after: today's build against an
 * older commit's build (default: the session-start commit e7b1985), each
 * served by its own bench server (same reference data: /bench-api), loaded in
 * the same headless Chromium, interleaved round by round (order flipped every
 * round). Both sides load dist/review-widgets.js, the one file both have.
 *
 *   git worktree add --detach /tmp/bench-base e7b1985
 *   ln -s "$(readlink -f node_modules)" /tmp/bench-base/node_modules
 *   (cd /tmp/bench-base && node scripts/build.mjs --quiet)
 *   node --import tsx bench/levers.ts --base /tmp/bench-base [--rounds 7] [--history]
 *
 * Figures (bench/pages/levers-*.html, main-hand.html for context):
 * (a) the README install snippet (summary + list + configure({ token }) from a
 *     module script right after the deferred script): API requests and
 *     main-thread CPU (TaskDuration, thread ticks) until settled + two frames;
 *     the same with configure() given the settings already in place; and on the
 *     listing page, the requests a later sign-in (configure({ token })) makes;
 * (b) the listing page: time from the script's arrival (its resource timing
 *     responseEnd) to the first API request's startTime, and to the aggregate's;
 * (c) the listing page's DOM: all nodes (document and shadow roots), and
 *     inside the shadow roots comment nodes and whitespace-only text nodes.
 * With --history, the main-thread and render-100 ratios of the older build
 * are measured too (bench/measure-*.ts, against its dist/) and appended to
 * the history table of BENCHMARKS.md under its commit.
 * Prints a Markdown table; writes nothing else.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import type { Page } from "playwright-core";
import { launch, settled, type Bench } from "./browser.ts";
import { appendHistory } from "./history.ts";
import { measureMainThread } from "./measure-main-thread.ts";
import { measureRender } from "./measure-render.ts";
import { startBenchServer, type BenchServer } from "./server.ts";
import { median, ms, msText, spread } from "./stats.ts";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const baseDir = option("--base") ?? "/tmp/bench-base";
const rounds = Number(option("--rounds") ?? 7);
const baseCommit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: baseDir, encoding: "utf8" }).trim();
const nowCommit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const API = "/bench-api/";

interface DomCount {
  nodes: number;
  shadowNodes: number;
  comments: number;
  whitespace: number;
}

interface Load {
  apiRequests: number;
  /** On the listing page: API requests made by a later sign-in (configure({ token }) once settled). */
  signInRequests: number;
  /** …and what that reload did to the list's shadow DOM. */
  reload: { removed: number; skeleton: boolean };
  taskMs: number;
  toFirstApiMs: number;
  toAggregateMs: number;
  dom: DomCount;
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

async function load(bench: Bench, path: string): Promise<Load> {
  const page = await bench.page();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  let apiRequests = 0;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  page.on("request", (request) => {
    if (!request.url().includes(API)) return;
    apiRequests++;
    inFlight++;
  });
  const done = (url: string) => {
    if (url.includes(API) && --inFlight === 0) idle?.();
  };
  page.on("requestfinished", (request) => done(request.url()));
  page.on("requestfailed", (request) => done(request.url()));
  try {
    await page.goto(`${bench.base}/bench/pages/bench.css`);
    const cdp = await bench.cdp(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const task = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
    const before = await task();
    await page.goto(`${bench.base}${path}`, { waitUntil: "load" });
    if (path.includes("main-hand")) await page.evaluate("window.__hand");
    else await settled(page);
    await twoFrames(page);
    if (inFlight > 0) await new Promise<void>((resolve) => void (idle = resolve));
    const taskMs = (await task()) - before;
    await cdp.detach();
    const startupRequests = apiRequests;
    let signInRequests = 0;
    let reload = { removed: 0, skeleton: false };
    if (path.includes("levers-listing")) {
      // A later sign-in: only what depends on the viewer (the list) should fetch again.
      reload = await page.evaluate(async () => {
        const list = document.querySelector("review-list");
        const root = list?.shadowRoot;
        if (!list || !root) throw new Error("no <review-list> shadow root");
        // What the reload does to the list's DOM: nodes removed (a skeleton in between replaces everything), a skeleton seen.
        let removed = 0;
        let skeleton = false;
        const look = () => void (skeleton ||= root.querySelector('[part~="skeleton"], [aria-busy="true"]') !== null);
        const observer = new MutationObserver((records) => {
          for (const record of records) removed += record.removedNodes.length;
          look();
        });
        observer.observe(root, { childList: true, subtree: true });
        const reloaded = new Promise((resolve) => list.addEventListener("review-load", resolve, { once: true }));
        (window as unknown as { ReviewWidgets: { configure(settings: object): void } }).ReviewWidgets.configure({ token: () => "bench-session-token" });
        await reloaded;
        observer.disconnect();
        return { removed, skeleton };
      });
      await settled(page);
      await twoFrames(page);
      if (inFlight > 0) await new Promise<void>((resolve) => void (idle = resolve));
      signInRequests = apiRequests - startupRequests;
    }
    if (errors.length > 0) throw new Error(`${bench.base}${path}: ${errors.join("; ")}`);
    const timing = await page.evaluate((api) => {
      const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const script = entries.find(
        (e) => e.initiatorType === "script" && /\/(dist\/review-widgets[a-z-]*|bench\/pages\/main-hand)\.js$/.test(new URL(e.name).pathname),
      );
      const api_ = entries.filter((e) => e.name.includes(api)).sort((a, b) => a.startTime - b.startTime);
      const aggregate = api_.find((e) => e.name.includes("/reviewaggregates"));
      return { scriptEnd: script?.responseEnd ?? Number.NaN, firstApi: api_[0]?.startTime ?? Number.NaN, aggregate: aggregate?.startTime ?? Number.NaN };
    }, API);
    const dom = await page.evaluate(() => {
      const count = { nodes: 0, shadowNodes: 0, comments: 0, whitespace: 0 };
      const walk = (parent: Node, inShadow: boolean) => {
        for (let node = parent.firstChild; node; node = node.nextSibling) {
          count.nodes++;
          if (inShadow) {
            count.shadowNodes++;
            if (node.nodeType === Node.COMMENT_NODE) count.comments++;
            if (node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() === "") count.whitespace++;
          }
          const shadow = node instanceof Element ? node.shadowRoot : null;
          if (shadow) walk(shadow, true);
          walk(node, inShadow);
        }
      };
      walk(document, false);
      return count;
    });
    return {
      apiRequests: startupRequests,
      signInRequests,
      reload,
      taskMs,
      toFirstApiMs: timing.firstApi - timing.scriptEnd,
      toAggregateMs: timing.aggregate - timing.scriptEnd,
      dom,
    };
  } finally {
    await page.close();
  }
}

const servers: BenchServer[] = [await startBenchServer("."), await startBenchServer(".", { distRoot: baseDir })];
const [now, base] = [await launch(servers[0]!.url), await launch(servers[1]!.url)];
const load_ = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(" ");
const started = Date.now();
try {
  const pages = [
    "/bench/pages/levers-snippet.html",
    "/bench/pages/levers-same.html",
    "/bench/pages/levers-listing.html",
    "/bench/pages/main-hand.html",
  ] as const;
  const samples = new Map<string, Load[]>();
  const add = (key: string, value: Load) => samples.set(key, [...(samples.get(key) ?? []), value]);
  for (const path of pages) for (const bench of [now, base]) await load(bench, path); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order =
      round % 2 === 0
        ? ([
            ["after", now],
            ["before", base],
          ] as const)
        : ([
            ["before", base],
            ["after", now],
          ] as const);
    for (const path of pages) {
      if (path.includes("main-hand")) {
        add(`hand ${path}`, await load(now, path));
        continue;
      }
      for (const [side, bench] of order) add(`${side} ${path}`, await load(bench, path));
    }
  }
  const get = (key: string) => samples.get(key) ?? [];
  const m = (list: Load[], pick: (l: Load) => number) => median(list.map(pick));
  const cell = (list: Load[], pick: (l: Load) => number) => msText(spread(list.map(pick)));
  const [snippet, same, listing, hand] = pages;
  const counts = (list: Load[], pick: (l: Load) => number) => `${median(list.map(pick))} (${[...new Set(list.map(pick))].join(", ")})`;
  const before = (path: string) => get(`before ${path}`);
  const after = (path: string) => get(`after ${path}`);
  const lines = [
    `Before = \`${baseCommit}\`, after = \`${nowCommit}\` (dist/review-widgets.js on both); ${rounds} interleaved rounds, median (min–max); load average at start ${load_}; ${Math.round((Date.now() - started) / 1000)} s.`,
    "",
    "| figure | before | after | hand-written page |",
    "|---|---|---|---|",
    `| (a) install snippet (configure({ token }) at start-up): API requests | ${counts(before(snippet), (l) => l.apiRequests)} | ${counts(after(snippet), (l) => l.apiRequests)} | — |`,
    `| (a) install snippet: main-thread CPU (TaskDuration) | ${cell(before(snippet), (l) => l.taskMs)} | ${cell(after(snippet), (l) => l.taskMs)} | — |`,
    `| (a) configure() with the settings already in place: API requests | ${counts(before(same), (l) => l.apiRequests)} | ${counts(after(same), (l) => l.apiRequests)} | — |`,
    `| (a) … main-thread CPU | ${cell(before(same), (l) => l.taskMs)} | ${cell(after(same), (l) => l.taskMs)} | — |`,
    `| (a) sign-in once the page has settled: further API requests | ${counts(before(listing), (l) => l.signInRequests)} | ${counts(after(listing), (l) => l.signInRequests)} | — |`,
    `| (c) … that sign-in's reload: list nodes removed; skeleton shown | ${counts(before(listing), (l) => l.reload.removed)}; ${before(listing).some((l) => l.reload.skeleton) ? "yes" : "no"} | ${counts(after(listing), (l) => l.reload.removed)}; ${after(listing).some((l) => l.reload.skeleton) ? "yes" : "no"} | — |`,
    `| (a) same page without configure(): main-thread CPU | ${cell(before(listing), (l) => l.taskMs)} | ${cell(after(listing), (l) => l.taskMs)} | ${cell(get(`hand ${hand}`), (l) => l.taskMs)} |`,
    `| (a) … API requests without configure() | ${m(before(listing), (l) => l.apiRequests)} | ${m(after(listing), (l) => l.apiRequests)} | ${m(get(`hand ${hand}`), (l) => l.apiRequests)} |`,
    `| (b) script arrival → first API request | ${cell(before(listing), (l) => l.toFirstApiMs)} | ${cell(after(listing), (l) => l.toFirstApiMs)} | ${cell(get(`hand ${hand}`), (l) => l.toFirstApiMs)} |`,
    `| (b) script arrival → aggregate request | ${cell(before(listing), (l) => l.toAggregateMs)} | ${cell(after(listing), (l) => l.toAggregateMs)} | ${cell(get(`hand ${hand}`), (l) => l.toAggregateMs)} |`,
  ];
  const dom = (list: Load[]) => list[0]?.dom ?? { nodes: Number.NaN, shadowNodes: Number.NaN, comments: Number.NaN, whitespace: Number.NaN };
  const [db, da, dh] = [dom(before(listing)), dom(after(listing)), dom(get(`hand ${hand}`))];
  lines.push(
    `| (b) … aggregate request after the first API request (same load) | ${cell(before(listing), (l) => l.toAggregateMs - l.toFirstApiMs)} | ${cell(after(listing), (l) => l.toAggregateMs - l.toFirstApiMs)} | ${cell(get(`hand ${hand}`), (l) => l.toAggregateMs - l.toFirstApiMs)} |`,
    `| (c) listing page DOM nodes (document + shadow roots) | ${db.nodes} | ${da.nodes} | ${dh.nodes} |`,
    `| (c) … of which in shadow roots | ${db.shadowNodes} | ${da.shadowNodes} | — |`,
    `| (c) comment nodes in shadow roots | ${db.comments} | ${da.comments} | — |`,
    `| (c) whitespace-only text nodes in shadow roots | ${db.whitespace} | ${da.whitespace} | — |`,
  );
  const unstable = [...samples.entries()].filter(([, list]) => new Set(list.map((l) => JSON.stringify(l.dom))).size > 1).map(([key]) => key);
  if (unstable.length > 0) lines.push("", `DOM counts differed between rounds on: ${unstable.join(", ")} (first round shown).`);
  console.log(lines.join("\n"));

  if (process.argv.includes("--history")) {
    console.log(`\nmain-thread and render-100 ratios of ${baseCommit} (its dist/, review-widgets.js for every script-tag file)…`);
    const mainThread = await measureMainThread(base, rounds);
    const render = await measureRender(base, rounds);
    console.log(`main thread ${mainThread.rows[0]?.result}; render 100 wall ${render.rows[0]?.result}, CPU ${render.rows[1]?.result}`);
    const date = new Date().toISOString().slice(0, 16).replace("T", " ");
    appendHistory("BENCHMARKS.md", [
      { date, commit: `${baseCommit} (session start, review-widgets.js)`, mainThread: mainThread.ratio, render100: render.render100, rounds, load: load_ },
    ]);
    console.log(`Appended a history row for ${baseCommit} to BENCHMARKS.md; intl ${mainThread.rows[3]?.ours}; ${ms(m(before(listing), (l) => l.taskMs))}`);
  }
} finally {
  await now.close();
  await base.close();
  for (const server of servers) await server.close();
}
