import { describe, expect, it } from 'vitest';
import { caseOutput, score, toolCall } from './case-output-fixture';

const run = caseOutput({
  output: 'Pronóstico: 1,240 unidades',
  toolCalls: [toolCall('forecast_demand', { product: 'GRA-005' })],
  userMessage: 'pronóstico',
});

describe('javascript', () => {
  it('evaluates an expression over output and context (vars, run), otherwise custom checks cannot see tool calls', async () => {
    expect((await score({ type: 'javascript', value: "output.includes('1,240')" }, run)).pass).toBe(
      true,
    );
    const toolCheck =
      "context.run.toolCalls[0].args.product === 'GRA-005' && context.vars.message === 'pronóstico'";
    expect((await score({ type: 'javascript', value: toolCheck }, run)).pass).toBe(true);
    const wrong = await score({ type: 'javascript', value: 'output.length < 5' }, run);
    expect(wrong).toMatchObject({ pass: false, reason: 'the javascript assertion returned false' });
  });

  it('runs a function body with return, and reads a number as a score against threshold', async () => {
    const body = 'const n = Number(output.match(/[\\d,]+/)[0].replace(",", ""));\nreturn n / 2000;';
    const scored = await score({ type: 'javascript', value: body, threshold: 0.5 }, run);
    expect(scored).toMatchObject({ pass: true, score: 0.62 });
    const low = await score({ type: 'javascript', value: body, threshold: 0.7 }, run);
    expect(low.pass).toBe(false);
    expect(low.reason).toContain('0.62 (below threshold 0.7)');
  });

  it('takes { pass, score, reason } as returned', async () => {
    const result = await score(
      { type: 'javascript', value: "return { pass: false, score: 0.3, reason: 'too vague' }" },
      run,
    );
    expect(result).toMatchObject({ pass: false, score: 0.3, reason: 'too vague' });
  });

  it('cannot change the recorded run it reads', async () => {
    await score(
      { type: 'javascript', value: 'context.run.toolCalls.length = 0; return true' },
      run,
    );
    expect(run.toolCalls).toHaveLength(1);
  });

  it('fails on a thrown error, a syntax error and an endless loop instead of hanging, otherwise a bad check stalls the run', async () => {
    const thrown = await score({ type: 'javascript', value: 'output.nope.length > 0' }, run);
    expect(thrown.pass).toBe(false);
    expect(thrown.reason).toContain('threw');
    const syntax = await score({ type: 'javascript', value: 'return (' }, run);
    expect(syntax.reason).toContain('does not compile');
    const started = performance.now();
    const endless = await score({ type: 'javascript', value: 'while (true) {}\nreturn true' }, run);
    expect(endless.pass).toBe(false);
    expect(endless.reason).toContain('timed out');
    expect(performance.now() - started).toBeLessThan(5000);
    const unresolved = await score(
      { type: 'javascript', value: 'return new Promise(() => {})' },
      run,
    );
    expect(unresolved.pass).toBe(false);
    expect(unresolved.reason).toContain('returned a Promise');
  });

  it('not-javascript inverts and a non-boolean result is a configuration error', async () => {
    expect(
      (await score({ type: 'not-javascript', value: "output.includes('error')" }, run)).pass,
    ).toBe(true);
    const text = await score({ type: 'javascript', value: "'yes'" }, run);
    expect(text.pass).toBe(false);
    expect(text.reason).toContain('must return a boolean, a number or { pass, score, reason }');
  });
});
