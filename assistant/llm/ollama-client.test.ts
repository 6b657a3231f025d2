import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closedPortUrl,
  startFakeOllama,
  type FakeOllama,
  type FakeOllamaBehaviour,
} from '../../test/support/fake-ollama';
import { createMetrics } from '../metrics/metrics';
import type { LlmChatChunk, LlmChatRequest } from './llm-client';
import { LlmError } from './llm-errors';
import { createOllamaClient, EMBED_BATCH_SIZE, type OllamaClientOptions } from './ollama-client';

const chatModel = 'qwen3:8b';
const everyModel: FakeOllamaBehaviour = {
  kind: 'models',
  names: ['qwen3:8b', 'qwen2.5vl:7b', 'bge-m3:latest', 'gemma:2b'],
};

let ollama: FakeOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

async function start(behaviour: FakeOllamaBehaviour = everyModel): Promise<FakeOllama> {
  ollama = await startFakeOllama(behaviour);
  return ollama;
}

function client(server: { url: string }, extra: Partial<OllamaClientOptions> = {}) {
  return createOllamaClient({
    host: server.url,
    numCtx: 8192,
    keepAlive: '30m',
    retryDelayMs: () => 10,
    ...extra,
  });
}

const ask = (content: string, extra: Partial<LlmChatRequest> = {}): LlmChatRequest => ({
  model: chatModel,
  messages: [{ role: 'user', content }],
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LlmError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('chat over real HTTP', () => {
  it('streams text: chunks arrive in order through onChunk and add up to the message', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'La demanda sube 12% en julio.' });
    const chunks: LlmChatChunk[] = [];
    const result = await client(server).chat(ask('¿Y julio?', { onChunk: (c) => chunks.push(c) }));
    expect(chunks.map((chunk) => chunk.content)).toEqual([
      'La ',
      'demanda ',
      'sube ',
      '12% ',
      'en ',
      'julio.',
    ]);
    expect(result.message).toEqual({ content: 'La demanda sube 12% en julio.', toolCalls: [] });
    expect(result.doneReason).toBe('stop');
    expect(result.usage).toMatchObject({ outputTokens: 6, totalMs: 1200, loadMs: 50 });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(result.truncation).toBeUndefined();
  });

  it("sends Ollama's body: stream, num_ctx, keep_alive, options, tools in function shape, format, think", async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: '{"age": 22}' });
    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] };
    const parameters = { type: 'object', properties: { sku: { type: 'string' } } };
    await client(server).chat(
      ask('hola', {
        tools: [{ name: 'query_sales', description: 'Sales of a product', parameters }],
        format: schema,
        think: false,
        options: { temperature: 0, seed: 7 },
      }),
    );
    expect(server.bodies('/api/chat')[0]).toEqual({
      model: chatModel,
      messages: [{ role: 'user', content: 'hola' }],
      stream: true,
      keep_alive: '30m',
      options: { temperature: 0, seed: 7, num_ctx: 8192 },
      tools: [
        {
          type: 'function',
          function: { name: 'query_sales', description: 'Sales of a product', parameters },
        },
      ],
      format: schema,
      think: false,
    });
  });

  it("uses the request's num_ctx over the client's default", async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'ok' });
    await client(server).chat(ask('hola', { options: { num_ctx: 32768 } }));
    expect(server.bodies('/api/chat')[0]).toMatchObject({ options: { num_ctx: 32768 } });
  });

  it('maps history messages: images, tool_calls with their arguments, tool_name, thinking', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'Listo.' });
    await client(server).chat({
      model: 'qwen2.5vl:7b',
      messages: [
        { role: 'user', content: '¿Defectos?', images: ['aGVsbG8='] },
        {
          role: 'assistant',
          content: '',
          thinking: 'need sales',
          toolCalls: [{ id: 'call_1', name: 'query_sales', arguments: { sku: 'QUI-500' } }],
        },
        { role: 'tool', content: '{"units": 10}', toolName: 'query_sales' },
      ],
    });
    expect((server.bodies('/api/chat')[0] as { messages: unknown }).messages).toEqual([
      { role: 'user', content: '¿Defectos?', images: ['aGVsbG8='] },
      {
        role: 'assistant',
        content: '',
        thinking: 'need sales',
        tool_calls: [{ function: { name: 'query_sales', arguments: { sku: 'QUI-500' } } }],
      },
      { role: 'tool', content: '{"units": 10}', tool_name: 'query_sales' },
    ]);
  });

  it('accumulates thinking and tool calls across chunks; keeps ids Ollama gives and makes call_<n> otherwise', async () => {
    const server = await start();
    server.reply('/api/chat', {
      kind: 'chat',
      thinking: 'The user wants sales and a forecast.',
      toolCalls: [
        { name: 'query_sales', arguments: { sku: 'QUI-500' } },
        { name: 'forecast_demand', arguments: '{"sku":"QUI-500","horizon":8}', id: 'call_xyz' },
      ],
    });
    const chunks: LlmChatChunk[] = [];
    const result = await client(server).chat(
      ask('ventas y pronóstico', { think: true, onChunk: (chunk) => chunks.push(chunk) }),
    );
    expect(result.message.thinking).toBe('The user wants sales and a forecast.');
    expect(result.message.content).toBe('');
    expect(result.message.toolCalls).toEqual([
      {
        id: expect.stringMatching(/^call_\d+$/),
        name: 'query_sales',
        arguments: { sku: 'QUI-500' },
      },
      { id: 'call_xyz', name: 'forecast_demand', arguments: { sku: 'QUI-500', horizon: 8 } },
    ]);
    expect(chunks.filter((chunk) => chunk.thinking).length).toBe(7);
    expect(
      chunks.filter((chunk) => chunk.toolCalls).map((chunk) => chunk.toolCalls?.[0]?.name),
    ).toEqual(['query_sales', 'forecast_demand']);
    expect(result.timeToFirstTokenMs).toBeDefined();
  });
});

