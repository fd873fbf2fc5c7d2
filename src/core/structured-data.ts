import type { BackendTraits } from "./backend.js";
import type { Aggregate, Review, RevieweeType } from "./model.js";
import { scriptJson } from "./script-json.js";

/**
 * schema.org JSON-LD for reviews, built from the domain model, so the elements
 * (opt-in `structured-data`) and the server-side helper emit the same thing.
 * Only public reviews and public aggregates ever go in. Only things a third
 * party reviews qualify: marketplace listings and directory entries — not
 * people (hosts, guests), and never a site reviewing itself.
 */
export interface ReviewedItem {
  name: string;
  /** schema.org type; default LodgingBusiness (listings) or Organization (directory entries). */
  type?: string;
  url?: string;
}

export type JsonLd = Record<string, unknown>;

/** What the markup needs to know of the backend (its traits, core/backend.ts). */
export type MarkupTraits = Pick<BackendTraits, "entries" | "schemaType">;

/** Whether this reviewee may carry review markup at all: a directory entry or a listing, never a person. */
export function qualifies(traits: MarkupTraits, revieweeType: RevieweeType | undefined): boolean {
  return traits.entries || revieweeType === undefined || revieweeType === "listing";
}

export function structuredData(traits: MarkupTraits, item: ReviewedItem, aggregate: Aggregate | null, reviews: readonly Review[] = []): JsonLd | null {
  const publicReviews = reviews.filter((review) => review.visibility === "public");
  const rating = aggregate?.visible && aggregate.count > 0 ? aggregate : null;
  if (!item.name || (!rating && publicReviews.length === 0)) return null;
  const data: JsonLd = {
    "@context": "https://schema.org",
    "@type": item.type ?? traits.schemaType,
    name: item.name,
  };
  if (item.url && /^https?:\/\//i.test(item.url)) data["url"] = item.url;
  if (rating) {
    data["aggregateRating"] = { "@type": "AggregateRating", ratingValue: rating.average, reviewCount: rating.count, bestRating: 5, worstRating: 1 };
  }
  if (publicReviews.length > 0) {
    data["review"] = publicReviews.map((review) => ({
      "@type": "Review",
      reviewRating: { "@type": "Rating", ratingValue: review.rating, bestRating: 5, worstRating: 1 },
      author: { "@type": "Person", name: review.authorName || "Anonymous" },
      datePublished: review.submittedAt.toISOString().slice(0, 10),
      reviewBody: review.text,
      ...(review.title ? { name: review.title } : {}),
    }));
  }
  return data;
}

/** The JSON-LD as text for a script element (core/script-json.ts). */
export const serializeJsonLd = (data: JsonLd): string => scriptJson(data);

/** The JSON-LD as a `<script>` tag for server-rendered HTML (escaped as above). */
export function jsonLdScript(data: JsonLd): string {
  return `<script type="application/ld+json">${serializeJsonLd(data)}</script>`;
}
