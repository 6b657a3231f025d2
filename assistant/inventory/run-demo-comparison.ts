// npm run bench:inventory's third part: loads the demo company (seed 1) into an in-memory store and
// prints the recommended-vs-current comparison (demo-comparison.ts). Options: --seed N (the demo
// company's seed, default 1; another seed is another company), --today YYYY-MM-DD
// (default 2026-11-20), --replications N (20), --horizon N (90), --categories a,b (all),
// --measure fill_rate|cycle_service_level, --match-current (each item's reorder point raised by
// simulation until its fill rate and cycle service reach its current policy's: the equal-service
// comparison), --json.
import { pathToFileURL } from 'node:url';
import { openStore } from '../store/store';
import { loadDemoCompany } from '../store/demo/load';
import { createStoreToolContext } from '../store/tool-context';
import { formatDemoComparison, runDemoComparison } from './demo-comparison';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function whole(args: readonly string[], name: string, fallback: number, minimum = 2): number {
  const text = option(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name}: expected a whole number >= ${minimum}, got ${text}`);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const today = option(args, '--today') ?? '2026-11-20';
  const measure = option(args, '--measure') ?? 'fill_rate';
  if (measure !== 'fill_rate' && measure !== 'cycle_service_level') {
    throw new RangeError(`--measure: use fill_rate or cycle_service_level, got ${measure}`);
  }
  const store = openStore({ path: ':memory:' });
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  const seed = whole(args, '--seed', 1, 0);
  progress(`loading the demo company (seed ${seed}, today ${today})`);
  loadDemoCompany(store, { seed, today });
  const context = createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: () => new Date(`${today}T12:00:00Z`),
    logger: { debug() {}, info() {}, warn() {} },
  });
  const categories =
    option(args, '--categories')?.split(',') ??
    [...new Set(context.catalog.products().map((product) => product.category))].sort();
  const report = await runDemoComparison({
    context,
    categories,
    horizonDays: whole(args, '--horizon', 90),
    replications: whole(args, '--replications', 20),
    serviceMeasure: measure,
    atLeastCurrentService: args.includes('--match-current'),
    onProgress: progress,
  });
  console.log(
    args.includes('--json') ? JSON.stringify(report, null, 2) : formatDemoComparison(report),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(
      `inventory demo comparison: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
