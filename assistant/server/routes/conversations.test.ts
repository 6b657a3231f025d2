import { describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { createApp } from '../create-app';
import type { ErrorBody } from '../error-handler';
import type { ConversationSummary } from '../types';

/** An app over the real conversations repository of an in-memory store, with three conversations. */
function appWithConversations() {
  const deps = testDeps();
  const conversations = deps.store.conversations;
  for (const [index, id] of ['c-old', 'c-mid', 'c-new'].entries()) {
    conversations.create({
      id,
      title: `Conversación ${id}`,
      now: `2024-05-0${index + 1}T10:00:00.000Z`,
    });
  }
  conversations.appendMessage('c-mid', {
    runId: 'run-1',
    role: 'user',
    content: '¿Cuánto quinoa vendimos?',
    createdAt: '2024-05-04T10:00:01.000Z',
  });
  conversations.appendMessage('c-mid', {
    runId: 'run-1',
    role: 'assistant',
    content: '',
    toolCalls: [{ id: 'call-1', name: 'query_sales', arguments: { product: 'QUI-500' } }],
    createdAt: '2024-05-04T10:00:02.000Z',
  });
  conversations.recordToolCall('c-mid', {
    id: 'call-1',
    runId: 'run-1',
    name: 'query_sales',
    args: { product: 'QUI-500' },
    result: { units: 12 },
    ms: 4,
    outcome: 'ok',
  });
  conversations.recordRun({
    runId: 'run-1',
    conversationId: 'c-mid',
    model: 'qwen3:8b',
    promptVersion: 'system@1',
    outcome: 'answered',
    steps: 2,
    inputTokens: 100,
    outputTokens: 20,
    ms: 900,
    ungrounded: [],
    startedAt: '2024-05-04T10:00:01.000Z',
  });
  const app = createApp({ ...deps, conversations });
  return { app, deps };
}

const json = (body: unknown): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('/api/conversations', () => {
  it('lists conversations by latest activity first (a new message moves one up) with the page it used', async () => {
    const { app } = appWithConversations();
    const response = await app.request('/api/conversations');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      conversations: ConversationSummary[];
      limit: number;
      offset: number;
    };
    expect(body.conversations.map((item) => item.id)).toEqual(['c-mid', 'c-new', 'c-old']);
    expect(body.conversations[0]).toMatchObject({ title: 'Conversación c-mid', messageCount: 2 });
    expect(body).toMatchObject({ limit: 50, offset: 0 });
  });

  it('pages with ?limit and ?offset', async () => {
    const { app } = appWithConversations();
    const response = await app.request('/api/conversations?limit=1&offset=1');
    const body = (await response.json()) as { conversations: ConversationSummary[] };
    expect(body.conversations.map((item) => item.id)).toEqual(['c-new']);
  });

  it('answers 400 naming the parameter for a bad limit or an unknown parameter', async () => {
    const { app } = appWithConversations();
    const zero = await app.request('/api/conversations?limit=0');
    expect(zero.status).toBe(400);
    expect(((await zero.json()) as ErrorBody).error.message).toContain('limit must be at least 1');
    const words = await app.request('/api/conversations?limit=ten');
    expect(((await words.json()) as ErrorBody).error.message).toContain('whole number');
    const unknown = await app.request('/api/conversations?page=2');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.message).toContain('"page"');
  });

  it('returns one conversation with its messages, tool calls and runs', async () => {
    const { app } = appWithConversations();
    const response = await app.request('/api/conversations/c-mid');
    expect(response.status).toBe(200);
    const body = (await response.json()) as ConversationSummary & {
      messages: unknown[];
      toolCalls: unknown[];
      runs: unknown[];
    };
    expect(body.id).toBe('c-mid');
    expect(body.messages).toHaveLength(2);
    expect(body.messages[1]).toMatchObject({
      seq: 2,
      role: 'assistant',
      toolCalls: [{ id: 'call-1', name: 'query_sales' }],
    });
    expect(body.toolCalls).toEqual([
      expect.objectContaining({ id: 'call-1', result: { units: 12 } }),
    ]);
    expect(body.runs).toEqual([expect.objectContaining({ runId: 'run-1', outcome: 'answered' })]);
  });

  it('answers 404 with a hint for an unknown conversation on GET, PATCH and DELETE', async () => {
    const { app } = appWithConversations();
    for (const init of [{}, json({ title: 'x' }), { method: 'DELETE' }]) {
      const response = await app.request('/api/conversations/nope', init);
      expect(response.status).toBe(404);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toContain('no conversation nope');
    }
  });

  it('renames a conversation (trimmed) and returns its summary with the new title', async () => {
    const { app, deps } = appWithConversations();
    const response = await app.request(
      '/api/conversations/c-old',
      json({ title: '  Quinoa mayo  ' }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'c-old', title: 'Quinoa mayo' });
    expect(deps.store.conversations.get('c-old')?.title).toBe('Quinoa mayo');
  });

  it('answers 400 for an empty title, an unknown field or a body that is not JSON', async () => {
    const { app } = appWithConversations();
    const empty = await app.request('/api/conversations/c-old', json({ title: '   ' }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.message).toContain('title must not be empty');
    const extra = await app.request('/api/conversations/c-old', json({ title: 'a', pinned: true }));
    expect(extra.status).toBe(400);
    const broken = await app.request('/api/conversations/c-old', {
      method: 'PATCH',
      body: '{title',
    });
    expect(broken.status).toBe(400);
  });

  it('deletes a conversation with 204, after which it is gone', async () => {
    const { app } = appWithConversations();
    const response = await app.request('/api/conversations/c-mid', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await app.request('/api/conversations/c-mid')).status).toBe(404);
  });

  it('answers 503 with the fix when the server has no conversations store', async () => {
    const app = createApp(testDeps());
    const response = await app.request('/api/conversations');
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.code).toBe('unavailable');
  });
});
