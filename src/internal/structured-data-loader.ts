import type { publishStructuredData } from "./structured-data.js";
import { onDemand } from "./on-demand.js";

/** Opt-in JSON-LD, loaded on first use: most pages never ask for it. */
export function publishStructuredDataLater(...args: Parameters<typeof publishStructuredData>): void {
  void onDemand("structured-data", "structured data").then((module) => module?.publishStructuredData(...args));
}
