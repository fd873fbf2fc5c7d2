/**
 * Where on-demand code comes from by default: one chunk each, which a bundler
 * splits off so pages that never need it do not carry it. The script-tag
 * files are built without this table (vite.config.ts) and load the same
 * modules from next to themselves instead (embed/boot.ts).
 */
export const chunks = {
  "structured-data": () => import("./structured-data.js"),
  "server-state": () => import("./server-state.js"),
  "own-review": () => import("./own-review.js"),
};
