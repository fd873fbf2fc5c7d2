import minifyHtmlLiterals from "@lit-labs/rollup-plugin-minify-html-literals";
import { defineConfig } from "vite";
import { onlyBackends } from "./build/only-backends.ts";
import { SCRIPT_FILES } from "./build/script-files.ts";

/**
 * The Lit team's minifier for the static parts of `html`, `svg` and `css` templates (html-minifier-next and
 * lightningcss), with exact source maps; a template it cannot parse fails the build instead of shipping unminified.
 */
// keepClosingSlash: in an svg`` template `<rect/><rect/>` are siblings; without the slash the second nests inside the first and is never drawn.
const minifyTemplates = () => minifyHtmlLiterals({ include: ["src/**/*.ts"], failOnError: true, options: { minifyOptions: { keepClosingSlash: true } } });

// Two kinds of build (TOOLCHAIN.md: one config with both formats applies `external` to both):
//  - default mode: unbundled-per-entry ES modules for bundler users, lit and zod left external;
//  - `--mode iife`: one self-registering script-tag file, everything inlined; which one is named by
//    RW_SCRIPT_FILE (scripts/build.ts builds each file of build/script-files.ts in turn).
export default defineConfig(({ mode }) => {
  if (mode === "iife") {
    const name = process.env["RW_SCRIPT_FILE"] ?? "review-widgets.js";
    const file = SCRIPT_FILES.find((candidate) => candidate.file === name);
    if (!file) throw new Error(`RW_SCRIPT_FILE=${name} is not in build/script-files.ts`);
    return {
      plugins: [minifyTemplates(), onlyBackends(file)],
      // One backend's parts of the elements (src/core/variants.ts) are left out of files without that backend.
      define: {
        __RW_MARKETPLACE__: JSON.stringify(file.backends.includes("mindbricks")),
        __RW_DIRECTORY__: JSON.stringify(file.backends.includes("partnerpage")),
      },
      build: {
        emptyOutDir: false,
        target: "es2022",
        // review-widgets-*.js.map next to each file: the comment costs ≈ 50 bytes gzip; the map is fetched only by devtools.
        sourcemap: true,
        lib: {
          entry: file.entry,
          name: "ReviewWidgets",
          formats: ["iife"],
          fileName: () => file.file,
        },
      },
    };
  }
  return {
    plugins: [minifyTemplates()],
    build: {
      target: "es2022",
      // Bundler users minify; unminified modules keep readable names (a class is ReviewList, not `y`) and debug well.
      minify: false,
      sourcemap: true,
      lib: {
        entry: {
          index: "src/index.ts",
          define: "src/define.ts",
          "structured-data": "src/structured-data.ts",
          // Node: server rendering (issue 17), built here so the server runs the same templates as the browser.
          "ssr/index": "src/ssr/index.ts",
        },
        formats: ["es"],
      },
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^zod(\/|$)/],
        output: { preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
      },
    },
  };
});
