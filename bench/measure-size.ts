/**
 * Sizes, `gzip -9 -c` bytes (KB = 1024 B), as the page budgets define them
 * (DESIGN.md §7, build/script-files.ts PAGE_BUDGETS): each reference page is
 * loaded in Chromium with the script file the README tells that kind of page
 * to use, and every script response the page really received (Playwright
 * `response` events, `resourceType() === "script"`) is counted: gzip -9 of
 * each body, summed. The page's own scripts (demo code outside /dist/) are
 * listed but not counted: they are the site's, not ours. English only.
 * The ESM row is scripts/page-sizes.ts `esmRatingSummarySize()` (a split
 * build: the entry plus the backend chunk it loads), as `npm run size` counts it.
 *
 * Also builds the two peer bundles (our <star-rating>, Shoelace's <sl-rating>)
 * that the peer page loads.
 */
import { build } from "esbuild";
import { resolve } from "node:path";
import type { Request, Response } from "playwright-core";
import { gzipSize } from "../scripts/gzip-size.ts";
import { esmRatingSummarySize, KB } from "../scripts/page-sizes.ts";
import { PAGE_BUDGETS, SCRIPT_FILES } from "../build/script-files.ts";
import { settled, type Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import { kb } from "./stats.ts";

const SHOELACE_RATING = "@shoelace-style/shoelace/dist/components/rating/rating.js";
/**
 * PAGE_BUDGETS has no page for "everything": a bench page with all five elements loads dist/review-widgets.js.
 * (The demo listing page `/` also opts into JSON-LD, which loads its code on demand; shown in the notes.)
 */
const EVERYTHING_PAGE = "/bench/pages/everything.html";

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "js", sourcefile: "bench-entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  return result.outputFiles[0]!.text;
}

export interface PeerBundles extends Section {
  /** Bundles the peer page loads, by name (served at /bench/gen/<name>.js). */
  bundles: Record<"star-rating" | "sl-rating", string>;
}

/** Our standalone `<star-rating>` (one ESM import, Lit included) and Shoelace's rating, each bundled by esbuild. */
export async function buildPeerBundles(): Promise<PeerBundles> {
  const starRating = await bundle(`import { StarRating } from ${JSON.stringify(resolve("dist/index.js"))}; StarRating.define();`);
  const shoelace = await bundle(`import ${JSON.stringify(SHOELACE_RATING)};`);
  const ours = gzipSize(starRating);
  const theirs = gzipSize(shoelace);
  return {
    rows: [
      {
        section: "peer",
        figure: "standalone rating bundle + Lit (esbuild, min, gzip -9)",
        ours: kb(ours),
        reference: `sl-rating ${kb(theirs)}`,
        result: `${(ours / theirs).toFixed(2)}×`,
        verdict: "info",
      },
    ],
    notes: [],
    bundles: { "star-rating": starRating, "sl-rating": shoelace },
  };
}

interface Downloaded {
  path: string;
  gzip: number;
}

/** Loads `path` fresh, waits for the widgets to settle, and returns every script it received (ours under /dist/, the page's own elsewhere). */
async function scriptsOf(bench: Bench, path: string): Promise<{ ours: Downloaded[]; page: Downloaded[]; errors: string[] }> {
  const page = await bench.page();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => void (message.type() === "error" && errors.push(`console: ${message.text()}`)));
  const bodies: Promise<Downloaded>[] = [];
  // Script requests not yet answered: the widgets may load code on demand (a language, the JSON-LD code).
  let inFlight = 0;
  let idle: (() => void) | undefined;
  page.on("request", (request: Request) => void (request.resourceType() === "script" && inFlight++));
  const done = (request: Request) => {
    if (request.resourceType() !== "script") return;
    if (--inFlight === 0) idle?.();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  page.on("response", (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    bodies.push(response.body().then((body) => ({ path: new URL(response.url()).pathname, gzip: gzipSize(body) })));
  });
  try {
    await page.goto(`${bench.base}${path}`, { waitUntil: "load" });
    await settled(page);
    // What the rendered widgets asked for on the way is requested by now (two frames after the last render).
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    if (inFlight > 0) await new Promise<void>((resolve) => void (idle = resolve));
    const all = await Promise.all(bodies);
    return { ours: all.filter((d) => d.path.startsWith("/dist/")), page: all.filter((d) => !d.path.startsWith("/dist/")), errors };
  } finally {
    await page.close();
  }
}

