import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * Largest request body any API route reads. The biggest legitimate body is a
 * directory review (5,000-character summary plus names); even written fully
 * as `\uXXXX` escapes it stays well under this.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Refuses a request body over `maxBytes` before it is buffered: at once when
 * Content-Length says so, or as soon as a chunked body grows past the cap.
 * `refuse` answers 413 in the caller's own error shape.
 */
export function limitBody(refuse: (c: Context) => Response, maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const response = refuse(c);
      // The rest of the body is never read, so the connection cannot carry another
      // request: say so, or a client's pool reuses it and its next request fails.
      response.headers.set("Connection", "close");
      return response;
    },
  });
}

export const tooLargeDetail = (maxBytes = MAX_BODY_BYTES) => `The request body is too large (at most ${maxBytes} bytes).`;
