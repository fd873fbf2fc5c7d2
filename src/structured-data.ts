/**
 * Server-side helper: the same schema.org JSON-LD the elements emit with
 * `structured-data`, for pages that want it in their HTML (see README).
 * No DOM, no side effects; runs in Node 20+, Deno, Bun and edge runtimes.
 */
export { jsonLdScript, qualifies, structuredData, type JsonLd, type ReviewedItem } from "./core/structured-data.js";
export { HttpClient } from "./api/http.js";
export { MindbricksSource } from "./api/mindbricks/source.js";
export { PartnerpageSource } from "./api/partnerpage/source.js";
