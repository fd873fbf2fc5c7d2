/** Reading request and response bodies with a size cap and a deadline, without buffering more than the cap. */

/** The body did not arrive before the deadline (a slow or stalled client). */
export class BodyTimeoutError extends Error {
  constructor() {
    super("body timed out");
    this.name = "BodyTimeoutError";
  }
}

/**
 * The whole stream as text, or null as soon as it exceeds `maxBytes` (the
 * rest is not read). Throws BodyTimeoutError when `signal` aborts first, so a
 * client trickling its body one byte at a time cannot hold a request open.
 */
export async function readTextAtMost(stream: ReadableStream<Uint8Array> | null, maxBytes: number, signal?: AbortSignal): Promise<string | null> {
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const abort = new Promise<never>((_resolve, reject) => {
    if (!signal) return;
    const fail = () => reject(new BodyTimeoutError());
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
  abort.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), abort]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
