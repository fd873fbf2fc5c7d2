/**
 * A failure the API reports to its caller. `code` becomes the error body's
 * `message` (`errMsg_…`), `detail` a human-readable sentence.
 */
export class MarketplaceError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 500;
  readonly code: string;
  readonly detail: string;

  constructor(status: 400 | 401 | 403 | 404 | 500, code: string, detail: string) {
    super(`${status} ${code}: ${detail}`);
    this.name = "MarketplaceError";
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

export const badRequest = (code: string, detail: string) => new MarketplaceError(400, code, detail);
export const unauthorized = (code: string, detail: string) => new MarketplaceError(401, code, detail);
export const forbidden = (code: string, detail: string) => new MarketplaceError(403, code, detail);
export const notFound = (code: string, detail: string) => new MarketplaceError(404, code, detail);
