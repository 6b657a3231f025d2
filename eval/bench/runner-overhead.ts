// Runner overhead (issue 10's target: a matrix run is limited by the models, not the runner):
// 2 models x 2 prompt versions x N cases x 3 repeats through the real agent, the real Ollama
// client and the Ollama-protocol test server, which answers every turn after a fixed latency
// (150 ms, then one token every 1/30 s), in a process of its own (fake-model-process.ts). The model's time is what that schedule takes; with C
// case runs at once the model-limited wall time is the sum of those times divided by C, and the
// runner's overhead is the wall time beyond it (agent loop, tools, store copies, scoring).
// Usage: npm run bench:eval -- [--cases 8] [--concurrency 4] [--words 24] [--repeat 3]
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createOllamaClient } from '../../assistant/llm/ollama-client';
import { openTestStore } from '../../test/support/test-store';
import type { LoadedCase, LoadedSuite } from '../load-suite';
import { snapshotOf } from '../runner/eval-company';
import { runEval } from '../runner/run-eval';
import type { FakeModelSettings } from './fake-model-process';

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

const settings: FakeModelSettings = { firstTokenMs, tokensPerSecond, words, products };
const modelProcess = fork(
  fileURLToPath(new URL('./fake-model-process.ts', import.meta.url)),
  [JSON.stringify(settings)],
  { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
const next = <T>(type: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const typed = message as { type: string } & T;
      if (typed.type !== type) return;
      modelProcess.off('message', onMessage);
      resolve(typed);
    };
    modelProcess.on('message', onMessage);
    modelProcess.once('error', reject);
  });
const { url } = await next<{ url: string }>('listening');

const store = openTestStore(':memory:', 120);
const company = snapshotOf(store, '2024-05-01');
store.close();
const llm = createOllamaClient({ host: url, numCtx: 16_384, keepAlive: '5m' });
try {
  const cpuBefore = process.cpuUsage();
  const run = await runEval({
    suites: [suite],
    repeat,
    concurrency,
    mode: 'live',
    recordingsDir: '/nonexistent',
    ollamaHost: url,
    signal: new AbortController().signal,
    company,
    llm,
  });
  const cpu = process.cpuUsage(cpuBefore);
  modelProcess.send({ type: 'stats' });
  const { scheduledModelMs } = await next<{ scheduledModelMs: number }>('stats');
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
    `  runner process CPU                ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
    `  overhead = wall - scheduled model time / concurrency: ${(overhead / 1000).toFixed(2)} s = ${((100 * overhead) / run.wallMs).toFixed(1)}% of wall time (target < 5%)`,
    `  overhead = wall - client-seen model time / concurrency: ${(overheadMeasured / 1000).toFixed(2)} s = ${((100 * overheadMeasured) / run.wallMs).toFixed(1)}% of wall time`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  modelProcess.send({ type: 'close' });
}
