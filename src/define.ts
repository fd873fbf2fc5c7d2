/** Registers every tag (defining twice is harmless) and loads other languages' strings on demand. */
import { setCatalogLoader } from "./core/i18n/index.js";
import { importCatalog } from "./core/i18n/catalogs.js";
import { defineAll } from "./register.js";

setCatalogLoader(importCatalog);
defineAll();

export * from "./index.js";