describe('typed errors', () => {
  it('connection refused -> unreachable, telling how to start Ollama, after the retries', async () => {
    const host = await closedPortUrl();
    const error = await failure(client({ url: host }, { retries: 1 }).chat(ask('hola')));
    expect(error.failure).toBe('unreachable');
    expect(error.message).toContain(`Ollama is not reachable at ${host}`);
    expect(error.message).toContain('ollama serve');
    expect(error.message).toContain('OLLAMA_HOST');
    expect(error.retryable).toBe(true);
  });

  it('a host name that does not resolve -> unreachable naming OLLAMA_HOST', async () => {
    const error = await failure(
      client({ url: 'http://ollama-host.invalid:11434' }, { retries: 0 }).chat(ask('hola')),
    );
    expect(error.failure).toBe('unreachable');
    expect(error.message).toContain('OLLAMA_HOST');
  });

  it('no first chunk within firstToken -> timeout, retried, and the server sees each attempt', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'hang' }, { kind: 'hang' });
    const started = performance.now();
    const error = await failure(
      client(server, { retries: 1, timeoutMs: { firstToken: 100 } }).chat(ask('hola')),
    );
    expect(error.failure).toBe('timeout');
    expect(error.message).toContain('did not start answering');
    expect(server.bodies('/api/chat')).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a gap longer than idle mid-stream -> timeout, not retried, connection closed', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'uno dos', end: 'hang' });
    const disconnected = server.nextDisconnect();
    const error = await failure(client(server, { timeoutMs: { idle: 100 } }).chat(ask('hola')));
    expect(error.failure).toBe('timeout');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('stopped streaming');
    expect(await disconnected).toBe('/api/chat');
    expect(server.bodies('/api/chat')).toHaveLength(1);
  });

  it('an {"error"} line mid-stream -> stream_error with Ollama\'s text, not retried', async () => {
    const server = await start();
    server.reply('/api/chat', {
      kind: 'chat',
      content: 'Hola',
      end: 'error-line',
      error: 'llama runner process has terminated: signal: killed',
    });
    const error = await failure(client(server).chat(ask('hola')));
    expect(error.failure).toBe('stream_error');
    expect(error.message).toContain('llama runner process has terminated: signal: killed');
    expect(server.bodies('/api/chat')).toHaveLength(1);
  });

  it('a stream that ends without done -> incomplete (also when the socket is reset)', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'Hola a', end: 'cut' });
    expect((await failure(client(server).chat(ask('hola')))).failure).toBe('incomplete');
    server.reply('/api/chat', { kind: 'chat', content: 'Hola a', end: 'reset' });
    expect((await failure(client(server).chat(ask('hola')))).failure).toBe('incomplete');
    expect(server.bodies('/api/chat')).toHaveLength(2);
  });

  it('404 model not found -> model_missing naming the exact ollama pull', async () => {
    const server = await start();
    const error = await failure(client(server).chat(ask('hola', { model: 'llama3.1:8b' })));
    expect(error.failure).toBe('model_missing');
    expect(error.status).toBe(404);
    expect(error.message).toContain('"ollama pull llama3.1:8b"');
  });

  it('400 does not support tools -> capability, not retried', async () => {
    const server = await start();
    const tools = [{ name: 'query_sales', description: 'x', parameters: { type: 'object' } }];
    const error = await failure(client(server).chat(ask('hola', { model: 'gemma:2b', tools })));
    expect(error.failure).toBe('capability');
    expect(error.message).toContain('does not support tools');
    expect(error.message).toContain('registry.ollama.ai/library/gemma:2b');
    expect(server.bodies('/api/chat')).toHaveLength(1);
  });

  it("500 -> http with Ollama's own text, retried before giving up", async () => {
    const server = await start();
    const busy = {
      kind: 'http',
      status: 500,
      error: 'model runner has unexpectedly stopped',
    } as const;
    server.reply('/api/chat', busy, busy, busy);
    const error = await failure(client(server).chat(ask('hola')));
    expect(error.failure).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toContain('model runner has unexpectedly stopped');
    expect(server.bodies('/api/chat')).toHaveLength(3);
  });

  it('a non-JSON body -> protocol, and ollama-js never logs to the console', async () => {
    const server = await start();
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    server.reply('/api/chat', { kind: 'raw', status: 502, body: '<html>Bad gateway</html>' });
    server.reply('/api/chat', { kind: 'raw', status: 502, body: '<html>Bad gateway</html>' });
    server.reply('/api/chat', { kind: 'raw', status: 502, body: '<html>Bad gateway</html>' });
    const proxyError = await failure(client(server).chat(ask('hola')));
    expect(proxyError.failure).toBe('protocol');
    expect(proxyError.message).toContain('<html>Bad gateway</html>');
    server.reply('/api/chat', { kind: 'raw', status: 200, body: 'not json\n' });
    expect((await failure(client(server).chat(ask('hola')))).failure).toBe('protocol');
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    log.mockRestore();
    warn.mockRestore();
  });
});

