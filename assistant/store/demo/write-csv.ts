// Writes the demo company as CSV files in the import formats of ARCHITECTURE.md 3.5 (products,
// sales, inventory, supply), plus labelled_anomalies.csv (the detectors' ground truth), streamed.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { formatIsoDate } from '../../../models/calendar/dates';
import { generateForOptions, type DemoOptions, type DemoSummary } from './load';
import type { DemoAnomaly } from './types';

const CHUNK_CHARACTERS = 1 << 20;

/** One CSV cell: quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: ReadonlyArray<string | number | null | undefined>) =>
  `${cells.map(csvCell).join(',')}\n`;

/** A buffered writer that respects the stream's back-pressure. */
class CsvFile {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.buffer.push(csvLine(header));
  }

  async row(cells: ReadonlyArray<string | number | null | undefined>): Promise<void> {
    const line = csvLine(cells);
    this.buffer.push(line);
    this.size += line.length;
    if (this.size >= CHUNK_CHARACTERS) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * Writes products.csv, sales.csv, inventory.csv, supply.csv and labelled_anomalies.csv into
 * `directory` (created if missing) and returns their paths with the summary.
 */
export async function writeDemoCsv(
  directory: string,
  options: DemoOptions,
): Promise<{ files: string[] } & DemoSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  progress('generating the demo company...');
  const company = generateForOptions(options);
  const folder = resolve(directory);
  mkdirSync(folder, { recursive: true });

  const products = new CsvFile(join(folder, 'products.csv'), [
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
  for (const product of company.products) {
    await products.row([
      product.sku,
      product.name,
      product.category,
      product.brand,
      product.uom,
      product.shelfLifeDays,
      product.unitCost,
      product.price,
      product.lifecycleStage,
      product.launchDate,
      product.co2eKgPerUnit,
      product.ean,
    ]);
  }
  await products.close();

  const supply = new CsvFile(join(folder, 'supply.csv'), [
    'sku',
    'location',
    'lead_time_days',
    'lead_time_sd_days',
    'moq',
    'order_cost',
    'holding_cost_rate',
    'supplier',
  ]);
  for (const row of company.supply) {
    await supply.row([
      row.sku,
      row.location,
      row.leadTimeDays,
      row.leadTimeSdDays,
      row.moq,
      row.orderCost,
      row.holdingCostRate,
      row.supplier,
    ]);
  }
  await supply.close();

  const sales = new CsvFile(join(folder, 'sales.csv'), [
    'date',
    'sku',
    'location',
    'units',
    'revenue',
    'price',
    'promo',
    'stockout',
  ]);
  const inventory = new CsvFile(join(folder, 'inventory.csv'), [
    'date',
    'sku',
    'location',
    'on_hand',
    'on_order',
  ]);
  let salesRows = 0;
  const anomalies: DemoAnomaly[] = [];
  const total = company.listings.length;
  let done = 0;
  let reported = 0;
  for (const series of company.series()) {
    const sku = series.listing.product.sku;
    const location = series.listing.location.code;
    for (let index = 0; index < series.length; index += 1) {
      const date = company.isoDate(series.firstDay + index);
      await sales.row([
        date,
        sku,
        location,
        series.units[index],
        series.revenue[index],
        series.price[index],
        series.promo[index],
        series.stockout[index],
      ]);
      await inventory.row([date, sku, location, series.onHand[index], series.onOrder[index]]);
    }
    salesRows += series.length;
    anomalies.push(...series.anomalies);
    done += 1;
    const percent = Math.floor((done / total) * 10) * 10;
    if (percent > reported) {
      reported = percent;
      progress(`sales and inventory ${percent}% (${done}/${total} SKU x location series)`);
    }
  }
  await sales.close();
  await inventory.close();

  const labelled = new CsvFile(join(folder, 'labelled_anomalies.csv'), [
    'sku',
    'location',
    'start_date',
    'end_date',
    'kind',
    'magnitude',
    'note',
  ]);
  for (const anomaly of anomalies) {
    await labelled.row([
      anomaly.sku,
      anomaly.location,
      anomaly.startDate,
      anomaly.endDate,
      anomaly.kind,
      anomaly.magnitude,
      anomaly.note,
    ]);
  }
  await labelled.close();

  return {
    files: [products, sales, inventory, supply, labelled].map((file) => file.path),
    products: company.products.length,
    locations: company.locations.length,
    salesRows,
    inventoryRows: salesRows,
    anomalies: anomalies.length,
    from: formatIsoDate(company.startDay),
    to: formatIsoDate(company.endDay),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
