// The key of a recorded model exchange: sha256 of the request's canonical JSON (object keys
// sorted, undefined left out). Tool-call ids are left out of the key: they are opaque labels the
// client invents when the model gives none, not part of what the model is asked.
import { createHash } from 'node:crypto';
import type { LlmChatRequest, LlmEmbedRequest, LlmMessage } from '../../assistant/llm/llm-client';

/** JSON with object keys in code-point order at every depth; undefined properties dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function messageForKey(message: LlmMessage): Record<string, unknown> {
  return {
    ...message,
    toolCalls: message.toolCalls?.map((call) => ({ name: call.name, arguments: call.arguments })),
  };
}

/** What the model is asked in a chat call: model, messages, tools, format, think and options. */
export function chatRequestHash(request: LlmChatRequest): string {
  return sha256(
    canonicalJson({
      kind: 'chat',
      model: request.model,
      messages: request.messages.map(messageForKey),
      tools: request.tools,
      format: request.format,
      think: request.think,
      options: request.options,
    }),
  );
}

export function embedRequestHash(request: LlmEmbedRequest): string {
  return sha256(canonicalJson({ kind: 'embed', model: request.model, input: request.input }));
}
