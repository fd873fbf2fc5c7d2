/** A Hono app whose every error, including an unknown route, is a seed-003 error body. */
import { Hono, type Context } from "hono";
import type { Clock } from "../clock.ts";
import { limitBody, tooLargeDetail } from "../shared/body-limit.ts";
import { abortedResponse, isClientAbort, logClientAbort } from "../shared/client-abort.ts";
import { isJsonMediaType } from "../shared/json.ts";
import { errorResponse } from "./envelope.ts";
import { MarketplaceError, notFound, payloadTooLarge, unsupportedMediaType } from "./errors.ts";
import { parseJsonObject, type JsonObject } from "./request-validation.ts";

export function routeNotFound(method: string, path: string): MarketplaceError {
  return notFound("errMsg_routeNotFound", `No route ${method} ${path}.`);
}

export function createJsonApp(clock: Clock): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof MarketplaceError) return errorResponse(error, clock.now());
    if (isClientAbort(c, error)) {
      logClientAbort(c);
      return abortedResponse();
    }
    // Unexpected: tell the operator, never the caller (no message, no stack).
    console.error("[marketplace] unexpected error:", error);
    return errorResponse(new MarketplaceError(500, "errMsg_internalServerError", "The server could not complete the request."), clock.now());
  });
  app.notFound((c) => errorResponse(routeNotFound(c.req.method, new URL(c.req.url).pathname), clock.now()));
  // Before any route reads a body: an oversized one is refused unread.
  app.use(
    "*",
    limitBody(() => errorResponse(payloadTooLarge(tooLargeDetail()), clock.now())),
  );
  return app;
}

/** The request body as a JSON object; 415 unless it is declared `application/json`. */
export async function readJsonObject(c: Context): Promise<JsonObject> {
  if (!isJsonMediaType(c.req.header("content-type"))) throw unsupportedMediaType();
  return parseJsonObject(await c.req.text());
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
