import type { Plugin } from "vite";

/**
 * Minifies the static parts of Lit's tagged templates at build time:
 * `css` loses comments and the spaces around punctuation; `html` and `svg`
 * lose line breaks and indentation (a run of whitespace becomes one space,
 * which renders the same). Expressions (`${…}`, nested templates included)
 * are copied untouched, found by a small scanner that tracks strings,
 * comments, template nesting and braces.
 */
export function minifyTemplates(): Plugin {
  return {
    name: "review-widgets:minify-templates",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
      return { code: minifyTaggedTemplates(code), map: null };
    },
  };
}

export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/([{;])([\w-]+):\s+/g, "$1$2:")
    .replace(/;}/g, "}")
    .trim();
}

/**
 * Line breaks and indentation in markup: gone next to a tag (whitespace-only
 * text nodes between elements only cost DOM nodes: our layouts use flex and
 * grid gaps, never inline spacing), one space anywhere else — between words,
 * and between attributes, where an expression on either side must stay apart
 * from the next attribute (`lang=${a}⏎.value=${b}` is two bindings, not one
 * unquoted value). Spaces within a line are kept as written.
 */
const minifyMarkup = (text: string) =>
  text.replace(/\s*\n\s*/g, (run, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + run.length];
    return before === ">" || after === "<" ? "" : " ";
  });

export function minifyTaggedTemplates(source: string): string {
  let out = "";
  let i = 0;
  // Stack of open contexts: a template literal (with its tag) or an expression inside one (with brace depth).
  const stack: ({ kind: "template"; tag: string } | { kind: "expression"; depth: number })[] = [];
  let chunk = "";

  const inTemplate = () => stack[stack.length - 1]?.kind === "template";
  const flush = (tag: string) => {
    out += tag === "css" ? minifyCss(chunk) : tag === "html" || tag === "svg" ? minifyMarkup(chunk) : chunk;
    chunk = "";
  };

  while (i < source.length) {
    const top = stack[stack.length - 1];
    const char = source[i]!;
    if (top?.kind === "template") {
      if (char === "\\") {
        chunk += source.slice(i, i + 2);
        i += 2;
      } else if (char === "`") {
        flush(top.tag);
        out += "`";
        stack.pop();
        i++;
      } else if (char === "$" && source[i + 1] === "{") {
        flush(top.tag);
        out += "${";
        stack.push({ kind: "expression", depth: 0 });
        i += 2;
      } else {
        chunk += char;
        i++;
      }
      continue;
    }
    // Code (top level or inside an expression).
    if (char === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      out += source.slice(i, end < 0 ? source.length : end);
      i = end < 0 ? source.length : end;
    } else if (char === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2) + 2;
      out += source.slice(i, end);
      i = end;
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== char) j += source[j] === "\\" ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (char === "`") {
      const tag = /(\w+)\s*$/.exec(out)?.[1] ?? "";
      stack.push({ kind: "template", tag });
      out += "`";
      i++;
    } else if (top?.kind === "expression" && char === "{") {
      top.depth++;
      out += char;
      i++;
    } else if (top?.kind === "expression" && char === "}") {
      if (top.depth === 0) {
        stack.pop();
        out += "}";
      } else {
        top.depth--;
        out += char;
      }
      i++;
    } else {
      out += char;
      i++;
    }
  }
  if (inTemplate()) throw new Error("unterminated template literal");
  return out;
}
