// The start of a run: what is written before the model is asked, and the system prompt's date.
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedLlm } from '../../test/support/scripted-llm';
import { openTestStore } from '../../test/support/test-store';
import { registeredTools } from '../../tools/index';
import type { Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import type { ConversationLog } from './agent-deps';
import { createAgent } from './agent';

const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };
let store: Store | undefined;
afterEach(() => store?.close());

function setup(
  replies: number,
  clock: () => Date,
  conversations?: (log: ConversationLog) => ConversationLog,
) {
  store = openTestStore(':memory:', 30);
  const openStore = store;
  const llm = scriptedLlm(Array.from({ length: replies }, () => ({ chunks: ['Hola.'] })));
  const agent = createAgent({
    llm,
    models: { chat: 'qwen3:8b', vision: 'qwen2.5vl:7b' },
    tools: registeredTools,
    toolContext: (signal) =>
      createStoreToolContext(openStore, { signal, now: clock, logger: silentLogger }),
    conversations: conversations ? conversations(openStore.conversations) : openStore.conversations,
    clock,
    logger: silentLogger,
  });
  return { agent, llm, store: openStore };
}

describe('starting a run', () => {
  it('renders the system prompt again when the day changes (else the model reads a stale date)', async () => {
    let now = new Date('2024-04-30T23:00:00Z');
    const { agent, llm } = setup(3, () => now);
    for (const at of ['2024-04-30T23:00:00Z', '2024-04-30T23:59:00Z', '2024-05-01T00:01:00Z']) {
      now = new Date(at);
      await (
        await agent.start({ message: 'hola' }, () => undefined)
      ).done;
    }
    const systems = llm.requests.map((request) => request.messages[0]?.content ?? '');
    expect(systems[0]).toContain('Today is 2024-04-30.');
    expect(systems[1]).toBe(systems[0]);
    expect(systems[2]).toContain('Today is 2024-05-01.');
  });

  it('keeps no new conversation when its first message cannot be written (one transaction)', async () => {
    const { agent, store: openStore } = setup(
      0,
      () => new Date('2024-04-30T12:00:00Z'),
      (log) => ({
        ...log,
        appendMessage: () => {
          throw new Error('disk full');
        },
      }),
    );
    const before = openStore.conversations.list().length;
    await expect(agent.start({ message: 'hola' }, () => undefined)).rejects.toThrow('disk full');
    expect(openStore.conversations.list()).toHaveLength(before);
  });

  it("reads an existing conversation's earlier messages into the run (a new one has none)", async () => {
    const { agent, llm } = setup(2, () => new Date('2024-04-30T12:00:00Z'));
    const first = await agent.start({ message: 'primera' }, () => undefined);
    await first.done;
    await (
      await agent.start(
        { message: 'segunda', conversationId: first.conversationId },
        () => undefined,
      )
    ).done;
    expect(llm.requests[0]?.messages.map((message) => message.content).slice(1)).toEqual([
      'primera',
    ]);
    expect(llm.requests[1]?.messages.map((message) => message.content).slice(1)).toEqual([
      'primera',
      'Hola.',
      'segunda',
    ]);
  });
});
