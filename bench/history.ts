/**
 * The history table in BENCHMARKS.md (between the bench:history markers): one
 * row per `npm run bench` run (and per before/after run of bench/levers.ts),
 * with the main-thread and render ratios, so their trend survives the
 * "Latest run" block being rewritten.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ratioText, type Spread } from "./stats.ts";

export const HISTORY_START = "<!-- bench:history:start -->";
export const HISTORY_END = "<!-- bench:history:end -->";
export const HISTORY_HEADER = [
  "| date (UTC) | commit | main thread: embed ÷ hand-written (median, min–max) | render 100: ÷ DOM baseline, wall | … CPU | rounds | load average at start |",
  "|---|---|---|---|---|---|---|",
];

export interface HistoryEntry {
  date: string;
  commit: string;
  mainThread: Spread;
  render100: { wall: Spread; cpu: Spread };
  rounds: number;
  load: string;
}

/** The short commit of `cwd`, with "+changes" when tracked files other than BENCHMARKS.md differ from it. */
export function commitLabel(cwd = "."): string {
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md"], { cwd, encoding: "utf8" }).trim();
  return dirty ? `${head}+changes` : head;
}

export function historyRow(entry: HistoryEntry): string {
  return `| ${[entry.date, `\`${entry.commit}\``, ratioText(entry.mainThread), ratioText(entry.render100.wall), ratioText(entry.render100.cpu), String(entry.rounds), entry.load].join(" | ")} |`;
}

/** Appends rows to the history table of `report` (creates the table at the end when it is missing). */
export function appendHistory(report: string, entries: readonly HistoryEntry[]): void {
  const current = existsSync(report) ? readFileSync(report, "utf8") : "# Benchmarks\n";
  const rows = entries.map(historyRow).join("\n");
  const next =
    current.includes(HISTORY_START) && current.includes(HISTORY_END)
      ? current.replace(HISTORY_END, `${rows}\n${HISTORY_END}`)
      : `${current.trimEnd()}\n\n## History\n\n${HISTORY_START}\n${HISTORY_HEADER.join("\n")}\n${rows}\n${HISTORY_END}\n`;
  writeFileSync(report, next);
}
