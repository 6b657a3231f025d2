// Sinks for the daily tables (sales, inventory): resolve SKU and location, reject a (date, SKU,
// location) seen earlier in the file, and queue the row for a sorted batch upsert.
import { Invalid } from './cells';
import { createIsoDateFormatter, DATE_RANGE } from './date-cells';
import { DailyBatch } from './daily-batch';
import { DeferredIndexes } from './deferred-indexes';
import { DeferredSalesRollup } from './deferred-rollup';
import { CodeResolver, FirstLines } from './keys';
import {
  inventoryRules,
  recordParsers,
  salesRules,
  type InventoryRow,
  type RecordParsers,
  type SalesRow,
} from './kinds';
import {
  duplicateFix,
  makeSink,
  rawField,
  slashDateNotice,
  upsertSql,
  type Reporter,
  type Sink,
  type SinkOptions,
} from './sink-common';

interface DailyRow {
  date: number;
  sku: string;
  location: string;
}

/** The shared steps; `values` fills the row's numbers (NaN = NULL) for the batch. */
function dailySink<Row extends DailyRow>(
  options: SinkOptions,
  parsers: RecordParsers<Row>,
  table: 'sales' | 'inventory',
  valueColumns: readonly string[],
  fill: (row: Row, values: number[]) => void,
): Sink {
  const { database, format } = options;
  const warnings: string[] = [];
  const resolver = new CodeResolver(database, options.createMissing);
  const firstLines = new FirstLines();
  const iso = createIsoDateFormatter();
  const noteSlashDate = slashDateNotice(warnings, format);
  const statement = database.prepare(
    upsertSql(table, ['sku_id', 'location_id', 'date'], valueColumns),
  );
  const indexes = new DeferredIndexes(database, table);
  // A file of at least one full buffer: the monthly rollup is rebuilt once for the months it
  // touched; into a table of fewer rows, the indexes are built after it too.
  const rollup = table === 'sales' ? new DeferredSalesRollup(database) : undefined;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  const batch = new DailyBatch(statement, valueColumns.length, iso, (rows) => {
    rollup?.suspend();
    indexes.dropIfSmall(rows);
  });
  const values: number[] = [];
  const raw = rawField(options.positions);

  const accept = (row: Row, record: string[], line: number, report: Reporter, write: boolean) => {
    const skuId = resolver.productId(row.sku);
    const locationId = resolver.locationId(row.location);
    if (skuId instanceof Invalid) report('sku', raw(record, 'sku'), skuId);
    if (locationId instanceof Invalid) report('location', raw(record, 'location'), locationId);
    if (skuId instanceof Invalid || locationId instanceof Invalid) return false;
    const first = firstLines.dailyKey(row.date - DATE_RANGE.first, skuId, locationId, line);
    if (first !== undefined) {
      report(
        null,
        null,
        new Invalid(
          `duplicate of line ${first}: same date, sku and location (${iso(row.date)}, ${row.sku}, ${row.location})`,
          duplicateFix('date, SKU and location'),
        ),
      );
      return false;
    }
    noteSlashDate(raw(record, 'date') ?? '', row.date, line);
    if (!write) return true;
    values.length = 0;
    fill(row, values);
    batch.add(skuId, locationId, row.date, values);
    if (row.date < firstDay) firstDay = row.date;
    if (row.date > lastDay) lastDay = row.date;
    return true;
  };
  return makeSink<Row>(parsers, accept, resolver, warnings, () => {
    batch.flush();
    indexes.restore();
    if (firstDay <= lastDay) rollup?.restore(iso(firstDay), iso(lastDay));
  });
}

const orNaN = (value: number | null | undefined) => (value == null ? NaN : value);

export function createSalesSink(options: SinkOptions): Sink {
  const has = (column: string) => options.positions.has(column);
  const valueColumns = ['units', 'revenue', 'price', 'promo', 'stockout'].filter(
    (column) => column === 'units' || has(column),
  );
  const revenue = has('revenue');
  const price = has('price');
  const promo = has('promo');
  const stockout = has('stockout');
  return dailySink<SalesRow>(
    options,
    recordParsers(salesRules(options.format), options.positions),
    'sales',
    valueColumns,
    (row, values) => {
      values.push(row.units);
      if (revenue) values.push(orNaN(row.revenue));
      if (price) values.push(orNaN(row.price));
      if (promo) values.push(row.promo ? 1 : 0);
      if (stockout) values.push(row.stockout ? 1 : 0);
    },
  );
}

export function createInventorySink(options: SinkOptions): Sink {
  const onOrder = options.positions.has('on_order');
  return dailySink<InventoryRow>(
    options,
    recordParsers(inventoryRules(options.format), options.positions),
    'inventory',
    onOrder ? ['on_hand', 'on_order'] : ['on_hand'],
    (row, values) => {
      values.push(row.on_hand);
      if (onOrder) values.push(orNaN(row.on_order));
    },
  );
}
