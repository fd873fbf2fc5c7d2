let ready: Promise<void> | undefined;

/** Whether the document is parsed and its deferred and module scripts have run (DOMContentLoaded fired). */
function configured(): boolean {
  if (typeof document === "undefined" || document.readyState === "complete") return true;
  if (document.readyState === "loading") return false;
  // "interactive" covers both the deferred scripts' turn (before DOMContentLoaded) and the wait for images after it.
  const navigation = globalThis.performance?.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  return navigation === undefined || navigation.domContentLoadedEventStart > 0;
}

/**
 * Resolves once the page's own configuration is in: the document parsed and
 * its deferred and module scripts run, which is where a site calls
 * `configure({ token })` right after the embed. Elements upgraded before then
 * wait for it, so their first request already carries the sign-in instead of
 * being sent twice; elements added later do not wait.
 */
export function pageConfigured(): Promise<void> | undefined {
  if (configured()) return undefined;
  return (ready ??= new Promise((resolve) => document.addEventListener("DOMContentLoaded", () => resolve(), { once: true })));
}
