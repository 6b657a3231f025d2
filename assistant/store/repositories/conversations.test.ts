import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../errors';
import { applyMigrations, openDatabase, schemaVersion } from '../database';
import { migrations } from '../migrations';
import { openStore, type Store } from '../store';
import type { StoredMessage, StoredRun, StoredToolCall } from './conversations';

let store: Store | undefined;
const temporaryDirectories: string[] = [];
afterEach(() => {
  store?.close();
  store = undefined;
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true });
});

function openConversations(): Store['conversations'] {
  store = openStore({ path: ':memory:' });
  return store.conversations;
}

function rowCount(table: string): number {
  const row = store?.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
  return row.n;
}

const monday = '2024-06-03T15:00:00.000Z';
function minutesLater(minutes: number): string {
  return new Date(Date.parse(monday) + minutes * 60_000).toISOString();
}

function userMessage(content: string, createdAt = monday): Omit<StoredMessage, 'seq'> {
  return { runId: null, role: 'user', content, createdAt };
}

describe('conversations: create, list, rename, delete', () => {
  it('creates with a random UUID and a trimmed title (else the id or title is not as stored)', () => {
    const conversations = openConversations();
    const created = conversations.create({ title: '  Pronóstico de quinua  ', now: monday });
    expect(created.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created).toEqual({
      id: created.id,
      title: 'Pronóstico de quinua',
      createdAt: monday,
      updatedAt: monday,
      messageCount: 0,
    });
    expect(conversations.get(created.id)).toEqual(created);
    expect(conversations.get('missing')).toBeUndefined();
  });

  it('rejects bad titles, ids, timestamps and a duplicate id (else bad rows reach the table)', () => {
    const conversations = openConversations();
    expect(() => conversations.create({ title: '   ', now: monday })).toThrow(
      /title must be 1\.\.200/,
    );
    expect(() => conversations.create({ title: 'x'.repeat(201), now: monday })).toThrow(RangeError);
    expect(conversations.create({ title: 'x'.repeat(200), now: monday }).title).toHaveLength(200);
    expect(() => conversations.create({ id: 'has space', title: 'a', now: monday })).toThrow(
      /^id must/,
    );
    expect(() => conversations.create({ title: 'a', now: '2024-06-03' })).toThrow(
      /now must be an ISO/,
    );
    conversations.create({ id: 'c-1', title: 'a', now: monday });
    expect(() => conversations.create({ id: 'c-1', title: 'b', now: monday })).toThrow(
      ConflictError,
    );
    expect(conversations.get('c-1')?.title).toBe('a');
  });

  it('stores timestamps as UTC ISO with milliseconds (else text order in SQL is not time order)', () => {
    const conversations = openConversations();
    const created = conversations.create({ title: 'a', now: '2024-06-03T10:00:00-05:00' });
    expect(created.createdAt).toBe('2024-06-03T15:00:00.000Z');
  });

  it('lists the most recently updated first, with paging (else the sidebar order is wrong)', () => {
    const conversations = openConversations();
    const first = conversations.create({ id: 'first', title: 'first', now: minutesLater(0) });
    conversations.create({ id: 'second', title: 'second', now: minutesLater(1) });
    conversations.create({ id: 'third', title: 'third', now: minutesLater(2) });
    expect(conversations.list().map((summary) => summary.id)).toEqual(['third', 'second', 'first']);

    conversations.appendMessage(first.id, userMessage('hola', minutesLater(3)));
    const listed = conversations.list();
    expect(listed.map((summary) => summary.id)).toEqual(['first', 'third', 'second']);
    expect(listed[0]).toMatchObject({ updatedAt: minutesLater(3), messageCount: 1 });
    expect(conversations.list({ limit: 1, offset: 1 }).map((summary) => summary.id)).toEqual([
      'third',
    ]);
    expect(() => conversations.list({ limit: 0 })).toThrow(/limit must be 1\.\.1000/);
    expect(() => conversations.list({ offset: -1 })).toThrow(/offset/);
  });

  it('renames, moves updatedAt forward only, and reports an unknown id (else a rename is lost)', () => {
    const conversations = openConversations();
    conversations.create({ id: 'c', title: 'old', now: minutesLater(5) });
    expect(conversations.rename('c', '  new  ', minutesLater(6))).toBe(true);
    expect(conversations.get('c')).toMatchObject({ title: 'new', updatedAt: minutesLater(6) });
    expect(conversations.rename('c', 'newer', minutesLater(1))).toBe(true);
    expect(conversations.get('c')).toMatchObject({ title: 'newer', updatedAt: minutesLater(6) });
    expect(conversations.rename('missing', 'x', monday)).toBe(false);
    expect(() => conversations.rename('c', '', monday)).toThrow(/title/);
  });

  it('deletes with every child row and unshared images, keeping the other conversation (else orphans remain)', () => {
    const conversations = openConversations();
    const sharedImage = conversations.putImage(new Uint8Array([1, 2, 3]), 'image/png');
    const ownImage = conversations.putImage(new Uint8Array([4, 5, 6]), 'image/jpeg');
    for (const id of ['gone', 'kept']) {
      conversations.create({ id, title: id, now: monday });
      conversations.appendMessage(id, {
        ...userMessage('foto'),
        imageHashes: id === 'gone' ? [sharedImage, ownImage] : [sharedImage],
      });
      conversations.appendMessage(id, {
        runId: `${id}-run`,
        role: 'assistant',
        content: 'ok',
        createdAt: monday,
      });
      conversations.recordToolCall(id, {
        id: 'call-1',
        runId: `${id}-run`,
        name: 'query_sales',
        args: {},
        result: [],
        ms: 3,
        outcome: 'ok',
      });
      conversations.recordRun({
        runId: `${id}-run`,
        conversationId: id,
        model: 'qwen3:8b',
        promptVersion: 'v1',
        outcome: 'answered',
        steps: 1,
        inputTokens: 10,
        outputTokens: 5,
        ms: 40,
        ungrounded: [],
        startedAt: monday,
      });
      conversations.setSummary(id, { text: 'resumen', throughSeq: 1 });
    }
    expect(conversations.delete('gone')).toBe(true);
    expect(conversations.delete('gone')).toBe(false);
    expect(conversations.get('gone')).toBeUndefined();
    expect({
      conversations: rowCount('conversations'),
      messages: rowCount('messages'),
      messageImages: rowCount('message_images'),
      toolCalls: rowCount('tool_calls'),
      runs: rowCount('runs'),
      summaries: rowCount('conversation_summaries'),
      images: rowCount('images'),
    }).toEqual({
      conversations: 1,
      messages: 2,
      messageImages: 1,
      toolCalls: 1,
      runs: 1,
      summaries: 1,
      images: 1,
    });
    expect(conversations.image(ownImage)).toBeUndefined();
    expect(conversations.image(sharedImage)?.mime).toBe('image/png');
    expect(conversations.messages('kept')[0]?.imageHashes).toEqual([sharedImage]);
  });
});

