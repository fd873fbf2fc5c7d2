/**
 * Render time of 100 and 1,000 reviews: <review-list page-size="1000"> from
 * dist/review-widgets-ratings.js (the file the README names for a listing page
 * that shows reviews) versus a hand-written createElement/textContent baseline
 * (bench/pages/render.js).
 * Both fetch the same /bench-api pages (identical bytes) and are timed from
 * insertion / first fetch to their DOM being built plus the next animation
 * frame and a forced layout. Each sample is a fresh page load ("cold": what a
 * visitor's first list costs); a "warm" case renders a second list on the same
 * page, showing the per-review cost without one-time set-up. Ours and baseline
 * alternate within a round and the order flips every round; the figure is the
 * median of per-round ratios, with their min–max.
 */
import type { CDPSession } from "playwright-core";
import type { Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import { median, ms, msText, ratios, ratioText, spread, type Spread } from "./stats.ts";

interface Sample {
  ms: number;
  /** Main-thread CPU during the sample (CDP Performance metrics in thread ticks): all tasks, style, layout. */
  cpu: { task: number; style: number; layout: number };
  /** Until the data is in: ours until review-load, the baseline until its JSON is parsed, filtered and sorted. */
  loadMs: number;
  count: number;
  rendered: number;
}

interface Case {
  n: number;
  warm: boolean;
  budget?: number;
}

const CASES: readonly Case[] = [
  { n: 100, warm: false, budget: 1.3 },
  { n: 1000, warm: false },
  { n: 100, warm: true },
];

export interface RenderResult extends Section {
  /** Render 100 reviews (cold): per-round ratios of wall-clock time and of main-thread CPU. */
  render100: { wall: Spread; cpu: Spread };
}

export async function measureRender(bench: Bench, rounds: number): Promise<RenderResult> {
  const page = await bench.page();
  const cdp: CDPSession = await bench.cdp(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value * 1000]));
  const sample = async (side: "ours" | "baseline", c: Case): Promise<Sample> => {
    await page.goto(`${bench.base}/bench/pages/render.html`, { waitUntil: "load" });
    if (c.warm) await page.evaluate(`window.bench.warmUp("${side}", ${c.n})`);
    const before = await metrics();
    const result = await page.evaluate<Omit<Sample, "cpu">>(`window.bench.${side}(${c.n}${c.warm ? `, "bench-0${c.n}"` : ""})`);
    const after = await metrics();
    if (result.count !== c.n || result.rendered !== c.n) throw new Error(`render ${side}(${c.n}): loaded ${result.count}, rendered ${result.rendered}`);
    const d = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    return { ...result, cpu: { task: d("TaskDuration"), style: d("RecalcStyleDuration"), layout: d("LayoutDuration") } };
  };
  const key = (side: string, c: Case) => `${side} ${c.n} ${c.warm}`;

  // One warm-up round (server-side fixture pages, Chromium's code caches), not counted.
  for (const c of CASES) for (const side of ["ours", "baseline"] as const) await sample(side, c);

  const samples = new Map<string, Sample[]>();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["ours", "baseline"] as const) : (["baseline", "ours"] as const);
    for (const c of CASES) for (const side of order) samples.set(key(side, c), [...(samples.get(key(side, c)) ?? []), await sample(side, c)]);
  }
  await cdp.detach();
  await page.close();

  const rows: Row[] = [];
  const notes: string[] = [];
  let render100: RenderResult["render100"] | undefined;
  for (const c of CASES) {
    const ours = samples.get(key("ours", c))!;
    const baseline = samples.get(key("baseline", c))!;
    const ratio = ratios(
      ours.map((s) => s.ms),
      baseline.map((s) => s.ms),
    );
    const label = `render ${c.n.toLocaleString("en")} reviews${c.warm ? ", warm (2nd list on the page)" : " (insert → review-load + frame)"}`;
    rows.push({
      section: "render",
      figure: label,
      ours: msText(spread(ours.map((s) => s.ms))),
      reference: `DOM baseline ${msText(spread(baseline.map((s) => s.ms)))}${c.budget ? `; budget ≤ ${c.budget}×` : ""}`,
      result: ratioText(ratio),
      verdict: c.budget ? (ratio.median <= c.budget ? "pass" : "over") : "info",
    });
    const cpu = (list: Sample[]) => list.map((s) => s.cpu.task);
    if (c.n === 100 && !c.warm) render100 = { wall: ratio, cpu: ratios(cpu(ours), cpu(baseline)) };
    rows.push({
      section: "render",
      figure: "… main-thread CPU in that window (thread ticks)",
      ours: msText(spread(cpu(ours))),
      reference: `DOM baseline ${msText(spread(cpu(baseline)))}`,
      result: ratioText(ratios(cpu(ours), cpu(baseline))),
      verdict: "info",
    });
    const split = (list: Sample[]) => {
      const m = (pick: (s: Sample) => number) => ms(median(list.map(pick)));
      return (
        `${m((s) => s.loadMs)} until the data is in + ${m((s) => s.ms - s.loadMs)} to DOM, frame and layout; ` +
        `main-thread CPU ${m((s) => s.cpu.task)} (of which style ${m((s) => s.cpu.style)}, layout ${m((s) => s.cpu.layout)})`
      );
    };
    notes.push(`Render ${c.n}${c.warm ? " warm" : ""}, medians — ours: ${split(ours)}. Baseline: ${split(baseline)}.`);
  }
  if (render100 === undefined) throw new Error("render: no cold 100-review case");
  return { rows, notes, render100 };
}
