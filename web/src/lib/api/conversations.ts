// The conversation routes (assistant/server/routes/conversations.ts): list, one with its messages,
// rename (PATCH {title}), delete; the messages from a seq on (regenerate, edit-and-resend); a photo.
import { authHeaders } from '../auth-token';
import { ApiError, errorFromBody, request, requestAs, type RequestOptions } from './client';
import { arrayOf, literal, num, object, optional, str, type Guarded } from './shape';

const summary = object({ id: str, title: str, createdAt: str, updatedAt: str, messageCount: num });
export type ConversationSummary = Guarded<typeof summary>;

const message = object({
  seq: num,
  role: literal('system', 'user', 'assistant', 'tool'),
  content: str,
  createdAt: optional(str),
  toolName: optional(str),
  toolCalls: optional(arrayOf(object({ id: str, name: str }))),
});
export type StoredMessage = Guarded<typeof message>;

const toolCall = object({ id: str, name: str, outcome: optional(str), ms: optional(num) });

const isDetail = object({
  id: str,
  title: str,
  createdAt: str,
  updatedAt: str,
  messageCount: num,
  messages: arrayOf(message),
  toolCalls: arrayOf(toolCall),
});
/** One conversation as GET /api/conversations/:id answers (other fields kept for the JSON export). */
export type ConversationDetail = Guarded<typeof isDetail> & Record<string, unknown>;

const isList = object({ conversations: arrayOf(summary) });

/** The newest 200 conversations (the route's largest page). */
export async function listConversations(options?: RequestOptions): Promise<ConversationSummary[]> {
  return (await requestAs('/api/conversations?limit=200', isList, options)).conversations;
}

export function getConversation(id: string, options?: RequestOptions): Promise<ConversationDetail> {
  return requestAs(`/api/conversations/${encodeURIComponent(id)}`, isDetail, options);
}

export async function renameConversation(id: string, title: string): Promise<ConversationSummary> {
  return requestAs(`/api/conversations/${encodeURIComponent(id)}`, summary, {
    method: 'PATCH',
    body: { title },
  });
}

export async function deleteConversation(id: string): Promise<void> {
  await request(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Removes the messages from `fromSeq` on (409 while a run answers in the conversation). */
export async function deleteMessagesFrom(id: string, fromSeq: number): Promise<void> {
  await request(
    `/api/conversations/${encodeURIComponent(id)}/messages?fromSeq=${encodeURIComponent(fromSeq)}`,
    { method: 'DELETE' },
  );
}

/**
 * A stored photo of the conversation as a Blob, fetched with the API token (an <img src> cannot
 * send it); show it through URL.createObjectURL and revoke that URL when done.
 */
export async function fetchConversationImage(
  id: string,
  hash: string,
  fetchFunction: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<Blob> {
  const path = `/api/conversations/${encodeURIComponent(id)}/images/${encodeURIComponent(hash)}`;
  let response: Response;
  try {
    response = await fetchFunction(path, { headers: authHeaders() });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(`the server could not be reached (${reason})`, 0, 'network');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw errorFromBody(response.status, body, `GET ${path} failed with HTTP ${response.status}`);
  }
  return response.blob();
}
