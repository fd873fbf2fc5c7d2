/** The rows every measurement returns, and the console table. */

/**
 * pass / over: against a budget. A `hard` budget is deterministic (bytes,
 * request counts) and makes `npm run bench` exit non-zero when broken; the
 * others are reported only. info: no budget, shown for context.
 */
export type Verdict = "pass" | "over" | "info";

export interface Row {
  section: string;
  figure: string;
  ours: string;
  /** The baseline figure or the budget it is held against. */
  reference: string;
  /** A ratio, a difference, or a short verdict text. */
  result: string;
  verdict: Verdict;
  hard?: boolean;
}

export interface Section {
  rows: Row[];
  /** Details worth reading next to the table (what shifted, where bytes go…). */
  notes: string[];
}

const VERDICT_TEXT: Record<Verdict, string> = { pass: "ok", over: "OVER", info: "" };

export function verdictText(row: Row): string {
  if (row.verdict === "info") return "";
  return row.verdict === "over" && row.hard ? "OVER (hard)" : VERDICT_TEXT[row.verdict];
}

export function printTable(rows: readonly Row[]): void {
  const header = ["figure", "ours", "baseline / budget", "ratio / result", "verdict"];
  const cells = rows.map((row) => [row.figure, row.ours, row.reference, row.result, verdictText(row)]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join(" │ ");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
  let section = "";
  for (const [i, row] of rows.entries()) {
    if (row.section !== section) {
      section = row.section;
      if (i > 0) console.log(widths.map((w) => " ".repeat(w)).join(" │ "));
    }
    console.log(line(cells[i]!));
  }
}

/** Text for Markdown: tag names such as <rating-summary> must not be read as HTML. */
export function markdownText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function markdownTable(rows: readonly Row[]): string {
  const cell = (text: string) => markdownText(text).replaceAll("|", "\\|");
  const out = ["| figure | ours | baseline / budget | ratio / result | verdict |", "|---|---|---|---|---|"];
  for (const row of rows) {
    const verdict = verdictText(row);
    out.push(`| ${[row.figure, row.ours, row.reference, row.result, row.verdict === "over" ? `**${verdict}**` : verdict].map(cell).join(" | ")} |`);
  }
  return out.join("\n");
}
