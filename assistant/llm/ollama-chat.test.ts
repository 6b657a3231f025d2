import { describe, expect, it } from 'vitest';
import type { LlmChatRequest, LlmToolSpec } from './llm-client';
import { chatBodyJson, toOllamaChatBody } from './ollama-chat';

const tools: LlmToolSpec[] = [
  {
    name: 'query_sales',
    description: 'Sales by product',
    parameters: { type: 'object', properties: { product: { type: 'string' } } },
  },
  { name: 'search_knowledge', description: 'Passages', parameters: { type: 'object' } },
];
const defaults = { numCtx: 8192, keepAlive: '30m' };

function request(content: string, extra: Partial<LlmChatRequest> = {}): LlmChatRequest {
  return { model: 'qwen3:8b', messages: [{ role: 'user', content }], tools, ...extra };
}

describe('chatBodyJson', () => {
  it('sends the same JSON object as JSON.stringify(body) on every request with one tool list (else the cached tools would drift)', () => {
    for (const content of ['hola', 'otra "pregunta"\n¿con saltos?']) {
      const body = toOllamaChatBody(
        request(content, { format: { type: 'object' }, think: true }),
        defaults,
      );
      expect(JSON.parse(chatBodyJson(body, tools))).toEqual(JSON.parse(JSON.stringify(body)));
    }
  });

  it('converts a tool list once: a second body reuses the same tool objects', () => {
    const first = toOllamaChatBody(request('uno'), defaults);
    const second = toOllamaChatBody(request('dos'), defaults);
    expect(second.tools).toBe(first.tools);
    expect(first.tools?.[0]).toMatchObject({ type: 'function', function: { name: 'query_sales' } });
  });

  it('sends a body without tools as it is', () => {
    const body = toOllamaChatBody(request('hola', { tools: undefined }), defaults);
    expect(chatBodyJson(body, undefined)).toBe(JSON.stringify(body));
    expect(JSON.parse(chatBodyJson(body, undefined))).not.toHaveProperty('tools');
  });
});
