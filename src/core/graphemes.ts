let segmenter: Intl.Segmenter | undefined;

/**
 * How many characters people see in `text` (grapheme clusters): 👨‍👩‍👧, 🇵🇹 and an e with a combining
 * accent are one each. The form's counter and length rules and the reference server's all count this way.
 * Where `Intl.Segmenter` is missing (browsers before 2024), code points.
 */
export const graphemeCount = (text: string): number => (Intl.Segmenter ? [...(segmenter ??= new Intl.Segmenter()).segment(text)].length : [...text].length);
