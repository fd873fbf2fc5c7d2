import { defineConfig, type Plugin } from "vite";
import { minifyTemplates } from "./scripts/minify-templates.ts";
import { SCRIPT_FILES, type ScriptFile } from "./scripts/script-files.ts";

/**
 * A script-tag file carries only its own backends: the backend table
 * (src/api/backends.ts) is rebuilt with just those, so the others' code is
 * never reached and an element asking for one says it is not in this file.
 * Inside one file they are imported statically: an inlined dynamic import
 * would wrap every module behind it in lazy-init code (≈ 1 KB gzip) and save
 * nothing, since the bytes are already downloaded.
 */
function onlyBackends(file: ScriptFile): Plugin {
  const moderation = file.tags.includes("review-moderation") ? file.backends : [];
  // A file with <review-moderation> alone (the owner's page) reads no public reviews: no public source code.
  const publics = file.tags.some((tag) => tag !== "review-moderation") ? file.backends : [];
  return {
    name: "review-widgets:only-backends",
    load(id) {
      // The JSON-LD code is not built in either: the file loads it from next to itself (embed/boot.ts).
      if (id.endsWith("/src/internal/structured-data-chunk.ts")) return "export const loadStructuredData = () => Promise.reject(new Error('loaded from next to the script'));\n";
      if (!id.endsWith("/src/api/backends.ts")) return null;
      const table = (name: string, kinds: readonly string[], module: string) =>
        [
          ...kinds.map((kind) => `import * as ${kind}_${module} from "./${kind}/${module}.ts";`),
          `export const ${name} = {`,
          ...kinds.map((kind) => `  ${kind}: () => Promise.resolve(${kind}_${module}),`),
          "};",
        ].join("\n");
      return `${table("backendLoaders", publics, "index")}\n${table("moderationLoaders", moderation, "moderation")}\n`;
    },
  };
}

// Two kinds of build (TOOLCHAIN.md: one config with both formats applies `external` to both):
//  - default mode: unbundled-per-entry ES modules for bundler users, lit and zod left external;
//  - `--mode iife`: one self-registering script-tag file, everything inlined; which one is named by
//    RW_SCRIPT_FILE (scripts/build.ts builds each file of scripts/script-files.ts in turn).
export default defineConfig(({ mode }) => {
  if (mode === "iife") {
    const name = process.env["RW_SCRIPT_FILE"] ?? "review-widgets.js";
    const file = SCRIPT_FILES.find((candidate) => candidate.file === name);
    if (!file) throw new Error(`RW_SCRIPT_FILE=${name} is not in scripts/script-files.ts`);
    return {
      plugins: [minifyTemplates(), onlyBackends(file)],
      // One backend's parts of the elements (src/core/variants.ts) are left out of files without that backend.
      define: {
        __RW_MARKETPLACE__: JSON.stringify(file.backends.includes("mindbricks")),
        __RW_DIRECTORY__: JSON.stringify(file.backends.includes("partnerpage")),
        // Export and Delete in <review-moderation> (src/core/variants.ts): not in the everything file, over its budget otherwise.
        __RW_OWNER_TOOLS__: JSON.stringify(file.file !== "review-widgets.js"),
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
