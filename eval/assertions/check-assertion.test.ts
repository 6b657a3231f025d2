import { describe, expect, it } from 'vitest';
import { assertionProblem } from './check-assertion';

describe('assertionProblem', () => {
  it('accepts well-formed assertions of every type, otherwise valid suites are rejected', () => {
    const good = [
      { type: 'equals', value: 'x' },
      { type: 'not-contains', value: 'x' },
      { type: 'contains-any', value: ['a', 'b'] },
      { type: 'regex', value: '\\d+' },
      { type: 'is-json' },
      { type: 'is-json', value: { type: 'object' } },
      { type: 'javascript', value: 'output.length > 0' },
      { type: 'llm-rubric', value: 'Is polite' },
      { type: 'latency', threshold: 1000 },
      { type: 'ttft', max: 500 },
      { type: 'tool-called', tool: 'query_sales' },
      { type: 'tool-called', order: ['query_sales', 'forecast_demand'] },
      { type: 'tool-args', tool: 'query_sales', args: { grain: { regex: '^w' } } },
      { type: 'no-tool' },
      { type: 'grounded' },
      { type: 'cites', value: 'politica.md' },
      { type: 'language', language: 'user' as const },
    ];
    for (const assertion of good)
      expect(assertionProblem(assertion), assertion.type).toBeUndefined();
  });

  it('names the field and the fix for each malformed assertion', () => {
    expect(assertionProblem({ type: 'contains' })).toMatchObject({ field: 'value' });
    expect(assertionProblem({ type: 'regex', value: '[' })?.message).toContain(
      'not a valid regular expression',
    );
    expect(assertionProblem({ type: 'contains-all', value: 3 })?.field).toBe('value');
    expect(assertionProblem({ type: 'javascript', value: 'return (' })?.message).toContain(
      'does not compile',
    );
    expect(assertionProblem({ type: 'is-json', value: { type: 'nope' } })?.message).toContain(
      'JSON Schema',
    );
    expect(assertionProblem({ type: 'llm-rubric' })?.field).toBe('value');
    expect(assertionProblem({ type: 'latency' })).toMatchObject({ field: 'threshold' });
    expect(assertionProblem({ type: 'tokens' })).toMatchObject({ field: 'max' });
    expect(assertionProblem({ type: 'tool-called' })).toMatchObject({ field: 'tool' });
    expect(assertionProblem({ type: 'tool-args', tool: 'x' })).toMatchObject({ field: 'args' });
    expect(assertionProblem({ type: 'cites', value: 3 })).toMatchObject({ field: 'value' });
  });
});
