// One sink per import kind: validates a row's cells (zod), resolves its codes, rejects keys seen
// earlier in the file and upserts by key. Products and supply write row by row; the daily tables
// (daily-sinks.ts) in sorted batches.
import { Invalid, quote } from './cells';
import { createIsoDateFormatter } from './date-cells';
import { createInventorySink, createSalesSink } from './daily-sinks';
import { CodeResolver, FirstLines } from './keys';
import {
  productsRules,
  recordParsers,
  supplyRules,
  type ProductsRow,
  type SupplyRow,
} from './kinds';
import {
  duplicateFix,
  makeSink,
  rawField,
  slashDateNotice,
  upsertSql,
  type Parameter,
  type Sink,
  type SinkOptions,
} from './sink-common';

export type { Reporter, Sink } from './sink-common';

export function createSink(options: SinkOptions): Sink {
  if (options.kind === 'sales') return createSalesSink(options);
  if (options.kind === 'inventory') return createInventorySink(options);
  const { database, format, positions } = options;
  const warnings: string[] = [];
  const present = (names: readonly string[]) => names.filter((name) => positions.has(name));
  const raw = rawField(positions);
  const firstLines = new FirstLines();
  const iso = createIsoDateFormatter();
  const noteSlashDate = slashDateNotice(warnings, format);
  const params: Parameter[] = [];

  if (options.kind === 'products') {
    const values = present([
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
    const upsert = database.prepare(upsertSql('products', ['sku'], values));
    return makeSink<ProductsRow>(
      recordParsers(productsRules(format), positions),
      (row, record, line, report, write) => {
        const first = firstLines.codeKey(row.sku, line);
        if (first !== undefined) {
          report(
            null,
            null,
            new Invalid(
              `duplicate of line ${first}: same sku ${quote(row.sku)}`,
              duplicateFix('SKU'),
            ),
          );
          return false;
        }
        if (row.launch_date != null)
          noteSlashDate(raw(record, 'launch_date') ?? '', row.launch_date, line);
        if (!write) return true;
        params.length = 0;
        params.push(row.sku);
        for (const column of values) {
          const value = row[column as keyof ProductsRow];
          params.push(
            column === 'launch_date' && typeof value === 'number'
              ? iso(value)
              : ((value ?? null) as Parameter),
          );
        }
        upsert.run(params);
        return true;
      },
      undefined,
      warnings,
    );
  }

  const resolver = new CodeResolver(database, options.createMissing);
  const values = present([
    'lead_time_days',
    'lead_time_sd_days',
    'moq',
    'order_cost',
    'holding_cost_rate',
    'supplier',
  ]);
  const upsert = database.prepare(upsertSql('supply', ['sku_id', 'location_id'], values));
  let rateNoted = false;
  return makeSink<SupplyRow>(
    recordParsers(supplyRules(format), positions),
    (row, record, line, report, write) => {
      const skuId = resolver.productId(row.sku);
      const locationId = resolver.locationId(row.location);
      if (skuId instanceof Invalid) report('sku', raw(record, 'sku'), skuId);
      if (locationId instanceof Invalid) report('location', raw(record, 'location'), locationId);
      if (skuId instanceof Invalid || locationId instanceof Invalid) return false;
      const first = firstLines.pairKey(skuId, locationId, line);
      if (first !== undefined) {
        report(
          null,
          null,
          new Invalid(
            `duplicate of line ${first}: same sku and location (${row.sku}, ${row.location})`,
            duplicateFix('SKU and location'),
          ),
        );
        return false;
      }
      if (!rateNoted && row.holding_cost_rate != null && row.holding_cost_rate > 1) {
        rateNoted = true;
        warnings.push(
          `holding_cost_rate ${quote(raw(record, 'holding_cost_rate') ?? '')} on line ${line} means ${Math.round(row.holding_cost_rate * 100)}% of the unit cost a year; write fractions (0.25 = 25%) if that is not meant`,
        );
      }
      if (!write) return true;
      params.length = 0;
      params.push(skuId, locationId);
      for (const column of values)
        params.push((row[column as keyof SupplyRow] ?? null) as Parameter);
      upsert.run(params);
      return true;
    },
    resolver,
    warnings,
  );
}
