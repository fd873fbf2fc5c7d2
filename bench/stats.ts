/** Small statistics and formatting helpers for the bench report. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Per-round ratios ours/baseline of paired, interleaved samples. */
export function ratios(ours: readonly number[], baseline: readonly number[]): Spread {
  return spread(ours.map((value, i) => value / baseline[i]!));
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
export const x = (value: number): string => `${value.toFixed(2)}×`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** "1.12× (1.05–1.20)" */
export const ratioText = (s: Spread): string => `${x(s.median)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
/** "41 ms (38–47)" */
export const msText = (s: Spread): string => `${ms(s.median)} (${ms(s.min).replace(" ms", "")}–${ms(s.max).replace(" ms", "")})`;

export const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));
