import { describe, expect, it } from 'vitest';
import { caseOutput, score } from './case-output-fixture';

const run = caseOutput({ latencyMs: 4200.4, ttftMs: 950, outputTokens: 380, steps: 3 });

describe('budget assertions', () => {
  it('latency reads promptfoo threshold in ms and fails over budget naming both, otherwise slow models pass', async () => {
    expect((await score({ type: 'latency', threshold: 5000 }, run)).pass).toBe(true);
    const slow = await score({ type: 'latency', threshold: 3000 }, run);
    expect(slow.pass).toBe(false);
    expect(slow.reason).toBe('latency 4200 ms, over the budget of 3000 ms');
    expect((await score({ type: 'not-latency', threshold: 3000 }, run)).pass).toBe(true);
  });

  it('ttft fails over its max and when no token ever came, otherwise a silent run passes', async () => {
    expect((await score({ type: 'ttft', max: 1000 }, run)).pass).toBe(true);
    const late = await score({ type: 'ttft', max: 500 }, run);
    expect(late.pass).toBe(false);
    expect(late.reason).toBe('time to first token 950 ms, over the budget of 500 ms');
    const silent = await score(
      { type: 'ttft', max: 500 },
      caseOutput({ ttftMs: null, outcome: 'error' }),
    );
    expect(silent.pass).toBe(false);
    expect(silent.reason).toContain('outcome error');
  });

  it('tokens and max-steps compare output tokens and model steps with max (inclusive)', async () => {
    expect((await score({ type: 'tokens', max: 380 }, run)).pass).toBe(true);
    const long = await score({ type: 'tokens', max: 200 }, run);
    expect(long).toMatchObject({
      pass: false,
      reason: 'output 380 tokens, over the budget of 200 tokens',
    });
    expect((await score({ type: 'max-steps', max: 3 }, run)).pass).toBe(true);
    expect((await score({ type: 'max-steps', value: 2 }, run)).reason).toBe(
      'the run took 3 model steps, over the budget of 2 model steps',
    );
  });

  it('a budget without a limit fails naming the field to set', async () => {
    const result = await score({ type: 'latency' }, run);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('`threshold` (ms)');
  });
});
