// DELETE /api/conversations/:id/messages?fromSeq=N and GET /api/conversations/:id/images/:hash,
// end to end over the real server, agent and store against an Ollama-protocol test server.
import { afterEach, describe, expect, it } from 'vitest';
import { parseSse, startAgentServer, type AgentServer } from '../../../test/support/agent-server';
import { startFakeOllama, type ChatBody, type FakeOllama } from '../../../test/support/fake-ollama';

const models = [
  { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] },
  { name: 'qwen2.5vl:7b', capabilities: ['completion', 'vision'] },
  { name: 'bge-m3', capabilities: ['embedding'] },
];
// The smallest PNG: 1 x 1, one red pixel.
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ ollama: FakeOllama; app: AgentServer; bodies: ChatBody[] }> {
  const ollama = await startFakeOllama({ kind: 'models', models });
  cleanups.push(() => ollama.close());
  const app = await startAgentServer(ollama.url);
  cleanups.push(() => app.close());
  const bodies: ChatBody[] = [];
  let answer = 0;
  ollama.onChat((body) => {
    bodies.push(body);
    answer += 1;
    return { kind: 'chat', content: `respuesta número ${answer}` };
  });
  return { ollama, app, bodies };
}

async function chat(
  app: AgentServer,
  body: { message: string; conversationId?: string; images?: string[] },
): Promise<string> {
  const response = await fetch(`${app.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const start = parseSse(await response.text()).find((event) => event.type === 'run-start');
  if (start?.type !== 'run-start') throw new Error('no run-start');
  return start.conversationId;
}

interface Detail {
  messages: { seq: number; role: string; content: string; imageHashes?: string[] }[];
  runs: { runId: string }[];
}

async function detail(app: AgentServer, id: string): Promise<Detail> {
  return (await (await fetch(`${app.url}/api/conversations/${id}`)).json()) as Detail;
}

describe('DELETE /api/conversations/:id/messages?fromSeq=N (regenerate, edit-and-resend)', () => {
  it('the model never sees the replaced exchange when the client resends after it (else regenerate answers with the old answer in context)', async () => {
    const { app, bodies } = await setup();
    const id = await chat(app, { message: '¿Cuánta quinoa vendimos?' });
    const first = await detail(app, id);
    const lastUser = first.messages.filter((message) => message.role === 'user').at(-1);
    expect(lastUser?.seq).toBe(1);
    const response = await fetch(`${app.url}/api/conversations/${id}/messages?fromSeq=1`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { removed: number }).removed).toBe(2);
    await chat(app, { conversationId: id, message: '¿Cuánta quinoa vendimos en Lima?' });
    const contents = (bodies.at(-1)?.messages ?? []).map((message) => message.content ?? '');
    expect(contents.some((content) => content.includes('respuesta número 1'))).toBe(false);
    expect(contents.some((content) => content === '¿Cuánta quinoa vendimos?')).toBe(false);
    expect(contents.at(-1)).toBe('¿Cuánta quinoa vendimos en Lima?');
    const after = await detail(app, id);
    expect(after.messages.map((message) => message.content)).toEqual([
      '¿Cuánta quinoa vendimos en Lima?',
      'respuesta número 2',
    ]);
    expect(after.runs).toHaveLength(1);
  });

  it('answers 409 while a run answers in the conversation and removes nothing (else a run would write into a cut history)', async () => {
    const { ollama, app } = await setup();
    const id = await chat(app, { message: 'primera' });
    ollama.onChat(() => ({ kind: 'chat', content: 'lenta respuesta', firstChunkDelayMs: 1500 }));
    const pending = chat(app, { conversationId: id, message: 'segunda' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await fetch(`${app.url}/api/conversations/${id}/messages?fromSeq=1`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('conflict');
    await pending;
    expect((await detail(app, id)).messages).toHaveLength(4);
  });

  it('answers 400 without a whole fromSeq >= 1 and 404 for an unknown conversation', async () => {
    const { app } = await setup();
    const id = await chat(app, { message: 'hola' });
    for (const query of ['', '?fromSeq=0', '?fromSeq=x', '?fromSeq=1&all=1']) {
      const response = await fetch(`${app.url}/api/conversations/${id}/messages${query}`, {
        method: 'DELETE',
      });
      expect(response.status, query).toBe(400);
    }
    const missing = await fetch(`${app.url}/api/conversations/nope/messages?fromSeq=1`, {
      method: 'DELETE',
    });
    expect(missing.status).toBe(404);
    expect((await detail(app, id)).messages).toHaveLength(2);
  });
});

describe('GET /api/conversations/:id/images/:hash', () => {
  it("gives back a message's photo with its type and an immutable private cache, and 404 to another conversation (else reloaded photos are missing or leak)", async () => {
    const { app } = await setup();
    const id = await chat(app, { message: 'revisa esta lata', images: [pngBase64] });
    const hash = (await detail(app, id)).messages[0]?.imageHashes?.[0];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const response = await fetch(`${app.url}/api/conversations/${id}/images/${hash}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pngBase64, 'base64'));

    const other = await chat(app, { message: 'otra conversación' });
    const foreign = await fetch(`${app.url}/api/conversations/${other}/images/${hash}`);
    expect(foreign.status).toBe(404);
    const unknown = await fetch(`${app.url}/api/conversations/${id}/images/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    const malformed = await fetch(`${app.url}/api/conversations/${id}/images/x`);
    expect(malformed.status).toBe(404);
  });
});
