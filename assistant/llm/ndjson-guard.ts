// Checks an Ollama NDJSON stream line by line before the ollama package parses it, so that every
// way a stream goes wrong becomes our typed error instead of ollama-js's console.warn and generic
// Error: a line that is not JSON (protocol), a `{"error": ...}` line (stream_error), and an end
// without a `"done": true` line (incomplete). Complete, valid lines pass through unchanged.
import type { LlmError } from './llm-errors';

export interface NdjsonGuardHooks {
  /** every time bytes arrive (restarts the idle timer) */
  onBytes(): void;
  /** the `"done": true` line arrived */
  onDone(): void;
  /** a line that is not a JSON object */
  protocolError(line: string): LlmError;
  /** Ollama's `{"error": "..."}` in the middle of the stream */
  streamError(ollamaText: string): LlmError;
  /** the body ended before a `"done": true` line */
  incompleteError(): LlmError;
}

export function createNdjsonGuard(
  hooks: NdjsonGuardHooks,
): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  let buffer = '';
  let sawDone = false;

  const inspect = (line: string, controller: TransformStreamDefaultController<Uint8Array>) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw hooks.protocolError(line);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw hooks.protocolError(line);
    }
    if ('error' in parsed) throw hooks.streamError(String(parsed.error));
    if ('done' in parsed && parsed.done === true) {
      sawDone = true;
      hooks.onDone();
    }
    controller.enqueue(encoder.encode(`${line}\n`));
  };

  return new TransformStream<Uint8Array, Uint8Array>({
    transform(bytes, controller) {
      hooks.onBytes();
      buffer += decoder.decode(bytes, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) inspect(line, controller);
    },
    flush(controller) {
      buffer += decoder.decode();
      inspect(buffer, controller);
      buffer = '';
      if (!sawDone) throw hooks.incompleteError();
    },
  });
}
