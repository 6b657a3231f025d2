// Runner overhead (issue 10's target: a matrix run is limited by the models, not the runner):
// 2 models x 2 prompt versions x N cases x 3 repeats through the real agent, the real Ollama
// client and the Ollama-protocol test server, which answers every turn after a fixed latency
// (150 ms, then one token every 1/30 s). The model's time is what that schedule takes; with C
// case runs at once the model-limited wall time is the sum of those times divided by C, and the
// runner's overhead is the wall time beyond it (agent loop, tools, store copies, scoring).
// Usage: npm run bench:eval -- [--cases 8] [--concurrency 4] [--words 24] [--repeat 3]
import { parseArgs } from 'node:util';
import { createOllamaClient } from '../../assistant/llm/ollama-client';
import { startFakeOllama, type ChatBody } from '../../test/support/fake-ollama';
import { openTestStore } from '../../test/support/test-store';
import type { LoadedCase, LoadedSuite } from '../load-suite';
import { snapshotOf } from '../runner/eval-company';
import { runEval } from '../runner/run-eval';

const firstTokenMs = 150;
const tokensPerSecond = 30;

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '8' },
    concurrency: { type: 'string', default: '4' },
    words: { type: 'string', default: '24' },
    repeat: { type: 'string', default: '3' },
  },
});
const caseCount = Number(values.cases);
const concurrency = Number(values.concurrency);
const words = Number(values.words);
const repeat = Number(values.repeat);
for (const [name, value] of Object.entries({ caseCount, concurrency, words, repeat }))
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);

const products = ['quinoa', 'yogurt fresa', 'QUI-500', 'YOG-1L'];
const cases: LoadedCase[] = Array.from({ length: caseCount }, (_, index) => {
  const product = products[index % products.length]!;
  return {
    caseId: `sales-${index + 1}`,
    description: `Sales of ${product} (${index + 1})`,
    suitePath: '/bench/runner-overhead.yaml',
    index,
    vars: { message: `¿Cuánto vendimos de ${product} en la semana ${index + 1}?` },
    assert: [
      { type: 'tool-called', tool: 'query_sales' },
      { type: 'tool-args', tool: 'query_sales', args: { product: { regex: '.+' } } },
      { type: 'icontains', value: 'unidades' },
      { type: 'latency', threshold: 60_000 },
    ],
    tags: ['bench'],
    metadata: {},
  };
});
const suite: LoadedSuite = {
  path: '/bench/runner-overhead.yaml',
  description: 'runner overhead benchmark',
  prompts: ['agent-system@1', 'agent-system@2'],
  providers: [
    { id: 'ollama:chat:bench-a', model: 'bench-a' },
    { id: 'ollama:chat:bench-b', model: 'bench-b' },
  ],
  cases,
  suite: {
    description: 'runner overhead benchmark',
    prompts: ['agent-system@1'],
    providers: ['ollama:chat:bench-a'],
    tests: [],
  },
};

const answer = Array.from({ length: words }, (_, index) =>
  index === 0 ? 'Vendimos' : index === 1 ? 'unidades' : `palabra${index}`,
).join(' ');
let scheduledModelMs = 0;
const server = await startFakeOllama({
  kind: 'models',
  models: [
    { name: 'bench-a', capabilities: ['completion', 'tools'] },
    { name: 'bench-b', capabilities: ['completion', 'tools'] },
  ],
});
server.onChat((body: ChatBody) => {
  const last = body.messages?.at(-1);
  const chunkDelayMs = 1000 / tokensPerSecond;
  if (last?.role === 'tool') {
    scheduledModelMs += firstTokenMs + (words - 1) * chunkDelayMs;
    return {
      kind: 'chat',
      content: answer,
      firstChunkDelayMs: firstTokenMs,
      chunkDelayMs,
      evalCount: words,
    };
  }
  const product = products.find((name) => last?.content?.includes(name)) ?? 'quinoa';
  scheduledModelMs += firstTokenMs;
  return {
    kind: 'chat',
    toolCalls: [{ name: 'query_sales', arguments: { product } }],
    firstChunkDelayMs: firstTokenMs,
    evalCount: 12,
  };
});

const store = openTestStore(':memory:', 120);
const company = snapshotOf(store, '2024-05-01');
store.close();
const llm = createOllamaClient({ host: server.url, numCtx: 16_384, keepAlive: '5m' });
try {
  const cpuBefore = process.cpuUsage();
  const run = await runEval({
    suites: [suite],
    repeat,
    concurrency,
    mode: 'live',
    recordingsDir: '/nonexistent',
    ollamaHost: server.url,
    signal: new AbortController().signal,
    company,
    llm,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const measuredModelMs = run.results.reduce((sum, result) => sum + result.output.modelMs, 0);
  const toolMs = run.results.reduce(
    (sum, result) => sum + result.output.toolCalls.reduce((total, call) => total + call.ms, 0),
    0,
  );
  const ideal = scheduledModelMs / concurrency;
  const overhead = run.wallMs - ideal;
  const overheadMeasured = run.wallMs - measuredModelMs / concurrency;
  const lines = [
    `runner overhead: ${run.results.length} case runs (2 models x 2 prompt versions x ${caseCount} cases x ${repeat} repeats), concurrency ${concurrency}, model ${firstTokenMs} ms + ${tokensPerSecond} tok/s, answers of ${words} tokens`,
    `  passed ${run.summary.passed}/${run.summary.runs}`,
    `  wall time                          ${(run.wallMs / 1000).toFixed(2)} s`,
    `  model time scheduled (sum)         ${(scheduledModelMs / 1000).toFixed(2)} s -> model-limited wall ${(ideal / 1000).toFixed(2)} s`,
    `  model time seen by the client (sum) ${(measuredModelMs / 1000).toFixed(2)} s (HTTP + client parsing included)`,
    `  tool time (sum)                    ${(toolMs / 1000).toFixed(2)} s`,
    `  process CPU                        ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
    `  overhead = wall - scheduled model time / concurrency: ${(overhead / 1000).toFixed(2)} s = ${((100 * overhead) / run.wallMs).toFixed(1)}% of wall time (target < 5%)`,
    `  overhead = wall - client-seen model time / concurrency: ${(overheadMeasured / 1000).toFixed(2)} s = ${((100 * overheadMeasured) / run.wallMs).toFixed(1)}% of wall time`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await server.close();
}
