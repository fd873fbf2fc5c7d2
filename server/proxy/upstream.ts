/**
 * The proxy's only way to the directory API. It adds the API key, enforces a
 * deadline, caps the response size, and reduces every failure to one of two
 * kinds — "unavailable" or "timeout" — so no upstream detail (and never the
 * key) can reach a client.
 */
import { readTextAtMost } from "./body.ts";

export type UpstreamFailure = "unavailable" | "timeout";

export class UpstreamError extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(failure === "timeout" ? "upstream timed out" : "upstream unavailable");
    this.name = "UpstreamError";
  }
}

export interface UpstreamReply {
  status: number;
  /** The parsed JSON body; undefined when the body was not JSON. */
  body: unknown;
}

export interface UpstreamOptions {
  base: string;
  apiKey: string;
  fetch: (input: Request) => Promise<Response>;
}

const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Settles with `promise`, or rejects as soon as `signal` aborts (even if the fetch ignores it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_RESPONSE_BYTES) throw new UpstreamError("unavailable");
  const text = await readTextAtMost(response.body, MAX_RESPONSE_BYTES);
  if (text === null) throw new UpstreamError("unavailable");
  return text;
}

function isJson(response: Response): boolean {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
}

export class Upstream {
  readonly #base: string;
  readonly #apiKey: string;
  readonly #fetch: (input: Request) => Promise<Response>;

  constructor(options: UpstreamOptions) {
    this.#base = options.base.replace(/\/+$/, "");
    this.#apiKey = options.apiKey;
    this.#fetch = options.fetch;
  }

  /** The upstream URL of a path such as "/reviews/directory/x/". */
  url(path: string, query: ReadonlyArray<readonly [string, string]> = []): URL {
    const url = new URL(this.#base + path);
    for (const [name, value] of query) url.searchParams.append(name, value);
    return url;
  }

  /**
   * One request under `signal` (the caller's deadline). Throws UpstreamError
   * on network failure or timeout; any HTTP status is returned as is.
   */
  async send(method: "GET" | "POST", url: URL, signal: AbortSignal, json?: unknown): Promise<UpstreamReply> {
    const headers = new Headers({ Authorization: this.#apiKey, Accept: "application/json" });
    if (json !== undefined) headers.set("Content-Type", "application/json");
    try {
      const request = new Request(url, {
        method,
        headers,
        body: json === undefined ? null : JSON.stringify(json),
        signal,
        // Never carry the key along a redirect.
        redirect: "error",
      });
      const response = await untilAborted(this.#fetch(request), signal);
      const text = await untilAborted(readCapped(response), signal);
      let body: unknown;
      if (isJson(response)) {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
      }
      return { status: response.status, body };
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      if (signal.aborted) throw new UpstreamError("timeout");
      throw new UpstreamError("unavailable");
    }
  }
}
