import type { ApiErrorDetails } from "../core/errors.js";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads both error envelopes we meet on the wire:
 * marketplace `{result:"ERR", status, message:"errMsg_…", errCode, detail}` and
 * DRF `{detail}` / `{field: [messages]}`.
 */
export function parseErrorBody(body: unknown): Pick<ApiErrorDetails, "serverCode" | "detail" | "fieldErrors"> {
  if (!isRecord(body)) return {};
  if (body["result"] === "ERR" && typeof body["message"] === "string") {
    const detail = body["detail"];
    return { serverCode: body["message"], ...(typeof detail === "string" ? { detail } : {}) };
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "detail") continue;
    const messages = Array.isArray(value) ? value.filter((m): m is string => typeof m === "string") : typeof value === "string" ? [value] : [];
    if (messages.length > 0) fieldErrors[key] = messages;
  }
  const detail = body["detail"];
  const code = body["code"];
  return {
    ...(typeof detail === "string" ? { detail } : {}),
    ...(typeof code === "string" ? { serverCode: code } : {}),
    ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
  };
}
