/**
 * Sizes, `gzip -9 -c` bytes, as the budget defines them:
 * the script-tag IIFE, and each element as a bundler user gets it — a
 * one-line entry importing it from dist/index.js, bundled and minified by
 * esbuild with Lit included. Also builds the two peer bundles (our
 * <star-rating>, Shoelace's <sl-rating>) that the peer page loads.
 */
import { build, type Metafile } from "esbuild";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSize } from "../scripts/gzip-size.mjs";
import type { Row, Section } from "./report.ts";
import { kb } from "./stats.ts";

export const IIFE = "dist/review-widgets.js";
const IIFE_BUDGET = 20 * 1024;
const IIFE_AIM = 15 * 1024;
const ELEMENTS = ["StarRating", "RatingSummary", "ReviewList", "ReviewForm", "ReviewModeration"] as const;
const SHOELACE_RATING = "@shoelace-style/shoelace/dist/components/rating/rating.js";


async function bundle(contents: string, metafile = false): Promise<{ code: string; metafile: Metafile | undefined }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "js", sourcefile: "bench-entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    write: false,
    metafile,
    logLevel: "silent",
    legalComments: "none",
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile };
}

export interface SizeResult extends Section {
  /** Bundles the peer page loads, by name (served at /bench/gen/<name>.js). */
  bundles: Record<"star-rating" | "sl-rating", string>;
  iifeGzip: number;
}

/** Which part of the code a module path belongs to, for the composition note. */
function area(path: string): string {
  if (path.includes("node_modules/")) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    return match?.[1] ?? "node_modules";
  }
  const match = /dist\/(components\/[^/]+|core\/i18n|core|api\/[^/]+|api|internal)/.exec(path);
  return match ? `src/${match[1]}` : path;
}

export async function measureSizes(): Promise<SizeResult> {
  const index = resolve("dist/index.js");
  const rows: Row[] = [];
  const notes: string[] = [];

  const iife = readFileSync(IIFE);
  const iifeGzip = gzipSize(iife);
  rows.push({
    section: "size",
    figure: "IIFE dist/review-widgets.js (gzip -9)",
    ours: kb(iifeGzip),
    reference: `≤ ${kb(IIFE_BUDGET)} (aim ${kb(IIFE_AIM)})`,
    result: iifeGzip <= IIFE_BUDGET ? `${kb(IIFE_BUDGET - iifeGzip)} to spare` : `${kb(iifeGzip - IIFE_BUDGET)} over`,
    verdict: iifeGzip <= IIFE_BUDGET ? "pass" : "over",
    hard: true,
  });

  const perElement: Record<string, number> = {};
  let starRating = "";
  for (const name of ELEMENTS) {
    const { code } = await bundle(`import { ${name} } from ${JSON.stringify(index)}; ${name}.define();`);
    perElement[name] = gzipSize(code);
    if (name === "StarRating") starRating = code;
    rows.push({
      section: "size",
      figure: `ESM import { ${name} } + Lit (esbuild, min, gzip -9)`,
      ours: kb(gzipSize(code)),
      reference: "—",
      result: `${kb(code.length)} minified`,
      verdict: "info",
    });
  }

  // What a tree-shaking bundler keeps for one import tells whether dist/ is side-effect free:
  // if the smallest element costs about as much as the biggest, every element is being kept.
  const sizes = Object.values(perElement);
  if (Math.max(...sizes) - Math.min(...sizes) < 512) {
    notes.push(
      `Every single-element ESM import costs about the same (${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))}): the bundler keeps all elements, ` +
        `because dist/index.js re-exports modules whose top-level code (decorator calls, define helpers) counts as side effects. ` +
        `A "sideEffects" entry in package.json (all of dist/ but dist/define.js and dist/review-widgets.js) would let bundlers drop the unused elements.`,
    );
  }

  // Where the bytes of "every element" go (minified, before gzip), for the size plan.
  const all = await bundle(`import { ${ELEMENTS.join(", ")} } from ${JSON.stringify(index)}; for (const e of [${ELEMENTS.join(", ")}]) e.define();`, true);
  const byArea = new Map<string, number>();
  for (const output of Object.values(all.metafile?.outputs ?? {})) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) byArea.set(area(path), (byArea.get(area(path)) ?? 0) + bytesInOutput);
  }
  const total = [...byArea.values()].reduce((sum, n) => sum + n, 0);
  const top = [...byArea.entries()].sort((a, b) => b[1] - a[1]);
  notes.push(
    `Composition of all five elements + Lit, minified, before gzip (${kb(total)} in all; gzip ${kb(gzipSize(all.code))}): ` +
      top.map(([name, bytes]) => `${name} ${kb(bytes)} (${Math.round((bytes / total) * 100)}%)`).join(", ") +
      ".",
  );

  const shoelace = await bundle(`import ${JSON.stringify(SHOELACE_RATING)};`);
  rows.push({
    section: "peer",
    figure: "standalone rating bundle + Lit (esbuild, min, gzip -9)",
    ours: kb(perElement["StarRating"]!),
    reference: `sl-rating ${kb(gzipSize(shoelace.code))}`,
    result: `${(perElement["StarRating"]! / gzipSize(shoelace.code)).toFixed(2)}×`,
    verdict: "info",
  });

  return { rows, notes, bundles: { "star-rating": starRating, "sl-rating": shoelace.code }, iifeGzip };
}
