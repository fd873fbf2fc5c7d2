import { css } from "lit";

export const starRatingStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    line-height: 1;
  }
  :host([mode="input"]) [part~="stars"] {
    gap: var(--review-star-gap, 0.125em);
    border-radius: 4px;
  }
  .star {
    display: inline-grid;
    place-items: center;
    flex: none;
    padding: var(--review-star-input-padding, 0.3em);
    min-inline-size: 44px;
    min-block-size: 44px;
    cursor: pointer;
    border-radius: 4px;
  }
  [part~="rating-word"] {
    margin-inline-start: 0.5em;
    vertical-align: middle;
    font-weight: 600;
  }
  :host([disabled]) .star {
    cursor: default;
    opacity: 0.6;
  }
  :host([invalid]) [part~="stars"] {
    outline: 2px solid var(--review-danger-color, light-dark(#b3261e, #ffb4ab));
    outline-offset: 2px;
  }
  .star:focus-visible {
    outline: var(--review-focus-ring, 2px solid var(--review-accent-color, light-dark(#1d4ed8, #8fb0ff)));
    outline-offset: 0;
  }
  @media (forced-colors: active) {
    .star[aria-checked="true"] .on path {
      fill: Highlight;
    }
  }
`;
