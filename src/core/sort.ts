import type { Review } from "./model.js";

export const SORTS = ["newest", "oldest", "highest", "lowest"] as const;
export type Sort = (typeof SORTS)[number];

export function isSort(value: unknown): value is Sort {
  return typeof value === "string" && (SORTS as readonly string[]).includes(value);
}

const byDate = (a: Review, b: Review) => b.submittedAt.getTime() - a.submittedAt.getTime();

const COMPARATORS: Record<Sort, (a: Review, b: Review) => number> = {
  newest: byDate,
  oldest: (a, b) => -byDate(a, b),
  // Ties on rating show the newest first: the most useful of equals.
  highest: (a, b) => b.rating - a.rating || byDate(a, b),
  lowest: (a, b) => a.rating - b.rating || byDate(a, b),
};

/**
 * Orders and filters the whole set of reviews (not one page of it), so sort
 * and star filter are right across every page. The viewer's own pending
 * review always comes first and ignores the filter: it is theirs to see.
 */
export function arrange(reviews: readonly Review[], sort: Sort, stars: number | null): Review[] {
  const own = reviews.filter((review) => review.visibility === "pending");
  const visible = reviews.filter((review) => review.visibility === "public" && (stars === null || review.rating === stars));
  return [...own, ...visible.sort(COMPARATORS[sort])];
}

/** Keeps the first of items that share an id (a server repeating itself). */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && (seen.add(item.id), true));
}
