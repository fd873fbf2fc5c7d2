/**
 * Unsent reviews, kept in localStorage per backend, reservation (or entry) and
 * reviewee, so a reload or a failed submit loses nothing. Storage can be
 * unavailable (private modes, quotas): then drafts simply are not kept.
 * Credentials are never part of a draft. A draft expires a week after it was
 * last written, and one written by a signed-in viewer records (a hash of) who
 * they are: another viewer, or nobody signed in, does not get it back. A draft
 * written while signed out (a directory visitor, or before signing in) stays
 * with this browser.
 */
export interface StoredDraft {
  rating: number;
  text: string;
  title?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: string;
}

/** How long a draft is kept after it was last written. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const PREFIX = "review-widgets:draft:";
const SUBMISSION = "#submission";
const SUBMISSION_ID = /^[A-Za-z0-9_-]{16,100}$/;
/** Who wrote a draft: a hash of the viewer's id, never the id or a credential itself. */
const VIEWER = /^[0-9a-f]{32}$/;
/** Fields that say who the writer is; forgotten once a review is sent. */
const PERSONAL = ["firstName", "lastName", "email"] as const;

export function draftKey(parts: readonly (string | null | undefined)[]): string {
  return PREFIX + parts.map((part) => encodeURIComponent(part ?? "")).join(":");
}

/** The tag a signed-in viewer's drafts carry: a SHA-256 of their id (or of whatever identifies them), shortened. */
export async function viewerTag(id: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`review-widgets:viewer:${id}`));
  return Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The draft kept under `key` for `viewer` (a `viewerTag`, or null when nobody is signed in): null when there
 * is none, it expired (then it is dropped) or another viewer wrote it. A draft from before drafts carried a
 * time counts from now.
 */
export function loadDraft(key: string, viewer: string | null = null, now = Date.now()): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== "object" || value === null) return null;
    const record = value as Record<string, unknown>;
    const savedAt = record["savedAt"];
    // A time far in the future (a clock set wrong, a tampered value) would keep a draft forever.
    if (typeof savedAt === "number" && !(Math.abs(now - savedAt) <= DRAFT_MAX_AGE_MS)) {
      localStorage.removeItem(key);
      localStorage.removeItem(key + SUBMISSION);
      return null;
    }
    const owner = record["viewer"];
    if (owner !== undefined && owner !== viewer) return null;
    const text = (name: string) => (typeof record[name] === "string" ? (record[name] as string) : undefined);
    const rating = typeof record["rating"] === "number" && Number.isInteger(record["rating"]) ? record["rating"] : 0;
    const draft: StoredDraft = { rating: rating >= 0 && rating <= 5 ? rating : 0, text: text("text") ?? "" };
    for (const name of ["title", "firstName", "lastName", "email", "company"] as const) {
      const field = text(name);
      if (field !== undefined) draft[name] = field;
    }
    if (typeof savedAt !== "number") localStorage.setItem(key, JSON.stringify(stored(draft, owner, now)));
    return draft;
  } catch {
    return null;
  }
}

/** Keeps `draft` under `key`, written now by `viewer` (a `viewerTag`, or null when nobody is signed in). */
export function saveDraft(key: string, draft: StoredDraft, viewer: string | null = null, now = Date.now()): void {
  try {
    // Changed content is a new submission: it must not be mistaken for a repeat of the last attempt.
    localStorage.removeItem(key + SUBMISSION);
    const empty = draft.rating === 0 && Object.entries(draft).every(([name, value]) => name === "rating" || value === "" || value === undefined);
    if (empty) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(stored(draft, viewer, now)));
  } catch {
    // Storage full or blocked: the draft lives on in the form itself.
  }
}

/** The record kept in storage: the draft, when it was written and, for a signed-in writer, their tag. */
function stored(draft: StoredDraft, viewer: unknown, now: number): Record<string, unknown> {
  return typeof viewer === "string" && VIEWER.test(viewer) ? { ...draft, savedAt: now, viewer } : { ...draft, savedAt: now };
}

/**
 * After a review was sent: names and email leave every kept draft (the rest of
 * a draft stays), so the writer's details do not linger in this browser.
 */
export function forgetPersonalDetails(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key === null || !key.startsWith(PREFIX) || key.endsWith(SUBMISSION)) continue;
      const value = parse(localStorage.getItem(key));
      if (typeof value !== "object" || value === null || !PERSONAL.some((name) => name in value)) continue;
      const record = { ...(value as Record<string, unknown>) };
      for (const name of PERSONAL) delete record[name];
      localStorage.setItem(key, JSON.stringify(record));
    }
  } catch {
    // Blocked storage: nothing we can reach to forget.
  }
}

function parse(raw: string | null): unknown {
  try {
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
    localStorage.removeItem(key + SUBMISSION);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

/**
 * The id of a draft's submission (sent as `Idempotency-Key` where the backend
 * takes one): the same for every attempt at sending this content, also after
 * a reload, so a repeat of a POST that landed creates nothing new.
 */
export function submissionId(key: string): string {
  try {
    const kept = localStorage.getItem(key + SUBMISSION);
    if (kept !== null && SUBMISSION_ID.test(kept)) return kept;
  } catch {
    // Storage blocked: a fresh id below, kept by the caller for this page's life.
  }
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  try {
    localStorage.setItem(key + SUBMISSION, id);
  } catch {
    // As above.
  }
  return id;
}
