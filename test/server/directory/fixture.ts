/** A directory API world served over HTTP at its real mount points. */
import { Hono } from "hono";
import { Clock } from "../../../server/clock.ts";
import { createDirectory } from "../../../server/directory/index.ts";
import { call, jsonInit, listen, type Answer } from "./listen.ts";

export const API_PREFIX = "/partnerpage/api/directory/private/v1alpha";
export const CONTROL_PREFIX = "/demo-api/directory";

export interface DirectoryServer {
  origin: string;
  /** Absolute base of the API, e.g. "http://127.0.0.1:1234/partnerpage/api/directory/private/v1alpha" */
  apiBase: string;
  clock: Clock;
  /** GET/POST/PATCH/DELETE against the API with a key (or no Authorization header when key is null). */
  api(method: string, path: string, key: string | null, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

export async function startDirectory(clock = new Clock(), options: { strict?: boolean } = {}): Promise<DirectoryServer> {
  const directory = createDirectory({ clock, ...options });
  const app = new Hono();
  app.route(API_PREFIX, directory.api);
  app.route(CONTROL_PREFIX, directory.control);
  const running = await listen(app);
  const apiBase = running.origin + API_PREFIX;
  return {
    origin: running.origin,
    apiBase,
    clock,
    api(method, path, key, body) {
      const headers: Record<string, string> = key === null ? {} : { Authorization: key };
      const init = body === undefined ? { method, headers } : jsonInit(method, body, headers);
      return call(apiBase + path, init);
    },
    close: running.close,
  };
}

/** Wire shape of a review, as the tests read it. */
export interface WireReview {
  id: string;
  entry: { id: string; owner: string; title: string };
  entryType: string;
  title: string;
  company: string;
  summary: string;
  shortSummary: string;
  firstName: string;
  lastName: string;
  email: string;
  rating: number;
  created: string;
  status: string;
  statusDisplay: string;
  approvedBy: { id: string; firstName: string; lastName: string; email: string } | null;
  declinedBy: { id: string; firstName: string; lastName: string; email: string } | null;
}

export interface WirePage {
  count: number;
  next: string | null;
  previous: string | null;
  results: WireReview[];
}

/** The exact key order of the seed's response example. */
export const SEED_REVIEW_KEYS = [
  "id",
  "entry",
  "entryType",
  "title",
  "company",
  "summary",
  "shortSummary",
  "firstName",
  "lastName",
  "email",
  "rating",
  "created",
  "status",
  "statusDisplay",
  "approvedBy",
  "declinedBy",
];
