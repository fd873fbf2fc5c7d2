/**
 * What counts as readable text in a review, on every API: no NUL or other
 * control characters (tab and line breaks aside), no lone UTF-16 surrogates
 * (they are not text and break encoders downstream), and at least one
 * character that shows up on screen.
 */

/** Control characters other than tab, line feed and carriage return; lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this pattern is for.
const UNSAFE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}/u;

/**
 * Characters that draw nothing on their own: white space, format characters
 * (zero-width space and joiners, bidi controls, BOM, soft hyphen), other
 * default-ignorable code points (variation selectors, Hangul fillers, tag
 * characters), combining marks without a base, and the braille blank.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800]*$/u;

export type TextProblem = "null" | "surrogate" | "control" | "invisible";

/** Why `text` cannot be stored as review text, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  const unsafe = UNSAFE.exec(text)?.[0];
  if (unsafe !== undefined) return unsafe === "\0" ? "null" : /\p{Cs}/u.test(unsafe) ? "surrogate" : "control";
  return INVISIBLE.test(text) ? "invisible" : null;
}
