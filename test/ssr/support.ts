/**
 * Server rendering under test: the HTML that review-widgets/ssr writes, parsed as a browser parses
 * it (parse5, the parser @lit-labs/ssr itself ships with), and read back as a user or crawler would.
 * The tests import src/ssr/index.ts through tsx: `npm test`'s server step runs without a build, and
 * what they check (visibility rules, Lit's escaping, the state script) is the same code in dist.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";

/** The parts of a parse5 node these tests read. */
export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  /** A `<template>`'s content (a declarative shadow root). */
  content?: HtmlNode;
  /** Text. */
  value?: string;
  /** Comment. */
  data?: string;
}

const parse5 = createRequire(import.meta.resolve("@lit-labs/ssr"))("parse5") as { parse(html: string): HtmlNode };

/** Every node under `root`, template contents (shadow roots) included, in document order. */
export function* walk(root: HtmlNode): Generator<HtmlNode> {
  for (const node of [...(root.childNodes ?? []), ...(root.content ? [root.content] : [])]) {
    yield node;
    yield* walk(node);
  }
}

export const elements = (root: HtmlNode): HtmlNode[] => [...walk(root)].filter((node) => node.tagName !== undefined);
export const attr = (node: HtmlNode, name: string): string | null => node.attrs?.find((a) => a.name === name)?.value ?? null;
export const children = (node: HtmlNode): HtmlNode[] => (node.childNodes ?? []).filter((child) => child.tagName !== undefined);
export const textOf = (node: HtmlNode): string => [...walk(node)].flatMap((child) => (child.nodeName === "#text" ? [child.value ?? ""] : [])).join("");
/** The elements under `root` whose `part` attribute lists `name`. */
export const parts = (root: HtmlNode, name: string): HtmlNode[] => elements(root).filter((node) => attr(node, "part")?.split(" ").includes(name));

/** The rendered element, parsed as the only content of a page's body (nothing may escape it). */
export function rendered(html: string, tag: string): HtmlNode {
  const document = parse5.parse(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const body = elements(document).find((node) => node.tagName === "body")!;
  assert.deepEqual(
    (body.childNodes ?? []).map((node) => node.tagName ?? node.nodeName),
    [tag],
    "the page's body holds the element and nothing else",
  );
  return body.childNodes![0]!;
}

/** The JSON of the host's own `<script>` child of this type (state or JSON-LD), or null. */
export function scriptData(host: HtmlNode, type: "application/json" | "application/ld+json"): unknown {
  const script = children(host).find((node) => node.tagName === "script" && attr(node, "type") === type);
  return script ? JSON.parse(textOf(script)) : null;
}

/** Every string in a JSON value. */
const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : typeof value === "object" && value !== null ? Object.values(value).flatMap(strings) : [];

/**
 * Everything a reader, a screen reader, a crawler or a script could get out of the HTML: text,
 * attribute values, comments, and the strings of the JSON in scripts (decoded, not as escaped).
 */
export function readable(host: HtmlNode): string {
  const found: string[] = [];
  for (const node of walk(host)) {
    if (node.nodeName === "#text") found.push(node.value ?? "");
    if (node.nodeName === "#comment") found.push(node.data ?? "");
    for (const { value } of node.attrs ?? []) found.push(value);
    if (node.tagName === "script") found.push(...strings(JSON.parse(textOf(node))));
  }
  return found.join("\n");
}

/** A `fetch` that answers by path, as an API would (status 404 otherwise), logging what it was asked. */
export function fakeApi(routes: Record<string, unknown>): { fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (input, init) => {
      const url = new URL(new Request(input, init).url);
      asked.push(url.pathname + url.search);
      const body = routes[url.pathname];
      return body === undefined ? Response.json({ detail: "not found" }, { status: 404 }) : Response.json(body);
    },
  };
}
