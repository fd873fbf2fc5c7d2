import { ApiError, type ApiErrorReason } from "../../core/errors.js";

/** The review service's codes (seed 003, and ours where it is silent: README) in the domain's terms. */
const REASONS: Readonly<Record<string, ApiErrorReason>> = {
  errMsg_reviewWindowClosed: "window-closed",
  errMsg_reviewAlreadyExists: "already-reviewed",
  errMsg_stayNotCompleted: "stay-not-completed",
  errMsg_reviewIsPublished: "published",
};

/**
 * A failure as the elements should read it: the server's code as a `reason`, and for a closed window
 * when it closed (the seed's error body has no field for it; our server names the instant in `detail`).
 */
export function explained(error: unknown): unknown {
  const reason = error instanceof ApiError && error.serverCode !== undefined ? REASONS[error.serverCode] : undefined;
  if (!reason || !(error instanceof ApiError)) return error;
  const until = reason === "window-closed" ? Date.parse(error.detail?.match(/\d{4}-[\dT:.-]+Z/)?.[0] ?? "") : Number.NaN;
  return new ApiError(error.kind, { ...error.details, reason, ...(until ? { until: new Date(until) } : {}) });
}
