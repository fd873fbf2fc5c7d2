import type { Aggregate, Review, RevieweeType } from "../core/model.js";
import { qualifies, structuredData, type MarkupTraits } from "../core/structured-data.js";
import { publishJsonLd } from "./json-ld.js";

export interface StructuredDataTarget {
  /** What the backend is like (undefined for one this file does not carry: nothing is published). */
  traits: MarkupTraits | undefined;
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
  const { traits, revieweeType, name, type } = target;
  const eligible = traits && name && qualifies(traits, revieweeType);
  publishJsonLd(host, eligible ? structuredData(traits, { name, ...(type ? { type } : {}) }, aggregate, reviews) : null);
}
