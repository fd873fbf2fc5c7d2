import type { Context } from "hono";

/**
 * Whether `error` only means the client went away mid-request (an upload cut
 * off, a tab closed). That is routine on a public server: worth one log line,
 * never a stack trace or a 500 in the error statistics.
 */
export function isClientAbort(c: Context, error: unknown): boolean {
  if (c.req.raw.signal.aborted) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return error.message === "aborted" || code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE";
}

/** The one line an aborted request leaves in the log. */
export function logClientAbort(c: Context): void {
  console.warn(`[server] ${c.req.method} ${c.req.path}: the client closed the connection before the request was complete`);
}

/** What an aborted request is answered with (nobody is left to read it). */
export function abortedResponse(): Response {
  return new Response(null, { status: 400, headers: { "Cache-Control": "no-store" } });
}

/**
 * The server's last word on an error no route answered: a client that went
 * away gets one log line; anything else one line for the operator and a bare
 * 500 for the caller (never a stack trace or the error's text).
 */
export function answerError(error: unknown, c: Context): Response {
  if (isClientAbort(c, error)) {
    logClientAbort(c);
    return abortedResponse();
  }
  console.error(`[server] ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`);
  return c.json({ detail: "A server error occurred." }, 500, { "Cache-Control": "no-store" });
}
