/**
 * Typed failures of the data layer. Elements decide what to show (in the
 * page's language) from `kind`, `status` and `reason` (what the backend's
 * adapter made of the server's own code); `message` is a short, user-safe
 * summary for logs — never a URL, a credential or server text.
 */
export type ApiErrorKind =
  /** The request never got an answer: offline, refused, DNS, CORS. */
  | "network"
  /** No answer within the timeout. */
  | "timeout"
  /** The caller aborted (element removed, attributes changed). Not an error to show. */
  | "aborted"
  /** The server answered with a non-2xx status. */
  | "http"
  /** A 2xx answer that is not the JSON we expect. */
  | "invalid-response"
  /** The element's settings are incomplete or wrong (no `api-base`, …); `detail` names the problem. Nothing was requested. */
  | "misconfigured";

/** A refusal in the domain's terms, as a backend's adapter reads its server's codes. */
export type ApiErrorReason =
  /** The review window of this stay has closed: neither side may review it any more (`until`: when it closed). */
  | "window-closed"
  /** The viewer has already reviewed this stay. */
  | "already-reviewed"
  /** The stay has not ended yet. */
  | "stay-not-completed"
  /** The review is published: its author may no longer change or withdraw it. */
  | "published";

export interface ApiErrorDetails {
  status?: number;
  /** The server's own code: `errMsg_…` (marketplace) or a DRF `detail`-less code. */
  serverCode?: string;
  /** The server's explanation, for developers; never rendered as-is. */
  detail?: string;
  /** Field errors (`{field: [messages]}`) from DRF-style bodies. */
  fieldErrors?: Readonly<Record<string, readonly string[]>>;
  /** How long the server asked us to wait (429/503 `Retry-After`). */
  retryAfterMs?: number;
  /** A "network" failure that is most likely CORS (see HttpClient). */
  likelyCors?: boolean;
  /** What the refusal means, when the backend's adapter knows (src/api/<kind>/). */
  reason?: ApiErrorReason;
  /** For "window-closed": when it closed, where the server says. */
  until?: Date;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly serverCode: string | undefined;
  readonly detail: string | undefined;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  readonly retryAfterMs: number | undefined;
  /**
   * A cross-origin request failed with no answer from an origin that has not answered this page yet:
   * most likely the API does not allow the page's origin (CORS). Browsers hide the reason, so this is a guess.
   */
  readonly likelyCors: boolean;
  readonly reason: ApiErrorReason | undefined;
  readonly until: Date | undefined;

  constructor(kind: ApiErrorKind, details: ApiErrorDetails = {}) {
    super(details.status ? `${kind} error (HTTP ${details.status})` : `${kind} error`, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.serverCode = details.serverCode;
    this.detail = details.detail;
    this.fieldErrors = details.fieldErrors ?? {};
    this.retryAfterMs = details.retryAfterMs;
    this.likelyCors = details.likelyCors ?? false;
    this.reason = details.reason;
    this.until = details.until;
    this.details = details;
  }

  /** What it was made from, so an adapter can add its `reason`. */
  readonly details: ApiErrorDetails;

  /** Anything thrown, as an ApiError (an unexpected one becomes "invalid-response"). */
  static from(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError("invalid-response", { cause: error });
  }

  /** Worth offering "try again": the failure may be transient. */
  get retryable(): boolean {
    if (this.kind === "network" || this.kind === "timeout" || this.kind === "invalid-response") return true;
    return this.status === 429 || (this.status !== undefined && this.status >= 500);
  }
}

export const isAbort = (error: unknown): boolean =>
  (error instanceof ApiError && error.kind === "aborted") || (error instanceof DOMException && error.name === "AbortError");
