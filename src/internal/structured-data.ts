import type { Aggregate, Review, RevieweeType, SourceKind } from "../core/model.js";
import { qualifies, structuredData } from "../core/structured-data.js";
import { publishJsonLd } from "./json-ld.js";

export interface StructuredDataTarget {
  source: SourceKind;
  revieweeType: RevieweeType;
  /** What is reviewed (`item-name`); nothing is published without it. */
  name: string | null;
  /** schema.org type (`item-type`). */
  type: string | null;
}

/**
 * Opt-in JSON-LD for crawlers: only public data, only for things a third
 * party reviews, only with a name. Loaded on first use (on-demand.ts).
 */
export function publishStructuredData(host: HTMLElement, target: StructuredDataTarget, aggregate: Aggregate | null, reviews: readonly Review[]): void {
  const { source, revieweeType, name, type } = target;
  const eligible = name && qualifies(source, revieweeType);
  publishJsonLd(host, eligible ? structuredData(source, { name, ...(type ? { type } : {}) }, aggregate, reviews) : null);
}
