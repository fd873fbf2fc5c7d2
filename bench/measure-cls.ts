/**
 * Cumulative layout shift of the demo listing page ("/") while every
 * /reviewsystem-api and /auth-api response is delayed by 1 s: the sum of
 * layout-shift entries without recent input (buffered observer added before
 * any page script), read once no widget shows a skeleton any more. The budget
 * is held at 1280×900; a phone viewport and a viewport tall enough to hold the
 * whole page (shifts below the fold count there too) are shown for context.
 */
import { settled, type Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import type { BenchServer } from "./server.ts";
import { median, sleep } from "./stats.ts";

const CLS_BUDGET = 0.01;
const API_DELAY_MS = 1000;

interface Shift {
  value: number;
  time: number;
  sources: { node: string; from: string; to: string }[];
}

interface ClsResult {
  value: number;
  entries: Shift[];
}

const OBSERVER = `
window.__cls = { value: 0, entries: [] };
(() => {
  const describeElement = (el) => {
    let text = el.localName;
    if (el.id) text += "#" + el.id;
    const part = el.getAttribute("part");
    if (part) text += '[part="' + part + '"]';
    else if (el.classList.length) text += "." + [...el.classList].slice(0, 2).join(".");
    if (el.hasAttribute("show-distribution")) text += "[show-distribution]";
    return text;
  };
  const describe = (node) => {
    if (!node) return "(node no longer in the page)";
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (!el) return "(text)";
    let host = el.getRootNode();
    const hosts = [];
    while (host instanceof ShadowRoot) { hosts.unshift(describeElement(host.host)); host = host.host.getRootNode(); }
    return (hosts.length ? hosts.join(" » ") + " » " : "") + (node.nodeType === Node.TEXT_NODE ? "(text in) " : "") + describeElement(el) +
      (el.parentElement ? " in " + describeElement(el.parentElement) : "");
  };
  const rect = (r) => r ? Math.round(r.x) + "," + Math.round(r.y) + " " + Math.round(r.width) + "×" + Math.round(r.height) : "-";
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls.value += entry.value;
      window.__cls.entries.push({
        value: entry.value,
        time: Math.round(entry.startTime),
        sources: (entry.sources || []).map((s) => ({ node: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
})();
`;

async function clsOf(bench: Bench, width: number, height: number): Promise<ClsResult> {
  const page = await bench.page({ width, height, initScripts: [OBSERVER] });
  await page.goto(`${bench.base}/`);
  await settled(page);
  await sleep(500);
  const result = await page.evaluate<ClsResult>("window.__cls");
  await page.close();
  return result;
}

function describeShifts(label: string, result: ClsResult): string {
  if (result.entries.length === 0) return `${label}: no layout shift.`;
  const lines = result.entries.map(
    (entry) =>
      `  - at ${entry.time} ms, score ${entry.value.toFixed(4)}: ` +
      (entry.sources.map((s) => `${s.node} moved ${s.from} → ${s.to}`).join("; ") || "(no sources reported)"),
  );
  return `${label}: CLS ${result.value.toFixed(4)} from ${result.entries.length} shift(s):\n${lines.join("\n")}`;
}

export async function measureCls(bench: Bench, server: BenchServer, runs = 3): Promise<Section> {
  server.setApiDelay(API_DELAY_MS);
  try {
    const desktop: ClsResult[] = [];
    for (let i = 0; i < runs; i++) desktop.push(await clsOf(bench, 1280, 900));
    const phone = await clsOf(bench, 390, 844);
    const tall = await clsOf(bench, 1280, 4000);

    const values = desktop.map((r) => r.value);
    const value = median(values);
    const worst = desktop.reduce((a, b) => (b.value > a.value ? b : a));
    const rows: Row[] = [
      {
        section: "cls",
        figure: `CLS, demo listing page, API +1 s (1280×900, ${runs} loads)`,
        ours: value.toFixed(4),
        reference: `≤ ${CLS_BUDGET}`,
        result: `runs ${values.map((v) => v.toFixed(4)).join(", ")}`,
        verdict: Math.max(...values) <= CLS_BUDGET ? "pass" : "over",
      },
      {
        section: "cls",
        figure: "… phone viewport 390×844 (1 load)",
        ours: phone.value.toFixed(4),
        reference: `≤ ${CLS_BUDGET}`,
        result: "",
        verdict: phone.value <= CLS_BUDGET ? "pass" : "over",
      },
      { section: "cls", figure: "… whole page in view (1280×4000, 1 load)", ours: tall.value.toFixed(4), reference: "—", result: "", verdict: "info" },
    ];
    const notes = [
      describeShifts("Layout shifts at 1280×900 (worst run)", worst),
      describeShifts("Layout shifts at 390×844", phone),
      describeShifts("Layout shifts at 1280×4000", tall),
    ];
    return { rows, notes };
  } finally {
    server.setApiDelay(0);
  }
}
