import type { Command } from 'commander';
import { formatIsoDate } from '../../../models/calendar/dates';
import { runStoreBench } from '../../bench/store-bench';
import { action, UsageError } from '../run-command';
import { registerBenchAnomalyCommand } from './bench-anomaly';
import { registerBenchForecastCommand } from './bench-forecast';
import { registerBenchInspectCommand } from './bench-inspect';

export function registerBenchCommand(program: Command): void {
  const bench = program
    .command('bench')
    .description('benchmarks that print figures (not pass/fail tests)');

  bench
    .command('store')
    .description('import throughput and memory, demo load time, aggregation query times')
    .option('--rows <n>', 'rows in the generated sales CSV', '1000000')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (options: { rows: string; json?: boolean }) => {
        const rows = Number(options.rows);
        if (!Number.isInteger(rows) || rows < 1)
          throw new UsageError(`--rows ${options.rows}: give a positive whole number`);
        const progress = process.stderr.isTTY
          ? (message: string) => process.stderr.write(`${message}\n`)
          : undefined;
        const result = await runStoreBench({
          rows,
          today: formatIsoDate(Math.floor(Date.now() / 86_400_000)),
          onProgress: progress,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const lines = [
          `import ${result.import.rows.toLocaleString('en')} sales rows: ${result.import.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${result.import.peakRssMb} MB (${result.import.seconds} s)`,
          `demo company load: ${result.demoLoad.seconds} s (${result.demoLoad.salesRows.toLocaleString('en')} sales rows, ${result.demoLoad.inventoryRows.toLocaleString('en')} inventory rows)`,
          `weekly totals of one SKU (${result.weeklyOneSkuThreeYears.sku}, ${result.weeklyOneSkuThreeYears.weeks} weeks): median ${result.weeklyOneSkuThreeYears.medianMs} ms`,
          `monthly totals by category x region, all data (${result.monthlyCategoryByRegion.rows} rows): median ${result.monthlyCategoryByRegion.medianMs} ms`,
          ...Object.entries(result.targets).map(
            ([target, met]) => `  ${met ? 'met' : 'MISSED'}: ${target}`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  registerBenchForecastCommand(bench);
  registerBenchAnomalyCommand(bench);
  registerBenchInspectCommand(bench);
}
