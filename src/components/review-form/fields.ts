import { html, nothing } from "lit";
import type { StoredDraft } from "../../core/drafts.js";
import type { MessageKey, Translator } from "../../core/i18n/index.js";
import type { ReviewDraft } from "../../core/model.js";
import { WRITER_FIELDS } from "../../core/review-rules.js";

/** The form's fields (what a draft keeps), and the directory writer's part of them: who writes. */
export type Field = keyof StoredDraft;
export type Fields = Required<StoredDraft>;
export type Errors = Partial<Record<Field, string>>;
type WriterField = (typeof WRITER_FIELDS)[number][0];

export const EMPTY: Fields = { rating: 0, text: "", title: "", firstName: "", lastName: "", email: "", company: "" };
/** How the writer's fields (core/review-rules.ts) are asked for: label, input type, autocomplete. */
const PERSON: Readonly<Record<WriterField, readonly [MessageKey, string, string]>> = {
  firstName: ["firstName", "text", "given-name"],
  lastName: ["lastName", "text", "family-name"],
  email: ["email", "email", "email"],
  title: ["headline", "text", "off"],
  company: ["company", "text", "organization"],
};

/** The writer's details on a directory review. */
export function writerDetails(draft: ReviewDraft, f: Fields): void {
  Object.assign(draft, { firstName: f.firstName.trim(), lastName: f.lastName.trim(), email: f.email.trim() });
  if (f.title.trim()) draft.title = f.title.trim();
  if (f.company.trim()) draft.company = f.company.trim();
}

/** The writer's fields (directory). */
export function writerFields(
  i18n: Translator,
  fields: Fields,
  busy: boolean,
  shownError: (name: WriterField) => string | undefined,
  update: (name: WriterField, value: string) => void,
  touch: (name: WriterField) => void,
) {
  return html`<div class="person">
    ${WRITER_FIELDS.map(([name, required]) => {
      const [label, type, autocomplete] = PERSON[name];
      const error = shownError(name);
      return html`<div>
        <label for=${name}>${i18n.t(label)}${required ? nothing : html` <span class="optional">(${i18n.t("optional")})</span>`}</label>
        <input
          id=${name}
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          aria-invalid=${error ? "true" : "false"}
          aria-describedby=${error ? `${name}-error` : nothing}
          ?readonly=${busy}
          .value=${fields[name]}
          @input=${(e: Event) => update(name, (e.target as HTMLInputElement).value)}
          @blur=${() => touch(name)}
        />
        ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : nothing}
      </div>`;
    })}
  </div>`;
}

/** The server's field errors (the adapter names them as the draft's fields) onto the form's — its words, rendered as text. */
export function fieldErrors(errors: Readonly<Record<string, readonly string[]>>): Errors {
  const mapped: Errors = {};
  for (const [field, [message]] of Object.entries(errors)) if (message && field in EMPTY) mapped[field as Field] = message;
  return mapped;
}
