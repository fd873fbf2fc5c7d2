/** Demo controls for the directory API: start over, and look up the named ids (never the keys). */
import { Hono } from "hono";
import { limitBody, tooLargeDetail } from "../shared/body-limit.ts";
import { demoGuard } from "../shared/demo-guard.ts";
import { DIRECTORY_DEMO } from "./seed.ts";

/** What the demo pages may know: ids and names. API keys stay on the server. */
export const DIRECTORY_DEMO_IDS = {
  directoryId: DIRECTORY_DEMO.directoryId,
  entries: DIRECTORY_DEMO.entries,
  otherDirectoryId: DIRECTORY_DEMO.otherDirectoryId,
  unapprovedEntryIds: DIRECTORY_DEMO.unapprovedEntryIds,
  emptyEntryId: DIRECTORY_DEMO.emptyEntryId,
} as const;

/** `reset` restores the seed (and, mounted by createApp, the shared clock and the other backend). */
export function createDirectoryControl(reset: () => void): Hono {
  const app = new Hono();
  app.use(
    "*",
    limitBody((c) => c.json({ detail: tooLargeDetail() }, 413)),
  );
  app.use(
    "*",
    demoGuard((c, refusal) => c.json({ detail: refusal.detail }, refusal.status)),
  );
  app.post("/reset", (c) => {
    reset();
    return c.json({ reset: true, ...DIRECTORY_DEMO_IDS });
  });
  app.get("/ids", (c) => c.json(DIRECTORY_DEMO_IDS));
  return app;
}
