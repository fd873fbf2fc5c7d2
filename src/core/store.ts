import type { RequestContext, ReviewPage, ReviewQuery, ReviewSource, RevieweeKey } from "./source.js";
import type { Aggregate, Review } from "./model.js";
import { uniqueById } from "./sort.js";

/**
 * Page size for reading a reviewee's whole set of reviews. `<review-list page-size="3">` still reads
 * the whole set, not 3: it sorts (newest, oldest, highest, lowest) and filters by stars across every
 * page, and neither backend takes a sort parameter or documents an order, so the first 3 the server
 * returns need not be the first 3 the reader should see. Reading it in pages of 100 makes that one
 * request for most reviewees, where pages of `page-size` would make many.
 */
const ALL_PAGE_SIZE = 100;
/** Pages read at most (1,000 reviews): enough for any widget, bounded for a runaway server. */
const ALL_MAX_PAGES = 10;

export interface AllReviews {
  reviews: Review[];
  viewerId: string | null;
  /** Items the data layer refused (invalid or not visible). */
  dropped: number;
}

export interface StoreOptions {
  /** How long a result is reused. Short: reviews change, but a page shows the same data in many places. */
  ttlMs?: number;
  now?: () => number;
  /**
   * When queued aggregate lookups are sent. Default: while the page is still
   * being parsed, just after DOMContentLoaded (HTML streamed in chunks, and
   * elements a page script adds at DOMContentLoaded, still make one request);
   * afterwards, as soon as the elements upgraded together have asked (a
   * microtask: before the browser lays out and paints their placeholders, so
   * the request leaves as early as a hand-written page's).
   */
  schedule?: (flush: () => void) => void;
}

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
  settledAt?: number;
}

interface QueuedLookup {
  key: RevieweeKey;
  /** Aborted when every caller waiting for this reviewee has left. */
  signal: AbortSignal;
  resolve: (aggregate: Aggregate | null) => void;
  reject: (error: unknown) => void;
}

const abortError = (signal: AbortSignal): unknown => signal.reason ?? new DOMException("Aborted", "AbortError");

/**
 * One per page: identical requests share one in-flight promise, results are
 * reused for a short time, and aggregate lookups made in the same task for
 * different reviewees become one request with repeated `revieweeId`.
 *
 * A shared request is aborted only when every caller waiting on it has aborted,
 * so one element leaving the page never cancels its neighbour's data.
 */
export class ReviewStore extends EventTarget {
  /**
   * The star filter of each subject that has a `<review-list>` on the page (a key is there while one is):
   * the summary's bars set it, the list follows, and the other way round. A "filter" event names the subject.
   */
  readonly filters = new Map<string, number | null>();
  readonly #entries = new Map<string, Entry<unknown>>();
  readonly #queues = new Map<ReviewSource, Map<string, QueuedLookup[]>>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #schedule: (flush: () => void) => void;
  readonly #tokenIds = new Map<string, number>();

  constructor(options: StoreOptions = {}) {
    super();
    this.#ttlMs = options.ttlMs ?? 30_000;
    this.#now = options.now ?? Date.now;
    this.#schedule =
      options.schedule ??
      ((flush) => {
        if (typeof document !== "undefined" && document.readyState === "loading")
          document.addEventListener("DOMContentLoaded", () => setTimeout(flush, 0), { once: true });
        else queueMicrotask(flush);
      });
  }

  /** A list page, shared between identical callers; keyed by viewer, since a viewer sees their own pending review. */
  reviews(source: ReviewSource, sourceKey: string, query: ReviewQuery, context: RequestContext = {}): Promise<ReviewPage> {
    const key = [
      "reviews",
      sourceKey,
      this.#viewerKey(context.token),
      query.revieweeId,
      query.revieweeType ?? "",
      query.reservationId ?? "",
      query.page ?? 1,
      query.pageSize ?? "",
    ].join("\u0000");
    return this.shared(key, (signal) => source.listReviews(query, { token: context.token, signal }), context.signal);
  }

  /**
   * Every review of a reviewee the viewer may see (bounded), read page by page
   * through the shared cache; duplicates are dropped. Sorting and filtering
   * happen on this whole set, so they are right across pages.
   */
  async allReviews(source: ReviewSource, sourceKey: string, query: RevieweeKey, context: RequestContext = {}): Promise<AllReviews> {
    const page = (n: number) => this.reviews(source, sourceKey, { ...query, page: n, pageSize: ALL_PAGE_SIZE }, context);
    const first = await page(1);
    const more = Math.min(first.pageCount, ALL_MAX_PAGES);
    const rest = await Promise.all(Array.from({ length: Math.max(0, more - 1) }, (_, i) => page(i + 2)));
    const pages = [first, ...rest];
    return {
      reviews: uniqueById(pages.flatMap((p) => p.items)),
      viewerId: first.viewerId,
      dropped: pages.reduce((sum, p) => sum + p.dropped, 0),
    };
  }

