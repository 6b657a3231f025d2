import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../errors';
import { openStore, type Store } from '../store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const now = '2024-06-03T15:00:00.000Z';
const png = (byte: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, byte]);

function rows(table: string): number {
  const row = store?.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
  return row.n;
}

/** Two exchanges (runs r1 and r2), each a user message with a photo, a tool call and an answer. */
function twoExchanges() {
  store = openStore({ path: ':memory:' });
  const conversations = store.conversations;
  const { id } = conversations.create({ title: 'Dos turnos', now });
  const shared = conversations.putImage(png(1), 'image/png');
  const second = conversations.putImage(png(2), 'image/png');
  for (const [runId, hashes] of [
    ['r1', [shared]],
    ['r2', [shared, second]],
  ] as const) {
    conversations.appendMessage(id, {
      runId,
      role: 'user',
      content: `pregunta ${runId}`,
      imageHashes: [...hashes],
      createdAt: now,
    });
    conversations.recordToolCall(id, {
      runId,
      id: 'c1',
      name: 'query_sales',
      args: {},
      result: { rows: [] },
      ms: 1,
      outcome: 'ok',
    });
    conversations.appendMessage(id, {
      runId,
      role: 'assistant',
      content: `respuesta ${runId}`,
      createdAt: now,
    });
    conversations.recordRun({
      runId,
      conversationId: id,
      model: 'm',
      promptVersion: null,
      outcome: 'answered',
      steps: 1,
      inputTokens: 1,
      outputTokens: 1,
      ms: 1,
      ungrounded: [],
      startedAt: now,
    });
  }
  return { conversations, id, shared, second };
}

describe('conversations: deleteMessagesFrom (regenerate, edit-and-resend)', () => {
  it('removes the messages from seq N on and keeps the earlier ones (else the model still reads the replaced exchange)', () => {
    const { conversations, id } = twoExchanges();
    expect(conversations.deleteMessagesFrom(id, 3)).toBe(2);
    expect(conversations.messages(id).map((message) => message.content)).toEqual([
      'pregunta r1',
      'respuesta r1',
    ]);
    expect(conversations.get(id)?.messageCount).toBe(2);
  });

  it("removes the removed run's tool calls and run record, keeps the earlier run's (else the reloaded page shows a ghost answer)", () => {
    const { conversations, id } = twoExchanges();
    conversations.deleteMessagesFrom(id, 3);
    expect(conversations.toolCalls(id).map((call) => call.runId)).toEqual(['r1']);
    expect(conversations.runs(id).map((run) => run.runId)).toEqual(['r1']);
  });

  it('drops an image only no kept message attaches, keeps a shared one (else orphaned photos or broken earlier ones)', () => {
    const { conversations, id, shared, second } = twoExchanges();
    conversations.deleteMessagesFrom(id, 3);
    expect(conversations.image(second)).toBeUndefined();
    expect(conversations.conversationImage(id, shared)?.mime).toBe('image/png');
    expect(rows('message_images')).toBe(1);
  });

  it('drops a summary that covers a removed message, keeps one before the cut (else the summary leaks the old answer)', () => {
    const { conversations, id } = twoExchanges();
    conversations.setSummary(id, { text: 'hasta el 2', throughSeq: 2 });
    conversations.deleteMessagesFrom(id, 3);
    expect(conversations.summary(id)).toEqual({ text: 'hasta el 2', throughSeq: 2 });
    conversations.setSummary(id, { text: 'hasta el 2', throughSeq: 2 });
    conversations.deleteMessagesFrom(id, 2);
    expect(conversations.summary(id)).toBeUndefined();
  });

  it('gives the next message the freed seq, refuses seq 0 and an unknown conversation (else seqs gap or bad input passes)', () => {
    const { conversations, id } = twoExchanges();
    conversations.deleteMessagesFrom(id, 3);
    const next = conversations.appendMessage(id, {
      runId: null,
      role: 'user',
      content: 'otra vez',
      createdAt: now,
    });
    expect(next.seq).toBe(3);
    expect(() => conversations.deleteMessagesFrom(id, 0)).toThrow(RangeError);
    expect(() => conversations.deleteMessagesFrom('nope', 1)).toThrow(NotFoundError);
  });

  it("gives an image only to a conversation whose messages attach it (else one conversation's photos leak to another)", () => {
    const { conversations, id, shared } = twoExchanges();
    const other = conversations.create({ title: 'Otra', now }).id;
    expect(conversations.conversationImage(id, shared)?.bytes).toEqual(png(1));
    expect(conversations.conversationImage(other, shared)).toBeUndefined();
  });
});
