/**
 * Main-thread CPU of the embed on a listing page (summary + list, 10 reviews
 * shown), as a ratio to a hand-written page that fetches the same data and
 * builds the same DOM with plain DOM APIs (DESIGN.md §7: ≤ 1.2×):
 *
 * - ours: bench/pages/main-embed.html, dist/review-widgets-ratings.js (the file
 *   the README names for that page), deferred, against /bench-api;
 * - baseline: bench/pages/main-hand.html + main-hand.js, the same two requests
 *   (aggregate + reviews, identical URLs and bytes), the same checks and
 *   formatting (Intl, English), average, stars, count, sort/filter controls,
 *   10 cards (stars, author, relative + exact date, text), the footer.
 *
 * Chromium's own counters (CDP Performance.getMetrics: TaskDuration = all
 * main-thread task time), in thread CPU time (`timeDomain: "threadTicks"`), so
 * time the OS gives to other processes on this shared machine does not count.
 * Each load is fresh (navigated from a same-origin page, so one renderer
 * process), counted until the widgets have settled / the hand-written DOM is
 * built, plus two animation frames (their style, layout and paint). The pages
 * alternate within a round, the order flips every round; the figure is the
 * median of the per-round ratios with their min–max. A verdict, never a failure.
 *
 * The page's first `Intl` formatter (ICU set-up) is reported on its own line:
 * timed inside the hand-written page (both pages pay it once).
 */
import type { CDPSession, Page } from "playwright-core";
import { settled, type Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import { ms, msText, ratios, ratioText, spread, type Spread } from "./stats.ts";

export const MAIN_THREAD_BUDGET = 1.2;
const EMBED = "/bench/pages/main-embed.html";
const HAND = "/bench/pages/main-hand.html";

const LONG_TASKS = `
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
}).observe({ type: "longtask", buffered: true });
`;

interface Load {
  taskMs: number;
  scriptMs: number;
  styleLayoutMs: number;
  longTasks: number[];
  intlFirstMs?: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

async function load(bench: Bench, path: string): Promise<Load> {
  const page: Page = await bench.page({ initScripts: [LONG_TASKS] });
  try {
    // Start on the same origin, so the measured navigation stays in one renderer process.
    await page.goto(`${bench.base}/bench/pages/bench.css`);
    const cdp = await bench.cdp(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const before = await metrics(cdp);
    await page.goto(`${bench.base}${path}`, { waitUntil: "load" });
    let intlFirstMs: number | undefined;
    if (path === HAND) {
      const shown = await page.evaluate<number>("window.__hand");
      if (shown !== 10) throw new Error(`${HAND} built ${shown} review cards, not 10`);
      intlFirstMs = await page.evaluate<number>("window.__intlFirstMs");
    } else {
      await settled(page);
      const shown = await page.evaluate(() => document.querySelector("review-list")?.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0);
      if (shown !== 10) throw new Error(`${path} shows ${shown} review cards, not 10`);
    }
    await twoFrames(page);
    const after = await metrics(cdp);
    const longTasks = await page.evaluate<number[]>("window.__longTasks");
    await cdp.detach();
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      taskMs: delta("TaskDuration"),
      scriptMs: delta("ScriptDuration"),
      styleLayoutMs: delta("RecalcStyleDuration") + delta("LayoutDuration"),
      longTasks,
      ...(intlFirstMs === undefined ? {} : { intlFirstMs }),
    };
  } finally {
    await page.close();
  }
}

export interface MainThreadResult extends Section {
  ratio: Spread;
}

/** Runs `rounds` interleaved rounds of the embed page and the hand-written page (after one uncounted warm-up of each). */
export async function measureMainThread(bench: Bench, rounds: number, embedPath = EMBED): Promise<MainThreadResult> {
  await load(bench, embedPath); // warm-up: Chromium's code cache, server-side fixtures
  await load(bench, HAND);
  const embed: Load[] = [];
  const hand: Load[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      embed.push(await load(bench, embedPath));
      hand.push(await load(bench, HAND));
    } else {
      hand.push(await load(bench, HAND));
      embed.push(await load(bench, embedPath));
    }
  }
  const pick = (loads: Load[], key: "taskMs" | "scriptMs" | "styleLayoutMs") => loads.map((l) => l[key]);
  const ratio = ratios(pick(embed, "taskMs"), pick(hand, "taskMs"));
  const intl = spread(hand.map((l) => l.intlFirstMs ?? Number.NaN));
  const longest = (loads: Load[]) => Math.max(0, ...loads.flatMap((l) => l.longTasks));
  const longCount = (loads: Load[]) => spread(loads.map((l) => l.longTasks.length)).median;
  const rows: Row[] = [
    {
      section: "main thread",
      figure: "listing page main-thread CPU, embed ÷ hand-written page (TaskDuration)",
      ours: msText(spread(pick(embed, "taskMs"))),
      reference: `hand-written ${msText(spread(pick(hand, "taskMs")))}; budget ≤ ${MAIN_THREAD_BUDGET}×`,
      result: ratioText(ratio),
      verdict: ratio.median <= MAIN_THREAD_BUDGET ? "pass" : "over",
    },
    {
      section: "main thread",
      figure: "… of which script (ScriptDuration)",
      ours: msText(spread(pick(embed, "scriptMs"))),
      reference: `hand-written ${msText(spread(pick(hand, "scriptMs")))}`,
      result: ratioText(ratios(pick(embed, "scriptMs"), pick(hand, "scriptMs"))),
      verdict: "info",
    },
    {
      section: "main thread",
      figure: "… of which style + layout (RecalcStyle + LayoutDuration)",
      ours: msText(spread(pick(embed, "styleLayoutMs"))),
      reference: `hand-written ${msText(spread(pick(hand, "styleLayoutMs")))}`,
      result: ratioText(ratios(pick(embed, "styleLayoutMs"), pick(hand, "styleLayoutMs"))),
      verdict: "info",
    },
    {
      section: "main thread",
      figure: "the page's first Intl formatter (ICU set-up; both pages pay it once, in the figures above)",
      ours: msText(intl),
      reference: "timed in the hand-written page: new Intl.NumberFormat + format",
      result: "",
      verdict: "info",
    },
    {
      section: "main thread",
      figure: "… long tasks ≥ 50 ms (wall clock) per load (median count; longest)",
      ours: `${longCount(embed)}; ${ms(longest(embed))}`,
      reference: `hand-written ${longCount(hand)}; ${ms(longest(hand))}`,
      result: "",
      verdict: "info",
    },
  ];
  return { rows, notes: [], ratio };
}
