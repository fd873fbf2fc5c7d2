/**
 * Characters that show nothing of their own, for text that people write and
 * others read: format characters (bidi controls, which can reorder what is
 * around them, zero-width spaces, BOM), control characters such as NUL, lone
 * surrogates, combining marks with nothing to combine with, spaces, and the
 * "blank letters" (Hangul fillers, Braille blank) that pass for letters.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\p{M}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800]/u;

/** The first character a reader can see, or undefined when there is none. */
export function firstVisible(text: string): string | undefined {
  for (const char of text) if (!INVISIBLE.test(char)) return char;
  return undefined;
}

/** `text` without format and control characters (bidi controls among them), but with the joiners that spell words and emoji (ZWNJ, ZWJ): for short labels such as names. */
export function withoutHiddenControls(text: string): string {
  return text.replace(/[^\P{Cf}\u200C\u200D]|\p{Cc}/gu, "");
}
