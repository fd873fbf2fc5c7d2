import { css } from "lit";

export const reviewListStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.25em;
    margin-block-end: var(--_gap);
  }
  .controls label {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3em 0.5em;
    min-block-size: 2em;
  }
  [part~="review-pending"] {
    border-style: dashed;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }
  [part~="pending-notice"] {
    margin: 0.5em 0 0;
    color: var(--_muted);
    font-size: 0.925em;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-block-start: var(--_gap);
  }
  .filtered {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0 0 var(--_gap);
  }
  .review-skeleton {
    block-size: var(--review-skeleton-height, 7.5em);
  }
`;

/** Edit, Withdraw and the confirmation on the viewer's own card: a function, so files without the marketplace leave it out. */
export const ownReviewStyles = () => css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-start: 0.75em;
  }
  .actions p {
    flex-basis: 100%;
    margin: 0;
  }
`;
