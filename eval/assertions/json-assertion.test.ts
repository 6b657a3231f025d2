import { describe, expect, it } from 'vitest';
import { caseOutput, score } from './case-output-fixture';

const schema = {
  type: 'object',
  properties: {
    sku: { type: 'string' },
    units: { type: 'integer', minimum: 0 },
    grain: { enum: ['day', 'week', 'month'] },
    periods: { type: 'array', items: { type: 'number' } },
  },
  required: ['sku', 'units'],
};

describe('is-json', () => {
  it('passes on JSON output and fails on prose naming the parse error, otherwise free text passes as data', async () => {
    expect((await score({ type: 'is-json' }, caseOutput({ output: '{"a": 1}' }))).pass).toBe(true);
    const prose = await score({ type: 'is-json' }, caseOutput({ output: 'Claro: {"a": 1}' }));
    expect(prose.pass).toBe(false);
    expect(prose.reason).toContain('not JSON');
    expect((await score({ type: 'not-is-json' }, caseOutput({ output: 'hola' }))).pass).toBe(true);
  });

  it('validates against a JSON Schema: type, required, enum, minimum, items', async () => {
    const good = caseOutput({
      output: '{"sku": "GRA-005", "units": 12, "grain": "week", "periods": [1, 2]}',
    });
    expect((await score({ type: 'is-json', value: schema }, good)).pass).toBe(true);
    const bad = caseOutput({ output: '{"units": -1, "grain": "year", "periods": ["x"]}' });
    const result = await score({ type: 'is-json', value: schema }, bad);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('does not fit the schema');
    expect(result.reason).toMatch(/sku/);
    expect(result.reason).toMatch(/units: Too small/);
    expect(result.reason).toMatch(/grain/);
  });

  it('a schema given as a JSON string works and an unsupported schema fails saying so', async () => {
    const good = caseOutput({ output: '{"sku": "A", "units": 1}' });
    expect((await score({ type: 'is-json', value: JSON.stringify(schema) }, good)).pass).toBe(true);
    const unsupported = await score({ type: 'is-json', value: { type: 'bogus' } }, good);
    expect(unsupported.pass).toBe(false);
    expect(unsupported.reason).toContain('not a JSON Schema this runner can check');
  });
});
