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
 * Each load is fresh (navigated from a same-origin page: one renderer), variants
 * rotated within a round, under each of CONDITIONS: loopback at 1× and 4× CPU
 * (CDP `Emulation.setCPUThrottlingRate`; the HTTP cache warm, as before), a first
 * visit on an emulated network (CDP `Network.emulateNetworkConditions` for the
 * browser only, cache disabled, responses gzipped; the server's own data fetch
 * stays in-process), and a page of 100 reviews. A load ends when both elements
 * have fired `review-load` and no server wrapper (`.root.later`) is left, or on
 * a page error; plus two frames. Then it is checked (a hard row): no page or
 * console error, the summary shows one row of stars and an average, the list
 * exactly its reviews, a server-rendered page had them in its HTML, and
 * hydration kept the server's nodes (the stars and first card seen when parsing
 * ended, before the deferred script ran) instead of replacing them.
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
import { kb, ms, msText, ratios, ratioText, spread } from "./stats.ts";

const PAGE = "ssr-listing.html";
const STARS_BUDGET = 0.5;
const RENDER_BUDGET_MS = 10;
const RENDERS = 250;

type Variant = "client" | "rerender" | "hydrate";
const VARIANTS: readonly Variant[] = ["client", "rerender", "hydrate"];
const path = (variant: Variant, page: string) =>
  variant === "client" ? `/bench/pages/${page}` : `/bench/ssr/${page}${variant === "hydrate" ? `?script=${HYDRATE_FILE}` : ""}`;
const LABEL: Record<Exclude<Variant, "client">, string> = { rerender: "plain re-render", hydrate: "hydration" };

/** CDP `Network.emulateNetworkConditions` for the browser only: `latency` is the round trip each request waits before its response starts. */
interface Network {
  name: string;
  latency: number;
  downKbps: number;
  upKbps: number;
}
export const FAST_4G: Network = { name: "first visit on fast 4G (RTT 80 ms, 9 / 1.5 Mbps)", latency: 80, downKbps: 9000, upKbps: 1500 };
const SLOW_4G: Network = { name: "first visit on slow 4G (RTT 150 ms, 1.6 / 0.75 Mbps)", latency: 150, downKbps: 1600, upKbps: 750 };

interface Condition {
  label: string;
  rate: number;
  network?: Network;
  page: string;
  /** Review cards the list shows once loaded. */
  cards: number;
  /** The first-stars budget is judged on this condition's rows (the others are shown for context). */
  judged?: boolean;
}
const CONDITIONS: readonly Condition[] = [
  { label: "loopback, CPU 1×", rate: 1, page: PAGE, cards: 10 },
  { label: "loopback, CPU 4×", rate: 4, page: PAGE, cards: 10 },
  { label: `${FAST_4G.name}, CPU 1×`, rate: 1, network: FAST_4G, page: PAGE, cards: 10, judged: true },
  { label: `${FAST_4G.name}, CPU 4×`, rate: 4, network: FAST_4G, page: PAGE, cards: 10, judged: true },
  { label: `${SLOW_4G.name}, CPU 4×`, rate: 4, network: SLOW_4G, page: PAGE, cards: 10 },
  { label: "100 reviews, loopback, CPU 1×", rate: 1, page: "ssr-listing-100.html", cards: 100 },
];

