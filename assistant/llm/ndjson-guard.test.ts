import { describe, expect, it } from 'vitest';
import { LlmError } from './llm-errors';
import { createNdjsonGuard } from './ndjson-guard';

function guarded(parts: (string | Uint8Array)[]) {
  const events: string[] = [];
  const encoder = new TextEncoder();
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts)
        controller.enqueue(typeof part === 'string' ? encoder.encode(part) : part);
      controller.close();
    },
  });
  const stream = source.pipeThrough(
    createNdjsonGuard({
      onBytes: () => events.push('bytes'),
      onDone: () => events.push('done'),
      protocolError: (line) => new LlmError('protocol', `bad line ${line}`),
      streamError: (text) => new LlmError('stream_error', text),
      incompleteError: () => new LlmError('incomplete', 'no done'),
    }),
  );
  return { events, text: () => new Response(stream).text() };
}

describe('createNdjsonGuard', () => {
  it('passes complete lines through, joining lines split across chunks and a character split across bytes', async () => {
    const accented = new TextEncoder().encode('{"message":{"content":"ñ"}}\n');
    const split = accented.indexOf(0xc3) + 1; // inside the two bytes of ñ
    const { events, text } = guarded([
      '{"a":1}\n{"b"',
      ':2}\n\n',
      accented.slice(0, split),
      accented.slice(split),
      '{"done":true}',
    ]);
    expect(await text()).toBe('{"a":1}\n{"b":2}\n{"message":{"content":"ñ"}}\n{"done":true}\n');
    expect(events.filter((event) => event === 'done')).toHaveLength(1);
    expect(events.filter((event) => event === 'bytes')).toHaveLength(5);
  });

  it("turns Ollama's error line into stream_error with its text", async () => {
    const { text } = guarded(['{"a":1}\n{"error":"out of memory"}\n']);
    await expect(text()).rejects.toMatchObject({
      failure: 'stream_error',
      message: 'out of memory',
    });
  });

  it('rejects a line that is not a JSON object as protocol', async () => {
    await expect(guarded(['<html>\n']).text()).rejects.toMatchObject({ failure: 'protocol' });
    await expect(guarded(['[1,2]\n']).text()).rejects.toMatchObject({ failure: 'protocol' });
  });

  it('rejects a body that ends without a done line as incomplete', async () => {
    await expect(guarded(['{"a":1}\n']).text()).rejects.toMatchObject({ failure: 'incomplete' });
    await expect(guarded([]).text()).rejects.toMatchObject({ failure: 'incomplete' });
  });
});
