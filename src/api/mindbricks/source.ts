import type { Aggregate, Page, Review, ReviewDraft } from "../../core/model.js";
import { ApiError } from "../../core/errors.js";
import type { HttpClient, HttpMethod } from "../http.js";
import { explained } from "./errors.js";
import { parseItems, parseWhole } from "../parse.js";
import type { OwnReview, RequestContext, ReviewPage, ReviewQuery, ReviewSource, RevieweeKey } from "../../core/source.js";
import { toAggregate, toReview } from "./adapter.js";
import { WireAggregate, WireEnvelope, WireReview, type WirePaging } from "./schemas.js";

/** The service's page size ceiling; bigger batches are split. */
export const MAX_PAGE_ROWS = 100;
export type Params = ReadonlyArray<readonly [string, string]>;

/**
 * The marketplace review service (seed 003) as a `ReviewSource`: success
 * envelope `{status:"OK", dataName, [dataName], paging}`, repeated filters,
 * `pageNumber`/`pageRowCount` paging, `Authorization: Bearer <token>`.
 */
export class MindbricksSource implements ReviewSource {
  readonly kind = "mindbricks" as const;
  readonly #base: string;
  readonly #http: HttpClient;

  constructor(apiBase: string, http: HttpClient) {
    this.#base = apiBase.replace(/\/+$/, "");
    this.#http = http;
  }

  async listReviews(query: ReviewQuery, context: RequestContext = {}): Promise<ReviewPage> {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_ROWS);
    const params: [string, string][] = [["revieweeId", query.revieweeId]];
    if (query.revieweeType) params.push(["revieweeType", query.revieweeType]);
    if (query.reservationId) params.push(["reservationId", query.reservationId]);
    params.push(["pageNumber", String(page)], ["pageRowCount", String(pageSize)]);