export async function measurePageSizes(bench: Bench): Promise<Section> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const verdict = (bytes: number, hardKB: number, aimKB: number): Pick<Row, "result" | "verdict"> => ({
    result:
      bytes > hardKB * KB
        ? `${bytes - hardKB * KB} B over`
        : bytes <= aimKB * KB
          ? "aim met"
          : `${hardKB * KB - bytes} B to spare; aim: ${kb(bytes - aimKB * KB)} to go`,
    verdict: bytes <= hardKB * KB ? "pass" : "over",
  });

  /** A row whose hard budget is out of reach today fails the run only above its ceiling (build/script-files.ts). */
  const failsRun = (bytes: number, hardKB: number, ceilingKB: number | undefined) => bytes > (ceilingKB ?? hardKB) * KB;

  for (const { page: name, path, files, hardKB, aimKB, ceilingKB } of PAGE_BUDGETS) {
    const url = path || EVERYTHING_PAGE;
    const { ours, page, errors } = await scriptsOf(bench, url);
    if (errors.length > 0) throw new Error(`${url} (${name}) logged errors while loading: ${errors.join("; ")}`);
    const loaded = ours.map((d) => d.path.replace(/^\/dist\//, ""));
    const missing = files.filter((file) => !loaded.includes(file));
    if (missing.length > 0)
      throw new Error(
        `${url} (${name}) did not load ${missing.join(", ")}, the file the README names for it (it loaded ${loaded.join(", ") || "nothing from dist/"})`,
      );
    const known = new Set(SCRIPT_FILES.map((f) => f.file));
    const others = loaded.filter((file) => !files.includes(file) && known.has(file));
    if (others.length > 0) notes.push(`${url} also loaded ${others.join(", ")}: a second script-tag file on the page.`);
    const bytes = ours.reduce((sum, d) => sum + d.gzip, 0);
    rows.push({
      section: "size",
      figure: `${name} — scripts downloaded (gzip -9)`,
      ours: kb(bytes),
      reference: `≤ ${hardKB} KB (aim ${aimKB} KB)${ceilingKB === undefined ? "" : `; not met yet, ceiling ${ceilingKB} KB`}`,
      ...verdict(bytes, hardKB, aimKB),
      hard: failsRun(bytes, hardKB, ceilingKB),
    });
    notes.push(
      `${name}: ${url} downloaded ${ours.map((d) => `${d.path} ${kb(d.gzip)}`).join(", ")}` +
        (page.length > 0 ? `; not counted, the page's own: ${page.map((d) => `${d.path} ${kb(d.gzip)}`).join(", ")}` : "") +
        ".",
    );
  }

  // The demo listing page loads the same file and opts into JSON-LD (structured-data), whose code comes on demand.
  const demo = await scriptsOf(bench, "/");
  if (demo.errors.length > 0) throw new Error(`/ (demo listing page) logged errors while loading: ${demo.errors.join("; ")}`);
  notes.push(
    `For comparison, the demo listing page / (everything file + JSON-LD opt-in) downloads ${kb(demo.ours.reduce((sum, d) => sum + d.gzip, 0))}: ` +
      `${demo.ours.map((d) => `${d.path} ${kb(d.gzip)}`).join(", ")}.`,
  );

  const esm = await esmRatingSummarySize();
  rows.push({
    section: "size",
    figure: `${esm.page} (esbuild split build, gzip -9)`,
    ours: kb(esm.bytes),
    reference: `≤ ${esm.hardKB} KB (aim ${esm.aimKB} KB); not met yet, ceiling ${esm.ceilingKB} KB`,
    ...verdict(esm.bytes, esm.hardKB, esm.aimKB),
    hard: failsRun(esm.bytes, esm.hardKB, esm.ceilingKB),
  });
  notes.push(
    `${esm.page}: ${esm.files.map((file, i) => `${file} ${kb(gzipSize(esm.code[i] ?? ""))}`).join(" + ")} (entry + the marketplace backend chunk it loads).`,
  );
  return { rows, notes };
}
