import { css } from "lit";

/**
 * What every element's shadow root starts with. Inherited properties a host
 * page may set to odd values (white-space, letter-spacing, text-transform…)
 * are reset; font and colour still flow in, so the widget looks native.
 * Colours use light-dark(): they follow the page's `color-scheme`.
 */
export const baseStyles = css`
  :host {
    --_text: var(--review-text-color, inherit);
    --_muted: var(--review-muted-color, light-dark(#55585e, #b8bcc3));
    --_surface: var(--review-surface, light-dark(#ffffff, #1c1d20));
    --_border: var(--review-border-color, light-dark(#d3d6db, #44474d));
    --_accent: var(--review-accent-color, light-dark(#1d4ed8, #8fb0ff));
    --_on-accent: var(--review-on-accent-color, light-dark(#ffffff, #0b1530));
    --_danger: var(--review-danger-color, light-dark(#b3261e, #ffb4ab));
    --_radius: var(--review-radius, 8px);
    --_gap: var(--review-gap, 1em);
    --_skeleton: var(--review-skeleton-color, light-dark(#eceef1, #2c2e33));
    display: block;
    font-family: var(--review-font, inherit);
    color: var(--_text);
  }
  /* Inherited text properties a host page may set to odd values are reset here, inside the wrapper. */
  .root {
    display: contents;
    box-sizing: border-box;
    font-size: max(12px, var(--review-font-size, 1em));
    line-height: var(--review-line-height, 1.5);
    font-style: normal;
    font-weight: 400;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: anywhere;
    visibility: visible;
    cursor: auto;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Server-rendered, before the script runs: controls that need it keep their place, unseen (issue 17). */
  .later :is(button, .controls) {
    visibility: hidden;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
    min-block-size: 24px;
    min-inline-size: 24px;
    cursor: pointer;
  }
  :focus-visible {
    outline: var(--review-focus-ring, 2px solid var(--_accent));
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    padding: 0.45em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button[aria-disabled="true"] {
    opacity: 0.65;
    cursor: progress;
  }
  .muted {
    color: var(--_muted);
  }
  [part~="error"] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  [part~="error"].quiet {
    margin: 0;
    padding: 0;
    border: 0;
    color: var(--_muted);
  }
  [part~="error"] p {
    margin: 0;
    flex: 1 1 12em;
  }
  [part~="empty"] {
    margin: 0;
    color: var(--_muted);
  }
  [part~="skeleton"] {
    display: block;
    border-radius: var(--_radius);
    background: var(--_skeleton);
    animation: review-pulse 1.4s ease-in-out infinite;
  }
  @keyframes review-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    [part~="skeleton"] {
      border: 1px solid CanvasText;
    }
    .button.primary {
      border: 1px solid ButtonText;
    }
  }
`;
