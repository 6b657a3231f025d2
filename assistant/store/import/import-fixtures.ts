// Test fixtures for the import tests: a small seeded store, byte sources cut into chunks, and
// row counts of every table the import may touch.
import { expect } from 'vitest';
import { ImportRejectedError } from '../../errors';
import { openStore, type Store } from '../store';
import { importCsv, type ImportOptions, type ImportReport } from './import-csv';

/** An in-memory store with two products, two locations and one sales row. */
export function seededStore(): Store {
  const store = openStore({ path: ':memory:' });
  const product = {
    brand: null,
    uom: 'unit',
    shelfLifeDays: 365,
    unitCost: 4.2,
    price: 7.9,
    lifecycleStage: 'mature',
    launchDate: null,
    co2eKgPerUnit: null,
    ean: null,
  };
  const quinoa = store.products.upsert({
    ...product,
    sku: 'QUI-500',
    name: 'Quinoa',
    category: 'grains',
  });
  store.products.upsert({ ...product, sku: 'YOG-1L', name: 'Yogurt', category: 'dairy' });
  const lima = store.locations.upsert({
    code: 'LIM-DC1',
    name: 'Lima DC',
    region: 'Lima',
    city: 'Lima',
    kind: 'dc',
    sizeFactor: 1,
  });
  store.locations.upsert({
    code: 'AQP-DC',
    name: 'Arequipa DC',
    region: 'Sur',
    city: 'Arequipa',
    kind: 'dc',
    sizeFactor: 0.5,
  });
  store.sales.upsert({
    skuId: quinoa,
    locationId: lima,
    date: '2023-12-31',
    units: 9,
    revenue: 71.1,
    price: 7.9,
    promo: false,
    stockout: false,
  });
  return store;
}

/** The content as a stream of chunks of `size` bytes (small sizes cut lines and characters). */
export async function* chunked(content: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

export interface TableCounts {
  products: number;
  locations: number;
  sales: number;
  inventory: number;
  supply: number;
}

export function tableCounts(store: Store): TableCounts {
  const count = (table: string) =>
    store.database.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1;
  return {
    products: count('products'),
    locations: count('locations'),
    sales: count('sales'),
    inventory: count('inventory'),
    supply: count('supply'),
  };
}

/** A dump of every table, to show that a rejected import changed nothing at all. */
export function snapshot(store: Store): string {
  return ['products', 'locations', 'sales', 'inventory', 'supply']
    .map((table) => JSON.stringify(store.database.prepare(`SELECT * FROM ${table}`).all()))
    .join('\n');
}

export type ImportCall = Omit<ImportOptions, 'source' | 'fileName'> & { fileName?: string };

export function importText(
  store: Store,
  content: string | Uint8Array,
  options: ImportCall,
  chunkSize = 7,
): Promise<ImportReport> {
  return importCsv(store.database, {
    fileName: options.fileName ?? `${options.kind}.csv`,
    ...options,
    source: chunked(content, chunkSize),
  });
}

/** Imports content that must be rejected; checks nothing was written and returns the report. */
export async function expectRejected(
  store: Store,
  content: string | Uint8Array,
  options: ImportCall,
): Promise<ImportReport> {
  const before = snapshot(store);
  const error = await importText(store, content, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportRejectedError);
  expect(snapshot(store)).toBe(before);
  expect(store.database.inTransaction).toBe(false);
  const report = (error as ImportRejectedError).details as ImportReport;
  expect(report.rowsImported).toBe(0);
  expect(report.problemCount).toBeGreaterThan(0);
  expect((error as Error).message.split('\n')).toHaveLength(1);
  return report;
}
