import type { CatalogLoader } from "./index.js";

/** For bundler users: each catalog is its own chunk, fetched only when a page uses that language. */
export const importCatalog: CatalogLoader = async (lang) => {
  const modules: Record<string, () => Promise<{ default: object }>> = {
    es: () => import("./es.js"),
    de: () => import("./de.js"),
    ar: () => import("./ar.js"),
  };
  return (await modules[lang]?.())?.default;
};
