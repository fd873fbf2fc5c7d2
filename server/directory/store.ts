import type { Clock } from "../clock.ts";
import { randomUuid } from "../shared/random.ts";
import type { ApiKey, DirectoryRecord, NewReview, ReviewChanges, ReviewRecord, ReviewStatus, UserRef } from "./model.ts";
import type { Random } from "./prng.ts";

/** Everything one directory API instance knows. */
export interface World {
  directories: Map<string, DirectoryRecord>;
  reviews: Map<string, ReviewRecord>;
  keys: Map<string, ApiKey>;
  random: Random;
  nextSeq: number;
}

export interface ListFilter {
  entryIds: readonly string[];
  statuses: readonly ReviewStatus[];
}

/**
 * The in-memory review store. `reset()` throws everything away and re-seeds,
 * so the demo can start over without restarting the server.
 */
export class DirectoryStore {
  #world: World;
  readonly #seed: (clock: Clock) => World;
  readonly #clock: Clock;

  constructor(clock: Clock, seed: (clock: Clock) => World) {
    this.#clock = clock;
    this.#seed = seed;
    this.#world = seed(clock);
  }

  reset(): void {
    this.#world = this.#seed(this.#clock);
  }

  findKey(key: string): ApiKey | undefined {
    return this.#world.keys.get(key);
  }

  directory(directoryId: string): DirectoryRecord | undefined {
    return this.#world.directories.get(directoryId);
  }

  /** Reviews of one directory, newest first. Empty filter lists mean "any". */
  list(directoryId: string, filter: ListFilter): ReviewRecord[] {
    const entryIds = new Set(filter.entryIds);
    const statuses = new Set(filter.statuses);
    return [...this.#world.reviews.values()]
      .filter((r) => r.directoryId === directoryId && (entryIds.size === 0 || entryIds.has(r.entryId)) && (statuses.size === 0 || statuses.has(r.status)))
      .sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq);
  }

  /** The review, only if it belongs to that directory. */
  get(directoryId: string, reviewId: string): ReviewRecord | undefined {
    const review = this.#world.reviews.get(reviewId);
    return review && review.directoryId === directoryId ? review : undefined;
  }

  create(directoryId: string, input: NewReview, caller: UserRef): ReviewRecord {
    const world = this.#world;
    const review: ReviewRecord = {
      // Random, not from the seed generator: a created id must not be predictable from the seed.
      id: randomUuid(),
      directoryId,
      ...input,
      createdMs: Math.floor(this.#clock.nowMs() / 1000) * 1000,
      seq: world.nextSeq++,
      approvedBy: input.status === "A" ? { ...caller } : null,
      declinedBy: input.status === "D" ? { ...caller } : null,
    };
    world.reviews.set(review.id, review);
    return review;
  }

  /**
   * Applies a partial update. A status change to A records the caller as
   * approver and clears the decliner; D does the inverse; anything else
   * (or the same status again) leaves both untouched.
   */
  update(review: ReviewRecord, changes: ReviewChanges, caller: UserRef): ReviewRecord {
    const { status, ...fields } = changes;
    Object.assign(review, fields);
    if (status !== undefined && status !== review.status) {
      if (status === "A") {
        review.approvedBy = { ...caller };
        review.declinedBy = null;
      } else if (status === "D") {
        review.declinedBy = { ...caller };
        review.approvedBy = null;
      }
      review.status = status;
    }
    return review;
  }

  delete(review: ReviewRecord): void {
    this.#world.reviews.delete(review.id);
  }
}
