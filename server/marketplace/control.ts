/**
 * Demo-only controls, mounted at `/demo-api/marketplace` in demo mode: move the
 * clock so a review window closes, switch auto-approval, restore the seed, and
 * list the seed's named ids. Plain JSON answers; errors use the seed-003 error
 * body. Only same-origin pages (or non-browser tools) may call them.
 */
import type { Hono } from "hono";
import { DAY_MS, MAX_CLOCK_OFFSET_MS, type Clock } from "../clock.ts";
import { demoGuard } from "../shared/demo-guard.ts";
import { errorResponse, jsonResponse } from "./envelope.ts";
import { badRequest, MarketplaceError } from "./errors.ts";
import { answerUnknownRoutes, createJsonApp, readJsonObject } from "./json-app.ts";
import { DEMO } from "./seed.ts";
import type { ReviewStore } from "./store.ts";

const MAX_ADVANCE_DAYS = 365;

/** `reset` restores the clock and the seed (createApp passes one that resets every backend). */
export function createControlApp(store: ReviewStore, clock: Clock, reset: () => void): Hono {
  const app = createJsonApp(clock);
  const clockState = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs });

  app.use(
    "*",
    demoGuard((_c, refusal) => {
      const code = refusal.status === 415 ? "errMsg_unsupportedMediaType" : "errMsg_crossSiteRequestRefused";
      return errorResponse(new MarketplaceError(refusal.status, code, refusal.detail), clock.now());
    }),
  );

  app.use("*", async (_c, next) => {
    store.applyDueReleases();
    await next();
  });

  app.get("/clock", () => jsonResponse(clockState(), 200));

  app.post("/clock/advance", async (c) => {
    const { days } = await readJsonObject(c);
    if (typeof days !== "number" || !Number.isFinite(days) || days <= 0 || days > MAX_ADVANCE_DAYS) {
      throw badRequest("errMsg_daysMustBeAPositiveNumberUpTo365", `days must be a number above 0 and at most ${MAX_ADVANCE_DAYS}.`);
    }
    if (clock.offsetMs + days * DAY_MS > MAX_CLOCK_OFFSET_MS) {
      throw badRequest("errMsg_clockLimitReached", `The demo clock may run at most ${MAX_CLOCK_OFFSET_MS / DAY_MS} days ahead; reset the demo to start over.`);
    }
    clock.advance(days * DAY_MS);
    store.applyDueReleases();
    return jsonResponse(clockState(), 200);
  });

  app.get("/settings", () => jsonResponse(store.settings, 200));

  app.put("/settings", async (c) => {
    const { autoApprove } = await readJsonObject(c);
    if (typeof autoApprove !== "boolean") throw badRequest("errMsg_autoApproveMustBeABoolean", "Send {autoApprove: true|false}.");
    store.setAutoApprove(autoApprove);
    return jsonResponse(store.settings, 200);
  });

  app.post("/reset", () => {
    reset();
    return jsonResponse({ reset: true, ...clockState(), settings: store.settings }, 200);
  });

  app.get("/ids", () => jsonResponse(DEMO, 200));
  answerUnknownRoutes(app);

  return app;
}
