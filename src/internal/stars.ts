import { css, html, svg, type TemplateResult } from "lit";

/** Star pitch in viewBox units: a 24-unit star and a 2-unit gap. */
const STEP = 26;

const row = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => svg`<path transform="translate(${i * STEP})" d="M12 2.6l2.9 6 6.6.8-4.8 4.6 1.2 6.5L12 17.3l-5.9 3.2 1.2-6.5-4.8-4.6 6.6-.8z"/>`,
  );

/**
 * A read-only row of stars as ONE svg: outlines, and the same stars clipped
 * to the value by a nested <svg> whose width is an attribute (4.3 fills four
 * stars and 0.3 of the fifth). No element per star, no shadow root, no inline
 * style (a strict CSP holds); right-to-left text mirrors it in CSS.
 */
export function starRow(value: number, max: number, label: string): TemplateResult {
  const width = max * STEP - 2;
  const clamped = Number.isFinite(value) ? Math.min(max, Math.max(0, value)) : 0;
  const fill = Math.min(width, Math.floor(clamped) * STEP + (clamped % 1) * 24).toFixed(1);
  return html`<span part="stars" role="img" aria-label=${label}
    ><svg class="stars" viewBox="0 0 ${width} 24" aria-hidden="true"
      ><g class="off">${row(max)}</g><svg class="on" width=${fill} height="24" viewBox="0 0 ${fill} 24">${row(max)}</svg></svg
    ></span
  >`;
}

/** One star for the input: filled or not. */
export const oneStar = (on: boolean) => html`<svg viewBox="0 0 24 24" aria-hidden="true"><g class=${on ? "on" : "off"}>${row(1)}</g></svg>`;

export const starStyles = css`
  :host {
    --_star: var(--review-star-color, light-dark(#c2570c, #ffb54d));
    --_star-size: var(--review-star-size, 1.25em);
  }
  [part~="stars"] {
    display: inline-flex;
    vertical-align: middle;
    line-height: 1;
  }
  /* The outer svgs only: the nested one clips the filled layer by its own width. */
  svg.stars,
  .star > svg {
    display: block;
    block-size: var(--_star-size);
    inline-size: auto;
    overflow: visible;
  }
  .root[dir="rtl"] svg.stars {
    transform: scaleX(-1);
  }
  .off path {
    fill: var(--review-star-empty-color, transparent);
    stroke: var(--_star);
    stroke-width: 1.5;
  }
  .on path {
    fill: var(--_star);
  }
  @media (forced-colors: active) {
    .off path {
      stroke: CanvasText;
    }
    .on path {
      fill: CanvasText;
    }
  }
`;
