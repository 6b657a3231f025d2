import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { listenApp, type ListeningApp } from '../../../test/support/listening-app';
import {
  answer,
  ScriptedChatRunner,
  usage,
  type ScriptStep,
} from '../../../test/support/scripted-chat-runner';
import { createApp } from '../create-app';
import type { ErrorBody } from '../error-handler';

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** Splits an SSE body into frames; comments (keep-alives) are returned apart. */
function parseSse(text: string): { frames: Frame[]; comments: string[] } {
  const frames: Frame[] = [];
  const comments: string[] = [];
  for (const block of text.split('\n\n')) {
    if (block.trim() === '') continue;
    if (block.startsWith(':')) {
      comments.push(block);
      continue;
    }
    const lines = block.split('\n');
    const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? '';
    const data = lines
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    frames.push({ event, data: JSON.parse(data) as Record<string, unknown> });
  }
  return { frames, comments };
}

function post(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const toolScript: ScriptStep[] = [
  { event: { type: 'tool-call', id: 'c1', name: 'query_sales', args: { product: 'QUI-500' } } },
  {
    delayMs: 5,
    event: { type: 'tool-result', id: 'c1', name: 'query_sales', result: { units: 12 }, ms: 4 },
  },
  { event: { type: 'text-delta', text: 'Se vendieron ' } },
  { event: { type: 'text-delta', text: '12 unidades.' } },
  {
    event: {
      type: 'run-end',
      message: 'Se vendieron 12 unidades.',
      usage: usage(),
      outcome: 'answered',
      ungrounded: [],
      citations: [],
    },
  },
];

describe('POST /api/chat', () => {
  it('streams the run as SSE frames in order, each named by its type with the rest as JSON data (wrong framing breaks every client)', async () => {
    const runner = new ScriptedChatRunner({ script: () => toolScript });
    const app = createApp(testDeps({ chat: runner }));
    const response = await app.request('/api/chat', post({ message: '¿Cuánto vendimos?' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text.startsWith('event: run-start\ndata: {')).toBe(true);
    const { frames } = parseSse(text);
    expect(frames.map((frame) => frame.event)).toEqual([
      'run-start',
      'tool-call',
      'tool-result',
      'text-delta',
      'text-delta',
      'run-end',
    ]);
    expect(frames[0]?.data).toEqual({ conversationId: 'conversation-1', runId: 'run-1' });
    expect(frames[2]?.data).toEqual({
      id: 'c1',
      name: 'query_sales',
      result: { units: 12 },
      ms: 4,
    });
    for (const frame of frames) expect(frame.data).not.toHaveProperty('type');
    expect(runner.starts).toEqual([{ message: '¿Cuánto vendimos?' }]);
  });

  it('answers 400 with the zod issues for a body without a message (otherwise bad input would reach the agent)', async () => {
    const app = createApp(testDeps({ chat: new ScriptedChatRunner() }));
    const response = await app.request('/api/chat', post({ text: 'hola' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('message');
    expect(body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'message' })]),
    );
  });

  it('answers 400 naming JSON for a body that is not JSON', async () => {
    const app = createApp(testDeps({ chat: new ScriptedChatRunner() }));
    const response = await app.request('/api/chat', post('{"message": '));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toContain('not valid JSON');
  });

  it('answers a start rejection (unknown conversation) as a JSON 404, not a stream', async () => {
    const app = createApp(testDeps({ chat: new ScriptedChatRunner() }));
    const response = await app.request('/api/chat', post({ conversationId: 'nope', message: 'x' }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('answers 503 with the fix when no agent is configured', async () => {
    const response = await createApp(testDeps()).request('/api/chat', post({ message: 'x' }));
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.message).toContain('chat agent');
  });

  it('answers 413 naming the image index and its size when one image is over the limit', async () => {
    const runner = new ScriptedChatRunner();
    const app = createApp(testDeps({ chat: runner, limits: { imageBytes: 300 } }));
    const small = Buffer.alloc(300).toString('base64');
    const large = Buffer.alloc(301).toString('base64');
    const response = await app.request('/api/chat', post({ message: 'x', images: [small, large] }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain('images[1] is 301 bytes');
    expect(body.error.message).toContain('300 bytes');
    expect(runner.starts).toHaveLength(0);
  });

  it('accepts a chat body above the JSON limit but under the chat limit, and rejects one above it (images need the larger limit)', async () => {
    const runner = new ScriptedChatRunner();
    const limits = { jsonBodyBytes: 1000, chatBodyBytes: 5000 };
    const app = createApp(testDeps({ chat: runner, limits }));
    const image = Buffer.alloc(2000).toString('base64');
    const accepted = await app.request('/api/chat', post({ message: 'x', images: [image] }));
    expect(accepted.status).toBe(200);
    await accepted.text();
    const tooLarge = Buffer.alloc(4000).toString('base64');
    const rejected = await app.request('/api/chat', post({ message: 'x', images: [tooLarge] }));
    expect(rejected.status).toBe(413);
    const other = await app.request('/api/tools/query_sales', post({ pad: 'x'.repeat(2000) }));
    expect(other.status).toBe(413);
  });

  it('refuses a second message for a conversation that is still answering with 409 (two turns would interleave)', async () => {
    const runner = new ScriptedChatRunner({
      conversations: ['c-1'],
      script: () => answer('lento', 200),
    });
    const app = createApp(testDeps({ chat: runner }));
    const first = await app.request('/api/chat', post({ conversationId: 'c-1', message: 'a' }));
    const second = await app.request('/api/chat', post({ conversationId: 'c-1', message: 'b' }));
    expect(second.status).toBe(409);
    expect(((await second.json()) as ErrorBody).error.message).toContain('run-1');
    await first.text();
    const third = await app.request('/api/chat', post({ conversationId: 'c-1', message: 'c' }));
    expect(third.status).toBe(200);
    await third.text();
  });

  it('sends keep-alive comments while a run is silent (proxies would cut a quiet stream)', async () => {
    const runner = new ScriptedChatRunner({ script: () => answer('tarde', 120) });
    const app = createApp(testDeps({ chat: runner, limits: { sseKeepAliveMs: 20 } }));
    const response = await app.request('/api/chat', post({ message: 'x' }));
    const { frames, comments } = parseSse(await response.text());
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(comments[0]).toBe(': keep-alive');
    expect(frames.map((frame) => frame.event)).toEqual(['run-start', 'text-delta', 'run-end']);
  });

  it('records the HTTP duration when the stream ends, not when the headers go out', async () => {
    const deps = testDeps({ chat: new ScriptedChatRunner({ script: () => answer('x', 150) }) });
    const response = await createApp(deps).request('/api/chat', post({ message: 'x' }));
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const access = deps.logs.lines.find((line) => line.msg === 'request');
    expect(access).toMatchObject({ route: '/api/chat', status: 200 });
    expect(Number(access?.ms)).toBeGreaterThanOrEqual(140);
    const metric = await deps.metrics.httpRequestDuration.get();
    const sum = metric.values.find(
      (value) =>
        value.metricName === 'ayni_http_request_duration_seconds_sum' &&
        value.labels.route === '/api/chat',
    );
    expect(sum?.value).toBeGreaterThanOrEqual(0.14);
  });
});

describe('POST /api/chat over a real connection', () => {
  let server: ListeningApp | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('stops the run when the client disconnects mid-stream (else the model keeps generating for nobody)', async () => {
    const runner = new ScriptedChatRunner({
      script: () => [
        { delayMs: 5, event: { type: 'text-delta', text: 'uno ' } },
        ...answer('dos', 5000),
      ],
    });
    server = await listenApp(testDeps({ chat: runner }));
    const abort = new AbortController();
    const response = await fetch(`${server.url}/api/chat`, {
      ...post({ message: 'x' }),
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('event: text-delta')) {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
    }
    abort.abort();
    await expect.poll(() => runner.stopRequests, { timeout: 2000 }).toContain('run-1');
    expect(runner.running).toEqual([]);
  });
});
