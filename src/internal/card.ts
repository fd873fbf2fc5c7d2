import { css, html, nothing, type TemplateResult } from "lit";
import type { Translator } from "../core/i18n/index.js";
import { starRow } from "./stars.js";

/** What the review list and the moderation view share: a list of cards, each headed by stars, author and date. */
export const cardStyles = css`
  .cards {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~="review"] {
    padding: var(--review-card-padding, 1em);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~="review"]:focus {
    outline: none;
  }
  [part~="review"]:focus-visible {
    outline: var(--review-focus-ring, 2px solid var(--_accent));
    outline-offset: 2px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  [part~="review-author"] {
    font-weight: 600;
  }
  [part~="review-date"] {
    color: var(--_muted);
    font-size: 0.925em;
  }
  [part~="review-body"],
  .title {
    margin: 0.5em 0 0;
  }
  [part~="review-body"] {
    white-space: pre-line;
    unicode-bidi: plaintext;
  }
`;

/** Stars (labelled with the rating), author, anything extra, and the date — relative, with the exact date for everyone. */
export function cardHeader(i18n: Translator, rating: number, author: string, date: Date, extra: unknown = nothing): TemplateResult {
  return html`<header>
    ${starRow(rating, 5, i18n.t("ratedOutOf", { rating: i18n.integer(rating), max: i18n.integer(5) }))}
    <bdi part="review-author" dir="auto">${author}</bdi>
    ${extra}
    <time part="review-date" datetime=${date.toISOString()} title=${i18n.date(date)}
      >${i18n.relative(date)}<span class="sr-only"> (${i18n.date(date)})</span></time
    >
  </header>`;
}
