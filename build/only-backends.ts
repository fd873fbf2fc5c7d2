import type { Plugin } from "vite";
import type { ScriptFile } from "./script-files.ts";

/**
 * A script-tag file carries only its own backends: the backend table
 * (src/api/backends.ts) is rebuilt with just those, so the others' code is
 * never reached and an element asking for one says it is not in this file.
 * Inside one file they are imported statically: an inlined dynamic import
 * would wrap every module behind it in lazy-init code (≈ 1 KB gzip) and save
 * nothing, since the bytes are already downloaded.
 */
export function onlyBackends(file: ScriptFile): Plugin {
  const moderation = file.tags.includes("review-moderation") ? file.backends : [];
  // A file with <review-moderation> alone (the owner's page) reads no public reviews: no public source code.
  const publics = file.tags.some((tag) => tag !== "review-moderation") ? file.backends : [];
  return {
    name: "review-widgets:only-backends",
    load(id) {
      // On-demand code is not built in either: the file loads it from next to itself (internal/on-demand.ts).
      if (id.endsWith("/src/internal/on-demand-chunks.ts")) return "export const chunks = {};\n";
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
