/**
 * A failure the API reports to its caller. `code` becomes the error body's
 * `message` (`errMsg_…`), `detail` a human-readable sentence.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 413 | 415 | 429 | 500;

export class MarketplaceError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly detail: string;
  /** For 429: seconds until a retry may succeed, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: ErrorStatus, code: string, detail: string, retryAfterSeconds?: number) {
    super(`${status} ${code}: ${detail}`);
    this.name = "MarketplaceError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const badRequest = (code: string, detail: string) => new MarketplaceError(400, code, detail);
export const unauthorized = (code: string, detail: string) => new MarketplaceError(401, code, detail);
export const forbidden = (code: string, detail: string) => new MarketplaceError(403, code, detail);
export const notFound = (code: string, detail: string) => new MarketplaceError(404, code, detail);
export const payloadTooLarge = (detail: string) => new MarketplaceError(413, "errMsg_requestBodyTooLarge", detail);
export const unsupportedMediaType = () =>
  new MarketplaceError(415, "errMsg_unsupportedMediaType", "Send the request body as JSON (Content-Type: application/json).");
export const tooManyRequests = (code: string, detail: string, retryAfterSeconds: number) =>
  new MarketplaceError(429, code, detail, Math.max(1, Math.ceil(retryAfterSeconds)));
