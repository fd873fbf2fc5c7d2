/** A Hono app whose every error, including an unknown route, is a seed-003 error body. */
import { Hono, type Context } from "hono";
import type { Clock } from "../clock.ts";
import { errorResponse } from "./envelope.ts";
import { MarketplaceError, notFound } from "./errors.ts";

export function routeNotFound(method: string, path: string): MarketplaceError {
  return notFound("errMsg_routeNotFound", `No route ${method} ${path}.`);
}

export function createJsonApp(clock: Clock): Hono {
  const app = new Hono();
  app.onError((error) => {
    if (error instanceof MarketplaceError) return errorResponse(error, clock.now());
    // Unexpected: tell the operator, never the caller (no message, no stack).
    console.error("[marketplace] unexpected error:", error);
    return errorResponse(
      new MarketplaceError(500, "errMsg_internalServerError", "The server could not complete the request."),
      clock.now(),
    );
  });
  app.notFound((c) => errorResponse(routeNotFound(c.req.method, new URL(c.req.url).pathname), clock.now()));
  return app;
}

/**
 * Answers every request no route took with a 404 error body. Register it
 * last: a sub-app's `notFound` handler is not used once the app is mounted
 * with `route()`, a catch-all route is. `check` runs first (e.g. the token).
 */
export function answerUnknownRoutes(app: Hono, check: (c: Context) => void = () => {}): void {
  app.all("*", (c) => {
    check(c);
    throw routeNotFound(c.req.method, new URL(c.req.url).pathname);
  });
}
