import { ApiError } from "../core/errors.js";
import { parseErrorBody } from "./wire-errors.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface HttpRequest {
  method?: HttpMethod;
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Per attempt; overrides the client's default. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export interface HttpClientOptions {
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** A number, or a function read at each request (page configuration can change). */
  timeoutMs?: number | (() => number | undefined);
  /** Retries after the first attempt, GET only; a number or a function read at each request. */
  maxRetries?: number | (() => number | undefined);
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A longer `Retry-After` than this is not waited for: the error is reported instead. */
  maxRetryAfterMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Origins that have answered this page (any status): CORS works for them, so a later failure is the network's. */
const answered = new Set<string | undefined>();
let hinted = false;

/**
 * Browsers report a CORS refusal exactly like a network failure (a TypeError, no response, no
 * reason). We call it likely CORS only when all of these hold: the URL is on another origin than
 * the page, the browser says it is online, and that origin has not answered this page before.
 * Such a failure is not retried (three more refusals would only delay the error state by seconds),
 * and the console names the origins and the setting, once a page. A real outage that looks the
 * same still shows the error state with its retry button.
 */
function likelyCors(url: string): boolean {
  const page = globalThis.location?.origin;
  const origin = originOf(url);
  if (!page || !origin || origin === page || answered.has(origin) || !navigator.onLine) return false;
  if (!hinted) console.warn(`[review-widgets] CORS? ${origin} does not allow ${page} (reference server: API_ALLOWED_ORIGINS)`);
  return (hinted = true);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A small JSON-over-HTTP client: a timeout per attempt, caller abort, retries
 * with exponential backoff and full jitter for GET only (a POST is never
 * blindly retried: it may have landed), `Retry-After` honoured on 429/503, and
 * every failure turned into a typed `ApiError`.
 */
export class HttpClient {
  readonly #fetch: NonNullable<HttpClientOptions["fetch"]>;
  readonly #timeoutMs: () => number;
  readonly #maxRetries: () => number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A write succeeded: from now on reads revalidate, so a cached list cannot hide the change. */
  #wrote = false;

  constructor(options: HttpClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    const setting = (value: number | (() => number | undefined) | undefined, fallback: number) => () => {
      const resolved = typeof value === "function" ? value() : value;
      return typeof resolved === "number" && Number.isFinite(resolved) && resolved >= 0 ? resolved : fallback;
    };
    this.#timeoutMs = setting(options.timeoutMs, 10_000);
    this.#maxRetries = setting(options.maxRetries, 3);
    this.#baseDelayMs = options.baseDelayMs ?? 300;
    this.#maxDelayMs = options.maxDelayMs ?? 5_000;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 15_000;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? abortableSleep;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const method = request.method ?? "GET";
    const retries = method === "GET" ? this.#maxRetries() : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(method, request);
      } catch (error) {
        if (!(error instanceof ApiError) || attempt >= retries || !this.#isRetryable(error)) throw error;
        const delay = this.#delayFor(error, attempt);
        if (delay === undefined) throw error;
        try {
          await this.#sleep(delay, request.signal);
        } catch (reason) {
          throw aborted(reason);
        }
      }
    }
  }

  #isRetryable(error: ApiError): boolean {
    if (error.likelyCors) return false;
    return error.kind === "network" || error.kind === "timeout" || (error.status !== undefined && RETRYABLE_STATUS.has(error.status));
  }

  /** Full jitter: a uniform delay in [0, min(max, base·2^attempt)], or the server's `Retry-After`. */
  #delayFor(error: ApiError, attempt: number): number | undefined {
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= this.#maxRetryAfterMs ? error.retryAfterMs : undefined;
    }
    const ceiling = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** attempt);
    return Math.floor(this.#random() * ceiling);
  }

  async #attempt(method: HttpMethod, request: HttpRequest): Promise<HttpResponse> {
    const callerSignal = request.signal;
    if (callerSignal?.aborted) throw aborted(callerSignal.reason);
    const timeout = AbortSignal.timeout(request.timeoutMs ?? this.#timeoutMs());
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
    const init: RequestInit = { method, headers, signal, credentials: "omit" };
    // Public lists may carry `max-age` (the directory proxy); after our own write they would be stale.
    if (method === "GET" && this.#wrote) init.cache = "no-cache";
    if (request.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(request.body);
    }

    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(request.url, init);
      text = await response.text();
    } catch (error) {
      if (callerSignal?.aborted) throw aborted(callerSignal.reason);
      if (timeout.aborted) throw new ApiError("timeout", { cause: error });
      throw new ApiError("network", { cause: error, likelyCors: error instanceof TypeError && likelyCors(request.url) });
    }
    answered.add(originOf(response.url || request.url));

    const body = parseJson(text);
    if (!response.ok) {
      const parsed = body.ok ? parseErrorBody(body.value) : {};
      const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get("Retry-After")) : undefined;
      throw new ApiError("http", {
        status: response.status,
        ...parsed,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    if (method !== "GET") this.#wrote = true;
    if (!body.ok) {
      throw new ApiError("invalid-response", { status: response.status });
    }
    return { status: response.status, headers: response.headers, body: body.value };
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return undefined;
  }
}

function aborted(reason: unknown): ApiError {
  return new ApiError("aborted", { cause: reason });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
