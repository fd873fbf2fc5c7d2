import type { Aggregate, Review } from "../core/model.js";
import type { Counts, ListState, SummaryState } from "../core/server-state.js";

/**
 * Data rendered on the server (issue 17), handed to an element as its
 * `initialData` property or as a `<script type="application/json"
 * data-review-widgets-state>` child. It is read as untrusted input: only
 * public reviews and well-formed numbers pass; anything else is dropped, and a
 * state that is not one of these shapes is no state (the element fetches).
 */
export const STATE_SELECTOR = "script[data-review-widgets-state]";

// Self-contained (type imports only): the script files fetch it as one module, on server-rendered pages only.
type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): value is string => typeof value === "string";
const count = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const date = (value: unknown): Date | null => {
  const parsed = text(value) || value instanceof Date ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
};

function counts(value: unknown): Counts | null {
  return Array.isArray(value) && value.length === 5 && value.every(count) ? (value as unknown as Counts) : null;
}

function aggregate(value: unknown): Aggregate | null {
  if (!isRecord(value) || !text(value["revieweeId"])) return null;
  const { revieweeId, average, count: total } = value;
  if (value["visible"] !== true) return { revieweeId, visible: false };
  if (typeof average !== "number" || !(average >= 0 && average <= 5) || !count(total)) return null;
  const distribution = counts(value["distribution"]);
  return { revieweeId, visible: true, average, count: total, ...(distribution && { distribution }) };
}

/** A public review, rebuilt field by field (so nothing private rides along), or null. */
function publicReview(value: unknown): Review | null {
  if (!isRecord(value) || value["visibility"] !== "public") return null;
  const { id, rating, text: body, title, authorName, authorRole, authorCompany, revieweeId, stay } = value;
  const submittedAt = date(value["submittedAt"]);
  if (!text(id) || !text(body) || !text(authorName) || !text(revieweeId) || !submittedAt) return null;
  if (!Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 5) return null;
  const checkIn = isRecord(stay) ? date(stay["checkIn"]) : null;
  return {
    id,
    rating: rating as number,
    text: body,
    authorName,
    revieweeId,
    submittedAt,
    visibility: "public",
    ...(text(title) && { title }),
    ...((authorRole === "guest" || authorRole === "host") && { authorRole }),
    ...(text(authorCompany) && { authorCompany }),
    ...(checkIn && isRecord(stay) && count(stay["nights"]) && { stay: { checkIn, nights: stay["nights"], verified: stay["verified"] === true } }),
  };
}

/** A summary's state, or null when `value` is not one. */
export function summaryState(value: unknown): SummaryState | null {
  if (!isRecord(value) || !("aggregate" in value)) return null;
  const found = aggregate(value["aggregate"]);
  if (value["aggregate"] !== null && !found) return null;
  return { aggregate: found, distribution: found?.visible ? counts(value["distribution"]) : null };
}

/** A list's state (public reviews only; others are dropped), or null when `value` is not one. */
export function listState(value: unknown): ListState | null {
  if (!isRecord(value) || !Array.isArray(value["reviews"])) return null;
  return { reviews: value["reviews"].map(publicReview).filter((review) => review !== null) };
}

/**
 * Before the tags are defined on a server-rendered page: one frame, so the browser paints the server's
 * HTML before the upgrade's work, and the strings of the page's languages (`load` fetches one), so the
 * takeover renders the same words — a Spanish page never flashes English.
 */
export function ready(load: (lang: string) => Promise<void>, locale: string | undefined): Promise<unknown> {
  const langs = [...document.querySelectorAll(STATE_SELECTOR)].map((state) => state.parentElement?.closest("[lang]")?.getAttribute("lang") || locale || "en");
  return Promise.all([new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))), ...[...new Set(langs)].map(load)]);
}

/** The state child of `host`, parsed (null when there is none or it is not JSON). */
export function readStateScript(host: Element): unknown {
  const script = host.querySelector(`:scope > ${STATE_SELECTOR}`);
  try {
    return script ? JSON.parse(script.textContent ?? "") : null;
  } catch {
    return null;
  }
}
