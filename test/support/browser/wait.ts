import { waitUntil as openWcWaitUntil } from "@open-wc/testing";

/**
 * @open-wc's `waitUntil`, with a default timeout sized for a loaded 2-core CI machine (its own, 1 s, failed
 * there when the first request of a file met a cold server). Still well under the 8 s test timeout, so a
 * condition that never holds fails with its own message.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
