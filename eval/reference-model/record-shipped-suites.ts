// Records the shipped suites with the reference model: starts the Ollama-protocol test server
// playing `reference` and `reference-weak` (reference-server.ts), runs every suite in eval/suites
// in record mode through runEval (the code behind `ayni eval --record`) for each suite's providers
// and prompt versions, and writes eval/recordings/. Usage:
//   npx tsx eval/reference-model/record-shipped-suites.ts [--filter TAG] [--concurrency N]
import { loadSuites } from '../load-suite';
import { defaultRecordingsDir, runEval } from '../runner/run-eval';
import { referenceModels, startReferenceOllama } from './reference-server';
import { shippedSuitesDir, shippedSuiteTools } from './shipped-tools';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const suites = await loadSuites(shippedSuitesDir);
  const server = await startReferenceOllama(suites.flatMap((suite) => suite.cases));
  const started = performance.now();
  try {
    const filter = flag('--filter');
    const run = await runEval({
      suites,
      repeat: 1,
      concurrency: Number(flag('--concurrency') ?? 2),
      ...(filter ? { filter } : {}),
      mode: 'record',
      tools: shippedSuiteTools,
      recordingsDir: defaultRecordingsDir,
      ollamaHost: server.url,
      judge: referenceModels.judge,
      signal: AbortSignal.timeout(15 * 60_000),
      onProgress: ({ done, total, last }) => {
        if (!last.pass || done % 20 === 0 || done === total)
          process.stdout.write(
            `${done}/${total} ${last.pass ? 'pass' : 'FAIL'} ${last.provider} ${last.prompt} ${last.caseId}${
              last.pass
                ? ''
                : `: ${last.assertions
                    .filter((item) => !item.pass)
                    .map((item) => `${item.type}: ${item.reason}`)
                    .join(' | ')}`
            }\n`,
          );
      },
    });
    const failed = run.results.filter((result) => !result.pass);
    console.log(
      `recorded ${run.results.length} runs in ${Math.round(performance.now() - started)} ms; ${failed.length} failed; files: ${run.recordingsWritten.length}`,
    );
  } finally {
    await server.close();
  }
}

await main();
