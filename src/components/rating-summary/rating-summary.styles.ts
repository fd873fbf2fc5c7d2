import { css } from "lit";

export const ratingSummaryStyles = css`
  /* The same box in every state (loading, loaded, no numbers): nothing around it shifts when data arrives. */
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    min-block-size: var(--review-summary-height, 1.75em);
    min-inline-size: var(--review-summary-width, 13em);
  }
  [part~="average"] {
    font-size: var(--review-average-size, 1.25em);
    font-weight: 700;
    line-height: 1;
  }
  [part~="count"] {
    color: var(--_muted);
  }
  .line[part~="skeleton"] {
    inline-size: var(--review-summary-width, 13em);
  }
  [part~="distribution"] {
    display: grid;
    grid-template-columns: max-content minmax(4em, 1fr) max-content;
    align-items: center;
    gap: 0.25em 0.6em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    max-inline-size: var(--review-distribution-width, 22em);
  }
  [part~="distribution"] li,
  .row {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
  }
  /* A row is as tall with or without a list to filter (its button appears when one does): nothing moves when it appears. */
  li[aria-label] {
    padding-block: 0.15em;
  }
  .row {
    padding: 0.15em 0.25em;
    margin-inline: -0.25em;
    border: 0;
    border-radius: 4px;
    background: none;
    text-align: start;
  }
  .row:hover,
  .row[aria-pressed="true"] {
    background: var(--_skeleton);
  }
  .row[aria-pressed="true"] {
    font-weight: 600;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: var(--review-bar-height, 0.5em);
    border-radius: 999px;
    fill: var(--review-bar-color, var(--review-star-color, light-dark(#c2570c, #ffb54d)));
  }
  .bar .track {
    fill: var(--review-bar-track-color, light-dark(#e4e6ea, #3a3c42));
  }
  .root[dir="rtl"] .bar {
    transform: scaleX(-1);
  }
  .distribution-skeleton {
    block-size: calc(5 * 1.5em + 4 * 0.25em);
    margin-block-start: 0.5em;
    max-inline-size: var(--review-distribution-width, 22em);
  }
  .value {
    text-align: end;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
      outline: 1px solid CanvasText;
    }
    .bar .track {
      fill: Canvas;
    }
  }
`;
