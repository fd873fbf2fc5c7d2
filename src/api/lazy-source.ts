import type { Aggregate, ModerationItem, Page, Review, ReviewDraft, SourceKind } from "../core/model.js";
import type { ModerationDecision, ModerationQuery, ModerationSource, OwnReview, RequestContext, ReviewPage, ReviewQuery, ReviewSource, RevieweeKey } from "./source.js";

/** Runs `use` on the loaded value, loading it on the first call; a failed load is not kept, so the next call tries again. */
function lazily<T>(load: () => Promise<T>): <R>(use: (value: T) => Promise<R>) => Promise<R> {
  let loaded: Promise<T> | undefined;
  return (use) => {
    const current = (loaded ??= load());
    current.catch(() => {
      if (loaded === current) loaded = undefined;
    });
    return current.then(use);
  };
}

/**
 * A source whose backend module is imported on the first call, so an element
 * can hold its source synchronously while the backend's code (adapters,
 * schemas) loads only when a page first asks it for data.
 */
export class LazySource implements ReviewSource {
  readonly kind: SourceKind;
  readonly #with: <R>(use: (source: ReviewSource) => Promise<R>) => Promise<R>;

  constructor(kind: SourceKind, load: () => Promise<ReviewSource>) {
    this.kind = kind;
    this.#with = lazily(load);
  }

  listReviews(query: ReviewQuery, context?: RequestContext): Promise<ReviewPage> {
    return this.#with((s) => s.listReviews(query, context));
  }
  getReview(id: string, context?: RequestContext): Promise<Review | null> {
    return this.#with((s) => s.getReview(id, context));
  }
  createReview(draft: ReviewDraft, context?: RequestContext): Promise<Review> {
    return this.#with((s) => s.createReview(draft, context));
  }
  updateReview(id: string, patch: { text: string }, context?: RequestContext): Promise<Review | null> {
    return this.#with((s) => s.updateReview(id, patch, context));
  }
  deleteReview(id: string, context?: RequestContext): Promise<void> {
    return this.#with((s) => s.deleteReview(id, context));
  }
  findOwnReview(draft: ReviewDraft, context?: RequestContext): Promise<OwnReview> {
    return this.#with((s) => s.findOwnReview(draft, context));
  }
  listAggregates(keys: readonly RevieweeKey[], context?: RequestContext): Promise<Aggregate[]> {
    return this.#with((s) => s.listAggregates(keys, context));
  }
  getAggregate(id: string, context?: RequestContext): Promise<Aggregate | null> {
    return this.#with((s) => s.getAggregate(id, context));
  }
}

/** The moderation operations of a backend, imported on the first call. */
export class LazyModeration implements ModerationSource {
  readonly kind: SourceKind;
  readonly #with: <R>(use: (source: ModerationSource) => Promise<R>) => Promise<R>;

  constructor(kind: SourceKind, load: () => Promise<ModerationSource>) {
    this.kind = kind;
    this.#with = lazily(load);
  }

  listForModeration(query: ModerationQuery, context?: RequestContext): Promise<Page<ModerationItem>> {
    return this.#with((s) => s.listForModeration(query, context));
  }
  moderate(id: string, decision: ModerationDecision, context?: RequestContext): Promise<ModerationItem> {
    return this.#with((s) => s.moderate(id, decision, context));
  }
}
