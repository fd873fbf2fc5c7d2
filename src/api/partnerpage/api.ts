import type { HttpClient, HttpMethod } from "../http.js";
import { parseItems, parseWhole } from "../parse.js";
import type { RequestContext } from "../../core/source.js";
import { WireDirectoryReview, WirePaginated } from "./schemas.js";

/**
 * The directory API's wire: one base URL and directory, requests with or
 * without the key, lists as DRF pages or bare arrays. The public source and
 * the owner's moderation both speak it; neither needs the other's code (the
 * owner's page loads only the moderation).
 */
export class PartnerpageApi {
  readonly kind = "partnerpage" as const;
  readonly #base: string;
  protected readonly directory: string;
  readonly #http: HttpClient;

  constructor(apiBase: string, directoryId: string, http: HttpClient) {
    this.#base = apiBase.replace(/\/+$/, "");
    this.directory = encodeURIComponent(directoryId);
    this.#http = http;
  }

  protected async list(path: string, params: [string, string][], context: RequestContext) {
    const response = await this.call("GET", path, params, context);
    const body = response.body;
    const paginated = Array.isArray(body) ? null : parseWhole(WirePaginated, body);
    const parsed = parseItems(WireDirectoryReview, paginated ? paginated.results : body, "GET directory reviews");
    return { items: parsed.items, dropped: parsed.dropped, total: paginated?.count };
  }

  protected detail(id: string): string {
    return `/reviews/directory/${this.directory}/${encodeURIComponent(id)}/`;
  }

  protected call(method: HttpMethod, path: string, params: [string, string][], context: RequestContext, body?: unknown, headers: Record<string, string> = {}) {
    const search = new URLSearchParams(params).toString();
    return this.#http.request({
      method,
      url: `${this.#base}${path}${search ? `?${search}` : ""}`,
      headers: context.token ? { ...headers, Authorization: context.token } : headers,
      body,
      signal: context.signal,
    });
  }
}
