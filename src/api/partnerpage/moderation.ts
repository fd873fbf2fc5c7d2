import type { ModerationItem, ModerationStatus, Review } from "../../core/model.js";
import { ApiError } from "../../core/errors.js";
import type { HttpClient } from "../http.js";
import type { ModerationModule } from "../backends.js";
import { parseWhole } from "../parse.js";
import type { ModerationDecision, ModerationPage, ModerationQuery, ModerationSource, RequestContext } from "../../core/source.js";
import { WireDirectoryReview } from "./schemas.js";
import { PartnerpageApi } from "./api.js";
import { toPublicReview } from "./adapter.js";

const STATUS: Record<string, ModerationStatus> = { A: "approved", D: "rejected", P: "pending" };

/** The directory owner's operations (API key in `Authorization`, no scheme): the list by status, approve and decline, read, edit, delete. */
export class PartnerpageModeration extends PartnerpageApi implements ModerationSource {
  readonly #exportUrl: string;

  constructor(apiBase: string, directoryId: string, http: HttpClient) {
    super(apiBase, directoryId, http);
    this.#exportUrl = `${apiBase.replace(/\/+$/, "")}/reviews/directory/${this.directory}/export/`;
  }

  /** The owner's read of one review (the proxy has no single-review route). */
  async getReview(id: string, context: RequestContext = {}): Promise<Review | null> {
    try {
      return toPublicReview(parseWhole(WireDirectoryReview, (await this.call("GET", this.detail(id), [], context)).body));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  async updateReview(id: string, patch: { text: string }, context: RequestContext = {}): Promise<Review | null> {
    const response = await this.call("PATCH", this.detail(id), [], context, { summary: patch.text });
    return toPublicReview(parseWhole(WireDirectoryReview, response.body));
  }

  async deleteReview(id: string, context: RequestContext = {}): Promise<void> {
    await this.call("DELETE", this.detail(id), [], context);
  }

  /**
   * The owner's CSV export (our `export/` route, README): read with the key in
   * `Authorization` like every owner's call. Not through the JSON client: the
   * answer is a file.
   */
  async exportReviews(context: RequestContext = {}): Promise<Blob> {
    const headers: Record<string, string> = context.token ? { Authorization: context.token } : {};
    let response: Response;
    try {
      response = await fetch(this.#exportUrl, {
        headers,
        credentials: "omit",
        signal: context.signal ?? AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ApiError("network", { cause: error });
    }
    if (!response.ok) throw new ApiError("http", { status: response.status });
    return response.blob();
  }

  async listForModeration(query: ModerationQuery, context: RequestContext = {}): Promise<ModerationPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const path = `/reviews/directory/${this.directory}/`;
    const counts: ModerationPage["counts"] = {};
    let items: ModerationItem[] = [];
    // The other tabs' counts from one-review pages of their own; a server that sends no count leaves their tabs without one.
    await Promise.all(
      Object.entries(STATUS).map(async ([code, status]) => {
        const mine = status === query.status;
        const list = await this.list(
          path,
          [
            ["status", code],
            ["page", String(mine ? page : 1)],
            ["page_size", String(mine ? pageSize : 1)],
          ],
          context,
        );
        if (mine) items = list.items.flatMap((wire) => toModerationItem(wire) ?? []).filter((item) => item.status === status);
        counts[status] = list.total ?? (mine ? items.length : undefined);
      }),
    );
    const count = counts[query.status]!;
    return { items, page, pageSize, total: count, pageCount: Math.ceil(count / pageSize), counts };
  }

  /**
   * Whether the key may approve and decline: the seed's PATCH needs the
   * update permission, checked before the review is looked up, so an empty
   * PATCH of no review answers 403 without it (404 with it) and changes nothing.
   */
  mayModerate(context: RequestContext = {}): Promise<boolean> {
    return this.call("PATCH", this.detail("-"), [], context, {}).then(
      () => true,
      (error: unknown) => ApiError.from(error).status !== 403,
    );
  }

  async moderate(id: string, decision: ModerationDecision, context: RequestContext = {}): Promise<ModerationItem> {
    const response = await this.call("PATCH", this.detail(id), [], context, { status: decision === "approve" ? "A" : "D" });
    const item = toModerationItem(parseWhole(WireDirectoryReview, response.body));
    if (!item) throw new ApiError("invalid-response");
    return item;
  }
}

export const createModeration: ModerationModule["createModeration"] = ({ apiBase, directoryId }, http) =>
  new PartnerpageModeration(apiBase, directoryId ?? "", http);

function toModerationItem(wire: WireDirectoryReview): ModerationItem | null {
  const status = STATUS[wire.status];
  if (!status) return null;
  const item: ModerationItem = {
    id: wire.id,
    rating: wire.rating,
    text: wire.summary,
    authorFullName: [wire.firstName, wire.lastName].filter(Boolean).join(" "),
    revieweeId: wire.entry.id,
    submittedAt: new Date(wire.created),
    status,
  };
  if (wire.title) item.title = wire.title;
  if (wire.email) item.authorEmail = wire.email;
  if (wire.company) item.authorCompany = wire.company;
  if (wire.entry.title) item.revieweeLabel = wire.entry.title;
  return item;
}
