import { defineConfig } from "vite";
import { minifyTemplates } from "./scripts/minify-templates.ts";

// Two builds (TOOLCHAIN.md: one config with both formats applies `external` to both):
//  - default mode: unbundled-per-entry ES modules for bundler users, lit and zod left external;
//  - `--mode iife`: one self-registering file for <script> embeds, everything inlined.
export default defineConfig(({ mode }) => {
  if (mode === "iife") {
    return {
      plugins: [minifyTemplates()],
      build: {
        emptyOutDir: false,
        target: "es2022",
        lib: {
          entry: "src/embed.ts",
          name: "ReviewWidgets",
          formats: ["iife"],
          fileName: () => "review-widgets.js",
        },
      },
    };
  }
  return {
    plugins: [minifyTemplates()],
    build: {
      target: "es2022",
      lib: {
        entry: {
          index: "src/index.ts",
          define: "src/define.ts",
          "structured-data": "src/structured-data.ts",
        },
        formats: ["es"],
      },
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/],
        output: { preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
      },
    },
  };
});
