import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { loadDemoCompany, type DemoOptions } from './load';
import { csvCell, writeDemoCsv } from './write-csv';

const small: DemoOptions = {
  seed: 9,
  today: '2025-10-01',
  years: 1,
  skuCount: 14,
  locationCodes: ['LIM-ATE', 'IQT'],
};

let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

function read(path: string): string[][] {
  return parse(readFileSync(path, 'utf8'), { relaxColumnCount: false }) as string[][];
}

describe('csvCell', () => {
  it('quotes only cells with a comma, quote or line break, doubling quotes', () => {
    expect(csvCell('Quinoa blanca 500 g')).toBe('Quinoa blanca 500 g');
    expect(csvCell('Conservera de Paita, by river')).toBe('"Conservera de Paita, by river"');
    expect(csvCell('Dice "hola"')).toBe('"Dice ""hola"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
  });
});

describe('writeDemoCsv', () => {
  it('writes the import formats of ARCHITECTURE.md 3.5 with the same rows the store load gets', async () => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-demo-csv-'));
    const result = await writeDemoCsv(directory, small);
    expect(result.files.map((file) => basename(file))).toEqual([
      'products.csv',
      'sales.csv',
      'inventory.csv',
      'supply.csv',
      'labelled_anomalies.csv',
    ]);
    const [products, sales, inventory, supply, anomalies] = result.files.map(read);
    expect(products?.[0]).toEqual([
      'sku',
      'name',
      'category',
      'brand',
      'uom',
      'shelf_life_days',
      'unit_cost',
      'price',
      'lifecycle_stage',
      'launch_date',
      'co2e_kg_per_unit',
      'ean',
    ]);
    expect(sales?.[0]).toEqual([
      'date',
      'sku',
      'location',
      'units',
      'revenue',
      'price',
      'promo',
      'stockout',
    ]);
    expect(inventory?.[0]).toEqual(['date', 'sku', 'location', 'on_hand', 'on_order']);
    expect(supply?.[0]).toEqual([
      'sku',
      'location',
      'lead_time_days',
      'lead_time_sd_days',
      'moq',
      'order_cost',
      'holding_cost_rate',
      'supplier',
    ]);
    expect((products?.length ?? 0) - 1).toBe(result.products);
    expect((sales?.length ?? 0) - 1).toBe(result.salesRows);
    expect((inventory?.length ?? 0) - 1).toBe(result.inventoryRows);
    expect((anomalies?.length ?? 0) - 1).toBe(result.anomalies);
    expect(supply?.some((row) => (row[7] ?? '').includes(', by '))).toBe(true);

    const store = openStore({ path: ':memory:' });
    const loaded = loadDemoCompany(store, small);
    for (const key of [
      'products',
      'locations',
      'salesRows',
      'inventoryRows',
      'anomalies',
      'from',
      'to',
    ] as const) {
      expect(loaded[key], key).toBe(result[key]);
    }
    const fromStore = store.database
      .prepare<[], { units: number; revenue: number; stockouts: number }>(
        'SELECT sum(units) AS units, sum(revenue) AS revenue, sum(stockout) AS stockouts FROM sales',
      )
      .get();
    const rows = (sales ?? []).slice(1);
    expect(rows.reduce((total, row) => total + Number(row[3]), 0)).toBe(fromStore?.units);
    expect(rows.reduce((total, row) => total + Number(row[4]), 0)).toBeCloseTo(
      fromStore?.revenue ?? Number.NaN,
      4,
    );
    expect(rows.reduce((total, row) => total + Number(row[7]), 0)).toBe(fromStore?.stockouts);
    for (const row of rows) {
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number(row[4])).toBeCloseTo(Number(row[3]) * Number(row[5]), 2);
    }
    store.close();
  });
});
