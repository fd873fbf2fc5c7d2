/**
 * Server rendering (issue 17's budgets), side by side with the client-only
 * page in the same run. One page, bench/pages/ssr-listing.html: a
 * `<rating-summary>` and a `<review-list page-size="10">` of `bench-40`
 * (/bench-api), loading dist/review-widgets-listing.js. Three variants:
 *
 * - client-only: the page as written;
 * - server-rendered, plain re-render (the default takeover): /bench/ssr/, the
 *   elements rendered by dist/ssr/index.js (server/ssr-pages.ts, as `npm start`
 *   serves the demo), the same script file;
 * - server-rendered, hydration (the opt-in): the same HTML loading a bench-only
 *   build of the listing file with Lit's hydration support (bench/build-hydrate.ts).
 *
 * Each load is fresh (navigated from a same-origin page: one renderer), at 1×
 * and 4× CPU (CDP `Emulation.setCPUThrottlingRate`), variants rotated within a
 * round. A load ends when both elements have fired `review-load`, the list
 * shows 10 cards, no server wrapper (`.root.later`) is left, plus two frames.
 *
 * First stars painted: an init script polls in `requestAnimationFrame` until
 * the summary's `[part~="stars"]` (inside its shadow root) has a non-empty box.
 * rAF callbacks run in the rendering step just before the frame's style,
 * layout and paint, so the first frame whose callback sees the stars laid out
 * is the frame that paints them; a message posted from that callback is
 * handled once the frame's main-thread work (paint included) is done, and its
 * `performance.now()` is the figure (since navigation start). Element Timing
 * and LCP cannot say it: they ignore nodes in shadow trees, and the stars are
 * SVG, neither an image nor text. First contentful paint is shown next to it
 * (the page's heading, the same in all three).
 *
 * Also per load: CLS (buffered layout-shift observer, no recent input), API
 * requests (/bench-api) until the load ends, main-thread CPU (Chromium's
 * TaskDuration in thread ticks, 1× only: throttling suspends the thread, so
 * ticks do not scale with it). And in Node, in this process: the server render
 * of that summary + 10 reviews, warm.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { serverRenderPage } from "../server/ssr-pages.ts";
import { gzipSize } from "../scripts/gzip-size.ts";
import type { Bench } from "./browser.ts";
import { buildHydrateListing, HYDRATE_FILE } from "./build-hydrate.ts";
import type { Row, Section } from "./report.ts";
import { loadSsr, type BenchServer } from "./server.ts";
import { kb, ms, msText, ratios, ratioText, spread, x } from "./stats.ts";

const PAGE = "ssr-listing.html";
const STARS_BUDGET = 0.5;
const RENDER_BUDGET_MS = 10;
const RENDERS = 250;

type Variant = "client" | "rerender" | "hydrate";
const VARIANTS: readonly Variant[] = ["client", "rerender", "hydrate"];
const PATHS: Record<Variant, string> = {
  client: `/bench/pages/${PAGE}`,
  rerender: `/bench/ssr/${PAGE}`,
  hydrate: `/bench/ssr/${PAGE}?script=${HYDRATE_FILE}`,
};
const LABEL: Record<Exclude<Variant, "client">, string> = { rerender: "plain re-render", hydrate: "hydration" };

const PROBE = `
window.__ssr = { stars: null, loads: 0, cls: 0 };
addEventListener("review-load", () => window.__ssr.loads++);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__ssr.cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
const poll = () => {
  const box = document.querySelector("rating-summary")?.shadowRoot?.querySelector('[part~="stars"]')?.getBoundingClientRect();
  if (!box || box.width === 0 || box.height === 0) return requestAnimationFrame(poll);
  // A task posted from the frame's rAF runs once that frame's style, layout and paint are done.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => (window.__ssr.stars = performance.now());
  channel.port2.postMessage(null);
};
requestAnimationFrame(poll);
`;

interface Load {
  starsMs: number;
  fcpMs: number;
  /** The HTML's responseEnd: the server render is in it for the server-rendered pages. */
  htmlMs: number;
  cls: number;
  requests: number;
  taskMs: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

