/**
 * Server-side helper: the same schema.org JSON-LD the elements emit with
 * `structured-data`, for pages that want it in their HTML (see README).
 * No DOM, no side effects; runs in Node 20+, Deno, Bun and edge runtimes.
 */
import { backends } from "./api/backends.js";
import type { Aggregate, Review, RevieweeType, SourceKind } from "./core/model.js";
import { qualifies as markupQualifies, structuredData as markup, type JsonLd, type MarkupTraits, type ReviewedItem } from "./core/structured-data.js";

export { jsonLdScript, type JsonLd, type ReviewedItem } from "./core/structured-data.js";
export { HttpClient } from "./api/http.js";
export { MindbricksSource } from "./api/mindbricks/source.js";
export { PartnerpageSource } from "./api/partnerpage/source.js";

function traitsOf(source: SourceKind): MarkupTraits {
  const traits = backends[source]?.traits;
  if (!traits) throw new TypeError(`structured data: no "${source}" backend`);
  return traits;
}

/** Whether a reviewee of `source` may carry review markup at all: a listing or a directory entry, never a person. */
export function qualifies(source: SourceKind, revieweeType: RevieweeType | undefined): boolean {
  return markupQualifies(traitsOf(source), revieweeType);
}

/** The JSON-LD for `item` from its public aggregate and reviews (hidden ones never go in); null when there is nothing public. */
export function structuredData(source: SourceKind, item: ReviewedItem, aggregate: Aggregate | null, reviews: readonly Review[] = []): JsonLd | null {
  return markup(traitsOf(source), item, aggregate, reviews);
}
