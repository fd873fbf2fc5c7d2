import type { Review } from "../../core/model.js";
import { publicAuthorName } from "../../core/names.js";
import { directoryVisibility } from "../../core/visibility.js";
import type { WireDirectoryReview } from "./schemas.js";

/** Directory wire reviews (seed 000) as domain reviews: the same template as the marketplace's adapter.ts. */
export function toReview(wire: WireDirectoryReview, visibility: Review["visibility"]): Review {
  const review: Review = {
    id: wire.id,
    rating: wire.rating,
    text: wire.summary,
    authorName: publicAuthorName(wire.firstName, wire.lastName),
    revieweeId: wire.entry.id,
    submittedAt: new Date(wire.created),
    visibility,
  };
  if (wire.title) review.title = wire.title;
  if (wire.company) review.authorCompany = wire.company;
  if (visibility === "pending") review.pendingReason = "moderation";
  return review;
}

/** Only approved reviews become public reviews; anything else is dropped. */
export function toPublicReview(wire: WireDirectoryReview): Review | null {
  return directoryVisibility(wire).kind === "public" ? toReview(wire, "public") : null;
}
