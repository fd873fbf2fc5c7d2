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
      const imports: string[] = [];
      const entries = file.backends.map((kind) => {
        imports.push(`import { traits as ${kind}_traits } from "./${kind}/traits.ts";`);
        const parts = [`traits: ${kind}_traits`];
        for (const [module, field, kinds] of [
          ["index", "load", publics],
          ["moderation", "moderation", moderation],
        ] as const) {
          if (!kinds.includes(kind)) continue;
          imports.push(`import * as ${kind}_${module} from "./${kind}/${module}.ts";`);
          parts.push(`${field}: () => Promise.resolve(${kind}_${module})`);
        }
        return `  ${kind}: { ${parts.join(", ")} },`;
      });
      return [
        ...imports,
        "export const backends = {",
        ...entries,
        "};",
        "export function registerBackend(kind, backend) {",
        "  backends[kind] = backend;",
        "}",
        "",
      ].join("\n");
    },
  };
}
