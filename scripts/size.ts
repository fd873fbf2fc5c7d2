// `npm run size`: what each reference page downloads (gzip -9, KB = 1024 B), against the page
// budgets of DESIGN.md §7 (build/script-files.ts). Fails above a hard budget; aims are reported.
import { existsSync } from "node:fs";
import { SCRIPT_FILES } from "../build/script-files.ts";
import { esmRatingSummarySize, kb, KB, pageSizes, scriptFileSize, type PageSize } from "./page-sizes.ts";

const missing = SCRIPT_FILES.filter(({ file }) => !existsSync(`dist/${file}`)).map(({ file }) => file);
if (missing.length > 0 || !existsSync("dist/index.js")) {
  console.error(`dist/ is incomplete (${missing.join(", ") || "dist/index.js"}): run npm run build first.`);
  process.exit(1);
}

console.log("Script files (gzip -9):");
for (const { file, tags } of SCRIPT_FILES) console.log(`  ${file.padEnd(30)} ${kb(scriptFileSize(file)).padStart(8)}  ${tags.join(", ")}`);

const rows: PageSize[] = [...pageSizes(), await esmRatingSummarySize()];
console.log("\nPer page (the sum of gzip -9 over every script the page downloads):");
let failed = false;
for (const row of rows) {
  const over = row.bytes > row.hardKB * KB;
  const overCeiling = row.ceilingKB !== undefined && row.bytes > row.ceilingKB * KB;
  failed ||= row.ceilingKB === undefined ? over : overCeiling;
  const aim = row.bytes <= row.aimKB * KB ? "aim met" : `aim ${row.aimKB} KB: ${kb(row.bytes - row.aimKB * KB)} to go`;
  const hard = over ? ` EXCEEDED by ${kb(row.bytes - row.hardKB * KB)}` : "";
  const ceiling = row.ceilingKB === undefined ? "" : ` (not met yet: fails above ${row.ceilingKB} KB, see BENCHMARKS.md)`;
  const mark = (row.ceilingKB === undefined ? over : overCeiling) ? "✗" : over ? "!" : "✓";
  console.log(`  ${mark} ${row.page.padEnd(50)} ${kb(row.bytes).padStart(8)}  hard ≤ ${row.hardKB} KB${hard}${over ? ceiling : ""}; ${aim}`);
}
if (failed) {
  console.error('\nA page is over its hard budget (DESIGN.md §7). Measure with npm run bench; see BENCHMARKS.md, "Size".');
  process.exit(1);
}
