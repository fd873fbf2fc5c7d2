import { serializeJsonLd, type JsonLd } from "../core/structured-data.js";

type Policy = { createScript(input: string): unknown };
type TrustedTypesLike = { createPolicy(name: string, rules: { createScript(input: string): string }): Policy };

let policy: Policy | null | undefined;

/**
 * Under Trusted Types, a script element's text needs a TrustedScript. Ours is
 * JSON we serialised ourselves (type application/ld+json: never executed),
 * passed through a policy named "review-widgets" — which the page must allow
 * (`trusted-types lit-html review-widgets`). Null when it may not.
 */
function scriptPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  try {
    policy = trustedTypes ? trustedTypes.createPolicy("review-widgets", { createScript: (input) => input }) : null;
  } catch {
    console.warn('[review-widgets] structured data skipped: allow the Trusted Types policy "review-widgets" to emit it');
    policy = null;
  }
  return policy;
}

/** Puts `data` into a <script type="application/ld+json"> child of `host` (light DOM, where crawlers read it), or removes it. */
export function publishJsonLd(host: HTMLElement, data: JsonLd | null): void {
  let script = host.querySelector<HTMLScriptElement>(":scope > script[data-review-widgets]");
  if (!data) {
    script?.remove();
    return;
  }
  // Escaped like server-side markup: the live DOM would not need it, but a prerendered copy of the page would.
  const json = serializeJsonLd(data);
  const trusted = (globalThis as { trustedTypes?: unknown }).trustedTypes ? scriptPolicy() : undefined;
  if (trusted === null) return;
  if (!script) {
    script = document.createElement("script");
    script.type = "application/ld+json";
    script.dataset["reviewWidgets"] = "";
    host.append(script);
  }
  // The policy's TrustedScript, or plain text where Trusted Types do not exist.
  (script as { text: unknown }).text = trusted ? trusted.createScript(json) : json;
}
