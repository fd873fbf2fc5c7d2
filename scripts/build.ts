// `npm run build`: ESM into dist/, each script-tag file (build/script-files.ts), declaration files,
// custom-elements.json from the JSDoc, and what frameworks and editors read (scripts/manifest.ts); then each
// script file's size as the budgets count it (gzip -9: Vite's own "gzip" column reads differently, so it is
// kept quiet). `--quiet`: no size lines either; `--verbose`: Vite's full output.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { kb, scriptFileSize } from "./page-sizes.ts";
import { SCRIPT_FILES } from "../build/script-files.ts";

const vite = process.argv.includes("--verbose") ? [] : ["--logLevel", "warn"];
const steps: [string, string[], Record<string, string>?][] = [
  ["node_modules/.bin/vite", ["build", ...vite]],
  ...SCRIPT_FILES.map(({ file }): [string, string[], Record<string, string>] => [
    "node_modules/.bin/vite",
    ["build", "--mode", "iife", ...vite],
    { RW_SCRIPT_FILE: file },
  ]),
  ["node_modules/.bin/tsc", ["-p", "tsconfig.build.json"]],
  [
    "node_modules/.bin/cem",
    ["analyze", "--globs", "src/components/**/*.ts", "src/internal/*.ts", "--exclude", "src/**/*.styles.ts", "--litelement", "--quiet", "--outdir", "."],
  ],
  // The manifest tools use (dist paths, public members, typed events, CSS defaults; schema-checked),
  // and from it the framework types and VS Code custom data.
  [process.execPath, ["--import", "tsx", "scripts/manifest.ts"]],
];
for (const [command, args, env = {}] of steps) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The script-tag files fetch on-demand code (src/internal/on-demand.ts) from dist/internal/<name>.js as plain ES modules:
// one that reaches lit or zod by a bare name would fail in every browser, so the build fails instead.
const bareImports = (entry: string): string[] => {
  const seen = new Set<string>();
  const bare: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier = ""] of readFileSync(file, "utf8").matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
      if (specifier.startsWith(".")) visit(join(dirname(file), specifier));
      else bare.push(`${file} imports "${specifier}"`);
    }
  };
  visit(entry);
  return bare;
};
const onDemandNames = [...readFileSync("src/internal/on-demand-chunks.ts", "utf8").matchAll(/^\s+"([\w-]+)": \(\) => import\(/gm)].map((match) => match[1]);
const unloadable = onDemandNames.flatMap((name) => bareImports(`dist/internal/${name}.js`));
if (onDemandNames.length === 0 || unloadable.length > 0) {
  console.error(
    `On-demand modules must not import packages by name (src/internal/on-demand.ts):\n  ${unloadable.join("\n  ") || "none found in on-demand-chunks.ts"}`,
  );
  process.exit(1);
}

if (!process.argv.includes("--quiet")) {
  console.log("Built dist/. Script files, gzip -9 (what npm run size and the page budgets count):");
  for (const { file } of SCRIPT_FILES) console.log(`  dist/${file.padEnd(30)} ${kb(scriptFileSize(file)).padStart(8)}`);
}
