import { html, type TemplateResult } from "lit";
import type { ApiError } from "../core/errors.js";
import type { Translator } from "../core/i18n/index.js";

/** What a failed load means to the reader, in their language: offline is theirs to fix, a service not answering is not. */
export function errorText(i18n: Translator, error: ApiError | undefined): string {
  if (error?.kind === "network") return i18n.t(navigator.onLine ? "unreachable" : "offline");
  if (error?.kind === "timeout") return i18n.t("slow");
  if (error?.status === 429 || error?.status === 503) return i18n.t("busy");
  return i18n.t("loadFailed");
}

/** The error state every element shares: `part="error"`, `role="alert"`, and a retry button. */
export function errorState(i18n: Translator, message: string, onRetry: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <p>${message}</p>
    <button class="button" part="retry" type="button" @click=${onRetry}>${i18n.t("retry")}</button>
  </div>`;
}
