// The job bodies that run in a job worker thread (job-worker.ts): the nightly anomaly scan, the
// nightly forecast refresh and the facts of the monthly summary, each exactly the function the
// job runs in this thread, over the worker's own store connection.
import type { SopFactsRequest } from '../../tools/sop/build-sop-facts';
import type { SopFacts } from '../../tools/sop/sop-facts';
import type { ToolContext } from '../../tools/tool-context';
import { buildSopFactsInWorkers } from '../sop/pack-workers';
import type { Store } from '../store/store';
import { scanAnomalies, type AnomalyScanSummary } from './anomaly-scan-job';
import { refreshForecasts, type ForecastRefreshResult } from './forecast-refresh-job';

export const JOB_BODIES = new URL('./job-worker-bodies.ts', import.meta.url);

export function anomalyScanBody(
  context: ToolContext,
  store: Store,
  input: { scannedOn: string },
): AnomalyScanSummary {
  return scanAnomalies(context, store.planning, input.scannedOn, () => context.now());
}

export function forecastRefreshBody(
  context: ToolContext,
  store: Store,
  input: { madeOn: string },
): ForecastRefreshResult {
  return refreshForecasts(context, store.planning, input.madeOn);
}

export function sopFactsBody(
  context: ToolContext,
  _store: Store,
  input: SopFactsRequest,
): Promise<SopFacts> {
  return buildSopFactsInWorkers(context, input);
}
