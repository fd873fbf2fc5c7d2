import { css, html, nothing, type TemplateResult } from "lit";
import { excerpt } from "../core/excerpt.js";
import { enCards } from "../core/i18n/en.js";
import { addEnglish, type Translator } from "../core/i18n/index.js";
import { starRow } from "./stars.js";

addEnglish(enCards);

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
  header,
  .rated {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  header {
    flex-wrap: nowrap;
    margin-block-end: 0.5em;
  }
  .avatar {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 2.5em;
    block-size: 2.5em;
    border-radius: 50%;
    background: var(--review-avatar-color, var(--_skeleton));
    font-weight: 600;
  }
  .meta {
    display: block;
    font-size: 0.925em;
  }
  .verified {
    color: var(--_accent);
    white-space: nowrap;
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
  .read-more {
    margin-block-start: 0.25em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
`;

/**
 * A review's text: collapsed to an excerpt behind "Read more" when long (a
 * megabyte of text costs one bounded scan, not a layout), always as text.
 */
export function cardBody(i18n: Translator, id: string, text: string, expanded: boolean, toggle: () => void): TemplateResult {
  const short = excerpt(text);
  const bodyId = `body-${id}`;
  return html`<p part="review-body" id=${bodyId} dir="auto">${short !== null && !expanded ? short : text}</p>
    ${
      short === null
        ? nothing
        : html`<button class="read-more" type="button" aria-expanded=${expanded ? "true" : "false"} aria-controls=${bodyId} @click=${toggle}>
          ${i18n.t(expanded ? "readLess" : "readMore")}
        </button>`
    }`;
}

/**
 * A monogram (no image request), author, anything extra and a meta line (the stay); then the stars
 * and the date — relative ("3 weeks ago") or, with `absolute`, the month ("October 2026") — and
 * the exact date for everyone, on hover and to screen readers.
 */
export function cardHeader(
  i18n: Translator,
  rating: number,
  author: string,
  date: Date,
  extra: unknown = nothing,
  meta: unknown = nothing,
  absolute = false,
): TemplateResult {
  return html`<header>
      <span class="avatar" aria-hidden="true">${[...author][0]?.toLocaleUpperCase(i18n.lang)}</span>
      <div><bdi part="review-author" dir="auto">${author}</bdi> ${extra}${meta}</div>
    </header>
    <div class="rated">
      ${starRow(rating, 5, i18n.t("ratedOutOf", { rating: i18n.integer(rating), max: i18n.integer(5) }))}
      <time part="review-date" datetime=${date.toISOString()} title=${i18n.date(date)}
        >${absolute ? i18n.month(date) : i18n.relative(date)}<span class="sr-only"> (${i18n.date(date)})</span></time
      >
    </div>`;
}

/** `set` with `id` added, or removed if it was there (a new Set, so Lit sees the change). */
export function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
