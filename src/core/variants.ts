/**
 * Build-time facts about the script file being built (vite.config.ts defines
 * them per file). A file without a backend leaves that backend's parts of the
 * elements out; everywhere else (ESM build, tests) the constants are
 * undefined and every part stays in.
 */
declare const __RW_MARKETPLACE__: boolean | undefined;
declare const __RW_DIRECTORY__: boolean | undefined;

export const MARKETPLACE: boolean = typeof __RW_MARKETPLACE__ === "undefined" || __RW_MARKETPLACE__;
/** The same for the directory backend's parts (the form's fields about who writes). */
export const DIRECTORY: boolean = typeof __RW_DIRECTORY__ === "undefined" || __RW_DIRECTORY__;
