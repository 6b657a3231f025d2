// Conversations: messages, tool calls, runs, the summary of older turns, and images by content hash.
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../errors';
import type { SqliteDatabase } from '../database';
import {
  checkConversationId,
  checkDuration,
  checkImageHashes,
  checkMime,
  checkNonNegativeInteger,
  checkOneOf,
  checkOptionalCount,
  checkString,
  checkTimestamp,
  checkTitle,
  checkToolCalls,
  toJson,
} from './conversation-checks';
import {
  toMessage,
  toRun,
  toSummary,
  toToolCall,
  type ConversationRow,
  type ConversationSummary,
  type MessageRow,
  type RunRow,
  type StoredMessage,
  type StoredRun,
  type StoredToolCall,
  type ToolCallRow,
} from './conversation-rows';

export type {
  ConversationSummary,
  StoredMessage,
  StoredRun,
  StoredToolCall,
} from './conversation-rows';

const roles = ['system', 'user', 'assistant', 'tool'] as const;
const runOutcomes = ['answered', 'stopped', 'step_limit', 'failed'] as const;
const toolOutcomes = ['ok', 'error'] as const;
const defaultListLimit = 100;
const maximumListLimit = 1000;

export function createConversationRepository(database: SqliteDatabase) {
  const summaryColumns = `c.id, c.title, c.created_at, c.updated_at,
    (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count`;
  const byId = database.prepare<[string], ConversationRow>(
    `SELECT ${summaryColumns} FROM conversations c WHERE c.id = ?`,
  );
  const page = database.prepare<[number, number], ConversationRow>(
    `SELECT ${summaryColumns} FROM conversations c
     ORDER BY c.updated_at DESC, c.rowid DESC LIMIT ? OFFSET ?`,
  );
  const exists = database.prepare<[string], { found: number }>(
    'SELECT 1 AS found FROM conversations WHERE id = ?',
  );
  const insertConversation = database.prepare<[string, string, string, string]>(
    'INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  // max(): a late or skewed timestamp never moves a conversation back in the list.
  const touch = database.prepare<[string, string]>(
    'UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?',
  );
  const renameStatement = database.prepare<[string, string, string]>(
    'UPDATE conversations SET title = ?, updated_at = max(updated_at, ?) WHERE id = ?',
  );
  const deleteConversation = database.prepare<[string]>('DELETE FROM conversations WHERE id = ?');
  const hashesOfConversation = database.prepare<[string], { hash: string }>(
    'SELECT DISTINCT hash FROM message_images WHERE conversation_id = ?',
  );
  const deleteUnreferencedImage = database.prepare<[string, string]>(
    'DELETE FROM images WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM message_images WHERE hash = ?)',
  );
  const lastSeq = database.prepare<[string], { last: number }>(
    'SELECT coalesce(max(seq), 0) AS last FROM messages WHERE conversation_id = ?',
  );
  const insertMessage = database.prepare(`
    INSERT INTO messages (conversation_id, seq, run_id, role, content, thinking, tool_calls,
      tool_call_id, tool_name, model, prompt_version, input_tokens, output_tokens, created_at)
    VALUES (@conversation_id, @seq, @run_id, @role, @content, @thinking, @tool_calls,
      @tool_call_id, @tool_name, @model, @prompt_version, @input_tokens, @output_tokens, @created_at)
  `);
  const insertMessageImage = database.prepare<[string, number, number, string]>(
    'INSERT INTO message_images (conversation_id, seq, position, hash) VALUES (?, ?, ?, ?)',
  );
  const messagesAfter = database.prepare<[string, number], MessageRow>(
    `SELECT seq, run_id, role, content, thinking, tool_calls, tool_call_id, tool_name, model,
       prompt_version, input_tokens, output_tokens, created_at
     FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq`,
  );
  const imagesAfter = database.prepare<[string, number], { seq: number; hash: string }>(
    `SELECT seq, hash FROM message_images WHERE conversation_id = ? AND seq > ?
     ORDER BY seq, position`,
  );
  const upsertToolCall = database.prepare(`
    INSERT INTO tool_calls (conversation_id, run_id, call_id, name, args, result, error, ms, outcome)
    VALUES (@conversation_id, @run_id, @call_id, @name, @args, @result, @error, @ms, @outcome)
    ON CONFLICT (conversation_id, run_id, call_id) DO UPDATE SET name = excluded.name,
      args = excluded.args, result = excluded.result, error = excluded.error, ms = excluded.ms,
      outcome = excluded.outcome
  `);
  const toolCallColumns = 'call_id, run_id, name, args, result, error, ms, outcome';
  const toolCallsOf = database.prepare<[string], ToolCallRow>(
    `SELECT ${toolCallColumns} FROM tool_calls WHERE conversation_id = ? ORDER BY rowid`,
  );
  const toolCallsOfRun = database.prepare<[string, string], ToolCallRow>(
    `SELECT ${toolCallColumns} FROM tool_calls WHERE conversation_id = ? AND run_id = ?
     ORDER BY rowid`,
  );
  // The WHERE keeps a run in its conversation: a clash updates nothing and is reported.
  const upsertRun = database.prepare(`
    INSERT INTO runs (run_id, conversation_id, model, prompt_version, outcome, steps,
      input_tokens, output_tokens, ms, ungrounded, started_at)
    VALUES (@run_id, @conversation_id, @model, @prompt_version, @outcome, @steps,
      @input_tokens, @output_tokens, @ms, @ungrounded, @started_at)
    ON CONFLICT (run_id) DO UPDATE SET model = excluded.model,
      prompt_version = excluded.prompt_version, outcome = excluded.outcome, steps = excluded.steps,
      input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
      ms = excluded.ms, ungrounded = excluded.ungrounded, started_at = excluded.started_at
    WHERE runs.conversation_id = excluded.conversation_id
  `);
  const runsOf = database.prepare<[string], RunRow>(
    'SELECT * FROM runs WHERE conversation_id = ? ORDER BY started_at, rowid',
  );
  const upsertSummary = database.prepare<[string, string, number]>(`
    INSERT INTO conversation_summaries (conversation_id, text, through_seq) VALUES (?, ?, ?)
    ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text,
      through_seq = excluded.through_seq
  `);
  const summaryOf = database.prepare<[string], { text: string; through_seq: number }>(
    'SELECT text, through_seq FROM conversation_summaries WHERE conversation_id = ?',
  );
  const insertImage = database.prepare<[string, string, Buffer]>(
    'INSERT INTO images (hash, mime, bytes) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING',
  );
  const imageByHash = database.prepare<[string], { mime: string; bytes: Buffer }>(
    'SELECT mime, bytes FROM images WHERE hash = ?',
  );
  const imageExists = database.prepare<[string], { found: number }>(
    'SELECT 1 AS found FROM images WHERE hash = ?',
  );
  const imageOfConversation = database.prepare<[string, string], { mime: string; bytes: Buffer }>(
    `SELECT i.mime, i.bytes FROM images i WHERE i.hash = ?
       AND EXISTS (SELECT 1 FROM message_images m WHERE m.conversation_id = ? AND m.hash = i.hash)`,
  );
  const hashesFrom = database.prepare<[string, number], { hash: string }>(
    'SELECT DISTINCT hash FROM message_images WHERE conversation_id = ? AND seq >= ?',
  );
  // Runs whose messages all lie at or after the cut (a run's user message comes first).
  const runsFrom = database.prepare<[string, number, string, number], { run_id: string }>(
    `SELECT DISTINCT run_id FROM messages WHERE conversation_id = ? AND seq >= ? AND run_id IS NOT NULL
       AND run_id NOT IN (SELECT run_id FROM messages
         WHERE conversation_id = ? AND seq < ? AND run_id IS NOT NULL)`,
  );
  const deleteMessagesStatement = database.prepare<[string, number]>(
    'DELETE FROM messages WHERE conversation_id = ? AND seq >= ?',
  );
  const deleteToolCallsOfRun = database.prepare<[string, string]>(
    'DELETE FROM tool_calls WHERE conversation_id = ? AND run_id = ?',
  );
  const deleteRun = database.prepare<[string, string]>(
    'DELETE FROM runs WHERE conversation_id = ? AND run_id = ?',
  );
  const deleteSummaryFrom = database.prepare<[string, number]>(
    'DELETE FROM conversation_summaries WHERE conversation_id = ? AND through_seq >= ?',
  );

  function requireConversation(conversationId: string): void {
    if (!exists.get(conversationId))
      throw new NotFoundError(
        `conversation ${JSON.stringify(conversationId)} does not exist: create it first or pick one from the list`,
      );
  }

  const appendTransaction = database.transaction(
    (conversationId: string, message: Omit<StoredMessage, 'seq'>): StoredMessage => {
      requireConversation(conversationId);
      const hashes = message.imageHashes ?? [];
      for (const hash of hashes)
        if (!imageExists.get(hash))
          throw new NotFoundError(
            `imageHashes: image ${hash} is not in the store: save its bytes with putImage first`,
          );
      const row: MessageRow = {
        seq: (lastSeq.get(conversationId)?.last ?? 0) + 1,
        run_id: message.runId,
        role: message.role,
        content: message.content,
        thinking: message.thinking ?? null,
        tool_calls: message.toolCalls === undefined ? null : toJson('toolCalls', message.toolCalls),
        tool_call_id: message.toolCallId ?? null,
        tool_name: message.toolName ?? null,
        model: message.model ?? null,
        prompt_version: message.promptVersion ?? null,
        input_tokens: message.inputTokens ?? null,
        output_tokens: message.outputTokens ?? null,
        created_at: message.createdAt,
      };
      insertMessage.run({ conversation_id: conversationId, ...row });
      hashes.forEach((hash, position) =>
        insertMessageImage.run(conversationId, row.seq, position, hash),
      );
      touch.run(row.created_at, conversationId);
      return toMessage(row, hashes);
    },
  );

  const deleteTransaction = database.transaction((id: string): boolean => {
    const hashes = hashesOfConversation.all(id).map((row) => row.hash);
    const deleted = deleteConversation.run(id).changes > 0;
    // Images go with the last message that attaches them.
    for (const hash of hashes) deleteUnreferencedImage.run(hash, hash);
    return deleted;
  });

  const truncateTransaction = database.transaction((id: string, fromSeq: number): number => {
    requireConversation(id);
    const hashes = hashesFrom.all(id, fromSeq).map((row) => row.hash);
    const runIds = runsFrom.all(id, fromSeq, id, fromSeq).map((row) => row.run_id);
    const removed = deleteMessagesStatement.run(id, fromSeq).changes;
    for (const runId of runIds) {
      deleteToolCallsOfRun.run(id, runId);
      deleteRun.run(id, runId);
    }
    // A summary that covers a removed message would carry the replaced exchange into the prompt.
    deleteSummaryFrom.run(id, fromSeq);
    for (const hash of hashes) deleteUnreferencedImage.run(hash, hash);
    return removed;
  });

  // One wrapper for every call: better-sqlite3 turns a nested call into a savepoint.
  const runInTransaction = database.transaction((work: () => unknown) => work());

  return {
    /**
     * Runs `work` (calls of this repository) in one transaction: one commit instead of one per
     * write, and nothing is kept when it throws.
     */
    inTransaction<T>(work: () => T): T {
      return runInTransaction(work) as T;
    },
    /** Starts a conversation; `id` (1..100 of A-Z a-z 0-9 . _ : -) defaults to a random UUID. */
    create(input: { id?: string; title: string; now: string }): ConversationSummary {
      const id = input.id === undefined ? randomUUID() : checkConversationId(input.id);
      const title = checkTitle(input.title);
      const now = checkTimestamp('now', input.now);
      if (exists.get(id)) throw new ConflictError(`conversation ${id} already exists`);
      insertConversation.run(id, title, now, now);
      return { id, title, createdAt: now, updatedAt: now, messageCount: 0 };
    },
    get(id: string): ConversationSummary | undefined {
      const row = byId.get(id);
      return row ? toSummary(row) : undefined;
    },
    /** Newest `updatedAt` first; `limit` 1..1000 (default 100). */
    list(options: { limit?: number; offset?: number } = {}): ConversationSummary[] {
      const limit = options.limit ?? defaultListLimit;
      checkNonNegativeInteger('limit', limit);
      if (limit < 1 || limit > maximumListLimit)
        throw new RangeError(`limit must be 1..${maximumListLimit}, got ${limit}`);
      const offset = checkNonNegativeInteger('offset', options.offset ?? 0);
      return page.all(limit, offset).map(toSummary);
    },
    /** False when the conversation is unknown. */
    rename(id: string, title: string, now: string): boolean {
      return renameStatement.run(checkTitle(title), checkTimestamp('now', now), id).changes > 0;
    },
    /** Removes the conversation with its messages, tool calls, runs, summary and unshared images. */
    delete(id: string): boolean {
      return deleteTransaction(id);
    },
    /** Gives the message the next seq (atomically) and moves the conversation's `updatedAt`. */
    appendMessage(conversationId: string, message: Omit<StoredMessage, 'seq'>): StoredMessage {
      const checked: Omit<StoredMessage, 'seq'> = {
        ...message,
        role: checkOneOf('role', message.role, roles),
        content: checkString('content', message.content),
        createdAt: checkTimestamp('createdAt', message.createdAt),
      };
      if (message.runId !== null) checkString('runId', message.runId);
      if (message.imageHashes !== undefined) checkImageHashes(message.imageHashes);
      if (message.toolCalls !== undefined) checkToolCalls(message.toolCalls);
      checkOptionalCount('inputTokens', message.inputTokens);
      checkOptionalCount('outputTokens', message.outputTokens);
      return appendTransaction(conversationId, checked);
    },
    /** In seq order; `afterSeq` returns only the messages after it (for resuming a stream). */
    messages(conversationId: string, options: { afterSeq?: number } = {}): StoredMessage[] {
      const afterSeq = checkNonNegativeInteger('afterSeq', options.afterSeq ?? 0);
      const hashesBySeq = new Map<number, string[]>();
      for (const image of imagesAfter.all(conversationId, afterSeq)) {
        const hashes = hashesBySeq.get(image.seq);
        if (hashes) hashes.push(image.hash);
        else hashesBySeq.set(image.seq, [image.hash]);
      }
      return messagesAfter
        .all(conversationId, afterSeq)
        .map((row) => toMessage(row, hashesBySeq.get(row.seq)));
    },
    /**
     * Removes the messages from `fromSeq` (>= 1) on, with the tool calls and runs of the runs that
     * had only those messages, a summary reaching into them and images no message attaches any
     * more; returns how many messages went. For regenerate and edit-and-resend.
     */
    deleteMessagesFrom(conversationId: string, fromSeq: number): number {
      checkNonNegativeInteger('fromSeq', fromSeq);
      if (fromSeq < 1) throw new RangeError(`fromSeq must be at least 1, got ${fromSeq}`);
      return truncateTransaction(conversationId, fromSeq);
    },
    /** Recording the same (runId, id) again replaces the earlier record. */
    recordToolCall(conversationId: string, call: StoredToolCall): void {
      requireConversation(conversationId);
      upsertToolCall.run({
        conversation_id: conversationId,
        run_id: checkString('runId', call.runId),
        call_id: checkString('id', call.id),
        name: checkString('name', call.name),
        args: toJson('args', call.args),
        result: call.result === undefined ? null : toJson('result', call.result),
        error: call.error === undefined ? null : toJson('error', call.error),
        ms: checkDuration('ms', call.ms),
        outcome: checkOneOf('outcome', call.outcome, toolOutcomes),
      });
    },
    /** In the order they were first recorded. */
    toolCalls(conversationId: string, options: { runId?: string } = {}): StoredToolCall[] {
      const rows =
        options.runId === undefined
          ? toolCallsOf.all(conversationId)
          : toolCallsOfRun.all(conversationId, options.runId);
      return rows.map(toToolCall);
    },
    /** Recording the same runId again replaces the earlier record (within one conversation). */
    recordRun(run: StoredRun): void {
      requireConversation(run.conversationId);
      const changes = upsertRun.run({
        run_id: checkString('runId', run.runId),
        conversation_id: run.conversationId,
        model: run.model === null ? null : checkString('model', run.model),
        prompt_version:
          run.promptVersion === null ? null : checkString('promptVersion', run.promptVersion),
        outcome: checkOneOf('outcome', run.outcome, runOutcomes),
        steps: checkNonNegativeInteger('steps', run.steps),
        input_tokens: checkNonNegativeInteger('inputTokens', run.inputTokens),
        output_tokens: checkNonNegativeInteger('outputTokens', run.outputTokens),
        ms: checkDuration('ms', run.ms),
        ungrounded: toJson('ungrounded', run.ungrounded),
        started_at: checkTimestamp('startedAt', run.startedAt),
      }).changes;
      if (changes === 0)
        throw new ConflictError(
          `run ${run.runId} is already recorded in another conversation: run ids must be unique`,
        );
    },
    /** Oldest first. */
    runs(conversationId: string): StoredRun[] {
      return runsOf.all(conversationId).map(toRun);
    },
    /** Replaces the summary; `throughSeq` is the last message it covers (0..the last seq). */
    setSummary(conversationId: string, summary: { text: string; throughSeq: number }): void {
      const text = checkString('text', summary.text);
      if (text.trim() === '') throw new RangeError('text must not be empty: pass the summary');
      const throughSeq = checkNonNegativeInteger('throughSeq', summary.throughSeq);
      database.transaction(() => {
        requireConversation(conversationId);
        const last = lastSeq.get(conversationId)?.last ?? 0;
        if (throughSeq > last)
          throw new RangeError(
            `throughSeq ${throughSeq} is past the conversation's last message (seq ${last})`,
          );
        upsertSummary.run(conversationId, text, throughSeq);
      })();
    },
    summary(conversationId: string): { text: string; throughSeq: number } | undefined {
      const row = summaryOf.get(conversationId);
      return row ? { text: row.text, throughSeq: row.through_seq } : undefined;
    },
    /** Stores the bytes once per content; returns their sha256 hex (the first mime is kept). */
    putImage(bytes: Uint8Array, mime: string): string {
      if (!(bytes instanceof Uint8Array))
        throw new TypeError('bytes must be a Uint8Array (e.g. a Buffer) of the image file');
      if (bytes.byteLength === 0) throw new RangeError('bytes must not be empty');
      const checkedMime = checkMime(mime);
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const hash = createHash('sha256').update(buffer).digest('hex');
      insertImage.run(hash, checkedMime, buffer);
      return hash;
    },
    /** An image only when a message of that conversation attaches it. */
    conversationImage(
      conversationId: string,
      hash: string,
    ): { bytes: Uint8Array; mime: string } | undefined {
      const row = imageOfConversation.get(hash.toLowerCase(), conversationId);
      if (!row) return undefined;
      return {
        bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
        mime: row.mime,
      };
    },
    image(hash: string): { bytes: Uint8Array; mime: string } | undefined {
      const row = imageByHash.get(hash.toLowerCase());
      if (!row) return undefined;
      return {
        bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
        mime: row.mime,
      };
    },
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
