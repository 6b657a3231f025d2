import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedLlm } from '../../test/support/scripted-llm';
import { openTestStore } from '../../test/support/test-store';
import { InvalidInputError } from '../errors';
import { createStoreToolContext } from '../store/tool-context';
import type { Store } from '../store/store';
import { buildSopFacts } from '../../tools/sop/build-sop-facts';
import { generateReport, type GenerateReportDeps } from './generate-report';

const logger = pino({ level: 'silent' });
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function deps(overrides: Partial<GenerateReportDeps> = {}): GenerateReportDeps {
  store = openTestStore(':memory:', 120);
  const opened = store;
  const clock = () => new Date('2024-05-02T07:00:00Z');
  return {
    store: opened,
    toolContext: (signal) => createStoreToolContext(opened, { signal, now: clock, logger }),
    clock,
    logger,
    ...overrides,
  };
}

describe('generateReport', () => {
  it('gives the same facts by default (the worker-thread path) as buildSopFacts (else large stores get other numbers)', async () => {
    const generateDeps = deps();
    const report = await generateReport(generateDeps, {
      month: '2024-03',
      scope: {},
      language: 'en',
      trigger: 'manual',
    });
    const direct = buildSopFacts(generateDeps.toolContext(new AbortController().signal), {
      month: '2024-03',
      scope: {},
    });
    expect(report.facts).toEqual(direct);
  });

  it('awaits an asynchronous buildFacts (else a pending promise would be saved as the facts)', async () => {
    let calls = 0;
    const generateDeps = deps({
      buildFacts: async (context, request) => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return buildSopFacts(context, request);
      },
    });
    const report = await generateReport(generateDeps, {
      month: '2024-03',
      scope: {},
      language: 'en',
      trigger: 'manual',
    });
    expect(calls).toBe(1);
    expect(report.facts.month).toBe('2024-03');
    expect(report.facts.kpis.length).toBeGreaterThan(0);
  });

  it('computes the facts, writes the template narrative without a model and saves the report', async () => {
    const generateDeps = deps();
    const report = await generateReport(generateDeps, {
      month: '2024-03',
      scope: {},
      language: 'en',
      trigger: 'manual',
    });
    expect(report.month).toBe('2024-03');
    expect(report.facts.month).toBe('2024-03');
    expect(report.narrativeSource).toBe('template');
    expect(report.fallbackReason).toBeUndefined();
    expect(report.narrative.headline.length).toBeGreaterThan(0);
    expect(report.createdAt).toBe('2024-05-02T07:00:00.000Z');
    expect(store?.reports.get(report.id)).toEqual(report);
  });

  it('has the model write the narrative when one is given, with its model and prompt version', async () => {
    const llm = scriptedLlm([
      {
        chunks: [
          JSON.stringify({
            headline: 'Demand was steady in the month.',
            keyIssues: ['Sales held at their usual level.'],
            decisions: [],
          }),
        ],
      },
    ]);
    const report = await generateReport(deps({ llm, chatModel: 'qwen3:8b' }), {
      month: '2024-03',
      scope: {},
      language: 'en',
      trigger: 'api',
    });
    expect(llm.requests).toHaveLength(1);
    expect(report.narrativeSource).toBe('model');
    expect(report.model).toBe('qwen3:8b');
    expect(report.promptVersion).toMatch(/sop/);
    expect(report.narrative.headline).toBe('Demand was steady in the month.');
  });

  it('writes the template when narrate is false, even with a model (else --no-narrate calls the model)', async () => {
    const llm = scriptedLlm([]);
    const report = await generateReport(deps({ llm, chatModel: 'qwen3:8b' }), {
      month: '2024-03',
      scope: {},
      language: 'es',
      trigger: 'manual',
      narrate: false,
    });
    expect(llm.requests).toHaveLength(0);
    expect(report.narrativeSource).toBe('template');
  });

  it('rejects a malformed month and an unknown location with the field named', async () => {
    await expect(
      generateReport(deps(), { month: '2024-13', scope: {}, language: 'en', trigger: 'api' }),
    ).rejects.toThrow(/^month "2024-13" must be a month YYYY-MM, e.g. 2026-10$/);
    store?.close();
    await expect(
      generateReport(deps(), {
        month: '2024-03',
        scope: { locations: ['Tacna'] },
        language: 'en',
        trigger: 'api',
      }),
    ).rejects.toSatisfy(
      (error) => error instanceof InvalidInputError && /locations?/.test(error.message),
    );
  });
});
