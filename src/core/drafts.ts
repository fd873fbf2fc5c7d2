/**
 * Unsent reviews, kept in localStorage per backend, reservation (or entry) and
 * reviewee, so a reload or a failed submit loses nothing. Storage can be
 * unavailable (private modes, quotas): then drafts simply are not kept.
 * Credentials are never part of a draft.
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

const PREFIX = "review-widgets:draft:";
const SUBMISSION = "#submission";
const SUBMISSION_ID = /^[A-Za-z0-9_-]{16,100}$/;

export function draftKey(parts: readonly (string | null | undefined)[]): string {
  return PREFIX + parts.map((part) => encodeURIComponent(part ?? "")).join(":");
}

export function loadDraft(key: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== "object" || value === null) return null;
    const record = value as Record<string, unknown>;
    const text = (name: string) => (typeof record[name] === "string" ? (record[name] as string) : undefined);
    const rating = typeof record["rating"] === "number" && Number.isInteger(record["rating"]) ? record["rating"] : 0;
    const draft: StoredDraft = { rating: rating >= 0 && rating <= 5 ? rating : 0, text: text("text") ?? "" };
    for (const name of ["title", "firstName", "lastName", "email", "company"] as const) {
      const field = text(name);
      if (field !== undefined) draft[name] = field;
    }
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: StoredDraft): void {
  try {
    // Changed content is a new submission: it must not be mistaken for a repeat of the last attempt.
    localStorage.removeItem(key + SUBMISSION);
    const empty = draft.rating === 0 && Object.entries(draft).every(([name, value]) => name === "rating" || value === "" || value === undefined);
    if (empty) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft lives on in the form itself.
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
