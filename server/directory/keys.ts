/**
 * API-key authentication and permissions, as the directory API does it:
 * `Authorization: <api-key>` (no scheme), keys scoped to one directory.
 */
import type { ApiKey, Permission } from "./model.ts";
import type { DirectoryStore } from "./store.ts";

export const AUTH_MESSAGES = {
  missing: "Authentication credentials were not provided.",
  invalid: "Invalid API key.",
  forbidden: "You do not have permission to perform this action.",
} as const;

export type AuthOutcome = { ok: true; key: ApiKey } | { ok: false; status: 401 | 403; detail: string };

/** Who is calling (401 when nobody or an unknown key). */
export function authenticate(store: DirectoryStore, header: string | undefined): AuthOutcome {
  const value = header?.trim() ?? "";
  if (value === "") return { ok: false, status: 401, detail: AUTH_MESSAGES.missing };
  // The API takes the bare key; "Bearer <token>" is a different scheme, not a key.
  if (/^bearer\s/i.test(value)) return { ok: false, status: 401, detail: AUTH_MESSAGES.invalid };
  const key = store.findKey(value);
  if (!key) return { ok: false, status: 401, detail: AUTH_MESSAGES.invalid };
  return { ok: true, key };
}

/** Authenticates, then checks the key belongs to the directory and has the permission (403 otherwise). */
export function authorize(store: DirectoryStore, header: string | undefined, directoryId: string, permission: Permission): AuthOutcome {
  const outcome = authenticate(store, header);
  if (!outcome.ok) return outcome;
  const { key } = outcome;
  if (key.directoryId !== directoryId || !key.permissions.has(permission)) {
    return { ok: false, status: 403, detail: AUTH_MESSAGES.forbidden };
  }
  return outcome;
}
