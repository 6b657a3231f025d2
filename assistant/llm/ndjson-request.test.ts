// postNdjson against a raw HTTP server that controls how the bytes are cut (the Ollama-protocol
// test server in ollama-client.test.ts covers timeouts, HTTP errors, aborts and retries).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LlmError } from './llm-errors';
import { ndjsonTarget, postNdjson } from './ndjson-request';

let server: Server | undefined;
afterEach(async () => {
  const open = server;
  server = undefined;
  if (!open) return;
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
});

interface Served {
  url: string;
  connections: () => number;
  closed: Promise<void>;
}

/** A server that answers every POST by writing `parts` one by one, 5 ms apart. */
async function serve(parts: (string | Buffer)[], end: 'end' | 'hang' = 'end'): Promise<Served> {
  let connections = 0;
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  server = createServer((request, response: ServerResponse) => {
    request.resume();
    request.on('end', async () => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      for (const part of parts) {
        response.write(part);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (end === 'end') response.end();
    });
    response.on('close', () => {
      if (!response.writableFinished) onClosed();
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/chat`, connections: () => connections, closed };
}

function post(url: string, onLine: (line: Record<string, unknown>) => void = () => undefined) {
  return postNdjson({
    target: ndjsonTarget(url),
    body: '{"model":"m","stream":true}',
    subject: { host: url, model: 'm', received: false },
    signal: undefined,
    waitMs: 5000,
    idleMs: 5000,
    onLine,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof LlmError) return error;
  throw new Error(`expected an LlmError, got ${String(error)}`);
}

describe('postNdjson', () => {
  it('joins lines cut across chunks and a character cut inside its bytes, in order, up to done', async () => {
    const accented = Buffer.from('{"message":{"content":"ñ"}}\n');
    const split = accented.indexOf(0xc3) + 1; // inside the two bytes of ñ
    const { url } = await serve([
      '{"a":1}\n{"b"',
      ':2}\n\n',
      accented.subarray(0, split),
      accented.subarray(split),
      '{"done":true}\n{"after":"done"}\n',
    ]);
    const lines: Record<string, unknown>[] = [];
    await post(url, (line) => lines.push(line));
    expect(lines).toEqual([{ a: 1 }, { b: 2 }, { message: { content: 'ñ' } }, { done: true }]);
  });

  it("turns Ollama's error line into stream_error with its text and closes the connection", async () => {
    const served = await serve(['{"a":1}\n{"error":"out of memory"}\n'], 'hang');
    const error = await failureOf(post(served.url));
    expect(error.failure).toBe('stream_error');
    expect(error.message).toContain('out of memory');
    await served.closed;
  });

  it('rejects a line that is not a JSON object as protocol', async () => {
    const html = await serve(['<html>\n']);
    expect((await failureOf(post(html.url))).failure).toBe('protocol');
    await new Promise((resolve) => server?.close(resolve));
    const array = await serve(['[1,2]\n']);
    expect((await failureOf(post(array.url))).failure).toBe('protocol');
  });

  it('rejects a body that ends without a done line as incomplete, a last line without newline counts', async () => {
    const cut = await serve(['{"a":1}\n']);
    expect((await failureOf(post(cut.url))).failure).toBe('incomplete');
    await new Promise((resolve) => server?.close(resolve));
    const lastLine = await serve(['{"a":1}\n{"done":true}']);
    await expect(post(lastLine.url)).resolves.toBeUndefined();
  });

  it("rejects with onLine's own exception unchanged and closes the connection", async () => {
    const served = await serve(['{"a":1}\n', '{"b":2}\n'], 'hang');
    const thrown = new Error('the UI socket closed');
    await expect(
      post(served.url, () => {
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    await served.closed;
  });

  it('keeps the connection alive: sequential requests reuse one socket (else every chat pays a connect)', async () => {
    const served = await serve(['{"done":true}\n']);
    await post(served.url);
    await post(served.url);
    await post(served.url);
    expect(served.connections()).toBe(1);
  });

  it('parses the URL once into request options: IPv6 host without brackets, port, path prefix, credentials', () => {
    const { secure, options } = ndjsonTarget('http://user:pa%20ss@[::1]:11434/ollama/api/chat');
    expect(secure).toBe(false);
    expect(options).toMatchObject({
      hostname: '::1',
      port: '11434',
      path: '/ollama/api/chat',
      auth: 'user:pa ss',
      method: 'POST',
    });
    expect(ndjsonTarget('https://ollama.example/api/chat').secure).toBe(true);
  });
});
