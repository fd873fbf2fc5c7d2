/**
 * Typed failures of the data layer. Elements decide what to show (in the
 * page's language) from `kind`, `status` and `serverCode`; `message` is a
 * short, user-safe summary for logs — never a URL, a credential or server text.
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

  constructor(kind: ApiErrorKind, details: ApiErrorDetails = {}) {
    super(details.status ? `${kind} error (HTTP ${details.status})` : `${kind} error`, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.serverCode = details.serverCode;
    this.detail = details.detail;
    this.fieldErrors = details.fieldErrors ?? {};
    this.retryAfterMs = details.retryAfterMs;
    this.likelyCors = details.likelyCors ?? false;
  }

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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads both error envelopes we meet on the wire:
 * marketplace `{result:"ERR", status, message:"errMsg_…", errCode, detail}` and
 * DRF `{detail}` / `{field: [messages]}`.
 */
export function parseErrorBody(body: unknown): Pick<ApiErrorDetails, "serverCode" | "detail" | "fieldErrors"> {
  if (!isRecord(body)) return {};
  if (body["result"] === "ERR" && typeof body["message"] === "string") {
    const detail = body["detail"];
    return { serverCode: body["message"], ...(typeof detail === "string" ? { detail } : {}) };
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "detail") continue;
    const messages = Array.isArray(value) ? value.filter((m): m is string => typeof m === "string") : typeof value === "string" ? [value] : [];
    if (messages.length > 0) fieldErrors[key] = messages;
  }
  const detail = body["detail"];
  const code = body["code"];
  return {
    ...(typeof detail === "string" ? { detail } : {}),
    ...(typeof code === "string" ? { serverCode: code } : {}),
    ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
  };
}
