// Body size limits: Hono's bodyLimit for ordinary (JSON) bodies; a counting stream for CSV
// imports, which are streamed rather than buffered.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLargeError } from '../../errors';

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function tooLarge(limitBytes: number, what: string): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `${what} is larger than the limit of ${formatBytes(limitBytes)}`,
    {
      limitBytes,
    },
  );
}

/** Limits every body except those of the paths `exempt` accepts (they enforce their own limit). */
export function jsonBodyLimit(
  maxBytes: number,
  exempt: (path: string) => boolean,
): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes, 'the request body');
    },
  });
  return (c, next) => (exempt(c.req.path) ? next() : limit(c, next));
}

/** Rejects up front on Content-Length, then counts the bytes as they stream. */
export async function* limitedBody(
  body: ReadableStream<Uint8Array> | null,
  contentLength: string | undefined,
  maxBytes: number,
  what: string,
): AsyncGenerator<Uint8Array> {
  if (contentLength !== undefined && Number(contentLength) > maxBytes)
    throw tooLarge(maxBytes, what);
  if (!body) return;
  let total = 0;
  let finished = false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes, what);
      yield value;
    }
  } finally {
    // Stopped early (limit, consumer error or break): stop reading the client's upload.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
