import { config } from "zod/mini";

let configured = false;

/**
 * No code generation at run time, so a strict CSP without 'unsafe-eval' works.
 * Applied on first parse rather than on import, so importing stays free of
 * side effects.
 */
export function ensureJitless(): void {
  if (configured) return;
  configured = true;
  config({ jitless: true });
}