describe('retries and cancellation', () => {
  it('a failure before the first token is retried and the retry succeeds', async () => {
    const server = await start();
    server.reply(
      '/api/chat',
      {
        kind: 'http',
        status: 503,
        error: 'server busy, please try again.  maximum pending requests exceeded',
      },
      { kind: 'reset' },
      { kind: 'chat', content: 'Por fin.' },
    );
    const result = await client(server).chat(ask('hola'));
    expect(result.message.content).toBe('Por fin.');
    expect(server.bodies('/api/chat')).toHaveLength(3);
  });

  it('never retries once a token was streamed', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'Hola', end: 'reset' });
    server.reply('/api/chat', { kind: 'chat', content: 'would be a second answer' });
    const seen: string[] = [];
    const error = await failure(
      client(server).chat(ask('hola', { onChunk: (chunk) => seen.push(chunk.content ?? '') })),
    );
    expect(error.failure).toBe('incomplete');
    expect(seen).toEqual(['Hola']);
    expect(server.bodies('/api/chat')).toHaveLength(1);
  });

  it('an abort mid-stream rejects with aborted and the server sees the connection close', async () => {
    const server = await start();
    server.reply('/api/chat', {
      kind: 'chat',
      content: 'uno dos tres cuatro cinco',
      chunkDelayMs: 200,
    });
    const controller = new AbortController();
    const disconnected = server.nextDisconnect();
    const pending = client(server).chat(
      ask('hola', {
        signal: controller.signal,
        onChunk: () => controller.abort(new Error('stop')),
      }),
    );
    const error = await failure(pending);
    expect(error.failure).toBe('aborted');
    expect(await disconnected).toBe('/api/chat');
    expect(server.bodies('/api/chat')).toHaveLength(1);
  });

  it('an abort while waiting for the first token closes the connection and is not retried', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'hang' }, { kind: 'chat', content: 'too late' });
    const controller = new AbortController();
    const disconnected = server.nextDisconnect();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client(server).chat(ask('hola', { signal: controller.signal })));
    expect(error.failure).toBe('aborted');
    expect(await disconnected).toBe('/api/chat');
    expect(server.bodies('/api/chat')).toHaveLength(1);
  });

  it('an abort during the backoff between retries stops at once; an aborted signal sends nothing', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'http', status: 500, error: 'boom' });
    const controller = new AbortController();
    const slowRetry = client(server, { retryDelayMs: () => 10_000 });
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(slowRetry.chat(ask('hola', { signal: controller.signal })));
    expect(error.failure).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(2000);
    const before = server.received.length;
    const early = await failure(slowRetry.chat(ask('hola', { signal: AbortSignal.abort() })));
    expect(early.failure).toBe('aborted');
    expect(server.received).toHaveLength(before);
  });

  it('an exception thrown by onChunk passes through unchanged and closes the stream', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'uno dos tres', chunkDelayMs: 100 });
    const disconnected = server.nextDisconnect();
    const thrown = new Error('the UI socket closed');
    await expect(
      client(server).chat(
        ask('hola', {
          onChunk: () => {
            throw thrown;
          },
        }),
      ),
    ).rejects.toBe(thrown);
    expect(await disconnected).toBe('/api/chat');
  });
});

