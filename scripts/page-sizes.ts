/**
 * What each reference page downloads, in `gzip -9` bytes (DESIGN.md §7): the
 * script-tag files the README tells that kind of page to load, and what a
 * bundler user ships for `import { RatingSummary }`. Used by `npm run size`
 * (which fails above a hard budget) and by the bench (which also counts what
 * Chromium really downloads on each page).
 */
import { build, type Metafile } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSize } from "./gzip-size.ts";
import { ESM_BUDGET, PAGE_BUDGETS } from "../build/script-files.ts";

export const KB = 1024;

export interface PageSize {
  page: string;
  files: readonly string[];
  bytes: number;
  hardKB: number;
  aimKB: number;
  ceilingKB?: number;
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export function scriptFileSize(file: string): number {
  return gzipSize(readFileSync(join("dist", file)));
}

/** Each reference page: the sum over the script files it loads. */
export function pageSizes(): PageSize[] {
  return PAGE_BUDGETS.map((budget) => ({ ...budget, bytes: budget.files.reduce((sum, file) => sum + scriptFileSize(file), 0) }));
}

/** The output files a page loads from an esbuild split build: the entry's static imports, plus the dynamic imports `wanted` picks, each with their static imports. */
function loaded(metafile: Metafile, wanted: (entryPoint: string) => boolean): string[] {
  const outputs = metafile.outputs;
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const dependency of outputs[path]?.imports ?? []) {
      if (dependency.kind === "import-statement") visit(dependency.path);
      else if (dependency.kind === "dynamic-import" && wanted(outputs[dependency.path]?.entryPoint ?? "")) visit(dependency.path);
    }
  };
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint?.endsWith("entry.js"));
  if (!entry) throw new Error("esbuild produced no entry output");
  visit(entry);
  return [...seen];
}

/**
 * A bundler user's page with one `<rating-summary>`: dist/index.js bundled and
 * minified by esbuild with code splitting (Lit and zod/mini included), counting
 * the entry chunk and the marketplace backend it imports on first use; the other
 * backend and the moderation modules stay unloaded chunks.
 */
export async function esmRatingSummarySize(): Promise<PageSize & { code: string[] }> {
  const outdir = mkdtempSync(join(tmpdir(), "review-widgets-esm-"));
  try {
    const result = await build({
      stdin: {
        contents: `import { RatingSummary } from ${JSON.stringify(resolve("dist/index.js"))}; RatingSummary.define();`,
        resolveDir: process.cwd(),
        loader: "js",
        sourcefile: "entry.js",
      },
      bundle: true,
      splitting: true,
      format: "esm",
      minify: true,
      target: "es2022",
      platform: "browser",
      outdir,
      write: false,
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
    });
    const files = loaded(result.metafile, (entryPoint) => entryPoint.endsWith("dist/api/mindbricks/index.js"));
    const code = files.map((path) => result.outputFiles.find((file) => file.path === resolve(path))?.text ?? "");
    return { ...ESM_BUDGET, files: files.map((path) => path.split("/").pop() ?? path), bytes: code.reduce((sum, text) => sum + gzipSize(text), 0), code };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
