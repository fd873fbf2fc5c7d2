/**
 * Builds the ESM files (dist/ssr/index.js among them) that the proxy's fragments render with: the server
 * runs the built templates, as in production, and the server tests run without a prior build. Only the
 * ESM build (a few seconds), not the script-tag files, which it leaves in place (vite would empty dist/ first).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function buildSsr(): void {
  // `npm test` builds it once before the server tests (scripts/test.ts); a test file run alone builds it itself.
  if (process.env["RW_SSR_BUILT"] === "1") return;
  const result = spawnSync(`${ROOT}node_modules/.bin/vite`, ["build", "--logLevel", "warn", "--emptyOutDir=false"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status ?? result.signal})`);
}
