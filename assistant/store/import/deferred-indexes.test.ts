import { afterEach, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../models/calendar/dates';
import { ImportRejectedError } from '../../errors';
import { openStore, type Store } from '../store';
import { DeferredIndexes } from './deferred-indexes';
import { importText } from './import-fixtures';

let store: Store | undefined;
afterEach(() => store?.close());

const indexSql = (current: Store, table: string) =>
  current.database
    .prepare<[string], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
    )
    .all(table);

function storeWithSeries(skus: number, locations: number): Store {
  const opened = openStore({ path: ':memory:' });
  for (let id = 1; id <= skus; id += 1)
    opened.database
      .prepare("INSERT INTO products (id, sku, name, category) VALUES (?, ?, 'n', 'c')")
      .run(id, `S${id}`);
  for (let id = 1; id <= locations; id += 1)
    opened.database
      .prepare("INSERT INTO locations (id, code, name) VALUES (?, ?, 'n')")
      .run(id, `L${id}`);
  return opened;
}

/** A date-major sales CSV of `rows` rows over S1..S{skus} x L1..L{locations}. */
function salesCsv(rows: number, skus: number, locations: number, lastLine = ''): string {
  const lines = ['date,sku,location,units'];
  const series = skus * locations;
  for (let row = 0; row < rows; row += 1) {
    const day = 19_000 + Math.floor(row / series);
    const pair = row % series;
    lines.push(
      `${formatIsoDate(day)},S${(pair % skus) + 1},L${Math.floor(pair / skus) + 1},${row % 13}`,
    );
  }
  if (lastLine) lines.push(lastLine);
  return `${lines.join('\n')}\n`;
}

describe('DeferredIndexes', () => {
  it('drops the secondary indexes of a table smaller than the import and recreates the same ones (else queries would lose an index)', () => {
    store = storeWithSeries(1, 1);
    const before = indexSql(store, 'sales');
    expect(before.length).toBeGreaterThan(0);
    const indexes = new DeferredIndexes(store.database, 'sales');
    indexes.dropIfSmall(10);
    expect(indexSql(store, 'sales')).toEqual([]);
    indexes.restore();
    expect(indexSql(store, 'sales')).toEqual(before);
  });

  it('keeps the indexes of a table holding at least as many rows as the import (else a small import into a big table would rebuild everything)', () => {
    store = storeWithSeries(1, 1);
    for (let day = 0; day < 5; day += 1)
      store.database
        .prepare('INSERT INTO sales (sku_id, location_id, date, units) VALUES (1, 1, ?, 1)')
        .run(formatIsoDate(19_000 + day));
    const before = indexSql(store, 'sales');
    const indexes = new DeferredIndexes(store.database, 'sales');
    indexes.dropIfSmall(5);
    expect(indexSql(store, 'sales')).toEqual(before);
    indexes.restore();
    expect(indexSql(store, 'sales')).toEqual(before);
  });

  it('leaves the sales indexes in place after a large import into an empty table, and after one that is rejected (else the rollback or the rebuild lost them)', async () => {
    store = storeWithSeries(40, 20);
    const before = indexSql(store, 'sales');
    const report = await importText(store, salesCsv(70_000, 40, 20), { kind: 'sales' }, 1 << 16);
    expect(report.rowsImported).toBe(70_000);
    expect(indexSql(store, 'sales')).toEqual(before);
    const plan = store.database
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM sales WHERE location_id = 3 AND date >= ?')
      .all('2022-01-01');
    expect(JSON.stringify(plan)).toContain('sales_location_date');
    expect(store.database.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');

    store.database.exec('DELETE FROM sales');
    const rejected = await importText(
      store,
      salesCsv(70_000, 40, 20, '2030-01-01,S1,L1,-4'),
      { kind: 'sales' },
      1 << 16,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(rejected).toBeInstanceOf(ImportRejectedError);
    expect(indexSql(store, 'sales')).toEqual(before);
    expect(store.database.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(0);
  });
});
