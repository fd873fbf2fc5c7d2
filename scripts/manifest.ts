/**
 * Turns the analyzer's custom-elements.json (built from the elements' JSDoc) into the manifest tools
 * use, and generates from it what editors and frameworks read. Run by `npm run build` after `cem`.
 *
 * - Modules are the shipped files (`dist/components/<tag>/<tag>.js`), each with a `js` export and a
 *   `custom-element-definition` export; internal modules, private and protected members are left out.
 * - Every attribute has a description (from its property's JSDoc), every event its type
 *   (`CustomEvent<…>` from core/events.ts), every CSS custom property its default (the fallback of
 *   its `var()` in the styles).
 * - The result is validated against the custom-elements-manifest JSON schema; the build fails otherwise.
 * - dist/frameworks/{react,vue,svelte}.d.ts: typed tags for JSX (React 19), Vue templates and Svelte.
 * - dist/vscode.html-custom-data.json and dist/vscode.css-custom-data.json for VS Code.
 */
import { Ajv } from "ajv";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface TypeText {
  text: string;
}
interface Attribute {
  name: string;
  description?: string;
  type?: TypeText;
  default?: string;
  fieldName?: string;
  inheritedFrom?: unknown;
}
interface Member {
  kind: "field" | "method";
  name: string;
  privacy?: "public" | "private" | "protected";
  static?: boolean;
  readonly?: boolean;
  description?: string;
  type?: TypeText;
  default?: string;
  attribute?: string;
  inheritedFrom?: unknown;
}
interface Named {
  name: string;
  description?: string;
  type?: TypeText;
  default?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  superclass?: unknown;
  attributes?: Attribute[];
  members?: Member[];
  events?: Named[];
  cssProperties?: Named[];
  cssParts?: Named[];
  slots?: Named[];
}
interface Module {
  kind: "javascript-module";
  path: string;
  declarations?: Declaration[];
  exports?: unknown[];
}
interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: Module[];
}

const problems: string[] = [];
const raw = JSON.parse(readFileSync("custom-elements.json", "utf8")) as Manifest;

/** Detail types of the review events, read from the one place they are declared. */
function eventDetails(): Map<string, string> {
  const source = readFileSync("src/core/events.ts", "utf8");
  const body = source.slice(source.indexOf("export interface ReviewEventMap"), source.indexOf("export type ReviewEventName"));
  const details = new Map<string, string>();
  for (const match of body.matchAll(/^\s*"([a-z-]+)":\s*(.+);$/gm)) details.set(match[1]!, match[2]!.trim());
  return details;
}

/** `--review-x` → its fallback in the styles (the first `var(--review-x, fallback)` found). */
function cssDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
    });
  for (const file of files("src")) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/var\((--review-[a-z-]+)\s*,/g)) {
      // The fallback runs to the parenthesis that closes this var(), nested ones included.
      let depth = 1;
      let end = match.index + match[0].length;
      for (; end < text.length && depth > 0; end++) {
        if (text[end] === "(") depth++;
        else if (text[end] === ")") depth--;
      }
      const fallback = text.slice(match.index + match[0].length, end - 1).trim();
      if (!defaults.has(match[1]!)) defaults.set(match[1]!, fallback);
    }
  }
  return defaults;
}

const details = eventDetails();
const defaults = cssDefaults();
const PUBLIC_STATICS = new Set(["tag", "define"]);
const isPublic = (member: Member) =>
  !member.name.startsWith("#") && (member.privacy ?? "public") === "public" && (!member.static || PUBLIC_STATICS.has(member.name));

