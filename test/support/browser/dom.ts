/** What a user can perceive of an element, for assertions that reach into nested shadow roots. */
import { HttpClient, type HttpClientOptions } from "../../../src/api/http.js";
import { provideServices, Services } from "../../../src/internal/services.js";

function* walk(root: Node): Generator<Node> {
  for (const node of Array.from(root.childNodes)) {
    yield node;
    yield* walk(node);
    if (node instanceof Element && node.shadowRoot) yield* walk(node.shadowRoot);
  }
}

/** The text of an element's shadow tree, nested shadow roots included. */
export function deepText(element: Element): string {
  let text = "";
  for (const node of walk(element.shadowRoot ?? element)) if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
  return text;
}

/** Every element of an element's shadow tree, nested shadow roots included. */
export function deepElements(element: Element): Element[] {
  return [...walk(element.shadowRoot ?? element)].filter((node): node is Element => node instanceof Element);
}

/** Every text a screen reader or tooltip could expose besides the text nodes: labels, titles, alt texts. */
export function deepLabels(element: Element): string[] {
  return deepElements(element).flatMap((el) => ["aria-label", "title", "alt", "aria-valuetext"].flatMap((name) => el.getAttribute(name) ?? []));
}

/** A fresh page-wide store and client (no cache left over from another test), without GET retries unless asked. */
export function freshServices(options: HttpClientOptions = {}): Services {
  const services = new Services({ http: new HttpClient({ maxRetries: 0, ...options }) });
  provideServices(services);
  return services;
}
