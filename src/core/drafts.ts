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
  } catch {
    // Nothing to clear where storage is blocked.
  }
}
