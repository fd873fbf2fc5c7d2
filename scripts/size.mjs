// `npm run size`: gzip size of the script-tag bundle against the budget (DESIGN.md §7).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET = 20 * 1024;
const AIM = 15 * 1024;
const file = "dist/review-widgets.js";

let source;
try {
  source = readFileSync(file);
} catch {
  console.error(`${file} is missing: run npm run build first.`);
  process.exit(1);
}
const gzip = gzipSync(source, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(source.length)} raw, ${kb(gzip)} gzip -9 (budget ${kb(BUDGET)}, aim ${kb(AIM)})`);
if (gzip > BUDGET) {
  console.error(`Over budget by ${kb(gzip - BUDGET)}.`);
  process.exit(1);
}
