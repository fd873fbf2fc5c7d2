// `npm run build`: ESM into dist/, each script-tag file (scripts/script-files.ts), declaration files,
// custom-elements.json from the JSDoc, and what frameworks and editors read (scripts/manifest.ts). `--quiet` keeps Vite to warnings.
import { spawnSync } from "node:child_process";
import { SCRIPT_FILES } from "./script-files.ts";

const quiet = process.argv.includes("--quiet") ? ["--logLevel", "warn"] : [];
const steps: [string, string[], Record<string, string>?][] = [
  ["node_modules/.bin/vite", ["build", ...quiet]],
  ...SCRIPT_FILES.map(({ file }): [string, string[], Record<string, string>] => ["node_modules/.bin/vite", ["build", "--mode", "iife", ...quiet], { RW_SCRIPT_FILE: file }]),
  ["node_modules/.bin/tsc", ["-p", "tsconfig.build.json"]],
  ["node_modules/.bin/cem", ["analyze", "--globs", "src/components/**/*.ts", "src/internal/*.ts", "--exclude", "src/**/*.styles.ts", "--litelement", "--quiet", "--outdir", "."]],
  // The manifest tools use (dist paths, public members, typed events, CSS defaults; schema-checked),
  // and from it the framework types and VS Code custom data.
  [process.execPath, ["--import", "tsx", "scripts/manifest.ts"]],
];
for (const [command, args, env = {}] of steps) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
