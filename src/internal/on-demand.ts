import { chunks } from "./on-demand-chunks.js";

/**
 * Code most pages never run, fetched on first use: the opt-in JSON-LD, and
 * whatever only some viewers need. In the script-tag files each is an ES
 * module next to the file (dist/internal/<name>.js), so it and everything it
 * imports must not import lit or zod by name: a browser cannot resolve a bare
 * specifier (scripts/build.ts checks). Lit's `html` is passed in where needed.
 */
export type OnDemand = { [Name in keyof typeof chunks]: Awaited<ReturnType<(typeof chunks)[Name]>> };
export type OnDemandName = keyof OnDemand;

let load = async <Name extends OnDemandName>(name: Name): Promise<OnDemand[Name]> => (await chunks[name]()) as OnDemand[Name];

/** The script-tag files fetch `internal/<name>.js` from next to themselves. */
export function setOnDemandLoader(next: (path: string) => Promise<unknown>): void {
  load = <Name extends OnDemandName>(name: Name) => next(`internal/${name}.js`) as Promise<OnDemand[Name]>;
}

/** Loads `name` once it is needed; a file that cannot be fetched is said once on the console, and `what` is skipped. */
export function onDemand<Name extends OnDemandName>(name: Name, what: string): Promise<OnDemand[Name] | null> {
  return load(name).catch(() => {
    console.warn(`[review-widgets] ${what} skipped: its code could not be loaded (keep dist/ together)`);
    return null;
  });
}
