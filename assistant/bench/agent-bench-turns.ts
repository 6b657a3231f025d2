// The measuring pieces of the agent benchmark (agent-bench.ts): the Ollama-protocol server's
// scripted answer with each chunk's write time, one chat through the server over WebSocket, the
// same stream read directly by the Ollama client, and the quantiles.
import { createOllamaClient } from '../llm/ollama-client';
import type { FakeOllama } from '../../test/support/fake-ollama';
import type { ChatSocket } from '../../test/support/agent-server';

const words = Array.from({ length: 20 }, (_, index) => `palabra${index} `);

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (
    (sorted[low] as number) +
    ((sorted[high] as number) - (sorted[low] as number)) * (position - low)
  );
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** When each chat's chunks left the Ollama-protocol server, by the chat's user message. */
export class ChunkClock {
  private readonly written = new Map<string, number[]>();
  private readonly arrived = new Map<string, number>();

  constructor(private readonly ollama: FakeOllama) {}

  /** Every chat is answered with the same 20 words, each chunk's write time recorded. */
  script(chunkDelayMs = 0): void {
    this.ollama.onChat((body) => {
      const key =
        [...(body.messages ?? [])].reverse().find((message) => message.role === 'user')?.content ??
        '';
      this.arrived.set(key, performance.now());
      const times: number[] = [];
      this.written.set(key, times);
      return {
        kind: 'chat',
        content: words.join(''),
        chunks: words.length,
        chunkDelayMs,
        onChunkWritten: (index, at) => (times[index] = at),
      };
    });
  }

  writtenAt(key: string): number[] {
    return this.written.get(key) ?? [];
  }

  arrivedAt(key: string): number {
    return this.arrived.get(key) ?? Number.NaN;
  }
}

export interface TurnTimes {
  ok: boolean;
  sentAt: number;
  /** when each text-delta arrived */
  deltasAt: number[];
}

export async function directTurn(
  ollama: FakeOllama,
  key: string,
): Promise<number[] & { startedAt?: number }> {
  const client = createOllamaClient({ host: ollama.url, numCtx: 16384, keepAlive: '30m' });
  const chunksAt: number[] & { startedAt?: number } = [];
  chunksAt.startedAt = performance.now();
  await client.chat({
    model: 'qwen3:8b',
    messages: [{ role: 'user', content: key }],
    onChunk: (chunk) => {
      if (chunk.content) chunksAt.push(performance.now());
    },
  });
  return chunksAt;
}

export async function serverTurn(socket: ChatSocket, key: string): Promise<TurnTimes> {
  const before = socket.events.length;
  const deltasAt: number[] = [];
  const listener = (data: Buffer) => {
    if (data.includes('"text-delta"')) deltasAt.push(performance.now());
  };
  socket.socket.on('message', listener);
  const sentAt = performance.now();
  const done = socket.until(
    (event) =>
      socket.events.indexOf(event) >= before &&
      (event.type === 'run-end' || event.type === 'error'),
    60_000,
  );
  socket.send({ type: 'chat', message: key });
  const end = await done;
  socket.socket.off('message', listener);
  return { ok: end.type === 'run-end', sentAt, deltasAt };
}

/** Per chunk: arrival at the client minus the write at the Ollama-protocol server. */
export function chunkLatencies(arrivals: readonly number[], writes: readonly number[]): number[] {
  return arrivals.map((at, index) => at - (writes[index] ?? Number.NaN)).filter(Number.isFinite);
}
