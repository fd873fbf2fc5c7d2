import { html, nothing, type ReactiveElement } from "lit";
import { ApiError } from "../core/errors.js";
import { addEnglish } from "../core/i18n/index.js";
import { refresh } from "../core/refresh.js";
import { onDemand, type OnDemand } from "./on-demand.js";
import type { Kit } from "./own-review.js";

type OwnReview = OnDemand["own-review"];

/** What Edit and Withdraw (own-review.ts) take from this copy of the library: Lit's templates, the error type its sources throw, and `refresh` (one module each per page). */
export const kit: Kit = { html, nothing, ApiError, refresh };

let loading: Promise<OwnReview | null> | undefined;
let loaded: OwnReview | null | undefined;

/** The author's Edit and Withdraw, loaded once, when a viewer's own unpublished review first shows (with their English strings). */
export function ownReviewLater(): Promise<OwnReview | null> {
  loading ??= onDemand("own-review", "Edit and Withdraw").then((module) => {
    if (module) addEnglish(module.enOwnReview);
    return (loaded = module);
  });
  return loading;
}

/** Edit and Withdraw if they are in (null: they could not be loaded); until then undefined, and `host` renders again once they are. */
export function ownReview(host: ReactiveElement): OwnReview | null | undefined {
  if (loaded === undefined) void ownReviewLater().then(() => host.requestUpdate());
  return loaded;
}
