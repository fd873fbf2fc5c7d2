/**
 * Where the JSON-LD code comes from by default: a chunk of its own, which a
 * bundler splits off so pages that never opt in do not carry it. The
 * script-tag files are built without it (vite.config.ts) and load the same
 * module from next to themselves instead (embed/boot.ts).
 */
export const loadStructuredData = () => import("./structured-data.js");
