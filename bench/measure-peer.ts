/**
 * Peer comparison: 500 read-only 3.5-star ratings, our <star-rating> versus
 * Shoelace's <sl-rating> (bench/pages/peer.js), each side alone on a fresh
 * page with its esbuild bundle (built in measure-size.ts). Interleaved rounds,
 * order flipped every round; median of per-round ratios ours/Shoelace, for the
 * wall-clock time and for main-thread CPU (thread ticks) in the same window.
 */
import type { CDPSession } from "playwright-core";
import type { Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import { msText, ratios, ratioText, spread } from "./stats.ts";

const COUNT = 500;

interface Sample {
  ms: number;
  cpu: number;
}

export async function measurePeer(bench: Bench, rounds: number): Promise<Section> {
  const page = await bench.page();
  const cdp: CDPSession = await bench.cdp(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const taskMs = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
  const sample = async (side: "star-rating" | "sl-rating"): Promise<Sample> => {
    await page.goto(`${bench.base}/bench/pages/peer.html?side=${side}`);
    await page.evaluate("window.bench.load()");
    const before = await taskMs();
    const { ms, stars } = await page.evaluate<{ ms: number; stars: number }>(`window.bench.render(${COUNT})`);
    const cpu = (await taskMs()) - before;
    if (stars < COUNT * 5) throw new Error(`peer ${side}: only ${stars} stars rendered for ${COUNT} ratings`);
    return { ms, cpu };
  };
  await sample("star-rating");
  await sample("sl-rating");
  const ours: Sample[] = [];
  const shoelace: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      ours.push(await sample("star-rating"));
      shoelace.push(await sample("sl-rating"));
    } else {
      shoelace.push(await sample("sl-rating"));
      ours.push(await sample("star-rating"));
    }
  }
  await cdp.detach();
  await page.close();
  const wall = (list: Sample[]) => list.map((s) => s.ms);
  const cpu = (list: Sample[]) => list.map((s) => s.cpu);
  const rows: Row[] = [
    {
      section: "peer",
      figure: `render ${COUNT} read-only ratings (insert → rendered + frame)`,
      ours: msText(spread(wall(ours))),
      reference: `sl-rating ${msText(spread(wall(shoelace)))}`,
      result: ratioText(ratios(wall(ours), wall(shoelace))),
      verdict: "info",
    },
    {
      section: "peer",
      figure: "… main-thread CPU in that window (thread ticks)",
      ours: msText(spread(cpu(ours))),
      reference: `sl-rating ${msText(spread(cpu(shoelace)))}`,
      result: ratioText(ratios(cpu(ours), cpu(shoelace))),
      verdict: "info",
    },
  ];
  return { rows, notes: [] };
}
