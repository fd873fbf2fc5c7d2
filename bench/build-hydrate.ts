/**
 * Bench-only: review-widgets-listing.js with Lit's hydration support
 * (`@lit-labs/ssr-client/lit-element-hydrate-support.js`) evaluated before
 * anything from Lit, so LitElement finds `globalThis.litElementHydrateSupport`
 * when its module runs and server-rendered elements are adopted and hydrated
 * instead of re-rendered (issue 17's opt-in). Built by the same vite config,
 * plugins and constants as the real file (`--mode iife`, RW_SCRIPT_FILE), with
 * a virtual entry in front; not in build/script-files.ts, never in dist/.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build, type Plugin } from "vite";
import { SCRIPT_FILES } from "../build/script-files.ts";

export const HYDRATE_FILE = "review-widgets-listing-hydrate.js";
const BASE_FILE = "review-widgets-listing.js";
const ENTRY = "bench-hydrate-entry";

export async function buildHydrateListing(outDir: string): Promise<string> {
  const base = SCRIPT_FILES.find((file) => file.file === BASE_FILE);
  if (!base) throw new Error(`${BASE_FILE} is not in build/script-files.ts`);
  const listing = resolve(base.entry);
  const entry: Plugin = {
    name: "bench:hydrate-entry",
    enforce: "pre",
    // package.json's `sideEffects` covers dist/ only: the embed entry, imported here for its effect, must be kept.
    resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : id === listing ? { id, moduleSideEffects: true } : null),
    load: (id) => (id === `\0${ENTRY}` ? `import "@lit-labs/ssr-client/lit-element-hydrate-support.js";\nimport ${JSON.stringify(listing)};\n` : null),
  };
  const previous = process.env["RW_SCRIPT_FILE"];
  process.env["RW_SCRIPT_FILE"] = BASE_FILE;
  try {
    await build({
      configFile: resolve("vite.config.ts"),
      mode: "iife",
      logLevel: "warn",
      plugins: [entry],
      build: { outDir, emptyOutDir: false, sourcemap: false, lib: { entry: ENTRY, name: "ReviewWidgets", formats: ["iife"], fileName: () => HYDRATE_FILE } },
    });
  } finally {
    if (previous === undefined) delete process.env["RW_SCRIPT_FILE"];
    else process.env["RW_SCRIPT_FILE"] = previous;
  }
  return readFileSync(resolve(outDir, HYDRATE_FILE), "utf8");
}
