import { after, before } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startServer, type RunningServer, type ServerOptions } from "../../../server/serve.ts";
import { CHROMIUM_FLAGS, ensureChromium } from "../../../scripts/chromium.ts";

export interface E2E {
  server: RunningServer;
  browser: Browser;
  /** A new page in a fresh context that records page errors and unhandled rejections; `prepare` runs before it navigates. */
  open(path: string, prepare?: (page: Page) => Promise<void>): Promise<Page & { problems: string[] }>;
}

/** One fresh reference server (seeded) and one Chromium per test file; `options` e.g. `{ strict: true }`. */
export function e2e(options: ServerOptions = {}): E2E {
  const state = {} as E2E;
  const contexts: BrowserContext[] = [];
  before(async () => {
    state.server = await startServer({ demo: true, ...options });
    state.browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS });
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await state.browser?.close();
    await state.server?.close();
  });
  state.open = async (path, prepare) => {
    const context = await state.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = (await context.newPage()) as Page & { problems: string[] };
    // Closing the page closes its context, and with it the context's keep-alive connections: the reference
    // server caps open connections per address (64), and a file that opens many pages would meet that cap.
    page.once("close", () => void context.close().catch(() => undefined));
    page.problems = [];
    page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) page.problems.push(`console: ${message.text()}`);
    });
    // tsx compiles these tests with esbuild's keepNames, which wraps functions passed to
    // page.evaluate in a `__name` helper that the page does not have.
    await page.addInitScript("globalThis.__name = (fn) => fn;");
    await page.addInitScript(() => {
      addEventListener("unhandledrejection", (event) => console.error(`unhandled rejection: ${String(event.reason)}`));
    });
    await prepare?.(page);
    await page.goto(state.server.url + path);
    return page;
  };
  return state;
}

/** Waits until no review widget on the page shows a loading skeleton. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll("rating-summary, review-list, review-form, review-moderation")];
    return hosts.every((host) => host.shadowRoot && !host.shadowRoot.querySelector('[part~="skeleton"], [aria-busy="true"]'));
  });
}

/** Every text node and attribute value in the document, shadow roots included: what a hidden review must never be part of. */
export function everything(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Node) => {
      for (let node: Node | null = root.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? "");
        if (node instanceof Element) {
          for (const attribute of node.attributes) out.push(attribute.value);
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        walk(node);
      }
    };
    walk(document);
    return out.join("\n");
  });
}

/** The full accessibility tree (names, descriptions, values) as assistive technology gets it. */
export async function accessibilityText(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  const { nodes } = (await session.send("Accessibility.getFullAXTree")) as {
    nodes: { name?: { value?: unknown }; description?: { value?: unknown }; value?: { value?: unknown } }[];
  };
  await session.detach();
  return nodes.map((node) => [node.name?.value, node.description?.value, node.value?.value].filter((v) => v !== undefined && v !== "").join(" ")).join("\n");
}

/** Text of the shadow part `part` of the first element matching `host`. */
export function partText(page: Page, host: string, part: string): Promise<string> {
  return page.evaluate(
    ([hostSelector, partName]) => document.querySelector(hostSelector!)?.shadowRoot?.querySelector(`[part~="${partName}"]`)?.textContent?.trim() ?? "",
    [host, part],
  );
}
