import type { Plugin } from "vite";

/**
 * Minifies the CSS inside Lit `css` templates of our style modules at build
 * time: comments and indentation go, spaces around braces, semicolons, commas
 * and after declaration colons go. Conservative on purpose: a space before a
 * colon (descendant pseudo-class) and spaces inside calc() are kept.
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: "review-widgets:minify-css-templates",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.*styles\.ts$/.test(id)) return null;
      return { code: code.replace(/css`([^`$]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``), map: null };
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