    const { envelope, data } = await this.call("GET", "/v1/reviews", params, context, "reviews");
    const viewerId = envelope.userId ?? null;
    const parsed = parseItems(WireReview, data, "GET /v1/reviews");
    const items: Review[] = [];
    for (const wire of parsed.items) {
      const review = toReview(wire, viewerId);
      // A response for another reviewee is a server bug; it must not show here.
      if (review && matches(review, query)) items.push(review);
    }
    return {
      ...paging(envelope.paging, page, pageSize, items.length),
      items,
      viewerId,
      dropped: parsed.items.length - items.length + parsed.dropped,
    };
  }

  async getReview(id: string, context: RequestContext = {}): Promise<Review | null> {
    try {
      const { envelope, data } = await this.call("GET", `/v1/reviews/${encodeURIComponent(id)}`, [], context, "review");
      return toReview(parseWhole(WireReview, data), envelope.userId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  async createReview(draft: ReviewDraft, context: RequestContext = {}): Promise<Review> {
    // The seed marks moderationStatus and isPublished as required on create; the
    // server decides both, so we send the only honest values: pending, unpublished.
    const body = {
      moderationStatus: "pending",
      isPublished: false,
      reviewText: draft.text,
      rating: draft.rating,
      revieweeId: draft.revieweeId,
      reservationId: draft.reservationId,
      revieweeType: draft.revieweeType,
    };
    const { envelope, data } = await this.call("POST", "/v1/reviews", [], context, "review", body);
    const wire = parseWhole(WireReview, data);
    const review = toReview(wire, wire.reviewerId ?? envelope.userId);
    if (!review) throw new ApiError("invalid-response");
    return review;
  }

  async updateReview(id: string, patch: { text: string }, context: RequestContext = {}): Promise<Review | null> {
    const { envelope, data } = await this.call("PATCH", `/v1/reviews/${encodeURIComponent(id)}`, [], context, "review", {
      reviewText: patch.text,
    });
    return toReview(parseWhole(WireReview, data), envelope.userId);
  }

  async deleteReview(id: string, context: RequestContext = {}): Promise<void> {
    await this.call("DELETE", `/v1/reviews/${encodeURIComponent(id)}`, [], context, "review");
  }

  async findOwnReview(draft: ReviewDraft, context: RequestContext = {}): Promise<OwnReview> {
    const page = await this.listReviews(
      { revieweeId: draft.revieweeId, revieweeType: draft.revieweeType, reservationId: draft.reservationId, pageSize: MAX_PAGE_ROWS },
      context,
    );
    const review = page.items.find((item) => page.viewerId !== null && item.reviewerId === page.viewerId) ?? null;
    return { review, viewerId: page.viewerId };
  }

  async listAggregates(keys: readonly RevieweeKey[], context: RequestContext = {}): Promise<Aggregate[]> {
    const chunks: RevieweeKey[][] = [];
    for (let i = 0; i < keys.length; i += MAX_PAGE_ROWS) chunks.push(keys.slice(i, i + MAX_PAGE_ROWS));
    const results = await Promise.all(chunks.map((chunk) => this.#aggregateChunk(chunk, context)));
    return results.flat();
  }

  async #aggregateChunk(keys: readonly RevieweeKey[], context: RequestContext): Promise<Aggregate[]> {
    const ids = [...new Set(keys.map((key) => key.revieweeId))];
    const types = [...new Set(keys.flatMap((key) => (key.revieweeType ? [key.revieweeType] : [])))];
    const params: [string, string][] = ids.map((id) => ["revieweeId", id]);
    // Only narrow by type when every key names one; otherwise match types below.
    if (keys.every((key) => key.revieweeType)) for (const type of types) params.push(["revieweeType", type]);
    params.push(["pageNumber", "1"], ["pageRowCount", String(MAX_PAGE_ROWS)]);
    const { data } = await this.call("GET", "/v1/reviewaggregates", params, context, "reviewAggregates");
    const parsed = parseItems(WireAggregate, data, "GET /v1/reviewaggregates");
    return parsed.items.map(toAggregate).filter((aggregate) => keys.some((key) => matches(aggregate, key)));
  }

  async getAggregate(id: string, context: RequestContext = {}): Promise<Aggregate | null> {
    try {
      const { data } = await this.call("GET", `/v1/reviewaggregates/${encodeURIComponent(id)}`, [], context, "reviewAggregate");
      return toAggregate(parseWhole(WireAggregate, data));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  protected async call(
    method: HttpMethod,
    path: string,
    params: Params,
    context: RequestContext,
    expectedDataName: string,
    body?: unknown,
  ): Promise<{ envelope: WireEnvelope; data: unknown }> {
    const search = new URLSearchParams(params as [string, string][]).toString();
    const headers: Record<string, string> = context.token ? { Authorization: `Bearer ${context.token}` } : {};
    const response = await this.#http
      .request({
        method,
        url: `${this.#base}${path}${search ? `?${search}` : ""}`,
        headers,
        body,
        signal: context.signal,
      })
      .catch((error: unknown) => {
        throw explained(error);
      });
    const envelope = parseWhole(WireEnvelope, response.body);
    if (envelope.status !== "OK" || envelope.dataName !== expectedDataName) throw new ApiError("invalid-response");
    return { envelope, data: (response.body as Record<string, unknown>)[expectedDataName] };
  }
}

function matches(item: { revieweeId: string; revieweeType?: string | undefined }, key: RevieweeKey): boolean {
  return item.revieweeId === key.revieweeId && (!key.revieweeType || !item.revieweeType || item.revieweeType === key.revieweeType);
}

function paging(wire: WirePaging | null | undefined, page: number, pageSize: number, count: number): Page<never> {
  if (!wire) return { items: [], page, pageSize, total: count, pageCount: count > 0 ? 1 : 0 };
  return { items: [], page: wire.pageNumber, pageSize: wire.pageRowCount, total: wire.totalRowCount, pageCount: wire.pageCount };
}
