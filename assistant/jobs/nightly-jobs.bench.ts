// Bench (run with `npx tsx assistant/jobs/nightly-jobs.bench.ts [--db FILE]`): on the demo company
// (seed 1, data to 2026-11-22), the S&OP anomaly review live against the nightly scan's stored
// findings (and that both give the same section), the nightly jobs' own times, and the whole
// S&OP pack before and after the nightly jobs ran. Timings on a shared machine are noisy.
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { buildSopFacts } from '../../tools/sop/build-sop-facts';
import { buildAnomalyReview } from '../../tools/sop/anomaly-review';
import { loadDemoCompany } from '../store/demo/load';
import { openStore } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { scanAnomalies } from './anomaly-scan-job';
import { refreshForecasts } from './forecast-refresh-job';

const silent = { debug() {}, info() {}, warn() {} };
const dbFlag = process.argv.indexOf('--db');
const path = dbFlag > 0 ? process.argv[dbFlag + 1]! : ':memory:';
const store = openStore({ path });
if (!existsSync(path) || store.isEmpty()) {
  const started = performance.now();
  loadDemoCompany(store, { seed: 1, today: '2026-11-23' });
  console.log(`demo company loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// the "before" figures need a store without the nightly jobs' results
store.database.exec('DELETE FROM anomaly_scans; DELETE FROM forecast_snapshots');
const context = createStoreToolContext(store, {
  signal: new AbortController().signal,
  now: () => new Date('2026-11-23T12:00:00Z'),
  logger: silent,
});
const time = <T>(label: string, work: () => T): T => {
  const started = performance.now();
  const result = work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
};
const month = '2026-10';
const strip = (section: ReturnType<typeof buildAnomalyReview>) =>
  section.status === 'available'
    ? { ...section.data, source: undefined, scannedOn: undefined }
    : section;

const live = time(`anomaly review ${month}, live scan`, () =>
  buildAnomalyReview(context, month, {}),
);
const packBefore = time(`whole pack ${month}, before the nightly jobs`, () =>
  buildSopFacts(context, { month, scope: {} }),
);
const refresh = time('forecast refresh as of 2026-09-30', () =>
  refreshForecasts(context, store.planning, '2026-09-30'),
);
console.log(`  ${refresh.listings} listings, ${refresh.snapshots} snapshots`, refresh.methods);
const scan = time('anomaly scan as of 2026-11-23 (two months)', () =>
  scanAnomalies(context, store.planning, '2026-11-23', () => new Date()),
);
console.log('  ', scan.months);
const stored = time(`anomaly review ${month}, from the stored scan`, () =>
  buildAnomalyReview(context, month, {}),
);
console.log(
  `  source ${stored.status === 'available' ? stored.data.source : '-'}, same section as live: ${isDeepStrictEqual(strip(stored), strip(live))}`,
);
const packAfter = time(`whole pack ${month}, after the nightly jobs`, () =>
  buildSopFacts(context, { month, scope: {} }),
);
console.log(
  `  demand review source: before ${packBefore.demandReview.status === 'available' ? packBefore.demandReview.data.forecastSource : '-'}, after ${packAfter.demandReview.status === 'available' ? packAfter.demandReview.data.forecastSource : '-'}`,
);
store.close();
