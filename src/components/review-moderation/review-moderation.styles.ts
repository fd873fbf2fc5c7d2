import { css } from "lit";

export const reviewModerationStyles = css`
  [role="tablist"] {
    display: flex;
    flex-wrap: wrap;
    margin-block-end: var(--_gap);
    border-block-end: 1px solid var(--_border);
  }
  [role="tab"] {
    padding: 0.5em 0.75em;
    white-space: nowrap;
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    font-weight: 600;
    color: var(--_muted);
  }
  .n {
    margin-inline-start: 0.4em;
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_skeleton);
    font-size: 0.85em;
  }
  [part="blind"],
  [part="notice"] {
    color: var(--_muted);
    font-size: 0.925em;
  }
  [role="tab"][aria-selected="true"] {
    color: var(--_text);
    border-block-end-color: var(--_accent);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.15em 0.75em;
    margin: 0.5em 0 0;
    font-size: 0.925em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-start: 0.75em;
  }
  .decline {
    color: var(--_danger);
    border-color: currentColor;
  }
  .moderation-skeleton {
    block-size: 9em;
  }
`;

/** Search, filter and the bulk bar. */
export const deskToolStyles = css`
  [part="search"],
  select {
    font: inherit;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  [part="search"] {
    flex: 1 1 12em;
  }
  /* As wide as its longest option otherwise: an entry's title is whatever its owner typed. */
  select {
    max-inline-size: 14em;
  }
  .tools {
    margin-block: 0 var(--_gap);
  }
  [type="checkbox"] {
    margin: 0;
    accent-color: var(--_accent);
  }
  label,
  #bulk {
    display: flex;
    align-items: center;
    gap: 0.4em;
    margin: 0;
  }
`;
