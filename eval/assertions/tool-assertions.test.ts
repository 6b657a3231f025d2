import { describe, expect, it } from 'vitest';
import type { CatalogProduct } from '../../tools/tool-context';
import { caseOutput, score, toolCall } from './case-output-fixture';

const catalogue: CatalogProduct[] = [
  {
    sku: 'GRA-005',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
  },
  {
    sku: 'GRA-006',
    name: 'Quinoa roja 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
  },
  {
    sku: 'LAC-001',
    name: 'Leche evaporada 400 g',
    category: 'dairy',
    launchDate: null,
    lifecycleStage: null,
  },
];

const forecastRun = caseOutput({
  toolCalls: [
    toolCall('forecast_demand', { product: 'quinua blanca 500g', grain: 'month', horizon: 3 }),
  ],
});
const salesRun = caseOutput({
  toolCalls: [toolCall('query_sales', { product: 'GRA-005', grain: 'month' })],
});

describe('tool-called', () => {
  it('passes when the named tool was called, otherwise a right run is marked wrong', async () => {
    const result = await score({ type: 'tool-called', tool: 'forecast_demand' }, forecastRun);
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it('fails on the wrong tool naming both, otherwise an evaluator cannot see what the model did', async () => {
    const result = await score({ type: 'tool-called', tool: 'forecast_demand' }, salesRun);
    expect(result.pass).toBe(false);
    expect(result.reason).toBe('expected forecast_demand, called query_sales');
    const none = await score({ type: 'tool-called', tool: 'forecast_demand' }, caseOutput());
    expect(none.reason).toBe('expected forecast_demand, no tool was called');
  });

  it('checks `times` exactly and `order` as a subsequence, otherwise repeated or misordered calls pass', async () => {
    const twice = caseOutput({
      toolCalls: [
        toolCall('query_sales', {}),
        toolCall('search_knowledge', {}),
        toolCall('query_sales', {}),
        toolCall('forecast_demand', {}),
      ],
    });
    expect((await score({ type: 'tool-called', tool: 'query_sales', times: 2 }, twice)).pass).toBe(
      true,
    );
    const once = await score({ type: 'tool-called', tool: 'query_sales', times: 1 }, twice);
    expect(once.pass).toBe(false);
    expect(once.reason).toContain('called 2 time(s)');
    expect(
      (await score({ type: 'tool-called', order: ['query_sales', 'forecast_demand'] }, twice)).pass,
    ).toBe(true);
    const reversed = await score(
      { type: 'tool-called', order: ['forecast_demand', 'query_sales'] },
      twice,
    );
    expect(reversed.pass).toBe(false);
    expect(reversed.reason).toContain(
      'expected forecast_demand then query_sales in that order, called query_sales, search_knowledge, query_sales, forecast_demand',
    );
  });

  it('without a tool name it fails saying so, rather than passing', async () => {
    const result = await score({ type: 'tool-called' }, forecastRun);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('name the tool');
  });
});

describe('tool-args', () => {
  it('passes with the right tool and arguments, the product resolved to its SKU through the catalogue', async () => {
    const result = await score(
      {
        type: 'tool-args',
        tool: 'forecast_demand',
        args: {
          product: { sku: 'GRA-005' },
          grain: { oneOf: ['month', 'week'] },
          horizon: { range: [1, 6] },
          location: { absent: true },
        },
      },
      forecastRun,
      { catalogue },
    );
    expect(result.reason).toContain('every argument as expected');
    expect(result.pass).toBe(true);
  });

  it('fails on a wrong argument naming the argument and its value, otherwise a wrong forecast scope passes', async () => {
    const result = await score(
      {
        type: 'tool-args',
        tool: 'forecast_demand',
        args: { grain: { equals: 'week' }, horizon: { range: [1, 2] } },
      },
      forecastRun,
    );
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('grain is "month", expected "week"');
    expect(result.reason).toContain('horizon is 3, expected [1, 2]');
    expect(result.score).toBe(0);
  });

  it('fails when the product resolves to another SKU, naming what it resolved to', async () => {
    const red = caseOutput({
      toolCalls: [toolCall('forecast_demand', { product: 'quinoa roja' })],
    });
    const result = await score(
      { type: 'tool-args', tool: 'forecast_demand', args: { product: { sku: 'GRA-005' } } },
      red,
      { catalogue },
    );
    expect(result.pass).toBe(false);
    expect(result.reason).toContain(
      'product is "quinoa roja", expected the product GRA-005 (it resolves to GRA-006)',
    );
  });

  it('fails when an ambiguous name resolves to no single product, otherwise the model skipped the clarifying question', async () => {
    const vague = caseOutput({
      toolCalls: [toolCall('forecast_demand', { product: 'quinoa 500 g' })],
    });
    const result = await score(
      { type: 'tool-args', tool: 'forecast_demand', args: { product: { sku: 'GRA-005' } } },
      vague,
      { catalogue },
    );
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('does not resolve');
  });

  it('without a catalogue accepts only the code itself', async () => {
    const byCode = await score(
      { type: 'tool-args', tool: 'query_sales', args: { product: { sku: 'gra-005' } } },
      salesRun,
    );
    expect(byCode.pass).toBe(true);
    const byName = await score(
      { type: 'tool-args', tool: 'forecast_demand', args: { product: { sku: 'GRA-005' } } },
      forecastRun,
    );
    expect(byName.pass).toBe(false);
    expect(byName.reason).toContain('no catalogue was given');
  });

  it('passes when any call of the tool fits, and reports the closest call otherwise', async () => {
    const two = caseOutput({
      toolCalls: [
        toolCall('query_sales', { product: 'LAC-001', grain: 'day' }),
        toolCall('query_sales', { product: 'GRA-005', grain: 'week' }),
      ],
    });
    const fits = await score(
      {
        type: 'tool-args',
        tool: 'query_sales',
        args: { product: { equals: 'GRA-005' }, grain: { regex: '^w' } },
      },
      two,
    );
    expect(fits.pass).toBe(true);
    const none = await score(
      {
        type: 'tool-args',
        tool: 'query_sales',
        args: { product: { equals: 'GRA-005' }, grain: { equals: 'month' } },
      },
      two,
    );
    expect(none.pass).toBe(false);
    expect(none.reason).toContain('best of 2 calls');
    expect(none.reason).toContain('grain is "week", expected "month"');
    expect(none.score).toBe(0.5);
  });

  it('reads nested arguments by dotted path and fails on the wrong tool', async () => {
    const nested = caseOutput({
      toolCalls: [toolCall('optimize_inventory', { policy: { service: 0.95 } })],
    });
    expect(
      (
        await score(
          {
            type: 'tool-args',
            tool: 'optimize_inventory',
            args: { 'policy.service': { range: [0.9, null] } },
          },
          nested,
        )
      ).pass,
    ).toBe(true);
    const wrong = await score(
      { type: 'tool-args', tool: 'forecast_demand', args: { grain: { equals: 'month' } } },
      salesRun,
    );
    expect(wrong.reason).toBe('expected forecast_demand, called query_sales');
  });
});

describe('no-tool', () => {
  it('passes when no tool ran and fails naming the calls otherwise, so chit-chat stays tool-free', async () => {
    expect((await score({ type: 'no-tool' }, caseOutput())).pass).toBe(true);
    const called = await score({ type: 'no-tool' }, salesRun);
    expect(called.pass).toBe(false);
    expect(called.reason).toBe('expected no tool call, called query_sales');
  });

  it('with a tool name only that tool is forbidden', async () => {
    expect((await score({ type: 'no-tool', tool: 'forecast_demand' }, salesRun)).pass).toBe(true);
    const result = await score({ type: 'no-tool', tool: 'query_sales' }, salesRun);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('expected no call of query_sales');
  });
});
