import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool';
import { describeTools, runTool, toolNames } from './index';
import { createMemoryToolContext } from './memory-tool-context';

const context = createMemoryToolContext({
  products: [
    {
      sku: 'GRA-005',
      name: 'Quinoa blanca 500 g',
      category: 'grains',
      launchDate: null,
      lifecycleStage: null,
    },
    {
      sku: 'GRA-006',
      name: 'Quinoa blanca 1 kg',
      category: 'grains',
      launchDate: null,
      lifecycleStage: null,
    },
  ],
  locations: [{ code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' }],
  sales: [{ date: '2024-01-01', sku: 'GRA-005', location: 'AQP', units: 3 }],
});

describe('tool registry', () => {
  it('lists query_sales, forecast_demand and detect_anomalies with JSON Schemas derived from the zod inputs', () => {
    expect(toolNames).toEqual([
      'query_sales',
      'forecast_demand',
      'detect_anomalies',
      'optimize_inventory',
      'search_knowledge',
      'sop_summary',
      'inspect_packaging',
    ]);
    const forecast = describeTools().find((tool) => tool.name === 'forecast_demand');
    const schema = forecast?.inputSchema as {
      type: string;
      properties: Record<string, { enum?: string[]; default?: unknown }>;
      required?: string[];
      additionalProperties: boolean;
    };
    expect(schema.type).toBe('object');
    expect(schema.properties.grain).toMatchObject({
      enum: ['day', 'week', 'month'],
      default: 'week',
    });
    expect(schema.properties.method?.enum).toContain('ets');
    expect(schema.additionalProperties).toBe(false);
    // defaulted fields are optional for the caller
    expect(schema.required ?? []).toEqual([]);
  });

  it('rejects tool names the model could not call', () => {
    const definition = {
      name: 'Forecast Demand',
      description: 'x',
      input: z.object({}),
      output: z.object({}),
      execute: () => ({}),
      toModelOutput: () => null,
    };
    expect(() => defineTool(definition)).toThrow(/snake_case/);
  });
});

describe('runTool turns failures into data', () => {
  it('runs a tool and returns its result and model summary', async () => {
    const outcome = await runTool('query_sales', { product: 'GRA-005' }, context);
    expect(outcome).toMatchObject({
      ok: true,
      tool: 'query_sales',
      modelOutput: { totalUnits: 3 },
    });
  });

  it('reports an unknown tool with the list of tools', async () => {
    const outcome = await runTool('forecast', {}, context);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'unknown_tool' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('forecast_demand');
  });

  it('reports invalid input with the zod issues by path', async () => {
    const outcome = await runTool(
      'forecast_demand',
      { product: 'GRA-005', horizon: 0, grain: 'year' },
      context,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe('invalid_input');
    expect(outcome.error.issues?.map((issue) => issue.path).sort()).toEqual(['grain', 'horizon']);
  });

  it('reports an ambiguous name with its candidates and an unknown one as not_found', async () => {
    const ambiguous = await runTool('query_sales', { product: 'quinoa' }, context);
    expect(ambiguous).toMatchObject({ ok: false, error: { kind: 'ambiguous', field: 'product' } });
    if (!ambiguous.ok) expect(ambiguous.error.candidates).toHaveLength(2);
    const unknown = await runTool('query_sales', { product: 'ZZZ-1' }, context);
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('reports a horizon beyond the history as invalid input naming the field', async () => {
    const outcome = await runTool(
      'forecast_demand',
      { product: 'GRA-005', grain: 'day', horizon: 5, method: 'naive' },
      context,
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'horizon' },
    });
  });

  it('reports a result that breaks the output schema as a failure, not as data', async () => {
    const broken = defineTool({
      name: 'broken',
      description: 'returns the wrong shape',
      input: z.object({}),
      output: z.object({ total: z.number() }),
      execute: () => ({ total: 'many' }) as unknown as { total: number },
      toModelOutput: (output) => output.total,
    });
    const outcome = await runTool('broken', {}, context, [broken]);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'failed' } });
  });
});
