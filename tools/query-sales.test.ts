import { describe, expect, it } from 'vitest';
import { createMemoryToolContext, type MemorySalesRow } from './memory-tool-context';
import { querySalesInput, querySalesOutput, querySalesTool } from './query-sales';
import type { CatalogLocation, CatalogProduct } from './tool-context';
import { ResolutionError } from './tool-errors';

const products: CatalogProduct[] = [
  {
    sku: 'GRA-005',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
  },
  {
    sku: 'DAI-001',
    name: 'Yogurt bebible fresa 1 L',
    category: 'dairy',
    launchDate: null,
    lifecycleStage: null,
  },
];
const locations: CatalogLocation[] = [
  { code: 'LIM-CALLAO', name: 'CD Lima Callao', region: 'Lima', city: 'Callao' },
  { code: 'LIM-ATE', name: 'CD Lima Ate', region: 'Lima', city: 'Lima' },
  { code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' },
];

// 2024-01-29 (Mon) to 2024-02-04 (Sun): each SKU x location sells day-of-month units.
const sales: MemorySalesRow[] = [];
for (const date of ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02']) {
  for (const product of products) {
    for (const location of locations) {
      const units = Number(date.slice(8));
      sales.push({
        date,
        sku: product.sku,
        location: location.code,
        units,
        revenue: units * 2,
        promo: date === '2024-02-01',
      });
    }
  }
}

const context = createMemoryToolContext({ products, locations, sales });

async function query(input: unknown) {
  return querySalesOutput.parse(
    await querySalesTool.execute(querySalesInput.parse(input), context),
  );
}

describe('query_sales', () => {
  it('totals a product by month over a region, or months and regions would not add up', async () => {
    const output = await query({ product: 'quinoa blanca', location: 'Lima' });
    expect(output.scope).toMatchObject({ sku: 'GRA-005', locations: ['LIM-CALLAO', 'LIM-ATE'] });
    expect(output.rows.map((row) => [row.period, row.units])).toEqual([
      ['2024-01-01', (29 + 30 + 31) * 2],
      ['2024-02-01', (1 + 2) * 2],
    ]);
    expect(output.totals).toEqual({ units: 186, revenue: 372 });
  });

  it('splits weeks by location and keeps the promotion counts', async () => {
    const output = await query({ category: 'dairy', grain: 'week', groupBy: ['location'] });
    expect(output.rows).toHaveLength(3);
    expect(output.rows[0]).toMatchObject({
      period: '2024-01-29',
      location: 'AQP',
      units: 93,
      promoRows: 1,
    });
  });

  it('filters by inclusive dates and truncates at the limit with totals over every row', async () => {
    const output = await query({ grain: 'day', from: '2024-01-30', to: '2024-02-01', limit: 2 });
    expect(output.rows.map((row) => row.period)).toEqual(['2024-01-30', '2024-01-31']);
    expect(output).toMatchObject({ rowCount: 2, truncated: true });
    expect(output.totals.units).toBe((30 + 31 + 1) * 6);
  });

  it('rejects an unknown location and a reversed date range with the field named', async () => {
    await expect(query({ location: 'Tacna' })).rejects.toBeInstanceOf(ResolutionError);
    const parsed = querySalesInput.safeParse({ from: '2024-02-01', to: '2024-01-01' });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['from'] });
    expect(querySalesInput.safeParse({ from: '2024-02-30' }).success).toBe(false);
  });

  it('gives the model at most 40 rows and the totals', async () => {
    const output = await query({ grain: 'day', groupBy: ['sku', 'location'] });
    const summary = querySalesTool.toModelOutput(output) as {
      rows: unknown[];
      rowsNotShown?: number;
      totalUnits: number;
    };
    expect(output.rows).toHaveLength(30);
    expect(summary.rows).toHaveLength(30);
    const many = { ...output, rows: [...output.rows, ...output.rows], rowCount: 60 };
    const shortened = querySalesTool.toModelOutput(many) as {
      rows: unknown[];
      rowsNotShown?: number;
    };
    expect(shortened.rows).toHaveLength(40);
    expect(shortened.rowsNotShown).toBe(20);
    expect(summary.totalUnits).toBe(output.totals.units);
  });
});
