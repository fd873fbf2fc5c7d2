import { ApiError } from "../../core/errors.js";
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

/** The API's field names (DRF, snake_case) as the draft's: `summary` is the text, `first_name` firstName. */
function draftField(name: string): string {
  return name === "summary" ? "text" : name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
}

/** A refused submission with its field errors named as the draft's fields (the form never sees wire names). */
export function explained(error: unknown): unknown {
  if (!(error instanceof ApiError) || Object.keys(error.fieldErrors).length === 0) return error;
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([name, messages]) => [draftField(name), messages]));
  return new ApiError(error.kind, { ...error.details, fieldErrors });
}
