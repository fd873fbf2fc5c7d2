/**
 * Test harness: one real HTTP server per test file, on an ephemeral port,
 * serving a tiny Hono app that mounts the marketplace's three apps at their
 * production paths. `fresh()` swaps in a new, independent world (new clock,
 * new marketplace) so every test starts from the seed.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Clock } from "../../../server/clock.ts";
import { createMarketplace, DEMO } from "../../../server/marketplace/index.ts";
import type { ReviewAggregateJson, ReviewJson } from "../../../server/marketplace/wire.ts";

export { DEMO };
export type { ReviewAggregateJson, ReviewJson };

export const API = "/reviewsystem-api";
export const AUTH = "/auth-api";
export const CONTROL = "/demo-api/marketplace";

export interface PagingJson {
  pageNumber: number;
  pageRowCount: number;
  totalRowCount: number;
  pageCount: number;
}

/** Every field any of the three apps may answer with. */
export interface Body {
  status?: string | number;
  statusCode?: number;
  elapsedMs?: number;
  ssoTime?: number;
  source?: string;
  cacheKey?: string;
  userId?: string | null;
  sessionId?: string | null;
  requestId?: string;
  dataName?: string;
  method?: string;
  action?: string;
  appVersion?: string;
  rowCount?: number;
  review?: ReviewJson;
  reviews?: ReviewJson[];
  reviewAggregate?: ReviewAggregateJson;
  reviewAggregates?: ReviewAggregateJson[];
  paging?: PagingJson;
  filters?: unknown[];
  uiPermissions?: unknown[];
  result?: string;
  message?: string;
  errCode?: number;
  date?: string;
  detail?: string;
  accessToken?: string;
  now?: string;
  offsetMs?: number;
  autoApprove?: boolean;
}

export interface HttpResult {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: Body;
}

