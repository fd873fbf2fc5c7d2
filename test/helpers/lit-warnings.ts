/** Importing this makes any Lit dev-mode warning (other than the dev-mode notice) fail the test that caused it. */
declare global {
  interface Window {
    __litWarnings: string[];
  }
}

afterEach(function () {
  const warnings = window.__litWarnings.splice(0);
  if (warnings.length > 0) throw new Error(`Lit warned during "${this.currentTest?.title ?? "a test"}":\n${warnings.join("\n")}`);
});

export {};
