// `npm test`: typecheck, server tests, component tests in Chromium, end-to-end tests, then lint and format check.
// `npm test -- <step>…` runs only the named steps: types, server, unit, e2e, lint.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./chromium.ts";

type Command = [command: string, args: string[]];

function findTests(dir: string): string[] {
  let found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (name.endsWith(".test.ts")) found.push(path);
  }
  return found.sort();
}

const bin = (name: string) => join("node_modules", ".bin", name);
const node = (...args: string[]): Command => [process.execPath, args];

const steps: Record<string, () => Command[]> = {
  types: () => [
    [bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]],
    [bin("tsc"), ["--noEmit", "-p", "tsconfig.node.json"]],
  ],
  // test/ssr renders with src/ssr/index.ts against the reference server, like the server tests. The proxy's fragments
  // render with the built dist/ssr/index.js: built once here (ESM only), so no two test files build it at once.
  server: () => [
    [bin("vite"), ["build", "--logLevel", "warn", "--emptyOutDir=false"]],
    node("--import", "tsx", "--test", "--test-reporter=dot", ...findTests("test/server"), ...findTests("test/ssr")),
  ],
  unit: () => [node("--import", "tsx", "node_modules/@web/test-runner/dist/bin.js", "--config", "web-test-runner.config.mjs")],
  e2e: () => {
    const files = findTests("test/e2e");
    if (files.length === 0) return [];
    // The end-to-end tests use what ships: the IIFE, the ESM build, types and the manifest.
    return [node("--import", "tsx", "scripts/build.ts", "--quiet"), node("--import", "tsx", "--test", "--test-concurrency=1", ...files)];
  },
  // Last, so a formatting slip never hides a failing test.
  lint: () => [[bin("biome"), ["check"]]],
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(steps);
for (const name of names) {
  if (!(name in steps)) {
    console.error(`Unknown test step "${name}". Steps: ${Object.keys(steps).join(", ")}`);
    process.exit(2);
  }
}
if (names.some((name) => name === "unit" || name === "e2e")) process.env["CHROME_PATH"] = ensureChromium();

for (const name of names) {
  console.log(`\n▶ ${name}`);
  for (const [command, args] of steps[name]!()) {
    const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, RW_SSR_BUILT: "1" } });
    if (result.status !== 0) {
      console.error(`\n✗ ${name} failed (${[command, ...args].slice(0, 4).join(" ")}…)`);
      process.exit(result.status ?? 1);
    }
  }
}
console.log("\n✓ all test steps passed");
