// `npm run build`: ESM into dist/, the script-tag IIFE, declaration files, and
// custom-elements.json from the JSDoc. `--quiet` keeps Vite to warnings.
import { spawnSync } from "node:child_process";

const quiet = process.argv.includes("--quiet") ? ["--logLevel", "warn"] : [];
const steps = [
  ["node_modules/.bin/vite", ["build", ...quiet]],
  ["node_modules/.bin/vite", ["build", "--mode", "iife", ...quiet]],
  ["node_modules/.bin/tsc", ["-p", "tsconfig.build.json"]],
  ["node_modules/.bin/cem", ["analyze", "--globs", "src/components/**/*.ts", "src/internal/*.ts", "--exclude", "src/**/*.styles.ts", "--litelement", "--quiet", "--outdir", "."]],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
