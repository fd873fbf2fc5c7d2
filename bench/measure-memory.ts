/**
 * Memory after mounting and removing 1,000 elements (bench/pages/memory.js):
 * JS heap in use (CDP Performance.getMetrics JSHeapUsedSize, after
 * HeapProfiler.collectGarbage twice) before mounting and after removing, plus
 * Chromium's DOM counters (nodes, JS event listeners). Two cycles per element,
 * each with reviewees not seen before: growth after the first includes one-time
 * costs (Lit's template caches, translators, stylesheets); growth from the first
 * to the second is what every further cycle adds — leaked elements, listeners,
 * or answers the store keeps for reviewees no element shows any more.
 */
import type { CDPSession } from "playwright-core";
import type { Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import { mb } from "./stats.ts";

const COUNT = 1000;
const BOUND_BYTES = 1024 * 1024;

interface Snapshot {
  heap: number;
  nodes: number;
  listeners: number;
}

async function snapshot(cdp: CDPSession): Promise<Snapshot> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
  const counters = await cdp.send("Memory.getDOMCounters");
  return { heap, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
const signedMb = (bytes: number) => (bytes >= 0 ? `+${mb(bytes)}` : `−${mb(-bytes)}`);

export async function measureMemory(bench: Bench): Promise<Section> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const scenarios = [
    { tag: "rating-summary", reviewsEach: 0, label: `${COUNT.toLocaleString("en")} <rating-summary> (1,000 reviewees)` },
    { tag: "review-list", reviewsEach: 3, label: `${COUNT.toLocaleString("en")} <review-list> (3 reviews each)` },
  ];
  for (const scenario of scenarios) {
    const page = await bench.page();
    await page.goto(`${bench.base}/bench/pages/memory.html`);
    const cdp = await bench.cdp(page);
    await cdp.send("Performance.enable");
    const before = await snapshot(cdp);
    const cycles: Snapshot[] = [];
    for (let i = 0; i < 2; i++) {
      const result = await page.evaluate<{ loaded: number; failed: number; rendered: number }>(
        `window.bench.cycle(${JSON.stringify(scenario.tag)}, ${COUNT}, ${scenario.reviewsEach}, ${i})`,
      );
      if (result.loaded !== COUNT || result.rendered !== COUNT) {
        throw new Error(`memory ${scenario.tag}: ${result.loaded} loaded, ${result.failed} failed, ${result.rendered} rendered of ${COUNT}`);
      }
      cycles.push(await snapshot(cdp));
    }
    await cdp.detach();
    await page.close();
    const [first, second] = cycles as [Snapshot, Snapshot];
    const growth = first.heap - before.heap;
    const perCycle = second.heap - first.heap;
    rows.push({
      section: "memory",
      figure: `heap growth after mounting + removing ${scenario.label}`,
      ours: signedMb(growth),
      reference: `< ${mb(BOUND_BYTES)} (before ${mb(before.heap)})`,
      result: `2nd cycle ${signedMb(perCycle)}; DOM nodes ${signed(second.nodes - before.nodes)}, listeners ${signed(second.listeners - before.listeners)}`,
      verdict: growth < BOUND_BYTES && perCycle < BOUND_BYTES ? "pass" : "over",
    });
  }
  return { rows, notes };
}
