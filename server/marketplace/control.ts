/**
 * Demo-only controls, mounted at `/demo-api/marketplace`: move the clock so a
 * review window closes, switch auto-approval, restore the seed, and list the
 * seed's named ids. Plain JSON answers; errors use the seed-003 error body.
 */
import type { Hono } from "hono";
import { DAY_MS, type Clock } from "../clock.ts";
import { jsonResponse } from "./envelope.ts";
import { badRequest } from "./errors.ts";
import { answerUnknownRoutes, createJsonApp } from "./json-app.ts";
import { parseJsonObject } from "./request-validation.ts";
import { DEMO } from "./seed.ts";
import type { ReviewStore } from "./store.ts";

const MAX_ADVANCE_DAYS = 365;

export function createControlApp(store: ReviewStore, clock: Clock): Hono {
  const app = createJsonApp(clock);
  const clockState = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs });

  app.use("*", async (_c, next) => {
    store.applyDueReleases();
    await next();
  });

  app.get("/clock", () => jsonResponse(clockState(), 200));

  app.post("/clock/advance", async (c) => {
    const { days } = parseJsonObject(await c.req.text());
    if (typeof days !== "number" || !Number.isFinite(days) || days <= 0 || days > MAX_ADVANCE_DAYS) {
      throw badRequest("errMsg_daysMustBeAPositiveNumberUpTo365", `days must be a number above 0 and at most ${MAX_ADVANCE_DAYS}.`);
    }
    clock.advance(days * DAY_MS);
    store.applyDueReleases();
    return jsonResponse(clockState(), 200);
  });

  app.get("/settings", () => jsonResponse(store.settings, 200));

  app.put("/settings", async (c) => {
    const { autoApprove } = parseJsonObject(await c.req.text());
    if (typeof autoApprove !== "boolean") throw badRequest("errMsg_autoApproveMustBeABoolean", "Send {autoApprove: true|false}.");
    store.setAutoApprove(autoApprove);
    return jsonResponse(store.settings, 200);
  });

  app.post("/reset", () => {
    store.reset();
    return jsonResponse({ reset: true, ...clockState(), settings: store.settings }, 200);
  });

  app.get("/ids", () => jsonResponse(DEMO, 200));
  answerUnknownRoutes(app);

  return app;
}
