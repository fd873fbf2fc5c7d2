/** Demo controls for the directory API: start over, and look up the named ids. */
import { Hono } from "hono";
import { DIRECTORY_DEMO } from "./seed.ts";
import type { DirectoryStore } from "./store.ts";

export function createDirectoryControl(store: DirectoryStore): Hono {
  const app = new Hono();
  app.post("/reset", (c) => {
    store.reset();
    return c.json({ reset: true, ...DIRECTORY_DEMO });
  });
  // A demo server: the keys are part of the answer on purpose.
  app.get("/ids", (c) => c.json(DIRECTORY_DEMO));
  return app;
}
