/** How much of a long review is shown before "Read more". */
export const EXCERPT_LENGTH = 480;
/** Texts with more lines than this are also collapsed. */
const EXCERPT_LINES = 6;

/**
 * The collapsed form of a review text, or null when the whole text is short
 * enough. Cuts at a word boundary, counting code points, so a surrogate pair
 * is never split; a megabyte of text costs one bounded scan, not a layout.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string | null {
  let index = 0;
  let points = 0;
  let lines = 0;
  while (index < text.length && points < max) {
    const code = text.codePointAt(index)!;
    if (code === 10 && ++lines >= EXCERPT_LINES) break;
    index += code > 0xffff ? 2 : 1;
    points++;
  }
  if (index >= text.length) return null;
  const head = text.slice(0, index);
  const space = head.search(/\s\S*$/u);
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
