/** Registers every tag (defining twice is harmless) and loads other languages' strings on demand. */
import { setCatalogLoader } from "./core/i18n/index.js";
import { importCatalog } from "./core/i18n/catalogs.js";
import { serverRendered } from "./internal/takeover.js";
import { defineAll } from "./register.js";

setCatalogLoader(importCatalog);
// On a page with server-rendered elements, after their HTML has painted and their languages are in (internal/takeover.ts).
const rendered = serverRendered();
if (rendered) void rendered.then(() => defineAll());
else defineAll();

export * from "./index.js";
