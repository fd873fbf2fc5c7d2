import type { Aggregate, Review, RevieweeType } from "./model.js";

type Distribution = readonly [number, number, number, number, number];

/** Counts of 1..5-star reviews among the public ones (index 0 = one star). */
export function distributionOf(reviews: readonly Review[]): Distribution {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const review of reviews) {
    if (review.visibility !== "public") continue;
    const index = Math.round(review.rating) - 1;
    if (index >= 0 && index < 5) counts[index]!++;
  }
  return counts;
}

/**
 * An aggregate computed from reviews, for backends that have none (the
 * directory). Only public reviews count — a pending one never moves a number.
 */
export function aggregateOf(revieweeId: string, reviews: readonly Review[], revieweeType?: RevieweeType): Aggregate {
  const distribution = distributionOf(reviews);
  const count = distribution.reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    revieweeId,
    ...(revieweeType ? { revieweeType } : {}),
    visible: true,
    average: count === 0 ? 0 : Math.round((total / count) * 100) / 100,
    count,
    distribution,
  };
}
