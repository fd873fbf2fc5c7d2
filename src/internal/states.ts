import { html, type TemplateResult } from "lit";
import type { Translator } from "../core/i18n/index.js";

/** The error state every element shares: `part="error"`, `role="alert"`, and a retry button. */
export function errorState(i18n: Translator, message: string, onRetry: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <p>${message}</p>
    <button class="button" part="retry" type="button" @click=${onRetry}>${i18n.t("retry")}</button>
  </div>`;
}
