/**
 * Characters that show nothing of their own, for text that people write and
 * others read: bidi controls (which can reorder what is around them), other
 * format characters (zero-width spaces, BOM), control characters such as NUL,
 * lone surrogates, combining marks with nothing to combine with, and the
 * "blank letters" (Hangul fillers, Braille blank) that pass for letters.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\p{M}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Bidi embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Format and control characters, but not the joiners that spell words and emoji (ZWNJ, ZWJ). */
const HIDDEN_CONTROLS = /[\p{Cc}\p{Cf}]/gu;

/** Whether `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  for (const char of text) if (!INVISIBLE.test(char)) return true;
  return false;
}

/** `text` without bidi controls, format and control characters (ZWNJ and ZWJ stay): for short labels such as names. */
export function withoutHiddenControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "").replace(HIDDEN_CONTROLS, (char) => (char === "\u200C" || char === "\u200D" ? char : ""));
}

/** The first character a reader can see, or undefined. */
export function firstVisible(text: string): string | undefined {
  for (const char of text) if (!INVISIBLE.test(char)) return char;
  return undefined;
}
