// Component and unit tests in headless Chromium (Debian's, never a downloaded one).
// Run through scripts/test.ts, which loads tsx so the harness below can be TypeScript.
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { fileURLToPath } from "node:url";
import { CHROMIUM_FLAGS } from "./scripts/chromium.ts";
import { harnessMiddleware } from "./test/support/node/middleware.ts";

const executablePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

export default {
  files: ["test/**/*.test.ts", "!test/server/**", "!test/ssr/**", "!test/scripts/**", "!test/e2e/**"],
  nodeResolve: { exportConditions: ["development"] },
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, target: "es2022", tsconfig: fileURLToPath(new URL("./tsconfig.json", import.meta.url)) })],
  middleware: [harnessMiddleware()],
  browsers: [
    chromeLauncher({
      // Each test file in its own browser context, hence its own window: with concurrency, pages that
      // share a window are hidden tabs, where requestAnimationFrame and IntersectionObserver never run.
      createPage: async ({ browser }) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once("close", () => void context.close().catch(() => undefined));
        return page;
      },
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  // Lit announces its dev build once per page; every other log stays visible.
  filterBrowserLogs: ({ args }) => !args.some((arg) => typeof arg === "string" && arg.includes("Lit is in dev mode")),
  testFramework: { config: { timeout: 8000 } },
  // Every test file's page loads the Lit-warning check (a root afterEach) right after Mocha, before the test file.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"></head><body>
<script type="module" src="${testFramework}"></script>
<script type="module" src="/test/support/browser/lit-warnings.ts"></script>
</body></html>`,
};
