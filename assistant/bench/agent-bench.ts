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
import { startFakeOllama } from '../../test/support/fake-ollama';
import { ChatSocket } from '../../test/support/agent-server';
import {
  ChunkClock,
  chunkLatencies,
  directTurn,
  quantile,
  round,
  serverTurn,
} from './agent-bench-turns';
import { runKnowledgeBench } from './knowledge-bench';

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
  /** each round by itself (the first one also opens the server's connections to Ollama) */
  rounds: { serverTtftP99: number; directTtftP99: number; toModelRequestP99: number }[];
}

export interface AgentBenchReport {
  /** sequential turns: ms added per streamed chunk between Ollama's write and the client's read */
  perChunk: { serverP50: number; directP50: number; overheadP50: number; turns: number };
  /** ms from the user's message to the model request (store writes, prompt, history) */
  toModelRequestP50: number;
  /** every message at the same instant */
  concurrent: ConcurrentFigures;
  /** arrivals spread over 2 s, all streams overlapping (left out with --no-staggered) */
  concurrentStaggered?: ConcurrentFigures;
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
  staggered: boolean;
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
      const rounds: ConcurrentFigures['rounds'] = [];
      let errors = 0;
      const later = <T>(index: number, work: () => Promise<T>) =>
        new Promise<T>((resolve, reject) =>
          setTimeout(() => work().then(resolve, reject), (index * spreadMs) / sockets.length),
        );
      for (let repeat = 0; repeat < 3; repeat += 1) {
        const keys = sockets.map(() => nextKey());
        const results = await Promise.all(
          sockets.map((item, index) => later(index, () => serverTurn(item, keys[index] as string))),
        );
        const roundFrom = ttftServer.length;
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
        rounds.push({
          serverTtftP99: round(quantile(ttftServer.slice(roundFrom), 0.99)),
          directTtftP99: round(quantile(ttftDirect.slice(roundFrom), 0.99)),
          toModelRequestP99: round(quantile(toModelRequest.slice(roundFrom), 0.99)),
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
        rounds,
      };
    };
    const concurrent = await concurrentRounds(0, 33);
    const concurrentStaggered = options.staggered ? await concurrentRounds(2000, 100) : undefined;

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
      ...(concurrentStaggered ? { concurrentStaggered } : {}),
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

const usage = `node --import tsx assistant/bench/agent-bench.ts [flags]   (npm run bench:agent)
  --turns N             sequential turns through the server and direct (default 300; also the warm-up)
  --concurrent N        chats in the burst and the staggered case (default 100)
  --no-staggered        leave out the staggered case (arrivals spread over 2 s)
  --rss-turns N         turns for the RSS figure, 0 to leave it out (default 10000)
  --knowledge-chunks N  chunks for the knowledge search, 0 to leave it out (default 100000)
  --json                the report as JSON
The burst case alone: --turns 100 --no-staggered --rss-turns 0 --knowledge-chunks 0
AYNI_BENCH_PROFILE=<dir> writes the server process's CPU profile (node --cpu-prof) there.`;

function printReport(report: AgentBenchReport): void {
  const { perChunk, concurrent, rss } = report;
  console.log(
    `streaming overhead per chunk (Ollama write -> WebSocket client read, minus the direct client's): p50 ${perChunk.overheadP50} ms (server path ${perChunk.serverP50} ms, direct ${perChunk.directP50} ms; ${perChunk.turns} turns x 20 chunks; target < 5 ms)`,
  );
  console.log(
    `user message -> model request (store, prompt, history): p50 ${report.toModelRequestP50} ms`,
  );
  for (const figures of [concurrent, report.concurrentStaggered]) {
    if (!figures) continue;
    const rounds = figures.rounds
      .map(
        (item, index) =>
          `round ${index + 1}: server ${item.serverTtftP99} ms, direct ${item.directTtftP99} ms`,
      )
      .join('; ');
    console.log(
      `${figures.chats} concurrent WebSocket chats (${figures.spreadMs === 0 ? 'all sent at once' : `sent over ${figures.spreadMs} ms`}, ${figures.tokensPerSecondPerStream} tokens/s per stream) x 3 rounds: ${figures.errors} errors; time-to-first-token overhead (message sent -> first token, minus the direct client's) p50 ${figures.ttftOverheadP50} ms, p99 ${figures.ttftOverheadP99} ms (target p99 < 50 ms); of which user message -> model request p99 ${figures.toModelRequestP99} ms; first chunk relayed p99 +${figures.firstChunkRelayP99} ms; time to first token p99 by round (${rounds})`,
    );
  }
  if (rss.turns > 0)
    console.log(
      `server RSS over ${rss.turns} turns: ${rss.samplesMb.map((sample) => `${sample.turns}: ${sample.rssMb} MB`).join(', ')}; growth after the first 1,000 turns ${rss.growthMb} MB`,
    );
  if (report.knowledge) console.log(`knowledge search: ${JSON.stringify(report.knowledge)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(usage);
    process.exit(0);
  }
  const report = await runAgentBench({
    turns: numberFlag(args, '--turns', 300),
    concurrent: numberFlag(args, '--concurrent', 100),
    rssTurns: numberFlag(args, '--rss-turns', 10_000),
    knowledgeChunks: numberFlag(args, '--knowledge-chunks', 100_000),
    staggered: !args.includes('--no-staggered'),
  });
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}
