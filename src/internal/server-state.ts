/**
 * Reading server-rendered state (core/server-state.ts), loaded on demand: only pages with
 * server-rendered elements need it (internal/takeover.ts).
 */
export { listState, readStateScript, ready, summaryState } from "../core/server-state.js";
