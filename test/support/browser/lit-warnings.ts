/**
 * Loaded by the test runner's page (web-test-runner.config.mjs) after Mocha and before any test file, so every
 * browser test file has it: a Lit dev-mode warning (other than the dev-mode notice) fails the test that caused it.
 */
const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(" ");
  if (text.includes("lit.dev/msg/") && !text.includes("Lit is in dev mode")) warnings.push(text);
  warn(...args);
};

mocha.suite.afterEach(function () {
  const found = warnings.splice(0);
  if (found.length > 0) throw new Error(`Lit warned during "${this.currentTest?.title ?? "a test"}":\n${found.join("\n")}`);
});
