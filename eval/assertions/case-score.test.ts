import { describe, expect, it } from 'vitest';
import type { AssertionOutcome } from '../case-result';
import { runFailure, scoreCase } from './case-score';
import { caseOutput, score } from './case-output-fixture';

const outcome = (pass: boolean, weight = 1, value = pass ? 1 : 0): AssertionOutcome => ({
  type: 'contains',
  pass,
  score: value,
  reason: pass ? 'fine' : 'the output lacks "x"',
  weight,
});

describe('scoreCase', () => {
  it('is the weighted mean of scores and fails on any failed assertion, as promptfoo', () => {
    const result = scoreCase([outcome(true, 3), outcome(false, 1)]);
    expect(result.score).toBeCloseTo(0.75, 12);
    expect(result.pass).toBe(false);
    expect(result.failureReason).toBe('contains: the output lacks "x"');
    expect(scoreCase([outcome(true), outcome(true, 2, 0.5)])).toEqual({ pass: true, score: 2 / 3 });
  });

  it('a test threshold decides alone: a failed assertion is tolerated above it', () => {
    expect(scoreCase([outcome(true, 3), outcome(false, 1)], 0.7)).toEqual({
      pass: true,
      score: 0.75,
    });
    const below = scoreCase([outcome(true, 1), outcome(false, 1)], 0.7);
    expect(below.pass).toBe(false);
    expect(below.failureReason).toContain('0.50 is below the threshold 0.7');
  });

  it('no assertions pass with score 1; only weight-0 assertions give score 0 but still fail on a failure', () => {
    expect(scoreCase([])).toEqual({ pass: true, score: 1 });
    expect(scoreCase([outcome(false, 0)]).pass).toBe(false);
    expect(scoreCase([outcome(true, 0)]).score).toBe(0);
  });
});

describe('scoreAssertion bookkeeping', () => {
  it('carries type, weight (default 1) and metric into the outcome, otherwise weighted scores are wrong', async () => {
    const run = caseOutput({ output: 'hola' });
    expect(
      await score({ type: 'contains', value: 'hola', weight: 2, metric: 'greeting' }, run),
    ).toEqual({
      type: 'contains',
      pass: true,
      score: 1,
      reason: 'the output contains "hola"',
      weight: 2,
      metric: 'greeting',
    });
    expect((await score({ type: 'contains', value: 'hola' }, run)).weight).toBe(1);
  });

  it('an unknown type (from a hand-built assertion) fails instead of passing', async () => {
    const result = await score({ type: 'not-tool-called', tool: 'x' }, caseOutput());
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('unknown assertion type "not-tool-called"');
  });
});

describe('runFailure', () => {
  it('fails a run that errored naming the error, otherwise vacuous assertions pass a broken run', () => {
    expect(
      runFailure(caseOutput({ outcome: 'error', errorMessage: 'model_missing: ollama pull x' })),
    ).toEqual({
      type: 'run',
      pass: false,
      score: 0,
      reason: 'the run ended with outcome error: model_missing: ollama pull x',
      weight: 1,
    });
    expect(runFailure(caseOutput({ outcome: 'failed' }))?.pass).toBe(false);
  });

  it('leaves finished runs to their assertions, step limits and stops included', () => {
    for (const outcome of ['answered', 'stopped', 'step_limit'] as const)
      expect(runFailure(caseOutput({ outcome }))).toBeUndefined();
  });
});