describe('conversations: messages', () => {
  it('numbers messages 1, 2, ... per conversation and round-trips every optional field (else history is corrupted on resume)', () => {
    const conversations = openConversations();
    conversations.create({ id: 'a', title: 'a', now: monday });
    conversations.create({ id: 'b', title: 'b', now: monday });
    const photo = conversations.putImage(new Uint8Array([9, 9, 9]), 'image/jpeg');
    const chart = conversations.putImage(new Uint8Array([8, 8]), 'image/png');
    const user: Omit<StoredMessage, 'seq'> = {
      runId: 'run-1',
      role: 'user',
      content: '¿Cuánta quinua vendimos?',
      imageHashes: [photo, chart],
      createdAt: minutesLater(1),
    };
    const assistant: Omit<StoredMessage, 'seq'> = {
      runId: 'run-1',
      role: 'assistant',
      content: '',
      thinking: 'Necesito las ventas.',
      toolCalls: [
        {
          id: 'call-1',
          name: 'query_sales',
          arguments: { sku: 'QUI-500', grain: 'week', nested: { a: [1, null] } },
        },
      ],
      model: 'qwen3:8b',
      promptVersion: 'system@3',
      inputTokens: 1200,
      outputTokens: 0,
      createdAt: minutesLater(2),
    };
    const tool: Omit<StoredMessage, 'seq'> = {
      runId: 'run-1',
      role: 'tool',
      content: '{"units":840}',
      toolCallId: 'call-1',
      toolName: 'query_sales',
      createdAt: minutesLater(3),
    };
    const returned = [user, assistant, tool].map((message) =>
      conversations.appendMessage('a', message),
    );
    expect(returned.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(conversations.appendMessage('b', userMessage('otra')).seq).toBe(1);

    const read = conversations.messages('a');
    expect(read).toEqual([
      { seq: 1, ...user },
      { seq: 2, ...assistant },
      { seq: 3, ...tool },
    ]);
    expect(read).toEqual(returned);
    expect(Object.keys(read[2] ?? {}).sort()).toEqual(
      ['seq', 'runId', 'role', 'content', 'toolCallId', 'toolName', 'createdAt'].sort(),
    );
    expect(conversations.messages('a', { afterSeq: 1 }).map((message) => message.seq)).toEqual([
      2, 3,
    ]);
    expect(conversations.messages('a', { afterSeq: 3 })).toEqual([]);
    expect(conversations.messages('missing')).toEqual([]);
    expect(conversations.get('a')).toMatchObject({ messageCount: 3, updatedAt: minutesLater(3) });
  });

  it('writes nothing and skips no seq when an append fails (else the seq is not assigned in one transaction)', () => {
    const conversations = openConversations();
    conversations.create({ id: 'a', title: 'a', now: monday });
    conversations.appendMessage('a', userMessage('uno'));
    const unknownImage = 'a'.repeat(64);
    expect(() =>
      conversations.appendMessage('a', { ...userMessage('dos'), imageHashes: [unknownImage] }),
    ).toThrow(/putImage first/);
    expect(() => conversations.appendMessage('missing', userMessage('x'))).toThrow(NotFoundError);
    expect(rowCount('messages')).toBe(1);
    expect(conversations.appendMessage('a', userMessage('tres')).seq).toBe(2);
  });

  it('rejects malformed messages naming the field (else the model later reads garbage)', () => {
    const conversations = openConversations();
    conversations.create({ id: 'a', title: 'a', now: monday });
    const base = userMessage('x');
    const bad = (patch: Record<string, unknown>) => () =>
      conversations.appendMessage('a', { ...base, ...patch } as Omit<StoredMessage, 'seq'>);
    expect(bad({ role: 'robot' })).toThrow(/role must be one of system, user, assistant, tool/);
    expect(bad({ createdAt: 'yesterday' })).toThrow(/createdAt must be an ISO timestamp/);
    expect(bad({ inputTokens: -1 })).toThrow(/inputTokens must be a whole number/);
    expect(bad({ imageHashes: ['ABC'] })).toThrow(/imageHashes/);
    expect(bad({ toolCalls: [{ id: 'c', name: 'n', arguments: 'sku=1' }] })).toThrow(
      /toolCalls\[0\]\.arguments/,
    );
    expect(rowCount('messages')).toBe(0);
  });

  it('holds 10,000 messages and reads them all, in order, and from an offset (else long chats break)', () => {
    const conversations = openConversations();
    conversations.create({ id: 'long', title: 'long', now: monday });
    store?.transaction(() => {
      for (let index = 0; index < 10_000; index += 1)
        conversations.appendMessage('long', {
          runId: `run-${Math.floor(index / 2)}`,
          role: index % 2 === 0 ? 'user' : 'assistant',
          content: `mensaje ${index + 1}`,
          createdAt: minutesLater(index),
        });
    });
    const all = conversations.messages('long');
    expect(all).toHaveLength(10_000);
    expect(
      all.every(
        (message, index) => message.seq === index + 1 && message.content === `mensaje ${index + 1}`,
      ),
    ).toBe(true);
    expect(conversations.messages('long', { afterSeq: 9_990 })).toHaveLength(10);
    expect(conversations.list()[0]).toMatchObject({
      id: 'long',
      messageCount: 10_000,
      updatedAt: minutesLater(9_999),
    });
  });
});

describe('conversations: tool calls, runs, summary', () => {
  function withConversation(): Store['conversations'] {
    const conversations = openConversations();
    conversations.create({ id: 'c', title: 'c', now: monday });
    conversations.create({ id: 'other', title: 'other', now: monday });
    return conversations;
  }

  it('round-trips tool calls, filters by run and replaces a re-recorded call (else the audit trail is wrong)', () => {
    const conversations = withConversation();
    const ok: StoredToolCall = {
      id: 'call-1',
      runId: 'run-1',
      name: 'forecast_demand',
      args: { sku: 'QUI-500', horizon: 8 },
      result: { points: [{ date: '2024-06-10', mean: 12.5 }], method: 'ets' },
      ms: 12.75,
      outcome: 'ok',
    };
    const failed: StoredToolCall = {
      id: 'call-2',
      runId: 'run-1',
      name: 'query_sales',
      args: { sku: 'nope' },
      error: { code: 'invalid_arguments', issues: [{ path: 'sku', message: 'unknown' }] },
      ms: 1,
      outcome: 'error',
    };
    const nullResult: StoredToolCall = {
      id: 'call-1',
      runId: 'run-2',
      name: 'x',
      args: {},
      result: null,
      ms: 0,
      outcome: 'ok',
    };
    conversations.recordToolCall('c', ok);
    conversations.recordToolCall('c', failed);
    conversations.recordToolCall('c', nullResult);
    expect(conversations.toolCalls('c')).toEqual([ok, failed, nullResult]);
    expect(conversations.toolCalls('c', { runId: 'run-2' })).toEqual([nullResult]);
    expect(conversations.toolCalls('other')).toEqual([]);

    const retried = {
      ...failed,
      ms: 2,
      outcome: 'ok' as const,
      result: { units: 3 },
      error: undefined,
    };
    conversations.recordToolCall('c', retried);
    expect(conversations.toolCalls('c', { runId: 'run-1' })).toEqual([
      ok,
      { ...failed, ms: 2, outcome: 'ok', result: { units: 3 }, error: undefined },
    ]);
    expect(conversations.toolCalls('c', { runId: 'run-1' })[1]).not.toHaveProperty('error');

    expect(() => conversations.recordToolCall('c', { ...ok, args: { big: 1n } })).toThrow(
      /args cannot be stored as JSON/,
    );
    expect(() => conversations.recordToolCall('c', { ...ok, ms: Number.NaN })).toThrow(
      /ms must be a duration/,
    );
    expect(() => conversations.recordToolCall('missing', ok)).toThrow(NotFoundError);
  });

  it('round-trips runs oldest first and keeps a run id in its conversation (else usage per run is misattributed)', () => {
    const conversations = withConversation();
    const later: StoredRun = {
      runId: 'run-2',
      conversationId: 'c',
      model: 'qwen3:8b',
      promptVersion: 'system@3',
      outcome: 'step_limit',
      steps: 8,
      inputTokens: 9000,
      outputTokens: 300,
      ms: 41_000.5,
      ungrounded: [{ value: 17.3, sentence: 'Subió 17.3%' }],
      startedAt: minutesLater(10),
    };
    const earlier: StoredRun = {
      ...later,
      runId: 'run-1',
      model: null,
      promptVersion: null,
      outcome: 'failed',
      ungrounded: null,
      startedAt: minutesLater(1),
    };
    conversations.recordRun(later);
    conversations.recordRun(earlier);
    expect(conversations.runs('c')).toEqual([earlier, later]);
    conversations.recordRun({ ...earlier, outcome: 'answered', steps: 2 });
    expect(conversations.runs('c')[0]).toMatchObject({
      runId: 'run-1',
      outcome: 'answered',
      steps: 2,
    });
    expect(() => conversations.recordRun({ ...later, conversationId: 'other' })).toThrow(
      ConflictError,
    );
    expect(conversations.runs('other')).toEqual([]);
    expect(() =>
      conversations.recordRun({ ...later, outcome: 'timeout' as StoredRun['outcome'] }),
    ).toThrow(/outcome must be one of/);
  });

  it('sets and replaces the summary within the written messages (else resume drops or repeats turns)', () => {
    const conversations = withConversation();
    expect(conversations.summary('c')).toBeUndefined();
    for (let index = 0; index < 4; index += 1)
      conversations.appendMessage('c', userMessage(`m${index}`));
    conversations.setSummary('c', { text: 'Se habló de quinua.', throughSeq: 2 });
    expect(conversations.summary('c')).toEqual({ text: 'Se habló de quinua.', throughSeq: 2 });
    conversations.setSummary('c', { text: 'Quinua y yogur.', throughSeq: 4 });
    expect(conversations.summary('c')).toEqual({ text: 'Quinua y yogur.', throughSeq: 4 });
    expect(rowCount('conversation_summaries')).toBe(1);
    expect(() => conversations.setSummary('c', { text: 'x', throughSeq: 5 })).toThrow(
      /past the conversation's last message \(seq 4\)/,
    );
    expect(() => conversations.setSummary('c', { text: ' ', throughSeq: 1 })).toThrow(
      /text must not be empty/,
    );
    expect(() => conversations.setSummary('missing', { text: 'x', throughSeq: 0 })).toThrow(
      NotFoundError,
    );
    expect(conversations.summary('c')?.throughSeq).toBe(4);
  });
});

describe('conversations: images', () => {
  it('stores the same bytes once under their sha256 (else photos are duplicated or hashed wrongly)', () => {
    const conversations = openConversations();
    const abc = new TextEncoder().encode('abc');
    // FIPS 180-2 appendix B.1: SHA-256("abc").
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(conversations.putImage(abc, 'image/png')).toBe(expected);
    const copy = new Uint8Array([0, ...abc]).subarray(1);
    expect(conversations.putImage(copy, 'IMAGE/JPEG')).toBe(expected);
    expect(rowCount('images')).toBe(1);
    expect(conversations.image(expected)).toEqual({ bytes: abc, mime: 'image/png' });
    expect(conversations.image(expected.toUpperCase())?.mime).toBe('image/png');
    expect(
      createHash('sha256')
        .update(Buffer.from([7]))
        .digest('hex'),
    ).toBe(conversations.putImage(new Uint8Array([7]), 'image/webp'));
    expect(rowCount('images')).toBe(2);
    expect(conversations.image('f'.repeat(64))).toBeUndefined();
    expect(() => conversations.putImage(new Uint8Array(), 'image/png')).toThrow(
      /bytes must not be empty/,
    );
    expect(() => conversations.putImage(abc, 'png')).toThrow(/mime must be a media type/);
  });
});

describe('conversations: migration', () => {
  it('upgrades a version-1 database with data to the latest version without loss (else an update wipes a user store)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'ayni-conversations-'));
    temporaryDirectories.push(directory);
    const path = join(directory, 'ayni.sqlite');
    const versionOne = openDatabase({
      path,
      migrations: migrations.filter((migration) => migration.version === 1),
    });
    expect(schemaVersion(versionOne)).toBe(1);
    // Written with SQL, as the version-1 code did: the current repositories expect version 2.
    versionOne.exec(`
      INSERT INTO products (id, sku, name, category, unit_cost) VALUES (7, 'QUI-500', 'Quinoa', 'grains', 4.2);
      INSERT INTO locations (id, code, name, region) VALUES (3, 'LIM-DC1', 'Lima DC', 'Lima');
      INSERT INTO sales (sku_id, location_id, date, units) VALUES (7, 3, '2024-01-01', 10);
      INSERT INTO meta (key, value) VALUES ('source', 'demo');
    `);
    versionOne.close();

    store = openStore({ path });
    expect(schemaVersion(store.database)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(applyMigrations(store.database, migrations)).toEqual([]);
    expect(store.products.findBySku('QUI-500')).toMatchObject({ id: 7, unitCost: 4.2 });
    expect(store.sales.count()).toBe(1);
    expect(store.meta.get('source')).toBe('demo');
    store.conversations.create({ id: 'after-upgrade', title: 'ok', now: monday });
    expect(store.conversations.appendMessage('after-upgrade', userMessage('hola')).seq).toBe(1);
  });
});
