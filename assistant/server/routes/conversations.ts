// GET /api/conversations (newest first, ?limit&offset), GET /api/conversations/:id (the summary with
// its messages, tool calls and runs), PATCH /api/conversations/:id {title}, DELETE (204).
import type { Hono } from 'hono';
import { z } from 'zod';
import { ConflictError, InvalidInputError, NotFoundError, UnavailableError } from '../../errors';
import type { ConversationLocks } from '../chat-guard';
import type { AppDeps, AppEnv, ConversationsAccess } from '../types';
import { joinedQuery, parseInput } from '../validation';

export const maxConversationPage = 200;

const count = (name: string, minimum: number, maximum: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(minimum, `${name} must be at least ${minimum}`)
        .max(maximum, `${name} may be at most ${maximum}`),
    );

const listQuery = z.strictObject(
  {
    limit: count('limit', 1, maxConversationPage).optional(),
    offset: count('offset', 0, Number.MAX_SAFE_INTEGER).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.map((key) => `"${key}"`).join(', ')}: use limit, offset`
        : undefined,
  },
);

const truncateQuery = z.strictObject(
  { fromSeq: count('fromSeq', 1, Number.MAX_SAFE_INTEGER) },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.map((key) => `"${key}"`).join(', ')}: use fromSeq`
        : issue.code === 'invalid_type'
          ? 'fromSeq is required: the seq of the first message to remove'
          : undefined,
  },
);

const renameBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'title must not be empty')
    .max(200, 'title may have at most 200 characters'),
});

function conversationsOf(deps: AppDeps): ConversationsAccess {
  if (!deps.conversations) {
    throw new UnavailableError(
      'conversations are not stored on this server: start it with `ayni serve`, which opens the store',
    );
  }
  return deps.conversations;
}

function unknownConversation(id: string): NotFoundError {
  return new NotFoundError(
    `no conversation ${id}: GET /api/conversations lists them (it may have been deleted)`,
    { conversationId: id },
  );
}

export function registerConversationRoutes(
  app: Hono<AppEnv>,
  deps: AppDeps,
  locks?: ConversationLocks,
): void {
  const clock = deps.clock ?? (() => new Date());

  app.get('/api/conversations', (c) => {
    const conversations = conversationsOf(deps);
    const query = parseInput(listQuery, joinedQuery(c.req.queries()), 'query');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    return c.json({ conversations: conversations.list({ limit, offset }), limit, offset });
  });

  app.get('/api/conversations/:id', (c) => {
    const conversations = conversationsOf(deps);
    const id = c.req.param('id');
    const summary = conversations.get(id);
    if (!summary) throw unknownConversation(id);
    return c.json({
      ...summary,
      messages: conversations.messages(id),
      toolCalls: conversations.toolCalls(id),
      runs: conversations.runs(id),
    });
  });

  app.patch('/api/conversations/:id', async (c) => {
    const conversations = conversationsOf(deps);
    const id = c.req.param('id');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new InvalidInputError('request body: not valid JSON; send {"title": "..."}');
    }
    const { title } = parseInput(renameBody, body, 'rename');
    if (!conversations.rename(id, title, clock().toISOString())) throw unknownConversation(id);
    const summary = conversations.get(id);
    if (!summary) throw unknownConversation(id);
    return c.json(summary);
  });

  app.delete('/api/conversations/:id', (c) => {
    const conversations = conversationsOf(deps);
    const id = c.req.param('id');
    if (!conversations.delete(id)) throw unknownConversation(id);
    return c.body(null, 204);
  });

  app.delete('/api/conversations/:id/messages', (c) => {
    const conversations = conversationsOf(deps);
    const id = c.req.param('id');
    const { fromSeq } = parseInput(truncateQuery, joinedQuery(c.req.queries()), 'query');
    if (!conversations.get(id)) throw unknownConversation(id);
    // Synchronous from here on: no run can start between the check and the delete.
    const runId = locks?.holder(id);
    if (runId !== undefined) {
      throw new ConflictError(
        `conversation ${id} is answering a message: stop that run or wait for its run-end before replacing messages`,
        { conversationId: id, ...(runId === 'starting' ? {} : { runId }) },
      );
    }
    const removed = conversations.deleteMessagesFrom(id, fromSeq);
    return c.json({ removed, summary: conversations.get(id) });
  });

  app.get('/api/conversations/:id/images/:hash', (c) => {
    const conversations = conversationsOf(deps);
    const id = c.req.param('id');
    const hash = c.req.param('hash');
    const image = /^[0-9a-f]{64}$/i.test(hash)
      ? conversations.conversationImage(id, hash)
      : undefined;
    if (!image) {
      throw new NotFoundError(`conversation ${id} has no image ${hash}`, {
        conversationId: id,
        hash,
      });
    }
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.mime,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