export interface CallOptions {
  token?: string | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is (for malformed bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export type Who = "guest" | "host" | "admin";

export interface World {
  clock: Clock;
  call(method: string, path: string, options?: CallOptions): Promise<HttpResult>;
  /** Signs in a demo user (by role name or by user id) and returns the access token. */
  login(who: Who | string): Promise<string>;
  createReview(token: string, body: Record<string, unknown>): Promise<HttpResult>;
  getReview(id: string, token?: string): Promise<HttpResult>;
  listReviews(query: string, token?: string): Promise<HttpResult>;
  /** The reviewee's aggregate as the caller sees it (anonymous by default); numbers asserted present unless `hidden` is allowed. */
  aggregateOf(revieweeType: string, revieweeId: string, token?: string): Promise<NumericAggregate | undefined>;
  advanceDays(days: number): Promise<HttpResult>;
}

export interface Harness {
  /** A fresh world on the same server (the previous one is dropped). */
  fresh(options?: { autoApprove?: boolean; realNow?: () => number; reviewWindowDays?: number; strict?: boolean }): World;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  let current: Hono | undefined;
  const server = serve({
    fetch: (request: Request) => (current ? current.fetch(request) : new Response("no world", { status: 503 })),
    port: 0,
  });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<HttpResult> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers["authorization"] = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(base + path, { method, headers, body });
    const text = await response.text();
    const parsed = (text === "" ? {} : JSON.parse(text)) as Body;
    return { status: response.status, contentType: response.headers.get("content-type"), headers: response.headers, body: parsed };
  };

  return {
    fresh(options = {}) {
      const clock = new Clock(options.realNow);
      const marketplace = createMarketplace({
        clock,
        autoApprove: options.autoApprove ?? false,
        strict: options.strict ?? false,
        ...(options.reviewWindowDays !== undefined ? { reviewWindowDays: options.reviewWindowDays } : {}),
      });
      const app = new Hono();
      app.route(API, marketplace.api);
      app.route(AUTH, marketplace.auth);
      app.route(CONTROL, marketplace.control);
      current = app;
      const world: World = {
        clock,
        call,
        async login(who) {
          const username = who === "guest" || who === "host" || who === "admin" ? DEMO.logins[who] : DEMO.userEmails[who];
          assert.ok(username, `no demo user ${who}`);
          const res = await call("POST", `${AUTH}/login`, { body: { username, password: "demo" } });
          assert.equal(res.status, 200, `login ${username}: ${JSON.stringify(res.body)}`);
          assert.equal(typeof res.body.accessToken, "string");
          return res.body.accessToken as string;
        },
        createReview: (token, body) => call("POST", `${API}/v1/reviews`, { token, body }),
        getReview: (id, token) => call("GET", `${API}/v1/reviews/${id}`, { token }),
        listReviews: (query, token) => call("GET", `${API}/v1/reviews${query}`, { token }),
        async aggregateOf(revieweeType, revieweeId, token) {
          const res = await call("GET", `${API}/v1/reviewaggregates?revieweeType=${revieweeType}&revieweeId=${revieweeId}`, { token });
          assert.equal(res.status, 200);
          const list = aggregatesOf(res);
          assert.ok(list.length <= 1, "one aggregate per reviewee");
          return list[0] && withNumbers(list[0]);
        },
        advanceDays: (days) => call("POST", `${CONTROL}/clock/advance`, { body: { days } }),
      };
      return world;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

/** An aggregate whose numbers the caller may read. */
export type NumericAggregate = ReviewAggregateJson & { averageRating: number; reviewCount: number };

/** Asserts that the aggregate carries numbers (public, or read by the moderator). */
export function withNumbers(aggregate: ReviewAggregateJson): NumericAggregate {
  const { averageRating, reviewCount } = aggregate;
  assert.ok(averageRating !== null && reviewCount !== null, `numbers expected in ${JSON.stringify(aggregate)}`);
  return { ...aggregate, averageRating, reviewCount };
}

export function reviewOf(res: HttpResult): ReviewJson {
  assert.ok(res.body.review, `expected a review in ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.review;
}

export function reviewsOf(res: HttpResult): ReviewJson[] {
  assert.ok(Array.isArray(res.body.reviews), `expected reviews in ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.reviews;
}

export function aggregatesOf(res: HttpResult): ReviewAggregateJson[] {
  assert.ok(Array.isArray(res.body.reviewAggregates), `expected reviewAggregates in ${JSON.stringify(res.body)}`);
  return res.body.reviewAggregates;
}

/** Asserts the seed-003 error body: `{result:"ERR", status, message, errCode, date, detail}`. */
export function assertError(res: HttpResult, status: number, message: string): void {
  assert.equal(res.status, status, `expected ${status} ${message}, got ${res.status} ${JSON.stringify(res.body)}`);
  assert.match(res.contentType ?? "", /^application\/json; charset=utf-8$/i);
  assert.deepEqual(Object.keys(res.body).sort(), ["date", "detail", "errCode", "message", "result", "status"]);
  assert.equal(res.body.result, "ERR");
  assert.equal(res.body.status, status);
  assert.equal(res.body.errCode, status);
  assert.equal(res.body.message, message);
  assert.equal(typeof res.body.detail, "string");
  assert.ok(!Number.isNaN(Date.parse(res.body.date ?? "")), "date is ISO");
}

/** A valid create body for the story reservation: guest@demo.test reviews the main listing. */
export function storyListingReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    moderationStatus: "pending",
    isPublished: false,
    reviewText: "Lovely loft, great terrace, steep stairs.",
    rating: 4,
    revieweeId: DEMO.listings.main,
    reservationId: DEMO.reservations.story,
    revieweeType: "listing",
    ...overrides,
  };
}

/** The host's review of the guest on the story reservation. */
export function storyGuestReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    moderationStatus: "pending",
    isPublished: false,
    reviewText: "Tidy, friendly guest. Welcome back.",
    rating: 5,
    revieweeId: DEMO.users.guest,
    reservationId: DEMO.reservations.story,
    revieweeType: "guest",
    ...overrides,
  };
}
