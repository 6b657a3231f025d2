import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { createMetrics } from '../metrics/metrics';
import { openStore, type Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { scanAnomalies } from './anomaly-scan-job';
import { refreshForecasts } from './forecast-refresh-job';
import { runJob } from './job-runner';
import { createJobRuns } from './job-runs';
import { databaseFileOf, runInJobWorker } from './job-worker';
import { JOB_BODIES } from './job-worker-bodies';
import { createScheduler, type SchedulerDeps } from './scheduler';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const now = () => new Date('2024-04-30T12:00:00Z');
const FIXTURE = new URL('./job-worker.fixture.ts', import.meta.url);
const stores: Store[] = [];
const folders: string[] = [];
afterEach(() => {
  stores.splice(0).forEach((store) => store.close());
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

function fileStore(days?: number): { store: Store; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'ayni-job-worker-'));
  folders.push(folder);
  const path = join(folder, 'ayni.db');
  const store = days === undefined ? openStore({ path }) : openTestStore(path, days);
  stores.push(store);
  return { store, path };
}

function contextOf(store: Store) {
  return createStoreToolContext(store, {
    signal: new AbortController().signal,
    now,
    logger: silent,
  });
}

function schedulerDeps(store: Store): SchedulerDeps {
  return {
    store,
    toolContext: (signal) => createStoreToolContext(store, { signal, now, logger: silent }),
    clock: now,
    report: { logger: silent },
    language: 'es',
    logger: silent,
    metrics: createMetrics(new Registry()),
    hasSales: () => store.sales.count() > 0,
  };
}

const lima = { summaryCron: '0 6 2 * *', nightlyCron: '30 2 * * *', timezone: 'America/Lima' };

describe('job worker', () => {
  it('knows a database file from an in-memory store (else a test store would be opened as a file named ":memory:")', () => {
    const memory = openTestStore();
    stores.push(memory);
    expect(databaseFileOf(memory.database)).toBeUndefined();
    const { store, path } = fileStore(14);
    expect(databaseFileOf(store.database)).toBe(path);
  });

  it('gives the same anomaly scan and forecast refresh as this thread, written to the same store (else the worker path would change the summary)', async () => {
    const inThread = openTestStore(':memory:', 120);
    stores.push(inThread);
    const expectedScan = scanAnomalies(contextOf(inThread), inThread.planning, '2024-04-30', now);
    const expectedRefresh = refreshForecasts(contextOf(inThread), inThread.planning, '2024-04-30');

    const { store, path } = fileStore(120);
    const common = { module: JOB_BODIES, databasePath: path, clock: now, logger: silent };
    const scan = await runInJobWorker({
      ...common,
      body: 'anomalyScanBody',
      input: { scannedOn: '2024-04-30' },
    });
    const refresh = await runInJobWorker({
      ...common,
      body: 'forecastRefreshBody',
      input: { madeOn: '2024-04-30' },
    });
    expect(scan).toEqual(expectedScan);
    expect(refresh).toEqual(expectedRefresh);
    // the worker wrote through its own connection; this one reads the same rows
    expect(store.planning.forecastSnapshots('2024-05', '2024-04-30')).toEqual(
      inThread.planning.forecastSnapshots('2024-05', '2024-04-30'),
    );
    expect(store.planning.forecastSnapshots('2024-05', '2024-04-30')).toHaveLength(3);
  });

  it('runs the scheduled anomaly scan in a worker over a file with the same outcome as in this thread (else the scheduler would not use the worker path, or it would differ)', async () => {
    const memory = openTestStore(':memory:', 120);
    stores.push(memory);
    const { store } = fileStore(120);
    const expected = await createScheduler(schedulerDeps(memory), lima).runNow('anomaly-scan', {
      key: '2024-04-30',
    });
    const outcome = await createScheduler(schedulerDeps(store), lima).runNow('anomaly-scan', {
      key: '2024-04-30',
    });
    expect(outcome.status).toBe('succeeded');
    expect(expected.status).toBe('succeeded');
    if (outcome.status === 'succeeded' && expected.status === 'succeeded')
      expect(outcome.output).toEqual(expected.output);
    expect(createJobRuns(store.database).get('anomaly-scan', '2024-04-30')?.status).toBe(
      'succeeded',
    );
  });

  it('builds the scheduled summary facts in a worker over a file equal to those built in this thread (else the stored report would differ by path)', async () => {
    const memory = openTestStore(':memory:', 120);
    stores.push(memory);
    const { store } = fileStore(120);
    const expected = await createScheduler(schedulerDeps(memory), lima).runNow('monthly-summary', {
      key: '2024-03',
    });
    const outcome = await createScheduler(schedulerDeps(store), lima).runNow('monthly-summary', {
      key: '2024-03',
    });
    if (outcome.status !== 'succeeded' || expected.status !== 'succeeded')
      throw new Error(`not succeeded: ${JSON.stringify([outcome, expected])}`);
    const idOf = (output: unknown) => (output as { reportId: string }).reportId;
    const report = store.reports.get(idOf(outcome.output));
    const reference = memory.reports.get(idOf(expected.output));
    expect(report?.facts).toBeDefined();
    expect(report?.facts).toEqual(reference?.facts);
    expect(report?.narrative).toEqual(reference?.narrative);
  });

  it('records a failing body as failed with its error (else a failed nightly scan would pass for a success or lose its reason)', async () => {
    const { store } = fileStore();
    const outcome = await createScheduler(schedulerDeps(store), lima).runNow('anomaly-scan', {
      key: '2024-04-30',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'the store holds no sales: import sales or load the demo data first',
    });
    expect(createJobRuns(store.database).get('anomaly-scan', '2024-04-30')).toMatchObject({
      status: 'failed',
      error: 'the store holds no sales: import sales or load the demo data first',
    });
    const direct = runInJobWorker({
      module: JOB_BODIES,
      body: 'anomalyScanBody',
      databasePath: databaseFileOf(store.database)!,
      input: { scannedOn: '2024-04-30' },
      clock: now,
      logger: silent,
    });
    await expect(direct).rejects.toBeInstanceOf(RangeError);
  });

  it('keeps this thread serving while a body spins for seconds (else the server would stop answering during the nightly scan)', async () => {
    const { path } = fileStore(14);
    const lines: string[] = [];
    const logger = { ...silent, info: (_fields: unknown, message: string) => lines.push(message) };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let ticks = 0;
    let longestGapMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const at = performance.now();
      longestGapMs = Math.max(longestGapMs, at - last);
      last = at;
      ticks += 1;
    }, 20);
    delay.enable();
    const started = performance.now();
    const products = await runInJobWorker<number>({
      module: FIXTURE,
      body: 'spinBody',
      databasePath: path,
      input: { ms: 2500 },
      clock: now,
      logger,
    });
    const tookMs = performance.now() - started;
    delay.disable();
    clearInterval(timer);
    expect(products).toBe(2);
    expect(lines).toContain('spun');
    expect(tookMs).toBeGreaterThanOrEqual(2500);
    // a 2.5 s body in this thread would leave one gap of 2.5 s and almost no ticks
    expect(longestGapMs).toBeLessThan(200);
    expect(delay.max / 1e6).toBeLessThan(200);
    expect(ticks).toBeGreaterThan(tookMs / 20 / 4);
  });

  it('stops a running body when the signal aborts and the runner records the run as failed (else a shutdown would wait for the scan)', async () => {
    const { store, path } = fileStore(14);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('the scheduler is stopping')), 300);
    const started = performance.now();
    const outcome = await runJob(
      store,
      { job: 'anomaly-scan', runKey: '2024-01-14', clock: now, logger: silent },
      () =>
        runInJobWorker({
          module: FIXTURE,
          body: 'endlessBody',
          databasePath: path,
          input: {},
          clock: now,
          logger: silent,
          signal: controller.signal,
        }),
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(outcome).toMatchObject({ status: 'failed', error: 'the scheduler is stopping' });
    expect(createJobRuns(store.database).get('anomaly-scan', '2024-01-14')?.status).toBe('failed');
  });
});
