import { css } from "lit";

export const reviewFormStyles = css`
  form {
    display: grid;
    gap: var(--_gap);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  label {
    display: block;
    margin-block-end: 0.35em;
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .person {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: var(--_gap);
  }
  input,
  textarea {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
  }
  textarea {
    min-block-size: var(--review-textarea-height, 8em);
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .hint,
  .count {
    margin: 0.35em 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .field-error {
    margin: 0.35em 0 0;
    font-size: 0.9em;
    font-weight: 600;
    color: var(--_danger);
  }
  [part~="notice"] {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .message {
    margin: 0;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .form-skeleton {
    block-size: var(--review-form-skeleton-height, 16em);
  }
  @media (forced-colors: active) {
    [aria-invalid="true"] {
      border: 2px solid CanvasText;
    }
  }
`;
