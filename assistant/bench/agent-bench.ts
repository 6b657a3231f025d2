// npm run bench:agent — the server's own cost around the model (issue 7's performance targets),
// against the Ollama-protocol test server on loopback, everything in this process:
//   1. overhead per model turn: a chat over WebSocket through the whole server (agent, store,
//      prompts, grounding) minus the same Ollama stream read directly by the Ollama client,
//      interleaved so both see the same machine state; p50 of the difference of medians;
//   2. 100 concurrent chats over 100 WebSockets: errors, and p99 time to first token minus
//      the p99 of 100 concurrent direct requests;
//   3. RSS over 10,000 turns (50 sockets x 200 rounds), sampled every 1,000 turns;
//   4. knowledge search over 100,000 chunks (runKnowledgeBench).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOllamaClient } from '../llm/ollama-client';
import { startFakeOllama, type FakeOllama } from '../../test/support/fake-ollama';
import { ChatSocket } from '../../test/support/agent-server';
import { runKnowledgeBench } from './knowledge-bench';

const words = Array.from({ length: 20 }, (_, index) => `palabra${index} `);

function quantile(values: readonly number[], q: number): number {
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

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** When each chat's chunks left the Ollama-protocol server, by the chat's user message. */
class ChunkClock {
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

interface TurnTimes {
  ok: boolean;
  sentAt: number;
  /** when each text-delta arrived */
  deltasAt: number[];
}

async function directTurn(
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

async function serverTurn(socket: ChatSocket, key: string): Promise<TurnTimes> {
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
function chunkLatencies(arrivals: readonly number[], writes: readonly number[]): number[] {
  return arrivals.map((at, index) => at - (writes[index] ?? Number.NaN)).filter(Number.isFinite);
}

export interface ConcurrentFigures {
  chats: number;
  /** messages sent evenly over this many ms (0 = all at once) */
  spreadMs: number;
  /** the Ollama-protocol server's token rate per stream */
  tokensPerSecondPerStream: number;
  errors: number;
  /** time to first token as the user sees it (message sent -> first text-delta), minus the
   *  direct client's (request -> first chunk) */
  ttftOverheadP50: number;
  ttftOverheadP99: number;
  /** Ollama's first chunk written -> the client's first text-delta, minus the direct client's */
  firstChunkRelayP99: number;
  toModelRequestP99: number;
}

export interface AgentBenchReport {
  /** sequential turns: ms added per streamed chunk between Ollama's write and the client's read */
  perChunk: { serverP50: number; directP50: number; overheadP50: number; turns: number };
  /** ms from the user's message to the model request (store writes, prompt, history) */
  toModelRequestP50: number;
  /** every message at the same instant */
  concurrent: ConcurrentFigures;
  /** arrivals spread over 2 s, all streams overlapping */
  concurrentStaggered: ConcurrentFigures;
  rss: {
    turns: number;
    samplesMb: { turns: number; rssMb: number; heapMb: number }[];
    growthMb: number;
  };
  knowledge?: Awaited<ReturnType<typeof runKnowledgeBench>>;
}

interface ServerProcess {
  wsUrl: string;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  close(): Promise<void>;
}

type ServerMessage =
  | { kind: 'ready'; url: string; wsUrl: string }
  | { kind: 'memory'; rss: number; heapUsed: number }
  | { kind: 'closed' };

/** The assistant in a child process, as in production: its event loop and RSS are its own. */
async function startServerProcess(ollamaUrl: string): Promise<ServerProcess> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./agent-bench-server.ts', import.meta.url)),
    [ollamaUrl],
    {
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        ...(process.env.AYNI_BENCH_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.AYNI_BENCH_PROFILE}`]
          : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const next = <Kind extends ServerMessage['kind']>(kind: Kind) =>
    new Promise<Extract<ServerMessage, { kind: Kind }>>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<ServerMessage, { kind: Kind }>);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the bench server exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  return {
    wsUrl: ready.wsUrl,
    memory: async () => {
      const answer = next('memory');
      child.send({ kind: 'memory' });
      return answer;
    },
    close: async () => {
      const closed = next('closed').catch(() => undefined);
      child.send({ kind: 'close' });
      await closed;
    },
  };
}

export async function runAgentBench(options: {
  turns: number;
  concurrent: number;
  rssTurns: number;
  knowledgeChunks: number;
}): Promise<AgentBenchReport> {
  const ollama = await startFakeOllama({
    kind: 'models',
    models: [{ name: 'qwen3:8b', capabilities: ['completion', 'tools'] }],
  });
  const clock = new ChunkClock(ollama);
  clock.script();
  let app: ServerProcess | undefined;
  let counter = 0;
  const nextKey = () => `hola ${(counter += 1)}`;
  try {
    app = await startServerProcess(ollama.url);
    // 1. sequential turns, each through the server then directly (the same stream)
    const socket = await ChatSocket.open(app.wsUrl);
    const server: number[] = [];
    const direct: number[] = [];
    const toModel: number[] = [];
    for (let turn = 0; turn < options.turns + 20; turn += 1) {
      const key = nextKey();
      const through = await serverTurn(socket, key);
      const directKey = nextKey();
      const straight = await directTurn(ollama, directKey);
      socket.events.length = 0;
      if (turn < 20) continue;
      server.push(...chunkLatencies(through.deltasAt, clock.writtenAt(key)));
      direct.push(...chunkLatencies(straight, clock.writtenAt(directKey)));
      toModel.push(clock.arrivedAt(key) - through.sentAt);
    }
    socket.close();
    const perChunk = {
      serverP50: round(quantile(server, 0.5), 3),
      directP50: round(quantile(direct, 0.5), 3),
      overheadP50: round(quantile(server, 0.5) - quantile(direct, 0.5), 3),
      turns: options.turns,
    };

    // 2. concurrent chats, the server path and the direct path alternating, three rounds each:
    //    a burst (every message at the same instant) and staggered arrivals (spread over 2 s,
    //    streams long enough that all of them are streaming at once)
    const sockets = await Promise.all(
      Array.from({ length: options.concurrent }, () =>
        ChatSocket.open((app as ServerProcess).wsUrl),
      ),
    );
    const concurrentRounds = async (spreadMs: number, chunkDelayMs: number) => {
      clock.script(chunkDelayMs);
      const ttftServer: number[] = [];
      const ttftDirect: number[] = [];
      const relayServer: number[] = [];
      const relayDirect: number[] = [];
      const toModelRequest: number[] = [];
      let errors = 0;
      const later = <T>(index: number, work: () => Promise<T>) =>
        new Promise<T>((resolve, reject) =>
          setTimeout(() => work().then(resolve, reject), (index * spreadMs) / sockets.length),
        );
      for (let round = 0; round < 3; round += 1) {
        const keys = sockets.map(() => nextKey());
        const results = await Promise.all(
          sockets.map((item, index) => later(index, () => serverTurn(item, keys[index] as string))),
        );
        results.forEach((result, index) => {
          const key = keys[index] as string;
          if (!result.ok) errors += 1;
          relayServer.push(
            (result.deltasAt[0] ?? Number.NaN) - (clock.writtenAt(key)[0] ?? Number.NaN),
          );
          ttftServer.push((result.deltasAt[0] ?? Number.NaN) - result.sentAt);
          toModelRequest.push(clock.arrivedAt(key) - result.sentAt);
        });
        for (const item of sockets) item.events.length = 0;
        const directKeys = sockets.map(() => nextKey());
        const directs = await Promise.all(
          directKeys.map((key, index) => later(index, () => directTurn(ollama, key))),
        );
        directs.forEach((chunksAt, index) => {
          relayDirect.push(
            (chunksAt[0] ?? Number.NaN) -
              (clock.writtenAt(directKeys[index] as string)[0] ?? Number.NaN),
          );
          ttftDirect.push((chunksAt[0] ?? Number.NaN) - (chunksAt.startedAt ?? Number.NaN));
        });
      }
      return {
        chats: options.concurrent,
        spreadMs,
        tokensPerSecondPerStream: Math.round(1000 / Math.max(chunkDelayMs, 1)),
        errors,
        ttftOverheadP50: round(quantile(ttftServer, 0.5) - quantile(ttftDirect, 0.5)),
        ttftOverheadP99: round(quantile(ttftServer, 0.99) - quantile(ttftDirect, 0.99)),
        firstChunkRelayP99: round(quantile(relayServer, 0.99) - quantile(relayDirect, 0.99)),
        toModelRequestP99: round(quantile(toModelRequest, 0.99)),
      };
    };
    const concurrent = await concurrentRounds(0, 33);
    const concurrentStaggered = await concurrentRounds(2000, 100);

    // 3. RSS of the server over many turns
    clock.script();
    const pool = sockets.slice(0, 50);
    const samplesMb: AgentBenchReport['rss']['samplesMb'] = [];
    let turns = 0;
    while (turns < options.rssTurns) {
      await Promise.all(pool.map((item) => serverTurn(item, nextKey())));
      for (const item of pool) item.events.length = 0;
      turns += pool.length;
      if (turns % 1000 === 0) {
        const usage = await app.memory();
        samplesMb.push({
          turns,
          rssMb: round(usage.rss / 2 ** 20, 1),
          heapMb: round(usage.heapUsed / 2 ** 20, 1),
        });
      }
    }
    for (const item of sockets) item.close();
    const first = samplesMb[0]?.rssMb ?? Number.NaN;
    const lastSample = samplesMb.at(-1)?.rssMb ?? Number.NaN;
    const report: AgentBenchReport = {
      perChunk,
      toModelRequestP50: round(quantile(toModel, 0.5)),
      concurrent,
      concurrentStaggered,
      rss: { turns, samplesMb, growthMb: round(lastSample - first, 1) },
    };
    if (options.knowledgeChunks > 0) {
      report.knowledge = await runKnowledgeBench({
        chunks: options.knowledgeChunks,
        queries: 200,
        dimension: 1024,
        seed: 7,
      });
    }
    return report;
  } finally {
    await app?.close();
    await ollama.close();
  }
}

function numberFlag(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number, got ${args[index + 1]}`);
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const report = await runAgentBench({
    turns: numberFlag(args, '--turns', 300),
    concurrent: numberFlag(args, '--concurrent', 100),
    rssTurns: numberFlag(args, '--rss-turns', 10_000),
    knowledgeChunks: numberFlag(args, '--knowledge-chunks', 100_000),
  });
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    const { perChunk, concurrent, rss } = report;
    console.log(
      `streaming overhead per chunk (Ollama write -> WebSocket client read, minus the direct client's): p50 ${perChunk.overheadP50} ms (server path ${perChunk.serverP50} ms, direct ${perChunk.directP50} ms; ${perChunk.turns} turns x 20 chunks; target < 5 ms)`,
    );
    console.log(
      `user message -> model request (store, prompt, history): p50 ${report.toModelRequestP50} ms`,
    );
    for (const figures of [concurrent, report.concurrentStaggered]) {
      console.log(
        `${figures.chats} concurrent WebSocket chats (${figures.spreadMs === 0 ? 'all sent at once' : `sent over ${figures.spreadMs} ms`}, ${figures.tokensPerSecondPerStream} tokens/s per stream) x 3 rounds: ${figures.errors} errors; time-to-first-token overhead (message sent -> first token, minus the direct client's) p50 ${figures.ttftOverheadP50} ms, p99 ${figures.ttftOverheadP99} ms (target p99 < 50 ms); of which user message -> model request p99 ${figures.toModelRequestP99} ms; first chunk relayed p99 +${figures.firstChunkRelayP99} ms`,
      );
    }
    console.log(
      `server RSS over ${rss.turns} turns: ${rss.samplesMb.map((sample) => `${sample.turns}: ${sample.rssMb} MB`).join(', ')}; growth after the first 1,000 turns ${rss.growthMb} MB`,
    );
    if (report.knowledge) console.log(`knowledge search: ${JSON.stringify(report.knowledge)}`);
  }
}