async function load(bench: Bench, variant: Variant, rate: number): Promise<Load> {
  const page = await bench.page({ initScripts: [PROBE] });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // The start page's /favicon.ico (a 404) is not the measured page's.
    if (["error", "warning"].includes(message.type()) && !message.location().url.endsWith("/favicon.ico")) errors.push(`console: ${message.text()}`);
  });
  let requests = 0;
  page.on("request", (request) => void (new URL(request.url()).pathname.startsWith("/bench-api/") && requests++));
  try {
    await page.goto(`${bench.base}/bench/pages/bench.css`);
    const cdp = await bench.cdp(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const before = await metrics(cdp);
    await page.goto(`${bench.base}${PATHS[variant]}`, { waitUntil: "load" });
    await page.waitForFunction(
      () => {
        const state = (window as unknown as { __ssr: { loads: number; stars: number | null } }).__ssr;
        const hosts = [...document.querySelectorAll("rating-summary, review-list")];
        const list = document.querySelector("review-list")?.shadowRoot;
        return (
          state.loads >= 2 &&
          state.stars !== null &&
          list?.querySelectorAll('[part~="review"]').length === 10 &&
          hosts.every((host) => host.shadowRoot && !host.shadowRoot.querySelector(".root.later"))
        );
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    await twoFrames(page);
    const after = await metrics(cdp);
    await cdp.detach();
    const probe = await page.evaluate(() => {
      const state = (window as unknown as { __ssr: { stars: number; cls: number } }).__ssr;
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return { ...state, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN, html: navigation?.responseEnd ?? Number.NaN };
    });
    if (errors.length) throw new Error(`${PATHS[variant]} (CPU ${rate}×): ${errors.join("; ")}`);
    return {
      starsMs: probe.stars,
      fcpMs: probe.fcp,
      htmlMs: probe.html,
      cls: probe.cls,
      requests,
      taskMs: ((after["TaskDuration"] ?? 0) - (before["TaskDuration"] ?? 0)) * 1000,
    };
  } finally {
    await page.close();
  }
}

/** `rounds` rounds of the three variants at one CPU rate (after one uncounted warm-up of each), order rotated per round. */
async function measureAt(bench: Bench, rounds: number, rate: number): Promise<Record<Variant, Load[]>> {
  for (const variant of VARIANTS) await load(bench, variant, rate);
  const loads: Record<Variant, Load[]> = { client: [], rerender: [], hydrate: [] };
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < VARIANTS.length; i++) {
      const variant = VARIANTS[(round + i) % VARIANTS.length]!;
      loads[variant].push(await load(bench, variant, rate));
    }
  }
  return loads;
}

/** Server render of the bench page's summary + 10 reviews in this process: `RENDERS` timed renders after warming up. */
interface Timings {
  wall: number[];
  cpu: number[];
}

async function measureServerRender(server: BenchServer): Promise<{ warm: Timings; page: Timings; first: number }> {
  const ssr = await loadSsr();
  const template = readFileSync(`bench/pages/${PAGE}`, "utf8");
  const origin = server.url;
  const apiBase = /data-api-base="([^"]+)"/.exec(template)?.[1] ?? "";
  const attributes = { "reviewee-id": "bench-40", "reviewee-type": "listing" };
  // One fetch for every render: the store's 30 s cache holds the data, as for a site that passes one `fetch`.
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(server.fetch(new Request(input, init)));
  const options = { origin, fetch, page: { apiBase } };
  const both = () => Promise.all([ssr.renderRatingSummary(attributes, options), ssr.renderReviewList({ ...attributes, "page-size": 10 }, options)]);
  // Wall clock, and the process's CPU time (user + system, all its threads) in the same window.
  const time = async (render: () => Promise<unknown>, into: Timings) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await render();
    into.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    into.cpu.push((used.user + used.system) / 1000);
  };
  const first: Timings = { wall: [], cpu: [] };
  await time(both, first);
  for (let i = 0; i < 20; i++) await both();
  const warm: Timings = { wall: [], cpu: [] };
  for (let i = 0; i < RENDERS; i++) await time(both, warm);
  // As `npm start` serves the demo (server/ssr-pages.ts): the whole page, a fresh store per view, data through the app in-process.
  const page: Timings = { wall: [], cpu: [] };
  for (let i = 0; i < RENDERS; i++) await time(() => serverRenderPage(ssr, template, origin, server.fetch), page);
  return { warm, page, first: first.wall[0]! };
}

const percentile = (values: readonly number[], p: number): number => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;
const median = (values: readonly number[]) => percentile(values, 50);
const timings = (t: Timings) =>
  `median ${ms(median(t.wall))}, max ${ms(Math.max(...t.wall))}; process CPU p95 ${ms(percentile(t.cpu, 95))}, median ${ms(median(t.cpu))}`;

