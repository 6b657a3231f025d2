import { afterEach, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../models/calendar/dates';
import { openStore, type Store } from '../store';
import { DailyBatch } from './daily-batch';

let store: Store | undefined;
afterEach(() => store?.close());

describe('DailyBatch', () => {
  it('writes every queued row once, with its own values, across flushes and id ranges', () => {
    store = openStore({ path: ':memory:' });
    const database = store.database;
    const skus = [1, 2, 3, 2 ** 20 + 5];
    for (const id of skus)
      database
        .prepare("INSERT INTO products (id, sku, name, category) VALUES (?, ?, 'n', 'c')")
        .run(id, `S${id}`);
    for (const id of [1, 2])
      database
        .prepare("INSERT INTO locations (id, code, name) VALUES (?, ?, 'n')")
        .run(id, `L${id}`);
    const statement = database.prepare(
      'INSERT INTO inventory (sku_id, location_id, date, on_hand, on_order) VALUES (?, ?, ?, ?, ?)',
    );
    const batch = new DailyBatch(statement, 2, formatIsoDate);
    const expected = new Map<string, [number, number | null]>();
    let row = 0;
    // Date-major order, as exports come: 9,000 days x 8 series = 72,000 rows (more than one batch).
    for (let day = 19_000; day < 28_000; day += 1)
      for (const sku of skus)
        for (const location of [1, 2]) {
          const onHand = (row * 37) % 101;
          const onOrder = row % 5 === 0 ? null : row % 7;
          batch.add(sku, location, day, [onHand, onOrder ?? NaN]);
          expected.set(`${sku}|${location}|${formatIsoDate(day)}`, [onHand, onOrder]);
          row += 1;
        }
    batch.flush();
    const stored = database
      .prepare<
        [],
        {
          sku_id: number;
          location_id: number;
          date: string;
          on_hand: number;
          on_order: number | null;
        }
      >('SELECT * FROM inventory')
      .all();
    expect(stored).toHaveLength(expected.size);
    for (const record of stored)
      expect([record.on_hand, record.on_order]).toEqual(
        expected.get(`${record.sku_id}|${record.location_id}|${record.date}`),
      );
  });
});
