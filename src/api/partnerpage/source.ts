import { aggregateOf } from "../../core/aggregate.js";
import type { Aggregate, Review, ReviewDraft } from "../../core/model.js";
import { uniqueById } from "../../core/sort.js";
import { ApiError } from "../../core/errors.js";
import { parseWhole } from "../parse.js";
import { PartnerpageApi } from "./api.js";
import type { OwnReview, RequestContext, ReviewPage, ReviewQuery, ReviewSource, RevieweeKey } from "../../core/source.js";
import { explained, toPublicReview, toReview } from "./adapter.js";
import { WireDirectoryReview } from "./schemas.js";

const MAX_ENTRIES = 100;

/**
 * The partner directory backend. Public reads and submissions never carry a
 * credential and go to our proxy (`{base}/directories/{id}/reviews`), even on
 * a page where an API key is configured; only the owner's operations
 * (moderation, edits) use the key, against the directory API itself
 * (`{base}/reviews/directory/{id}/`, `Authorization: <key>`, no "Bearer").
 * So public elements take the proxy as `api-base`, <review-moderation> the API.
 * Only `status === "A"` is ever public. There is no aggregate on this
 * backend, so aggregates are computed from public reviews.
 */
export class PartnerpageSource extends PartnerpageApi implements ReviewSource {
  /** The proxy answers with every approved review of the entry at once: one page. */
  async listReviews(query: ReviewQuery, context: RequestContext = {}): Promise<ReviewPage> {
    const { items, dropped } = await this.list(this.publicPath, [["entry_id", query.revieweeId]], { signal: context.signal });
    const reviews = items.filter((wire) => wire.entry.id === query.revieweeId).flatMap((wire) => toPublicReview(wire) ?? []);
    return {
      items: reviews,
      page: 1,
      pageSize: reviews.length,
      total: reviews.length,
      pageCount: 1,
      viewerId: null,
      dropped: dropped + items.length - reviews.length,
    };
  }

  /** The proxy has no single-review route: the owner reads one review with the key (PartnerpageModeration). */
  async getReview(_id: string, _context?: RequestContext): Promise<Review | null> {
    return null;
  }

  async createReview(draft: ReviewDraft, context: RequestContext = {}): Promise<Review> {
    const body: Record<string, unknown> = {
      entry_id: draft.revieweeId,
      rating: draft.rating,
      summary: draft.text,
      first_name: draft.firstName ?? "",
      last_name: draft.lastName ?? "",
      email: draft.email ?? "",
    };
    if (draft.title) body["title"] = draft.title;
    if (draft.company) body["company"] = draft.company;
    const headers: Record<string, string> = draft.submissionId ? { "Idempotency-Key": draft.submissionId } : {};
    const response = await this.call("POST", this.publicPath, [], { signal: context.signal }, body, headers).catch((error: unknown) => {
      throw explained(error);
    });
    // The author's own submission, pending until the directory approves it.
    return toReview(parseWhole(WireDirectoryReview, response.body), "pending");
  }

  /** Editing and deleting are the owner's operations, with the API key (PartnerpageModeration); submitters are anonymous. */
  updateReview(_id: string, _patch: { text: string }, _context?: RequestContext): Promise<Review | null> {
    return Promise.reject(new ApiError("http", { status: 403 }));
  }

  deleteReview(_id: string, _context?: RequestContext): Promise<void> {
    return Promise.reject(new ApiError("http", { status: 403 }));
  }

  /** Directory submitters are anonymous: there is no "own" review to find. */
  async findOwnReview(): Promise<OwnReview> {
    return { review: null, viewerId: null };
  }

  async listAggregates(keys: readonly RevieweeKey[], context: RequestContext = {}): Promise<Aggregate[]> {
    const ids = [...new Set(keys.map((key) => key.revieweeId))];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_ENTRIES) chunks.push(ids.slice(i, i + MAX_ENTRIES));
    const lists = await Promise.all(
      chunks.map((chunk) =>
        this.list(
          this.publicPath,
          chunk.map((id): [string, string] => ["entry_id", id]),
          { signal: context.signal },
        ),
      ),
    );
    // A review the server sends twice counts once.
    const reviews = uniqueById(lists.flatMap((list) => list.items).flatMap((wire) => toPublicReview(wire) ?? []));
    return ids.map((id) =>
      aggregateOf(
        id,
        reviews.filter((review) => review.revieweeId === id),
      ),
    );
  }

  async getAggregate(id: string, context: RequestContext = {}): Promise<Aggregate | null> {
    return (await this.listAggregates([{ revieweeId: id }], context))[0] ?? null;
  }

  protected get publicPath(): string {
    return `/directories/${this.directory}/reviews`;
  }
}
