/**
 * `npm run bench`: builds the package, measures it in one run of headless
 * Chromium, prints every figure next to its baseline or budget, and writes the
 * run into BENCHMARKS.md (between the bench:start/end markers).
 *
 * Speed figures are ratios against a baseline measured in the same run, with
 * interleaved rounds (these machines are shared and noisy). Nothing here
 * asserts a time: the exit code is non-zero only when a hard, deterministic
 * budget is broken (a page's script bytes, request count).
 *
 * Options: --rounds N (default 7), --skip-build, --no-write.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { launch } from "./browser.ts";
import { measureCls } from "./measure-cls.ts";
import { appendHistory, commitLabel } from "./history.ts";
import { measureMainThread, type MainThreadResult } from "./measure-main-thread.ts";
import { measureMemory } from "./measure-memory.ts";
import { measurePeer } from "./measure-peer.ts";
import { measureRender, type RenderResult } from "./measure-render.ts";
import { measureRequests } from "./measure-requests.ts";
import { buildPeerBundles, measurePageSizes } from "./measure-size.ts";
import { measureSsr } from "./measure-ssr.ts";
import { markdownTable, markdownText, printTable, type Row, type Section } from "./report.ts";
import { startBenchServer } from "./server.ts";

const REPORT = "BENCHMARKS.md";
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";
const SECTION_ORDER = ["size", "render", "requests", "cls", "main thread", "ssr", "memory", "peer"];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const rounds = Number(option("--rounds") ?? 7);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds takes a whole number ≥ 1");
const started = Date.now();
const step = (text: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);

if (!process.argv.includes("--skip-build")) {
  step("building (npm run build: ESM dist/ and every script-tag file)");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--quiet"], { stdio: "inherit" });
}

const machine = {
  cpu: `${os.cpus()[0]?.model.trim() ?? "unknown CPU"} × ${os.cpus().length}`,
  ram: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  load: os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" "),
};

const sections: Section[] = [];
const peerBundles = await buildPeerBundles();
sections.push(peerBundles);

const server = await startBenchServer();
for (const [name, code] of Object.entries(peerBundles.bundles)) server.addFile(`${name}.js`, code);
const bench = await launch(server.url);
const chromium = bench.browser.version();
let mainThread: MainThreadResult | undefined;
let render: RenderResult | undefined;
try {
  step("page sizes: every script each reference page downloads in Chromium (gzip -9)");
  sections.push(await measurePageSizes(bench));
  step(`render 100 / 1,000 reviews vs DOM baseline (${rounds} rounds)`);
  render = await measureRender(bench, rounds);
  sections.push(render);
  step("requests of 50 <rating-summary>");
  sections.push(await measureRequests(bench, server));
  step("CLS of the listing page with a 1 s API delay");
  sections.push(await measureCls(bench, server));
  step(`main-thread CPU: embed ÷ hand-written listing page (${rounds} rounds)`);
  mainThread = await measureMainThread(bench, rounds);
  sections.push(mainThread);
  step(`server rendering vs client-only: server render time, then first stars, CLS, requests, CPU at 1× and 4× (${rounds} rounds)`);
  sections.push(await measureSsr(bench, server, rounds));
  step("memory after mounting and removing 1,000 elements");
  sections.push(await measureMemory(bench));
  step(`peer: 500 <star-rating> vs <sl-rating> (${rounds} rounds)`);
  sections.push(await measurePeer(bench, rounds));
} finally {
  await bench.close();
  await server.close();
}

const rows: Row[] = sections.flatMap((s) => s.rows).sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
const notes = sections.flatMap((s) => s.notes);
const seconds = Math.round((Date.now() - started) / 1000);
const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const machineLine = `${machine.cpu}, ${machine.ram} RAM, ${machine.os}, Node ${machine.node}, Chromium ${chromium} (headless); load average at start ${machine.load}`;

console.log("");
printTable(rows);
console.log("");
for (const note of notes) console.log(`• ${note}`);
console.log(`\n${date} · ${machineLine} · ${rounds} rounds · ${seconds} s`);

const hardFailures = rows.filter((row) => row.hard && row.verdict === "over");
const softOver = rows.filter((row) => !row.hard && row.verdict === "over");

if (!process.argv.includes("--no-write")) {
  const block = [
    START,
    `Run of ${date} (\`npm run bench\`, ${rounds} rounds, ${seconds} s in all).`,
    "",
    `Machine: ${machineLine}.`,
    "",
    markdownTable(rows),
    "",
    ...(notes.length ? ["Details from this run:", "", ...notes.map((note) => `- ${markdownText(note).replaceAll("\n", "\n  ")}`), ""] : []),
    END,
  ].join("\n");
  const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const next =
    current.includes(START) && current.includes(END)
      ? current.slice(0, current.indexOf(START)) + block + current.slice(current.indexOf(END) + END.length)
      : `${current.trimEnd()}\n\n## Latest run\n\n${block}\n`;
  writeFileSync(REPORT, next);
  if (mainThread && render) {
    appendHistory(REPORT, [
      {
        date: date.slice(0, 16).replace("T", " "),
        commit: commitLabel(),
        mainThread: mainThread.ratio,
        render100: render.render100,
        rounds,
        load: machine.load,
      },
    ]);
  }
  console.log(`Wrote the run into ${REPORT} (latest run and a history row).`);
}

if (softOver.length) console.log(`Over budget (reported, not failing): ${softOver.map((row) => row.figure).join("; ")}.`);
if (hardFailures.length) {
  console.error(`Hard budget broken: ${hardFailures.map((row) => `${row.figure} = ${row.ours} (${row.reference})`).join("; ")}.`);
  process.exit(1);
}
