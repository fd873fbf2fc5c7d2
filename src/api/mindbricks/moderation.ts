import type { ModerationItem, ModerationStatus } from "../../core/model.js";
import type { ModerationModule } from "../backends.js";
import { ApiError } from "../../core/errors.js";
import { parseItems, parseWhole } from "../parse.js";
import type { ModerationDecision, ModerationPage, ModerationQuery, ModerationSource, RequestContext } from "../../core/source.js";
import { reviewWindowMs, toRevieweeType } from "./adapter.js";
import { WireReview } from "./schemas.js";
import { MAX_PAGE_ROWS, MindbricksSource, type Params } from "./source.js";

/** How many pages a moderation listing reads at most (the seed has no status filter). */
const MAX_MODERATION_PAGES = 20;

/** The moderator's view of the marketplace review service: every review, by moderation status; approve and reject. */
export class MindbricksModeration extends MindbricksSource implements ModerationSource {
  async listForModeration(query: ModerationQuery, context: RequestContext = {}): Promise<ModerationPage> {
    // The list API has no moderationStatus filter: read the moderator's view page by page and filter here.
    const all: [ModerationItem, string][] = [];
    const firsts = new Map<string, number>();
    const counts = { pending: 0, approved: 0, rejected: 0 };
    for (let pageNumber = 1; pageNumber <= MAX_MODERATION_PAGES; pageNumber++) {
      const params: Params = [
        ["pageNumber", String(pageNumber)],
        ["pageRowCount", String(MAX_PAGE_ROWS)],
      ];
      const { envelope, data } = await this.call("GET", "/v1/reviews", params, context, "reviews");
      for (const wire of parseItems(WireReview, data, "GET /v1/reviews (moderation)").items) {
        // The review window runs from the stay's first review (adapter.ts), whatever became of it.
        // A review without a reservation is a stay of its own.
        const reservation = wire.reservationId ?? wire.id;
        firsts.set(reservation, Math.min(Date.parse(wire.submittedAt), firsts.get(reservation) ?? Infinity));
        const item = toModerationItem(wire);
        if (!item) continue;
        counts[item.status]++;
        if (item.status === query.status) all.push([item, reservation]);
      }
      if (!envelope.paging || pageNumber >= envelope.paging.pageCount) break;
    }
    const pageSize = query.pageSize ?? 20;
    const page = query.page ?? 1;
    const items = all.slice((page - 1) * pageSize, page * pageSize).map(([item, reservation]) => {
      // Unpublished and not rejected: double-blind holds it until the other side reviews or the window closes.
      if (!item.isPublished && item.status !== "rejected") item.hiddenUntil = new Date(firsts.get(reservation)! + reviewWindowMs());
      return item;
    });
    return { items, page, pageSize, total: all.length, pageCount: Math.ceil(all.length / pageSize), counts };
  }

  /** A moderator's token may decide on every review it can list. */
  async mayModerate(): Promise<boolean> {
    return true;
  }

  async moderate(id: string, decision: ModerationDecision, context: RequestContext = {}): Promise<ModerationItem> {
    // Approving leaves publication to the double-blind rule; rejecting also unpublishes.
    const body = decision === "approve" ? { moderationStatus: "approved" } : { moderationStatus: "rejected", isPublished: false };
    const { data } = await this.call("PATCH", `/v1/reviews/${encodeURIComponent(id)}`, [], context, "review", body);
    const item = toModerationItem(parseWhole(WireReview, data));
    if (!item) throw new ApiError("invalid-response");
    return item;
  }
}

export const createModeration: ModerationModule["createModeration"] = ({ apiBase }, http) => new MindbricksModeration(apiBase, http);

const MODERATION: Record<string, ModerationStatus> = { pending: "pending", approved: "approved", rejected: "rejected" };

/** Wire review → what a moderator sees (full name included; this is never used on public pages). */
function toModerationItem(wire: WireReview): ModerationItem | null {
  const status = MODERATION[wire.moderationStatus];
  if (status === undefined || wire.isActive === false) return null;
  const item: ModerationItem = {
    id: wire.id,
    rating: wire.rating,
    text: wire.reviewText,
    // Names, never ids: without a name the element shows the writer's side ("Guest", "Host").
    authorFullName: wire.reviewer?.fullname ?? "",
    revieweeId: wire.revieweeId,
    submittedAt: new Date(wire.submittedAt),
    status,
    isPublished: wire.isPublished,
  };
  const revieweeType = toRevieweeType(wire.revieweeType);
  if (revieweeType) item.revieweeType = revieweeType;
  item.authorRole = revieweeType === "guest" ? "host" : "guest";
  if (wire.reviewee?.name) item.revieweeLabel = wire.reviewee.name;
  return item;
}
