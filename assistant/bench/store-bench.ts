// `ayni bench store`: import throughput and peak memory (in a child process, so its RSS is the
// import's alone), demo-company load time, and the two reference aggregation queries.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadDemoCompany } from '../store/demo/load';
import { openStore } from '../store/store';

const run = promisify(execFile);

export interface StoreBenchResult {
  import: {
    rows: number;
    rowsPerSecond: number;
    peakRssMb: number;
    seconds: number;
    /** One location's units over 30 days on the imported table (its sales_location_date index). */
    locationQueryMs: number;
  };
  demoLoad: {
    seconds: number;
    salesRows: number;
    inventoryRows: number;
    products: number;
    locations: number;
  };
  weeklyOneSkuThreeYears: { sku: string; weeks: number; medianMs: number; minMs: number };
  monthlyCategoryByRegion: { rows: number; medianMs: number; minMs: number };
  targets: Record<string, boolean>;
}

function timeRepeated<T>(
  runs: number,
  work: () => T,
): { result: T; medianMs: number; minMs: number } {
  const times: number[] = [];
  let result = work(); // warm-up: statement preparation and page cache
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    result,
    medianMs: round(times[Math.floor(times.length / 2)] ?? 0),
    minMs: round(times[0] ?? 0),
  };
}

export async function runStoreBench(options: {
  rows: number;
  today: string;
  onProgress?: (message: string) => void;
}): Promise<StoreBenchResult> {
  const importScript = fileURLToPath(new URL('../store/import/import.bench.ts', import.meta.url));
  options.onProgress?.(`importing a ${options.rows.toLocaleString('en')}-row sales CSV…`);
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', importScript, String(options.rows)],
    {
      maxBuffer: 1024 * 1024,
    },
  );
  const imported = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    rows: number;
    rowsPerSecond: number;
    peakRssMb: number;
    seconds: number;
    locationQueryMs: number;
  };

  const directory = mkdtempSync(join(tmpdir(), 'ayni-store-bench-'));
  try {
    const store = openStore({ path: join(directory, 'ayni.db') });
    try {
      options.onProgress?.('loading the demo company…');
      const started = performance.now();
      const summary = loadDemoCompany(store, { seed: 1, today: options.today });
      const demoSeconds = (performance.now() - started) / 1000;

      options.onProgress?.('timing queries…');
      const busiest = store.database
        .prepare<[], { sku: string }>(
          `SELECT p.sku FROM sales s JOIN products p ON p.id = s.sku_id
           GROUP BY p.sku ORDER BY count(*) DESC LIMIT 1`,
        )
        .get();
      if (!busiest) throw new Error('the demo company has no sales');
      const range = store.sales.dateRange();
      const weekly = timeRepeated(21, () =>
        store.sales.aggregate({
          grain: 'week',
          skus: [busiest.sku],
          from: range?.first,
          to: range?.last,
        }),
      );
      const monthly = timeRepeated(5, () =>
        store.sales.aggregate({ grain: 'month', groupBy: ['category', 'region'] }),
      );
      return {
        import: {
          rows: imported.rows,
          rowsPerSecond: imported.rowsPerSecond,
          peakRssMb: imported.peakRssMb,
          seconds: imported.seconds,
          locationQueryMs: imported.locationQueryMs,
        },
        demoLoad: {
          seconds: Math.round(demoSeconds * 100) / 100,
          salesRows: summary.salesRows,
          inventoryRows: summary.inventoryRows,
          products: summary.products,
          locations: summary.locations,
        },
        weeklyOneSkuThreeYears: {
          sku: busiest.sku,
          weeks: weekly.result.length,
          medianMs: weekly.medianMs,
          minMs: weekly.minMs,
        },
        monthlyCategoryByRegion: {
          rows: monthly.result.length,
          medianMs: monthly.medianMs,
          minMs: monthly.minMs,
        },
        targets: {
          'import >= 150,000 rows/s': imported.rowsPerSecond >= 150_000,
          'import peak RSS < 400 MB': imported.peakRssMb < 400,
          'demo load < 30 s': demoSeconds < 30,
          'weekly totals of one SKU < 20 ms': weekly.medianMs < 20,
        },
      };
    } finally {
      store.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