const modules: Module[] = [];
for (const module of raw.modules) {
  const element = module.declarations?.find((d) => d.customElement && d.tagName);
  if (!element) continue; // internal modules: not part of the public surface
  const path = module.path.replace(/^src\//, "dist/").replace(/\.ts$/, ".js");
  if (!existsSync(path)) problems.push(`${path} (for <${element.tagName}>) is not in dist/`);
  const tag = element.tagName!;
  const members = (element.members ?? []).filter(isPublic).map(({ inheritedFrom: _inherited, ...member }) => member);
  const attributes = (element.attributes ?? []).map(({ inheritedFrom: _inherited, ...attribute }) => {
    const description = attribute.description || members.find((m) => m.name === attribute.fieldName)?.description;
    if (!description) problems.push(`<${tag}> attribute "${attribute.name}" has no description (add JSDoc to its property)`);
    return { ...attribute, ...(description ? { description } : {}) };
  });
  const events = (element.events ?? []).map((event) => {
    const detail = details.get(event.name);
    const type = detail ? `CustomEvent<${detail}>` : event.name === "change" || event.name === "input" ? "Event" : undefined;
    if (!type) problems.push(`<${tag}> event "${event.name}" has no detail type in src/core/events.ts`);
    return { ...event, ...(type ? { type: { text: type } } : {}) };
  });
  const cssProperties = (element.cssProperties ?? []).map((property) => {
    const fallback = defaults.get(property.name);
    return { ...property, ...(fallback ? { default: fallback } : {}) };
  });
  const { superclass: _superclass, ...declaration } = element;
  modules.push({
    kind: "javascript-module",
    path,
    declarations: [{ ...declaration, members, attributes, events, cssProperties }],
    exports: [
      { kind: "js", name: element.name, declaration: { name: element.name, module: path } },
      { kind: "custom-element-definition", name: tag, declaration: { name: element.name, module: path } },
    ],
  });
}

const manifest: Manifest = { schemaVersion: raw.schemaVersion, readme: "README.md", modules };
const schema = JSON.parse(readFileSync("node_modules/custom-elements-manifest/schema.json", "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
if (!ajv.validate(schema, manifest)) problems.push(...(ajv.errors ?? []).map((error) => `schema: ${error.instancePath} ${error.message ?? ""}`));
if (problems.length > 0) {
  console.error(`custom-elements.json:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
writeFileSync("custom-elements.json", `${JSON.stringify(manifest, null, 2)}\n`);

// ---- what frameworks and editors read -------------------------------------------------------

const elements = modules.map((module) => module.declarations![0]!);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const quote = (name: string) => JSON.stringify(name);
/** An attribute's value as markup may write it: numbers also as strings, no null. */
const attributeType = (attribute: Attribute) => {
  const text = (attribute.type?.text ?? "string").replace(/\s*\|\s*null\b/g, "").trim();
  return text === "number" ? "number | string" : text;
};
const eventType = (event: Named, element: string) =>
  details.has(event.name) ? `CustomEvent<ReviewEventMap[${quote(event.name)}]> & { currentTarget: ${element} }` : `Event & { currentTarget: ${element} }`;

/** Per element: its properties (as the class types them) and attributes (as markup writes them). */
const shapes = elements
  .map((el) => {
    const properties = el.members!.filter((m) => m.kind === "field" && !m.static && !m.readonly).map((m) => `    ${m.name}?: ${el.name}[${quote(m.name)}];`);
    const attributes = el.attributes!.filter((a) => a.name !== camel(a.name)).map((a) => `    ${quote(a.name)}?: ${attributeType(a)};`);
    const events = el.events!.map((e) => `    ${quote(e.name)}: ${eventType(e, el.name)};`);
    return `  ${quote(el.tagName!)}: {
    element: ${el.name};
    props: {
${[...properties, ...attributes].join("\n")}
    };
    events: {
${events.join("\n")}
    };
  };`;
  })
  .join("\n");

const header = (framework: string) => `// Generated by scripts/manifest.ts from custom-elements.json: do not edit.
// ${framework}
import type { ${elements.map((el) => el.name).join(", ")}, ReviewEventMap } from "review-widgets";

/** Each tag: its element, its properties and attributes, and its events with their types. */
export interface ReviewWidgetsTags {
${shapes}
}
type Tag = keyof ReviewWidgetsTags;
`;

mkdirSync("dist/frameworks", { recursive: true });
writeFileSync(
  "dist/frameworks/react.d.ts",
  `${header('React 19: <review-list page-size={3} onreview-load={(e) => e.detail.count} />. Import once: import type {} from "review-widgets/react".')}
import type { HTMLAttributes, Key, ReactNode, Ref } from "react";

/** React 19 listens to \`on<event-name>\` on custom elements. */
type ReactEvents<T extends Tag> = { [E in keyof ReviewWidgetsTags[T]["events"] as \`on\${E & string}\`]?: (event: ReviewWidgetsTags[T]["events"][E]) => void };
export type ReviewWidgetsReactProps<T extends Tag> = ReviewWidgetsTags[T]["props"] &
  ReactEvents<T> &
  Omit<HTMLAttributes<ReviewWidgetsTags[T]["element"]>, keyof ReviewWidgetsTags[T]["props"] | "onChange" | "onInput"> & {
    ref?: Ref<ReviewWidgetsTags[T]["element"]>;
    key?: Key;
    children?: ReactNode;
  };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((el) => `      ${quote(el.tagName!)}: ReviewWidgetsReactProps<${quote(el.tagName!)}>;`).join("\n")}
    }
  }
}
`,
);
writeFileSync(
  "dist/frameworks/vue.d.ts",
  `${header('Vue 3 templates (vue-tsc / Volar): <review-list :page-size="3" @review-load="…" />. Import once: import type {} from "review-widgets/vue"; and tell Vue the tags are custom elements (compilerOptions.isCustomElement).')}
import type { DefineComponent } from "vue";

type Camel<S extends string> = S extends \`\${infer Head}-\${infer Tail}\` ? \`\${Head}\${Capitalize<Camel<Tail>>}\` : S;
/** Vue turns @review-load into an onReviewLoad listener. */
type VueEvents<T extends Tag> = { [E in keyof ReviewWidgetsTags[T]["events"] as \`on\${Capitalize<Camel<E & string>>}\`]?: (event: ReviewWidgetsTags[T]["events"][E]) => void };
export type ReviewWidgetsVueProps<T extends Tag> = { [K in keyof ReviewWidgetsTags[T]["props"] as Camel<K & string>]?: ReviewWidgetsTags[T]["props"][K] } & VueEvents<T>;

declare module "vue" {
  interface GlobalComponents {
${elements.map((el) => `    ${quote(el.tagName!)}: DefineComponent<ReviewWidgetsVueProps<${quote(el.tagName!)}>>;`).join("\n")}
  }
}
`,
);
writeFileSync(
  "dist/frameworks/svelte.d.ts",
  `${header('Svelte 5 (svelte-check): <review-list page-size={3} onreview-load={(e) => e.detail.count} />. Import once: import type {} from "review-widgets/svelte".')}
import type { HTMLAttributes } from "svelte/elements";

/** Svelte 5 listens to \`on<event-name>\` attributes. */
type SvelteEvents<T extends Tag> = { [E in keyof ReviewWidgetsTags[T]["events"] as \`on\${E & string}\`]?: (event: ReviewWidgetsTags[T]["events"][E]) => void };
export type ReviewWidgetsSvelteProps<T extends Tag> = ReviewWidgetsTags[T]["props"] &
  SvelteEvents<T> &
  Omit<HTMLAttributes<ReviewWidgetsTags[T]["element"]>, keyof ReviewWidgetsTags[T]["props"] | "onchange" | "oninput">;

declare module "svelte/elements" {
  interface SvelteHTMLElements {
${elements.map((el) => `    ${quote(el.tagName!)}: ReviewWidgetsSvelteProps<${quote(el.tagName!)}>;`).join("\n")}
  }
}
`,
);

// VS Code: html.customData / css.customData (https://github.com/microsoft/vscode-custom-data).
const valuesOf = (type?: TypeText) => [...(type?.text ?? "").matchAll(/"([^"]+)"/g)].map((m) => ({ name: m[1]! }));
const html = {
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: [el.summary, ...(el.events ?? []).map((e) => `Event ${e.name}: ${e.description ?? ""}`)].filter(Boolean).join("\n\n"),
    attributes: el.attributes!.map((a) => ({
      name: a.name,
      description: a.description,
      ...(valuesOf(a.type).length > 0 ? { values: valuesOf(a.type) } : a.type?.text === "boolean" ? { valueSet: "v" } : {}),
    })),
    references: [{ name: "README", url: `https://github.com/review-widgets/review-widgets#${el.tagName}` }],
  })),
};
const seen = new Set<string>();
const css = {
  version: 1.1,
  properties: elements
    .flatMap((el) => el.cssProperties ?? [])
    .filter((p) => !seen.has(p.name) && seen.add(p.name))
    .map((p) => ({ name: p.name, description: p.default ? `${p.description ?? ""} Default: ${p.default}.` : (p.description ?? "") })),
  pseudoElements: [...new Set(elements.flatMap((el) => (el.cssParts ?? []).map((p) => p.name)))].map((name) => ({
    name: `::part(${name})`,
    description: elements
      .filter((el) => el.cssParts?.some((p) => p.name === name))
      .map((el) => `<${el.tagName}>: ${el.cssParts!.find((p) => p.name === name)!.description ?? ""}`)
      .join("\n"),
  })),
};
writeFileSync("dist/vscode.html-custom-data.json", `${JSON.stringify(html, null, 2)}\n`);
writeFileSync("dist/vscode.css-custom-data.json", `${JSON.stringify(css, null, 2)}\n`);
