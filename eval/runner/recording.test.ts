import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmChatChunk, LlmChatRequest } from '../../assistant/llm/llm-client';
import { openTestStore } from '../../test/support/test-store';
import { createStorePool, snapshotOf } from './eval-company';
import { ruleLlm } from './fixtures/rule-llm';
import { modelSlug, RecordingBook, RecordingFormatError, recordingPath } from './recording-book';
import { createCaseLlm } from './recording-llm';
import { canonicalJson, chatRequestHash } from './request-hash';
import { quantile } from './run-summary';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ayni-recording-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const request = (content: string, id = 'call_1'): LlmChatRequest => ({
  model: 'm',
  messages: [
    { role: 'user', content },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id, name: 'query_sales', arguments: { b: 1, a: 2 } }],
    },
  ],
  options: { temperature: 0 },
});

describe('request keys', () => {
  it('are canonical: key order, undefined fields and tool-call ids do not change the hash, content does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
    expect(chatRequestHash(request('hola'))).toBe(chatRequestHash(request('hola', 'call_99')));
    expect(chatRequestHash({ ...request('hola'), onChunk: () => undefined })).toBe(
      chatRequestHash(request('hola')),
    );
    expect(chatRequestHash(request('hola'))).not.toBe(chatRequestHash(request('hola!')));
    expect(chatRequestHash(request('hola'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('name files by suite and a portable model slug', () => {
    expect(modelSlug('qwen3:8b')).toBe('qwen3-8b');
    expect(modelSlug('hf.co/Org/Model:Q4_K_M')).toBe('hf.co-org-model-q4_k_m');
    expect(recordingPath('/r', 'planner', 'qwen3:8b')).toBe('/r/planner/qwen3-8b.json');
  });
});

describe('record and replay of one exchange', () => {
  it('replays the chunks in order with their timing, so the time to first token replays', async () => {
    const inner = ruleLlm({ m: () => ({ text: 'uno dos tres' }) }, 60);
    const book = new RecordingBook(directory);
    const common = {
      suite: 's',
      providerModel: 'm',
      caseId: 'c',
      prompt: 'agent-system@2',
      repeat: 0,
    };
    const recorder = createCaseLlm({ mode: 'record', inner, book, ...common });
    const recordedChunks: LlmChatChunk[] = [];
    const recorded = await recorder.chat({
      ...request('hola'),
      onChunk: (chunk) => recordedChunks.push(chunk),
    });
    await book.save();

    const replayer = createCaseLlm({
      mode: 'replay',
      book: new RecordingBook(directory),
      ...common,
    });
    const replayedChunks: LlmChatChunk[] = [];
    const started = performance.now();
    let firstChunkMs = 0;
    const replayed = await replayer.chat({
      ...request('hola', 'another-id'),
      onChunk: (chunk) => {
        if (replayedChunks.length === 0) firstChunkMs = performance.now() - started;
        replayedChunks.push(chunk);
      },
    });
    expect(replayed).toEqual(recorded);
    expect(replayedChunks).toEqual(recordedChunks);
    expect(firstChunkMs).toBeGreaterThanOrEqual(50);
    expect(replayer.modelMs()).toBeGreaterThanOrEqual(50);
  });

  it('keeps one sample per repeat and wraps round past the recorded repeats', async () => {
    let answer = 0;
    const inner = ruleLlm({ m: () => ({ text: `respuesta ${(answer += 1)}` }) });
    const book = new RecordingBook(directory);
    for (const repeat of [0, 1])
      await createCaseLlm({
        mode: 'record',
        inner,
        book,
        suite: 's',
        providerModel: 'm',
        caseId: 'c',
        prompt: 'p',
        repeat,
      }).chat(request('hola'));
    await book.save();
    const replayBook = new RecordingBook(directory);
    const texts = [];
    for (const repeat of [0, 1, 2]) {
      const llm = createCaseLlm({
        mode: 'replay',
        book: replayBook,
        suite: 's',
        providerModel: 'm',
        caseId: 'c',
        prompt: 'p',
        repeat,
        replayTiming: 'instant',
      });
      texts.push((await llm.chat(request('hola'))).message.content);
    }
    expect(texts).toEqual(['respuesta 1', 'respuesta 2', 'respuesta 1']);
  });

  it('forgets the exchanges of re-recorded cases and keeps the others', async () => {
    const inner = ruleLlm({ m: (_request, last) => ({ text: `eco ${last.content}` }) });
    const book = new RecordingBook(directory);
    for (const caseId of ['a', 'b'])
      await createCaseLlm({
        mode: 'record',
        inner,
        book,
        suite: 's',
        providerModel: 'm',
        caseId,
        prompt: 'p',
        repeat: 0,
      }).chat(request(caseId));
    await book.save();
    const again = new RecordingBook(directory);
    await again.forget('s', 'm', new Set(['a']));
    await again.save();
    const file = JSON.parse(await readFile(recordingPath(directory, 's', 'm'), 'utf8'));
    expect(
      Object.values(file.exchanges).map((exchange) => (exchange as { cases: string[] }).cases),
    ).toEqual([['b']]);
  });

  it('rejects a file that is not a recording, naming it and the fix', async () => {
    const file = recordingPath(directory, 's', 'm');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"hello": 1}');
    const llm = createCaseLlm({
      mode: 'replay',
      book: new RecordingBook(directory),
      suite: 's',
      providerModel: 'm',
      caseId: 'c',
      prompt: 'p',
      repeat: 0,
    });
    await expect(llm.chat(request('hola'))).rejects.toThrow(RecordingFormatError);
    await expect(llm.chat(request('hola'))).rejects.toThrow(
      /m\.json: not an Ayni recording .* record it again with --record/,
    );
  });
});

describe('the store pool', () => {
  it('rolls back what a case wrote, so the next case sees the company unchanged', async () => {
    const store = openTestStore();
    const pool = createStorePool(snapshotOf(store, '2024-01-15'), 1);
    store.close();
    const count = (target: typeof store) => target.conversations.list().length;
    await pool.use(async (lent) => {
      lent.conversations.create({ title: 'x', now: '2024-01-15T12:00:00Z' });
      expect(count(lent)).toBe(1);
    });
    await pool.use(async (lent) => expect(count(lent)).toBe(0));
    pool.close();
  });
});

describe('quantile', () => {
  it("matches R's quantile(type = 7)", () => {
    // R: quantile(1:10, c(.5, .95)) -> 5.5 9.55; quantile(c(3, 1, 2), .25) -> 1.5
    expect(quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile([3, 1, 2], 0.25)).toBeCloseTo(1.5, 12);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(/probability/);
  });
});