export async function measureSsr(bench: Bench, server: BenchServer, rounds: number): Promise<Section> {
  const render = await measureServerRender(server);

  const out = mkdtempSync(join(tmpdir(), "bench-hydrate-"));
  let hydrateBytes: number;
  try {
    const code = await buildHydrateListing(out);
    hydrateBytes = gzipSize(code);
    server.addFile(HYDRATE_FILE, code);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const listingBytes = gzipSize(readFileSync("dist/review-widgets-listing.js", "utf8"));

  const at1 = await measureAt(bench, rounds, 1);
  const at4 = await measureAt(bench, rounds, 4);

  const rows: Row[] = [
    {
      section: "ssr",
      figure: `server render: summary + 10 reviews, warm (data in the store's cache), p95 of ${RENDERS}`,
      ours: ms(percentile(render.warm.wall, 95)),
      reference: `≤ ${RENDER_BUDGET_MS} ms`,
      result: `${timings(render.warm)}; the process's first ${ms(render.first)}`,
      verdict: percentile(render.warm.wall, 95) <= RENDER_BUDGET_MS ? "pass" : "over",
    },
    {
      section: "ssr",
      figure: `… the whole page as npm start serves it (fresh store per view, data through the app in-process), p95 of ${RENDERS}`,
      ours: ms(percentile(render.page.wall, 95)),
      reference: "—",
      result: timings(render.page),
      verdict: "info",
    },
  ];
  for (const [rate, loads] of [
    [1, at1],
    [4, at4],
  ] as const) {
    const client = loads.client.map((l) => l.starsMs);
    for (const variant of ["rerender", "hydrate"] as const) {
      const ratio = ratios(
        loads[variant].map((l) => l.starsMs),
        client,
      );
      rows.push({
        section: "ssr",
        figure: `first stars painted, server-rendered ÷ client-only, ${LABEL[variant]}, CPU ${rate}×`,
        ours: msText(spread(loads[variant].map((l) => l.starsMs))),
        reference: `client-only ${msText(spread(client))}; budget ≤ ${STARS_BUDGET}×`,
        result: ratioText(ratio),
        verdict: ratio.median <= STARS_BUDGET ? "pass" : "over",
      });
    }
  }
  const all = (variant: Variant) => [...at1[variant], ...at4[variant]];
  for (const variant of ["rerender", "hydrate"] as const) {
    const cls = Math.max(...all(variant).map((l) => l.cls));
    rows.push({
      section: "ssr",
      figure: `CLS, server-rendered, ${LABEL[variant]} (worst of ${all(variant).length} loads)`,
      ours: cls.toFixed(4),
      reference: `budget 0; client-only worst ${Math.max(...all("client").map((l) => l.cls)).toFixed(4)}`,
      result: "",
      verdict: cls === 0 ? "pass" : "over",
    });
  }
  for (const variant of ["rerender", "hydrate"] as const) {
    const requests = Math.max(...all(variant).map((l) => l.requests));
    rows.push({
      section: "ssr",
      figure: `API requests before interaction, server-rendered, ${LABEL[variant]} (most in one load)`,
      ours: String(requests),
      reference: `budget 0; client-only ${Math.max(...all("client").map((l) => l.requests))}`,
      result: "",
      verdict: requests === 0 ? "pass" : "over",
      hard: true,
    });
  }
  for (const variant of ["rerender", "hydrate"] as const) {
    const ratio = ratios(
      at1[variant].map((l) => l.taskMs),
      at1.client.map((l) => l.taskMs),
    );
    rows.push({
      section: "ssr",
      figure: `main-thread CPU, server-rendered ÷ client-only, ${LABEL[variant]} (TaskDuration, CPU 1×)`,
      ours: msText(spread(at1[variant].map((l) => l.taskMs))),
      reference: `client-only ${msText(spread(at1.client.map((l) => l.taskMs)))}; budget ≤ 1×`,
      result: ratioText(ratio),
      verdict: ratio.median <= 1 ? "pass" : "over",
    });
  }
  rows.push({
    section: "ssr",
    figure: "hydration support: the listing file with it (bench-only build, gzip -9)",
    ours: kb(hydrateBytes),
    reference: `${HYDRATE_FILE.replace("-hydrate", "")} ${kb(listingBytes)}`,
    result: `+${hydrateBytes - listingBytes} B`,
    verdict: "info",
  });
  const each = (key: "fcpMs" | "htmlMs") => (rate: 1 | 4, loads: Record<Variant, Load[]>) =>
    `CPU ${rate}×: ${VARIANTS.map((v) => `${v === "client" ? "client-only" : LABEL[v]} ${msText(spread(loads[v].map((l) => l[key])))}`).join(", ")}`;
  const fcp = each("fcpMs");
  const html = each("htmlMs");
  const hydrateVsRerender = ratios(
    at1.hydrate.map((l) => l.taskMs),
    at1.rerender.map((l) => l.taskMs),
  );
  const notes = [
    `Server rendering, first contentful paint (the page's heading, the same HTML before the widgets) — ${fcp(1, at1)}; ${fcp(4, at4)}.`,
    `Server rendering, the HTML's responseEnd (server-rendered pages: rendered per request by the bench server, a fresh store per view as npm start does) — ${html(1, at1)}; ${html(4, at4)}.`,
    `Server rendering, main-thread CPU of hydration ÷ plain re-render (same HTML, CPU 1×): ${ratioText(hydrateVsRerender)}; ${x(hydrateVsRerender.median)} is what adopting the server's DOM costs against replacing it.`,
    `Server rendering, the hydration file is a bench-only build with two fixes to src/internal/base-element.ts (bench/build-hydrate.ts); without them hydration fails in every load.`,
  ];
  return { rows, notes };
}
