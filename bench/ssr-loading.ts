/**
 * Issue 17, not in `npm run bench`: does the way the server-rendered page loads
 * its script file move its first paint? The bench's server-rendered listing page
 * (bench/pages/ssr-listing.html through dist/ssr/index.js, rendered once and
 * served as a file), with its script tag as README recommends (`defer` in the
 * head), without any script, at the end of body without `defer` (blocking),
 * `async`, `defer` followed by an empty inline script (so the parser waits for
 * the page's stylesheet before the body), and added by an inline script one
 * frame after the first paint;
 * against the client-only page, interleaved rounds, each load a first visit on
 * emulated fast 4G (measure-ssr.ts's conditions and probe) at --rate × CPU.
 *
 *   node --import tsx scripts/build.ts --quiet
 *   node --import tsx bench/ssr-loading.ts [--rounds 16] [--rate 4]
 *
 * Per variant: first stars painted (median, and per-round ratio to the
 * client-only page), first contentful paint, the script's responseEnd, API
 * requests (most in one load) and loads not taken over within 30 s (the page
 * without a script is not expected to be). Prints a Markdown table; writes nothing.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { serverRenderPage } from "../server/ssr-pages.ts";
import { launch, type Bench } from "./browser.ts";
import { FAST_4G, PROBE } from "./measure-ssr.ts";
import { loadSsr, startBenchServer } from "./server.ts";
import { msText, ratios, ratioText, spread } from "./stats.ts";

const option = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] ?? fallback) || fallback;
const rounds = option("--rounds", 16);
const rate = option("--rate", 4);

const server = await startBenchServer();
const template = readFileSync("bench/pages/ssr-listing.html", "utf8");
const rendered = await serverRenderPage(await loadSsr(), template, server.url, server.fetch);
const SCRIPT = /<script src="\/dist\/review-widgets-listing\.js"[^>]*><\/script>/;
const tag = SCRIPT.exec(rendered)?.[0] ?? "";
const without = rendered.replace(SCRIPT, "");
const inject = `<script>requestAnimationFrame(() => setTimeout(() => {
  const s = document.createElement("script");
  Object.assign(s, { src: "/dist/review-widgets-listing.js" });
  Object.assign(s.dataset, { apiBase: "/bench-api", locale: "en" });
  document.head.append(s);
}));</script>`;
const VARIANTS: Record<string, string | null> = {
  "client-only": null,
  "server-rendered, defer in head (as today)": rendered,
  "… no script": without,
  "… blocking script at end of body": without.replace("</body>", `${tag.replace(" defer", "")}</body>`),
  "… async in head": rendered.replace(tag, tag.replace(" defer", " async")),
  "… defer, then an empty inline script (the parser waits for the stylesheet)": rendered.replace(tag, `${tag}<script>/**/</script>`),
  "… script added one frame after first paint": rendered.replace(tag, inject),
};
const names = Object.keys(VARIANTS);
names.forEach((name, i) => VARIANTS[name] !== null && server.addFile(`loading-${i}.html`, VARIANTS[name] ?? ""));

interface Load {
  stars: number;
  fcp: number;
  scriptEnd: number;
  requests: number;
  live: boolean;
}

async function load(bench: Bench, index: number): Promise<Load> {
  const page = await bench.page({ initScripts: [PROBE] });
  let requests = 0;
  page.on("request", (request) => void (new URL(request.url()).pathname.startsWith("/bench-api/") && requests++));
  try {
    await page.goto(`${bench.base}/bench/pages/bench.css`);
    const cdp = await bench.cdp(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.setExtraHTTPHeaders({ "x-bench-gzip": "1" });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const { latency, downKbps, upKbps } = FAST_4G;
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: downKbps * 125, uploadThroughput: upKbps * 125 });
    await page.goto(`${bench.base}${index === 0 ? "/bench/pages/ssr-listing.html" : `/bench/gen/loading-${index}.html`}`, { timeout: 60_000 });
    const scripted = VARIANTS[names[index] ?? ""] !== without;
    const live = await page
      .waitForFunction(
        (scripted) => {
          const state = (window as unknown as { __ssr: { stars: number | null; loads: number } }).__ssr;
          const taken = [...document.querySelectorAll("rating-summary, review-list")].every((host) => !host.shadowRoot?.querySelector(".root.later"));
          const painted = performance.getEntriesByName("first-contentful-paint").length > 0;
          return painted && state.stars !== null && (!scripted || (state.loads >= 2 && taken));
        },
        scripted,
        { timeout: 30_000, polling: 50 },
      )
      .then(
        () => scripted,
        () => false,
      );
    await cdp.detach();
    const timing = await page.evaluate(() => {
      const script = performance.getEntriesByType("resource").find((entry) => entry.name.includes("review-widgets-listing")) as
        | PerformanceResourceTiming
        | undefined;
      return {
        stars: (window as unknown as { __ssr: { stars: number | null } }).__ssr.stars ?? Number.NaN,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        scriptEnd: script?.responseEnd ?? Number.NaN,
      };
    });
    return { ...timing, requests, live };
  } finally {
    await page.close();
  }
}

const bench = await launch(server.url);
const loads: Load[][] = names.map(() => []);
try {
  for (let i = 0; i < names.length; i++) await load(bench, i);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const index = (round + i) % names.length;
      loads[index]?.push(await load(bench, index));
    }
  }
} finally {
  await bench.close();
  await server.close();
}

const of = (list: readonly Load[], key: "stars" | "fcp" | "scriptEnd") => list.map((l) => l[key]);
const client = of(loads[0] ?? [], "stars");
console.log(`| ${rounds} rounds, ${FAST_4G.name}, CPU ${rate}× | first stars | ÷ client-only | FCP | script responseEnd | API requests | not taken over |`);
console.log("|---|---|---|---|---|---|---|");
for (const [i, name] of names.entries()) {
  const list = loads[i] ?? [];
  const end = of(list, "scriptEnd");
  console.log(
    `| ${name} | ${msText(spread(of(list, "stars")))} | ${ratioText(ratios(of(list, "stars"), client))} | ${msText(spread(of(list, "fcp")))} | ${end.some(Number.isNaN) ? "—" : msText(spread(end))} | ${Math.max(...list.map((l) => l.requests))} | ${list.filter((l) => !l.live).length} of ${list.length} |`,
  );
}
console.log(
  `\nLoad average at the end: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}.`,
);
