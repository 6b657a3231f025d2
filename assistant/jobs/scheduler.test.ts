import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { loadConfig } from '../config';
import { ConfigError } from '../errors';
import { createMetrics } from '../metrics/metrics';
import type { Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { createJobRuns } from './job-runs';
import { localDate } from './jobs';
import { checkSchedule } from './schedule';
import { createScheduler, type SchedulerDeps } from './scheduler';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const lima = { summaryCron: '0 6 2 * *', nightlyCron: '30 2 * * *', timezone: 'America/Lima' };
const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function deps(store: Store, now: () => Date): SchedulerDeps {
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

describe('schedule', () => {
  it('computes the next runs in the configured time zone (else the summary would run at 06:00 UTC, 01:00 in Lima)', () => {
    const store = openTestStore();
    stores.push(store);
    const scheduler = createScheduler(
      deps(store, () => new Date()),
      lima,
    );
    const next = scheduler.nextRuns(new Date('2026-11-26T12:00:00Z'));
    // Lima is UTC-5 all year
    expect(next['monthly-summary']?.toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(next['forecast-refresh']?.toISOString()).toBe('2026-11-27T07:30:00.000Z');
    expect(next['anomaly-scan']?.toISOString()).toBe('2026-11-27T07:30:00.000Z');
  });

  it('reads the local day in the time zone (else a run at 21:00 in Lima would take the next UTC day as its key)', () => {
    expect(localDate(new Date('2026-11-01T02:00:00Z'), 'America/Lima')).toBe('2026-10-31');
  });

  it('rejects a bad cron expression or time zone naming the setting (else the server would start with a schedule that never fires)', () => {
    expect(() => checkSchedule({ ...lima, summaryCron: '61 6 2 * *' })).toThrow(
      /summaryCron "61 6 2 \* \*"/,
    );
    expect(() => checkSchedule({ ...lima, nightlyCron: 'nightly' })).toThrow(
      /nightlyCron "nightly"/,
    );
    expect(() => checkSchedule({ ...lima, timezone: 'Lima' })).toThrow(/timezone "Lima"/);
    expect(() => loadConfig({ AYNI_SUMMARY_CRON: '0 6 32 * *' })).toThrow(ConfigError);
    expect(() => loadConfig({ AYNI_SUMMARY_CRON: '0 6 32 * *' })).toThrow(
      /^AYNI_SUMMARY_CRON="0 6 32 \* \*"/,
    );
    expect(() => loadConfig({ AYNI_NIGHTLY_CRON: 'x' })).toThrow(/^AYNI_NIGHTLY_CRON="x"/);
    expect(() => loadConfig({ AYNI_TIMEZONE: 'Mars/Base' })).toThrow(/^AYNI_TIMEZONE="Mars\/Base"/);
    expect(() => loadConfig({ AYNI_SCHEDULER: 'maybe' })).toThrow(
      /^AYNI_SCHEDULER="maybe": must be on or off/,
    );
    expect(() => loadConfig({ AYNI_SUMMARY_LANGUAGE: 'fr' })).toThrow(
      /^AYNI_SUMMARY_LANGUAGE="fr": must be one of es, en/,
    );
    expect(loadConfig({}).scheduler).toEqual({ enabled: true, ...lima, summaryLanguage: 'es' });
    expect(loadConfig({ AYNI_SUMMARY_LANGUAGE: 'en' }).scheduler.summaryLanguage).toBe('en');
    expect(loadConfig({ AYNI_SCHEDULER: 'off' }).scheduler.enabled).toBe(false);
  });
});

describe('summary language', () => {
  it('writes the scheduled summary in AYNI_SUMMARY_LANGUAGE (else an English-speaking company would always get Spanish)', async () => {
    const store = openTestStore(':memory:', 120);
    stores.push(store);
    const now = () => new Date('2024-04-30T12:00:00Z');
    const { summaryLanguage } = loadConfig({ AYNI_SUMMARY_LANGUAGE: 'en' }).scheduler;
    const outcome = await createScheduler(deps(store, now), { ...lima, summaryLanguage }).runNow(
      'monthly-summary',
      { key: '2024-03' },
    );
    if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
    const report = store.reports.get((outcome.output as { reportId: string }).reportId);
    expect(report?.language).toBe('en');
    // without the setting, the deps' language (es)
    const spanish = await createScheduler(deps(store, now), lima).runNow('monthly-summary', {
      key: '2024-02',
    });
    if (spanish.status !== 'succeeded') throw new Error(JSON.stringify(spanish));
    expect(store.reports.get((spanish.output as { reportId: string }).reportId)?.language).toBe(
      'es',
    );
  });
});

describe('catch-up at start', () => {
  it('runs the missed monthly summary exactly once, and the nightly jobs of the day (else a restart would lose or repeat them)', async () => {
    // sales from 2024-01-01 to 2024-03-10; the server comes up on 2024-03-05, after the summary's
    // 2 March run and the nightly run of 5 March were due
    const store = openTestStore(':memory:', 70);
    stores.push(store);
    const now = () => new Date('2024-03-05T15:00:00Z');
    const first = createScheduler(deps(store, now), lima);
    const outcomes = await first.catchUp();
    expect(outcomes.map((outcome) => [outcome.job, outcome.runKey, outcome.status])).toEqual([
      ['monthly-summary', '2024-02', 'succeeded'],
      ['forecast-refresh', '2024-03-05', 'succeeded'],
      ['anomaly-scan', '2024-03-05', 'succeeded'],
    ]);
    await first.stop();
    // a second start finds nothing to do
    const second = createScheduler(deps(store, now), lima);
    expect(await second.catchUp()).toEqual([]);
    await second.stop();
    const reports = store.reports.list({ month: '2024-02' });
    expect(reports).toHaveLength(1);
    expect(reports[0]?.trigger).toBe('schedule');
    expect(createJobRuns(store.database).get('monthly-summary', '2024-02')).toMatchObject({
      status: 'succeeded',
      attempts: 1,
    });
  });

  it('does nothing on a store without sales (else every start of a new install would record failed jobs)', async () => {
    const store = openTestStore(':memory:', 0);
    stores.push(store);
    const scheduler = createScheduler(
      deps(store, () => new Date('2024-03-05T15:00:00Z')),
      lima,
    );
    expect(await scheduler.catchUp()).toEqual([]);
    expect(createJobRuns(store.database).recent(10)).toEqual([]);
  });

  it('runs a job now for a key and refuses a key of the wrong shape (else `ayni jobs run` could store a summary under a day)', async () => {
    const store = openTestStore(':memory:', 70);
    stores.push(store);
    const scheduler = createScheduler(
      deps(store, () => new Date('2024-03-05T15:00:00Z')),
      lima,
    );
    await expect(scheduler.runNow('monthly-summary', { key: '2024-02-01' })).rejects.toThrow(
      'monthly-summary key "2024-02-01" is not a month: use YYYY-MM',
    );
    const outcome = await scheduler.runNow('forecast-refresh', { key: '2024-02-29' });
    expect(outcome).toMatchObject({ status: 'succeeded', runKey: '2024-02-29' });
    expect((await scheduler.runNow('forecast-refresh', { key: '2024-02-29' })).status).toBe(
      'skipped',
    );
    expect(
      (await scheduler.runNow('forecast-refresh', { key: '2024-02-29', force: true })).status,
    ).toBe('succeeded');
  });

  it('start() catches up after its delay and stop() waits for the job in progress (else a shutdown would cut a summary half-written)', async () => {
    const store = openTestStore(':memory:', 70);
    stores.push(store);
    const scheduler = createScheduler(
      deps(store, () => new Date('2024-03-05T15:00:00Z')),
      lima,
      {
        catchUpDelayMs: 0,
      },
    );
    scheduler.start();
    const runs = createJobRuns(store.database);
    for (let wait = 0; wait < 200 && runs.recent(10).length === 0; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await scheduler.stop();
    const recorded = runs.recent(10);
    expect(recorded.length).toBeGreaterThan(0);
    // nothing left running: each run that began also ended
    expect(recorded.every((run) => run.status !== 'running')).toBe(true);
  });

  it('does not run or record a job still queued when the scheduler stops (else a shutdown would log false failures)', async () => {
    const store = openTestStore(':memory:', 70);
    stores.push(store);
    const scheduler = createScheduler(
      deps(store, () => new Date('2024-03-05T15:00:00Z')),
      lima,
    );
    const queued = scheduler.runNow('forecast-refresh', { key: '2024-02-29' });
    await scheduler.stop();
    await expect(queued).rejects.toThrow('the scheduler is stopping');
    expect(createJobRuns(store.database).recent(10)).toEqual([]);
  });
});