describe('truncation', () => {
  it('is flagged when prompt_eval_count reaches num_ctx, with the fix', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'ok', promptEvalCount: 4096 });
    const result = await client(server, { numCtx: 4096 }).chat(ask('hola'));
    expect(result.truncation).toMatchObject({ promptEvalCount: 4096, numCtx: 4096 });
    expect(result.truncation?.message).toContain('AYNI_NUM_CTX');
    expect(result.truncation?.message).toContain('new conversation');
  });

  it('is flagged when what we sent cannot fit, even if Ollama reports a small count (cache)', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'ok', promptEvalCount: 20 });
    const result = await client(server, { numCtx: 2048 }).chat(ask('ventas '.repeat(2000)));
    expect(result.truncation?.sentTokensEstimate).toBeGreaterThan(2048);
  });

  it('is not flagged for a prompt that fits', async () => {
    const server = await start();
    server.reply('/api/chat', { kind: 'chat', content: 'ok' });
    const result = await client(server, { numCtx: 2048 }).chat(ask('ventas '.repeat(200)));
    expect(result.usage.inputTokens).toBeGreaterThan(300);
    expect(result.truncation).toBeUndefined();
  });
});

describe('embed, show, warmUp', () => {
  it('embeds in batches of EMBED_BATCH_SIZE, keeps the order, sends truncate and keep_alive', async () => {
    const server = await start();
    const texts = Array.from({ length: EMBED_BATCH_SIZE * 2 + 5 }, (_, index) => `texto ${index}`);
    const result = await client(server).embed({ model: 'bge-m3', input: texts });
    const bodies = server.bodies('/api/embed') as { input: string[]; truncate: boolean }[];
    expect(bodies.map((body) => body.input.length)).toEqual([32, 32, 5]);
    expect(bodies[0]).toMatchObject({ model: 'bge-m3', truncate: true, keep_alive: '30m' });
    expect(result.embeddings).toHaveLength(texts.length);
    const single = await client(server).embed({ model: 'bge-m3', input: ['texto 40'] });
    expect(result.embeddings[40]).toEqual(single.embeddings[0]);
    expect(result.inputTokens).toBeGreaterThan(0);
  });

  it('embeds nothing without a request', async () => {
    const server = await start();
    expect((await client(server).embed({ model: 'bge-m3', input: [] })).embeddings).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it('an embed from a chat-only model -> capability', async () => {
    const server = await start();
    const error = await failure(client(server).embed({ model: chatModel, input: ['hola'] }));
    expect(error.failure).toBe('capability');
    expect(error.message).toContain('does not support embedding');
  });

  it('show returns capabilities and the context length from model_info', async () => {
    const server = await start({
      kind: 'models',
      models: [{ name: 'qwen3:8b', capabilities: ['completion', 'tools'], contextLength: 40960 }],
    });
    expect(await client(server).show('qwen3:8b')).toEqual({
      name: 'qwen3:8b',
      capabilities: ['completion', 'tools'],
      contextLength: 40960,
    });
    const missing = await failure(client(server).show('bge-m3'));
    expect(missing.failure).toBe('model_missing');
    expect(missing.message).toContain('"ollama pull bge-m3"');
  });

  it('warmUp loads a chat model with empty messages and keep_alive, an embedding model by embedding', async () => {
    const server = await start();
    await client(server).warmUp(chatModel);
    expect(server.bodies('/api/chat')[0]).toEqual({
      model: chatModel,
      messages: [],
      keep_alive: '30m',
      stream: false,
    });
    await client(server).warmUp('bge-m3');
    expect(server.bodies('/api/embed')[0]).toMatchObject({ model: 'bge-m3', input: ['warm-up'] });
    const missing = await failure(client(server).warmUp('llama3.1:8b'));
    expect(missing.failure).toBe('model_missing');
  });
});

describe('createOllamaClient options', () => {
  it('rejects a host that is not an http(s) URL and a num_ctx that is not a positive whole number', () => {
    expect(() =>
      createOllamaClient({ host: 'localhost:11434', numCtx: 8192, keepAlive: '5m' }),
    ).toThrow('host must be Ollama\'s URL such as http://127.0.0.1:11434, got "localhost:11434"');
    expect(() =>
      createOllamaClient({ host: 'http://127.0.0.1:11434', numCtx: 0, keepAlive: '5m' }),
    ).toThrow('numCtx must be a positive whole number, got 0');
  });
});

describe('metrics', () => {
  it('observes duration, tokens and time to first token per model; vision when images are sent', async () => {
    const server = await start();
    const metrics = createMetrics(new Registry());
    server.reply('/api/chat', {
      kind: 'chat',
      content: 'uno dos',
      promptEvalCount: 123,
      evalCount: 2,
    });
    server.reply('/api/chat', { kind: 'chat', content: 'sin defectos' });
    const llm = client(server, { metrics });
    await llm.chat(ask('hola'));
    await llm.chat({
      model: 'qwen2.5vl:7b',
      messages: [{ role: 'user', content: '?', images: ['aGk='] }],
    });
    await llm.embed({ model: 'bge-m3', input: ['a', 'b'] });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'gen_ai_client_operation_duration_seconds_count{operation="chat",model="qwen3:8b"} 1',
    );
    expect(text).toContain(
      'gen_ai_client_operation_duration_seconds_count{operation="vision",model="qwen2.5vl:7b"} 1',
    );
    expect(text).toContain(
      'gen_ai_client_operation_duration_seconds_count{operation="embeddings",model="bge-m3"} 1',
    );
    expect(text).toContain('gen_ai_client_token_usage_sum{type="input",model="qwen3:8b"} 123');
    expect(text).toContain('gen_ai_client_token_usage_sum{type="output",model="qwen3:8b"} 2');
    expect(text).toContain('gen_ai_server_time_to_first_token_seconds_count{model="qwen3:8b"} 1');
  });
});
