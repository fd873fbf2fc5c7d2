// `npm run size`: gzip -9 size of the script-tag bundle.
// Reports it against the DESIGN.md §7 budget (20 KB, aim 15 KB) and fails above
// the enforced ceiling: a ratchet at today's size, lowered whenever the bundle
// shrinks, so it can only get smaller. Why the design budget is not met yet, the
// measurements behind that, and the plan: BENCHMARKS.md, "Size".
import { readFileSync } from "node:fs";
import { gzipSize } from "./gzip-size.mjs";

const DESIGN_BUDGET = 20 * 1024;
const AIM = 15 * 1024;
const CEILING = 33 * 1024;
const file = "dist/review-widgets.js";

let source;
try {
  source = readFileSync(file);
} catch {
  console.error(`${file} is missing: run npm run build first.`);
  process.exit(1);
}
const gzip = gzipSize(source);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(source.length)} raw, ${kb(gzip)} gzip -9`);
console.log(
  gzip <= DESIGN_BUDGET
    ? `  DESIGN.md budget ${kb(DESIGN_BUDGET)} (aim ${kb(AIM)}): met`
    : `  DESIGN.md budget ${kb(DESIGN_BUDGET)} (aim ${kb(AIM)}): over by ${kb(gzip - DESIGN_BUDGET)} — see BENCHMARKS.md, "Size"`,
);
if (gzip > CEILING) {
  console.error(`  enforced ceiling ${kb(CEILING)}: EXCEEDED by ${kb(gzip - CEILING)}. The bundle may only shrink.`);
  process.exit(1);
}
console.log(`  enforced ceiling ${kb(CEILING)}: ok`);