  /**
   * The aggregate of one reviewee. Aggregates are public data, so they are
   * fetched without credentials and shared by every viewer on the page.
   */
  aggregate(source: ReviewSource, sourceKey: string, key: RevieweeKey, signal?: AbortSignal): Promise<Aggregate | null> {
    const cacheKey = ["aggregate", sourceKey, key.revieweeId, key.revieweeType ?? ""].join("\u0000");
    return this.shared(cacheKey, (shared) => this.#enqueue(source, sourceKey, key, shared), signal);
  }

  /** Sets the star filter of a subject (`undefined`: its list has left the page), and tells the page. */
  setFilter(subject: string, stars: number | null | undefined): void {
    if (stars === undefined) this.filters.delete(subject);
    else this.filters.set(subject, stars);
    this.dispatchEvent(new CustomEvent("filter", { detail: subject }));
  }

  /** Forget cached results (after a write), so the next read sees the change. */
  invalidate(): void {
    for (const [key, entry] of this.#entries) if (entry.settledAt !== undefined) this.#entries.delete(key);
  }

  /** Runs `load` once for all identical callers within the TTL. */
  shared<T>(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let entry = this.#entries.get(key) as Entry<T> | undefined;
    if (entry?.settledAt !== undefined && this.#now() - entry.settledAt > this.#ttlMs) {
      this.#entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      this.#sweep();
      const controller = new AbortController();
      const created: Entry<T> = { controller, waiters: 0, promise: load(controller.signal) };
      created.promise.then(
        () => (created.settledAt = this.#now()),
        () => {
          // Failures are not cached: the next caller tries again.
          if (this.#entries.get(key) === created) this.#entries.delete(key);
        },
      );
      this.#entries.set(key, created as Entry<unknown>);
      entry = created;
    }
    if (entry.settledAt !== undefined) return entry.promise;
    if (!signal) {
      // A caller that cannot abort keeps the shared request alive for good.
      entry.waiters++;
      return entry.promise;
    }
    return this.#waitFor(key, entry, signal);
  }

  /** Drops expired results, so a long-lived page does not keep every reviewee it ever showed. */
  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.settledAt !== undefined && now - entry.settledAt > this.#ttlMs) this.#entries.delete(key);
  }

  #waitFor<T>(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    entry.waiters++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        entry.waiters--;
        if (entry.waiters === 0 && entry.settledAt === undefined) {
          entry.controller.abort(signal.reason);
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
        }
        reject(abortError(signal));
      };
      signal.addEventListener("abort", onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener("abort", onAbort);
          entry.waiters--;
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          entry.waiters--;
          reject(error);
        },
      );
    });
  }

  #enqueue(source: ReviewSource, sourceKey: string, key: RevieweeKey, signal: AbortSignal): Promise<Aggregate | null> {
    return new Promise((resolve, reject) => {
      let bySource = this.#queues.get(source);
      if (!bySource) this.#queues.set(source, (bySource = new Map()));
      let queue = bySource.get(sourceKey);
      if (!queue) {
        bySource.set(sourceKey, (queue = []));
        this.#schedule(() => void this.#flush(source, sourceKey));
      }
      queue.push({ key, signal, resolve, reject });
    });
  }

  async #flush(source: ReviewSource, sourceKey: string): Promise<void> {
    const bySource = this.#queues.get(source);
    const queued = bySource?.get(sourceKey) ?? [];
    bySource?.delete(sourceKey);
    // Lookups abandoned before the batch left need no request; the batch itself
    // is cancelled only once every lookup in it has been abandoned.
    for (const lookup of queued) if (lookup.signal.aborted) lookup.reject(abortError(lookup.signal));
    const queue = queued.filter((lookup) => !lookup.signal.aborted);
    if (queue.length === 0) return;
    const controller = new AbortController();
    const abandon = () => {
      if (queue.every((lookup) => lookup.signal.aborted)) controller.abort(abortError(queue[0]!.signal));
    };
    for (const lookup of queue) lookup.signal.addEventListener("abort", abandon, { once: true });
    try {
      const aggregates = await source.listAggregates(
        queue.map((lookup) => lookup.key),
        { signal: controller.signal },
      );
      for (const { key, resolve } of queue) {
        resolve(
          aggregates.find((a) => a.revieweeId === key.revieweeId && (!key.revieweeType || !a.revieweeType || a.revieweeType === key.revieweeType)) ?? null,
        );
      }
    } catch (error) {
      for (const lookup of queue) lookup.reject(error);
    } finally {
      for (const lookup of queue) lookup.signal.removeEventListener("abort", abandon);
    }
  }

  #viewerKey(token: string | null | undefined): string {
    if (!token) return "anonymous";
    let id = this.#tokenIds.get(token);
    if (id === undefined) this.#tokenIds.set(token, (id = this.#tokenIds.size + 1));
    return `viewer-${id}`;
  }
}
