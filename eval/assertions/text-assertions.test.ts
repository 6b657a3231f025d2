import { describe, expect, it } from 'vitest';
import { caseOutput, score } from './case-output-fixture';

const answer = caseOutput({ output: 'Pronóstico: 1,240 unidades de Quinoa blanca 500 g.' });

describe('promptfoo text assertions', () => {
  it('equals passes on the exact text and fails naming the observed text, otherwise exact answers are misjudged', async () => {
    const exact = caseOutput({ output: 'OK' });
    expect((await score({ type: 'equals', value: 'OK' }, exact)).pass).toBe(true);
    const wrong = await score({ type: 'equals', value: 'OK' }, caseOutput({ output: 'ok.' }));
    expect(wrong.pass).toBe(false);
    expect(wrong.reason).toContain('"ok."');
  });

  it('equals with an object compares the parsed JSON deeply, otherwise key order would matter', async () => {
    const json = caseOutput({ output: '{"b": [1, 2], "a": 1}' });
    expect((await score({ type: 'equals', value: { a: 1, b: [1, 2] } }, json)).pass).toBe(true);
    const other = await score({ type: 'equals', value: { a: 2, b: [1, 2] } }, json);
    expect(other.pass).toBe(false);
    expect(other.reason).toContain('differs');
  });

  it('contains is case-sensitive and icontains is not, otherwise the two would be the same check', async () => {
    expect((await score({ type: 'contains', value: 'Quinoa' }, answer)).pass).toBe(true);
    const lower = await score({ type: 'contains', value: 'quinoa' }, answer);
    expect(lower.pass).toBe(false);
    expect(lower.reason).toContain('does not contain "quinoa"');
    expect((await score({ type: 'icontains', value: 'QUINOA' }, answer)).pass).toBe(true);
    expect((await score({ type: 'icontains', value: 'arroz' }, answer)).pass).toBe(false);
  });

  it('contains-any needs one and contains-all needs every item, from a list or a comma-separated string', async () => {
    expect((await score({ type: 'contains-any', value: ['arroz', 'Quinoa'] }, answer)).pass).toBe(
      true,
    );
    expect((await score({ type: 'contains-any', value: 'arroz, avena' }, answer)).pass).toBe(false);
    expect((await score({ type: 'contains-all', value: 'Quinoa, 500 g' }, answer)).pass).toBe(true);
    const missing = await score({ type: 'contains-all', value: ['Quinoa', 'Lima'] }, answer);
    expect(missing.pass).toBe(false);
    expect(missing.reason).toContain('lacks "Lima"');
  });

  it('regex matches anywhere and names the match; starts-with checks the beginning', async () => {
    const matched = await score({ type: 'regex', value: '\\d[\\d,]* unidades' }, answer);
    expect(matched.pass).toBe(true);
    expect(matched.reason).toContain('"1,240 unidades"');
    expect((await score({ type: 'regex', value: '^\\d' }, answer)).pass).toBe(false);
    expect((await score({ type: 'starts-with', value: 'Pronóstico' }, answer)).pass).toBe(true);
    const start = await score({ type: 'starts-with', value: 'Forecast' }, answer);
    expect(start.pass).toBe(false);
    expect(start.reason).toContain('not "Forecast"');
  });

  it('the not- forms invert pass and score and keep the observed value in the reason', async () => {
    const forbidden = await score({ type: 'not-contains', value: 'Quinoa' }, answer);
    expect(forbidden).toMatchObject({ pass: false, score: 0, type: 'not-contains' });
    expect(forbidden.reason).toContain('contains "Quinoa"');
    expect(forbidden.reason).toContain('not-contains forbids');
    const absent = await score(
      { type: 'not-icontains', value: 'ignore previous instructions' },
      answer,
    );
    expect(absent).toMatchObject({ pass: true, score: 1 });
    expect((await score({ type: 'not-regex', value: 'unidades' }, answer)).pass).toBe(false);
    expect((await score({ type: 'not-equals', value: 'x' }, answer)).pass).toBe(true);
    expect((await score({ type: 'not-starts-with', value: 'Pron' }, answer)).pass).toBe(false);
    expect((await score({ type: 'not-contains-any', value: ['a1', 'b2'] }, answer)).pass).toBe(
      true,
    );
    expect(
      (await score({ type: 'not-contains-all', value: ['Quinoa', 'Lima'] }, answer)).pass,
    ).toBe(true);
  });

  it('an assertion without a usable value fails saying how to fix it rather than passing', async () => {
    const result = await score({ type: 'contains' }, answer);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('cannot be scored: contains: value must be a string');
    const badRegex = await score({ type: 'regex', value: '(' }, answer);
    expect(badRegex.pass).toBe(false);
    expect(badRegex.reason).toContain('not a valid regular expression');
    // A misconfigured assertion must not pass when inverted either.
    expect((await score({ type: 'not-contains' }, answer)).pass).toBe(false);
  });
});