/** Init script: `window.__ssr` (first stars painted, `review-load`s, CLS, errors, the server's nodes when parsing ended). */
export const PROBE = `
window.__ssr = { stars: null, loads: 0, cls: 0, errors: [], served: null };
addEventListener("review-load", () => window.__ssr.loads++);
addEventListener("error", (event) => window.__ssr.errors.push(String(event.message)));
addEventListener("unhandledrejection", (event) => window.__ssr.errors.push(String(event.reason)));
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__ssr.cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
// Parsed, deferred scripts not yet run: the server's stars and first card as they came (none on the client-only page).
document.addEventListener("readystatechange", () => {
  const part = (tag, name) => document.querySelector(tag)?.shadowRoot?.querySelector('[part~="' + name + '"]') ?? null;
  if (document.readyState === "interactive") window.__ssr.served = [part("rating-summary", "stars"), part("review-list", "review")];
});
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
  /** Why this load's takeover is broken (a page or console error, an empty summary or list, hydration that replaced the server's DOM); null when sound. */
  failure: string | null;
}

interface Probe {
  stars: number | null;
  loads: number;
  cls: number;
  errors: string[];
  served: [Element | null, Element | null] | null;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

async function load(bench: Bench, variant: Variant, condition: Condition): Promise<Load> {
  const page = await bench.page({ initScripts: [PROBE] });
  const errors: string[] = [];
  page.on("console", (message) => {
    // The start page's /favicon.ico (a 404) is not the measured page's.
    if (["error", "warning"].includes(message.type()) && !message.location().url.endsWith("/favicon.ico")) errors.push(`console: ${message.text()}`);
  });
  let requests = 0;
  page.on("request", (request) => void (new URL(request.url()).pathname.startsWith("/bench-api/") && requests++));
  try {
    await page.goto(`${bench.base}/bench/pages/bench.css`);
    const cdp = await bench.cdp(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: condition.rate });
    const network = condition.network;
    if (network) {
      // Compressed, as a production server sends it (bench/server.ts); the server's own data fetch stays in-process, as
      // a page's server sits next to its API.
      await page.setExtraHTTPHeaders({ "x-bench-gzip": "1" });
      await cdp.send("Network.enable");
      // A first visit: nothing from earlier loads in the HTTP cache.
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: network.latency,
        downloadThroughput: (network.downKbps * 1000) / 8,
        uploadThroughput: (network.upKbps * 1000) / 8,
      });
    }
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const before = await metrics(cdp);
    await page.goto(`${bench.base}${path(variant, condition.page)}`, { waitUntil: "load", timeout: 60_000 });
    const finished = await page
      .waitForFunction(
        () => {
          const state = (window as unknown as { __ssr: Probe }).__ssr;
          const hosts = [...document.querySelectorAll("rating-summary, review-list")];
          const live = state.loads >= 2 && state.stars !== null && hosts.every((host) => host.shadowRoot && !host.shadowRoot.querySelector(".root.later"));
          return live || state.errors.length > 0;
        },
        undefined,
        { timeout: 60_000, polling: 50 },
      )
      .then(
        () => true,
        () => false,
      );
    await twoFrames(page);
    const after = await metrics(cdp);
    await cdp.detach();
    const probe = await page.evaluate(() => {
      const state = (window as unknown as { __ssr: Probe }).__ssr;
      const summary = document.querySelector("rating-summary")?.shadowRoot;
      const list = document.querySelector("review-list")?.shadowRoot;
      const stars = summary?.querySelectorAll('[part~="stars"]') ?? [];
      const cards = list?.querySelectorAll('[part~="review"]') ?? [];
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return {
        stars: state.stars,
        cls: state.cls,
        errors: state.errors,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        html: navigation?.responseEnd ?? Number.NaN,
        summaryStars: stars.length,
        average: summary?.querySelector('[part~="average"]')?.textContent?.trim() ?? "",
        cards: cards.length,
        served: state.served !== null && state.served[0] !== null && state.served[1] !== null,
        // Hydration adopts the server's nodes; a re-render replaces them.
        kept: state.served !== null && state.served[0] === stars[0] && state.served[1] === cards[0] && stars[0]?.isConnected === true,
      };
    });
    const problems = [...probe.errors, ...errors];
    if (!finished) problems.push("not live within 60 s");
    if (probe.summaryStars !== 1 || !/\d/.test(probe.average)) problems.push(`summary shows ${probe.summaryStars} star rows and average "${probe.average}"`);
    if (probe.cards !== condition.cards) problems.push(`list shows ${probe.cards} of ${condition.cards} reviews`);
    if (variant !== "client" && !probe.served) problems.push("no server-rendered stars and review in the HTML");
    if (variant === "hydrate" && !probe.kept) problems.push("the server's DOM was replaced, not hydrated");
    return {
      starsMs: probe.stars ?? Number.NaN,
      fcpMs: probe.fcp,
      htmlMs: probe.html,
      cls: probe.cls,
      requests,
      taskMs: ((after["TaskDuration"] ?? 0) - (before["TaskDuration"] ?? 0)) * 1000,
      failure: problems.length ? `${path(variant, condition.page)} (${condition.label}): ${problems.join("; ")}` : null,
    };
  } finally {
    await page.close();
  }
}

type Loads = Record<Variant, Load[]>;

/** `rounds` rounds of the three variants under one condition (after one uncounted warm-up of each), order rotated per round. */
async function measureUnder(bench: Bench, rounds: number, condition: Condition): Promise<Loads> {
  for (const variant of VARIANTS) await load(bench, variant, condition);
  const loads: Loads = { client: [], rerender: [], hydrate: [] };
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < VARIANTS.length; i++) {
      const variant = VARIANTS[(round + i) % VARIANTS.length]!;
      loads[variant].push(await load(bench, variant, condition));
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

  const measured: { condition: Condition; loads: Loads }[] = [];
  for (const condition of CONDITIONS) measured.push({ condition, loads: await measureUnder(bench, rounds, condition) });

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
  const values = (loads: readonly Load[], key: "starsMs" | "taskMs") => loads.map((l) => l[key]);
  for (const { condition, loads } of measured) {
    const client = values(loads.client, "starsMs");
    for (const variant of ["rerender", "hydrate"] as const) {
      const ratio = ratios(values(loads[variant], "starsMs"), client);
      rows.push({
        section: "ssr",
        figure: `first stars painted, server-rendered ÷ client-only, ${LABEL[variant]}, ${condition.label}${condition.judged ? " (budget judged here)" : ""}`,
        ours: msText(spread(values(loads[variant], "starsMs"))),
        reference: `client-only ${msText(spread(client))}; budget ≤ ${STARS_BUDGET}×`,
        result: ratioText(ratio),
        verdict: !condition.judged ? "info" : ratio.median <= STARS_BUDGET ? "pass" : "over",
      });
    }
  }
  const all = (variant: Variant) => measured.flatMap(({ loads }) => loads[variant]);
  const worstCls = (loads: readonly Load[]) => Math.max(...loads.map((l) => l.cls)).toFixed(4);
  for (const variant of ["rerender", "hydrate"] as const) {
    const cls = Math.max(...all(variant).map((l) => l.cls));
    rows.push({
      section: "ssr",
      figure: `CLS, server-rendered, ${LABEL[variant]} (worst of ${all(variant).length} loads, every condition)`,
      ours: cls.toFixed(4),
      reference: `budget 0; client-only worst ${worstCls(all("client"))}`,
      result: "",
      verdict: cls === 0 ? "pass" : "over",
    });
  }
  for (const variant of ["rerender", "hydrate"] as const) {
    const requests = Math.max(...all(variant).map((l) => l.requests));
    rows.push({
      section: "ssr",
      figure: `API requests before interaction, server-rendered, ${LABEL[variant]} (most in one load, every condition)`,
      ours: String(requests),
      reference: `budget 0; client-only ${Math.max(...all("client").map((l) => l.requests))}`,
      result: "",
      verdict: requests === 0 ? "pass" : "over",
      hard: true,
    });
  }
  for (const variant of VARIANTS) {
    const failed = all(variant).filter((l) => l.failure !== null);
    rows.push({
      section: "ssr",
      figure: `broken loads, ${variant === "client" ? "client-only" : `server-rendered, ${LABEL[variant]}`} (a page or console error, an empty summary or list${variant === "hydrate" ? ", the server's DOM replaced instead of hydrated" : ""})`,
      ours: String(failed.length),
      reference: `budget 0 of ${all(variant).length}`,
      result: failed[0]?.failure ?? "",
      verdict: failed.length === 0 ? "pass" : "over",
      hard: true,
    });
  }
  for (const { condition, loads } of measured.filter(({ condition }) => condition.rate === 1)) {
    for (const variant of ["rerender", "hydrate"] as const) {
      const ratio = ratios(values(loads[variant], "taskMs"), values(loads.client, "taskMs"));
      rows.push({
        section: "ssr",
        figure: `main-thread CPU, server-rendered ÷ client-only, ${LABEL[variant]}, ${condition.label} (TaskDuration)`,
        ours: msText(spread(values(loads[variant], "taskMs"))),
        reference: `client-only ${msText(spread(values(loads.client, "taskMs")))}; budget ≤ 1×`,
        result: ratioText(ratio),
        verdict: ratio.median <= 1 ? "pass" : "over",
      });
    }
    const hydrateVsRerender = ratios(values(loads.hydrate, "taskMs"), values(loads.rerender, "taskMs"));
    rows.push({
      section: "ssr",
      figure: `… hydration ÷ plain re-render, ${condition.label} (same HTML)`,
      ours: msText(spread(values(loads.hydrate, "taskMs"))),
      reference: `plain re-render ${msText(spread(values(loads.rerender, "taskMs")))}`,
      result: ratioText(hydrateVsRerender),
      verdict: "info",
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
  const each = (key: "fcpMs" | "htmlMs") =>
    measured
      .map(
        ({ condition, loads }) =>
          `${condition.label}: ${VARIANTS.map((v) => `${v === "client" ? "client-only" : LABEL[v]} ${msText(spread(loads[v].map((l) => l[key])))}`).join(", ")}`,
      )
      .join("; ");
  const notes = [
    `Server rendering, first contentful paint (the page's heading, the same HTML before the widgets) — ${each("fcpMs")}.`,
    `Server rendering, the HTML's responseEnd (server-rendered pages: rendered per request by the bench server, a fresh store per view as npm start does) — ${each("htmlMs")}.`,
    `Server rendering, CLS worst per condition (client-only / plain re-render / hydration) — ${measured.map(({ condition, loads }) => `${condition.label}: ${VARIANTS.map((v) => worstCls(loads[v])).join(" / ")}`).join("; ")}.`,
  ];
  return { rows, notes };
}
