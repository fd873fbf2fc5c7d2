import { css } from "lit";

export const starRatingStyles = css`
  :host {
    --_star: var(--review-star-color, light-dark(#c2570c, #ffb54d));
    --_star-empty: var(--review-star-empty-color, transparent);
    --_size: var(--review-star-size, 1.25rem);
    display: inline-block;
    vertical-align: middle;
    line-height: 1;
  }
  [part~="stars"] {
    display: inline-flex;
    gap: var(--review-star-gap, 0.125em);
    border-radius: 4px;
  }
  .star {
    display: inline-block;
    flex: none;
  }
  .star > svg {
    display: block;
    inline-size: var(--_size);
    block-size: var(--_size);
    max-inline-size: none;
    overflow: visible;
  }
  .root[dir="rtl"] .star > svg {
    transform: scaleX(-1);
  }
  .empty path {
    fill: var(--_star-empty);
    stroke: var(--_star);
    stroke-width: 1.5;
  }
  .fill path {
    fill: var(--_star);
  }
  :host([mode="input"]) .star {
    box-sizing: content-box;
    padding: var(--review-star-input-padding, 0.3rem);
    min-inline-size: 24px;
    min-block-size: 24px;
    cursor: pointer;
    border-radius: 4px;
  }
  :host([mode="input"][disabled]) .star {
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
    .empty path {
      stroke: CanvasText;
    }
    .fill path {
      fill: CanvasText;
    }
    .star[aria-checked="true"] .fill path,
    .star.preview .fill path {
      fill: Highlight;
    }
  }
`;
