// CI replay of the shipped suites (issue 10): every case of eval/suites runs through the real agent
// and tools with the model exchanges served from eval/recordings (made with the reference model,
// eval/reference-model/), no Ollama needed. Every case must come out as expected: passing for
// ollama:chat:reference, failing for ollama:chat:reference-weak (the regressions suite).
import { describe, expect, it } from 'vitest';
import { loadSuites } from './load-suite';
import { referenceModels } from './reference-model/reference-server';
import { shippedSuitesDir, shippedSuiteTools } from './reference-model/shipped-tools';
import { defaultRecordingsDir, runEval } from './runner/run-eval';

describe('the shipped suites replayed from their recordings', () => {
  it('replay without a miss, every reference case passes and every weak-model case fails, in under 2 minutes', async () => {
    const started = performance.now();
    const suites = await loadSuites(shippedSuitesDir);
    const run = await runEval({
      suites,
      repeat: 1,
      concurrency: 2,
      mode: 'replay',
      replayTiming: 'instant',
      recordingsDir: defaultRecordingsDir,
      ollamaHost: 'http://127.0.0.1:9',
      judge: referenceModels.judge,
      tools: shippedSuiteTools,
      signal: AbortSignal.timeout(590_000),
    });
    const wallMs = performance.now() - started;
    console.log(
      `shipped suites replayed: ${run.results.length} runs of ${suites.reduce((sum, suite) => sum + suite.cases.length, 0)} cases in ${Math.round(wallMs)} ms`,
    );
    expect(run.replayMisses, 'a request the recordings do not hold: re-record').toEqual([]);
    const unexpected = run.results
      .filter((result) => result.pass === result.provider.endsWith(`:${referenceModels.weak}`))
      .map(
        (result) =>
          `${result.provider} ${result.prompt} ${result.caseId}: ${
            result.pass
              ? 'passed'
              : result.assertions
                  .filter((outcome) => !outcome.pass)
                  .map((outcome) => `${outcome.type}: ${outcome.reason}`)
                  .join(' | ')
          }`,
      );
    expect(unexpected, 'cases whose outcome is not the expected one').toEqual([]);
    const cases = new Set(run.results.map((result) => result.caseId));
    expect(cases.size).toBeGreaterThanOrEqual(60);
    expect(run.results.filter((result) => !result.pass).length).toBeGreaterThan(0);
  }, 600_000);
});
