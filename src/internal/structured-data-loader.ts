import type { publishStructuredData } from "./structured-data.js";
import { loadStructuredData } from "./structured-data-chunk.js";

type Publish = typeof publishStructuredData;
export type StructuredDataLoader = () => Promise<{ publishStructuredData: Publish }>;

let loader: StructuredDataLoader = loadStructuredData;

/** How the JSON-LD code is fetched: the bundler's chunk (default) or a file next to the script. */
export function setStructuredDataLoader(next: StructuredDataLoader): void {
  loader = next;
}

/** Opt-in JSON-LD, loaded on first use: most pages never ask for it. */
export function publishStructuredDataLater(...args: Parameters<Publish>): void {
  loader().then(
    (module) => module.publishStructuredData(...args),
    () => console.warn("[review-widgets] structured data skipped: its code could not be loaded (keep dist/ together)"),
  );
}
