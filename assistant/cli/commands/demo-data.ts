// `ayni demo-data`: load the seeded demo company into the store (refusing to overwrite other data
// without --force), or write its CSV files with --out.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { tryParseIsoDate } from '../../../models/calendar/dates';
import { ConflictError } from '../../errors';
import {
  clearPlanningData,
  loadDemoCompany,
  type DemoOptions,
  type DemoSummary,
} from '../../store/demo/load';
import { writeDemoCsv } from '../../store/demo/write-csv';
import { openStore } from '../../store/store';
import { action, configFromEnvironment, UsageError } from '../run-command';

interface DemoDataFlags {
  seed: string;
  out?: string;
  force?: boolean;
  today?: string;
  years: string;
  skuCount?: string;
  json?: boolean;
}

/** Today's date on this machine's calendar (local time), as ISO. */
function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function wholeNumber(flag: string, text: string, minimum: number, maximum: number): number {
  const value = Number(text);
  if (
    !/^\d+$/.test(text.trim()) ||
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > maximum
  ) {
    throw new UsageError(`${flag} "${text}" is not a whole number from ${minimum} to ${maximum}`);
  }
  return value;
}

function describe(summary: DemoSummary, where: string): string {
  const count = (value: number) => value.toLocaleString('en');
  return [
    `${where} in ${summary.seconds} s:`,
    `  ${count(summary.products)} products, ${count(summary.locations)} locations, ${count(summary.salesRows)} sales rows and ${count(summary.inventoryRows)} inventory rows`,
    `  from ${summary.from} to ${summary.to}, ${count(summary.anomalies)} labelled anomalies`,
  ].join('\n');
}

export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description(
      'load the seeded demo company (a Peruvian food distributor: about 150 SKUs, 8 DCs, 3 years of daily sales) into the store at AYNI_DATA_DIR, or write its CSV files with --out',
    )
    .option('--seed <n>', 'random seed; the same seed and --today give the same data', '1')
    .option(
      '--out <dir>',
      'write products, sales, inventory, supply and labelled_anomalies CSVs here instead',
    )
    .option('--force', 'delete the planning data already in the store and load the demo company')
    .option('--today <date>', "sales end the day before this ISO date (default: today's date)")
    .option('--years <n>', 'years of daily history', '3')
    .option('--sku-count <n>', 'a smaller company: this many SKUs spread over the categories')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (flags: DemoDataFlags) => {
        const seed = wholeNumber('--seed', flags.seed, 0, Number.MAX_SAFE_INTEGER);
        const years = wholeNumber('--years', flags.years, 1, 10);
        const today = flags.today ?? localToday();
        if (tryParseIsoDate(today) === undefined) {
          throw new UsageError(`--today "${today}" is not a date: use YYYY-MM-DD, e.g. 2026-03-15`);
        }
        const options: DemoOptions = { seed, today, years };
        if (flags.skuCount !== undefined) {
          options.skuCount = wholeNumber('--sku-count', flags.skuCount, 1, 10_000);
        }
        if (process.stderr.isTTY)
          options.onProgress = (message) => process.stderr.write(`${message}\n`);

        if (flags.out !== undefined) {
          const result = await writeDemoCsv(flags.out, options);
          if (flags.json) process.stdout.write(`${JSON.stringify({ seed, ...result })}\n`);
          else {
            process.stdout.write(
              `${describe(result, `Wrote the demo company (seed ${seed}) to ${resolve(flags.out)}`)}\n`,
            );
            for (const file of result.files) process.stdout.write(`  ${file}\n`);
          }
          return;
        }

        const config = configFromEnvironment();
        const database = resolve(join(config.dataDir, 'ayni.db'));
        const store = openStore({ path: database });
        try {
          let summary: DemoSummary;
          if (!store.isEmpty()) {
            if (!flags.force) {
              throw new ConflictError(
                `the store ${database} already holds data (${store.products.count()} products, ${store.sales.count()} sales rows): add --force to replace it, or set AYNI_DATA_DIR to another folder`,
              );
            }
            summary = store.transaction(() => {
              clearPlanningData(store);
              return loadDemoCompany(store, options);
            });
          } else {
            summary = loadDemoCompany(store, options);
          }
          if (flags.json)
            process.stdout.write(`${JSON.stringify({ seed, database, ...summary })}\n`);
          else
            process.stdout.write(
              `${describe(summary, `Loaded the demo company (seed ${seed}) into ${database}`)}\n`,
            );
        } finally {
          store.close();
        }
      }),
    );
}
