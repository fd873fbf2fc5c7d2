/**
 * Unsent reviews, kept in localStorage per backend, reservation (or entry) and
 * reviewee, so a reload or a failed submit loses nothing. Storage can be
 * unavailable (private modes, quotas): then drafts simply are not kept.
 * Credentials are never part of a draft. A draft expires a week after it was
 * last written, and one written by a signed-in viewer records their id (as the
 * server names them): another viewer, or nobody signed in, does not get it
 * back. A draft written while signed out (a directory visitor, or before
 * signing in) stays with this browser.
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
/** Fields that say who the writer is; forgotten once a review is sent. */
const PERSONAL = ["firstName", "lastName", "email"] as const;

export function draftKey(parts: readonly (string | null | undefined)[]): string {
  return PREFIX + parts.map((part) => encodeURIComponent(part ?? "")).join(":");
}

/**
 * The draft kept under `key` for `viewer` (their id, or null when nobody is signed in): null when there
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
    // Written signed out (null, or before drafts recorded a viewer): this browser's, whoever is signed in.
    const owner = record["viewer"];
    if (owner != null && owner !== viewer) return null;
    const text = (name: string) => (typeof record[name] === "string" ? (record[name] as string) : undefined);
    const rating = typeof record["rating"] === "number" && Number.isInteger(record["rating"]) ? record["rating"] : 0;
    const draft: StoredDraft = { rating: rating >= 0 && rating <= 5 ? rating : 0, text: text("text") ?? "" };
    for (const name of ["title", "firstName", "lastName", "email", "company"] as const) {
      const field = text(name);
      if (field !== undefined) draft[name] = field;
    }
    if (typeof savedAt !== "number") localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: now }));
    return draft;
  } catch {
    return null;
  }
}

/** Keeps `draft` under `key`, written now by `viewer` (their id, or null when nobody is signed in). */
export function saveDraft(key: string, draft: StoredDraft, viewer: string | null = null, now = Date.now()): void {
  try {
    // Changed content is a new submission: it must not be mistaken for a repeat of the last attempt.
    localStorage.removeItem(key + SUBMISSION);
    const empty = draft.rating === 0 && Object.entries(draft).every(([name, value]) => name === "rating" || value === "" || value === undefined);
    if (empty) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: now, viewer }));
  } catch {
    // Storage full or blocked: the draft lives on in the form itself.
  }
}

/**
 * After a review was sent: names and email leave every kept draft (the rest of
 * a draft stays), so the writer's details do not linger in this browser.
 */
export function forgetPersonalDetails(): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(PREFIX) || key.endsWith(SUBMISSION)) continue;
      try {
        const record = JSON.parse(localStorage.getItem(key)!) as Record<string, unknown>;
        if (typeof record !== "object" || !record || !PERSONAL.some((name) => name in record)) continue;
        for (const name of PERSONAL) delete record[name];
        localStorage.setItem(key, JSON.stringify(record));
      } catch {
        // Not a draft we wrote: left as it is.
      }
    }
  } catch {
    // Blocked storage: nothing we can reach to forget.
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
