// Benchmark: import of a generated N-row sales CSV (default 1,000,000) into a temporary file-backed
// store through a dedicated connection. Prints rows/s and peak RSS as JSON.
//   node --import tsx assistant/store/import/import.bench.ts [rows]
// Target (issue "Foundation", part 5): >= 150,000 rows/s and peak RSS under 400 MB.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIsoDate, dayNumberOf } from '../../../models/calendar/dates';
import { openDatabase } from '../database';
import { openStore } from '../store';
import { importCsv } from './import-csv';

const rows = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(rows) || rows < 1) {
  process.stderr.write(`rows: ${JSON.stringify(process.argv[2])} is not a positive whole number\n`);
  process.exit(2);
}

const SKUS = 200;
const LOCATIONS = 20;
const directory = mkdtempSync(join(tmpdir(), 'ayni-import-bench-'));
const storePath = join(directory, 'ayni.db');
const csvPath = join(directory, 'sales.csv');

try {
  const store = openStore({ path: storePath });
  store.transaction(() => {
    for (let index = 0; index < SKUS; index += 1)
      store.products.upsert({
        sku: `SKU-${String(index).padStart(4, '0')}`,
        name: `Product ${index}`,
        category: ['grains', 'dairy', 'snacks', 'drinks'][index % 4] ?? 'grains',
        brand: null,
        uom: 'unit',
        shelfLifeDays: 30 + index,
        unitCost: 2 + (index % 7),
        price: 4 + (index % 9),
        lifecycleStage: 'mature',
        launchDate: null,
        co2eKgPerUnit: null,
        ean: null,
      });
    for (let index = 0; index < LOCATIONS; index += 1)
      store.locations.upsert({
        code: `LOC-${String(index).padStart(2, '0')}`,
        name: `Location ${index}`,
        region: 'Lima',
        city: null,
        kind: 'store',
        sizeFactor: 1,
      });
  });
  store.close();

  // Date-major order, as exports from sales systems come: each day, every SKU at every location.
  const out = createWriteStream(csvPath);
  out.write('date,sku,location,units,revenue,price,promo,stockout\n');
  const first = dayNumberOf(2022, 1, 1);
  let lines: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    const series = row % (SKUS * LOCATIONS);
    const day = first + Math.floor(row / (SKUS * LOCATIONS));
    const sku = series % SKUS;
    const units = (row * 7919) % 53;
    const price = 4 + (sku % 9) + 0.5;
    lines.push(
      `${formatIsoDate(day)},SKU-${String(sku).padStart(4, '0')},LOC-${String(Math.floor(series / SKUS)).padStart(2, '0')},${units},${(units * price).toFixed(2)},${price},${row % 11 === 0 ? 1 : 0},0`,
    );
    if (lines.length === 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await once(out, 'finish');

  const database = openDatabase({ path: storePath });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await importCsv(database, {
    kind: 'sales',
    fileName: 'sales.csv',
    source: createReadStream(csvPath, { highWaterMark: 256 * 1024 }),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const stored = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM sales').get()?.n;
  // A query served by the sales_location_date index (rebuilt after a large import): one
  // location's units over 30 days, median of 21 runs after a warm-up.
  const byLocation = database.prepare<[number, string, string], { units: number }>(
    'SELECT sum(units) AS units FROM sales WHERE location_id = ? AND date BETWEEN ? AND ?',
  );
  const lastDay = first + Math.floor((rows - 1) / (SKUS * LOCATIONS));
  const from = formatIsoDate(Math.max(first, lastDay - 29));
  const times: number[] = [];
  for (let run = 0; run <= 21; run += 1) {
    const queryStarted = performance.now();
    byLocation.get(1 + (run % LOCATIONS), from, formatIsoDate(lastDay));
    if (run > 0) times.push(performance.now() - queryStarted);
  }
  times.sort((a, b) => a - b);
  const locationQueryMs = Math.round((times[10] ?? 0) * 100) / 100;
  database.close();
  process.stdout.write(
    `${JSON.stringify({
      rows,
      fileMb: Math.round(statSync(csvPath).size / 1e5) / 10,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(report.rowsImported / seconds),
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rowsImported: report.rowsImported,
      rowsStored: stored,
      locationQueryMs,
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg().map((value) => Math.round(value * 10) / 10),
    })}\n`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
