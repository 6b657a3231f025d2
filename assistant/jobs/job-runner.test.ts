import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics/metrics';
import { openStore, type Store } from '../store/store';
import { runJob, type JobLogger } from './job-runner';
import { createJobRuns } from './job-runs';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function setup() {
  const store = openStore({ path: ':memory:' });
  stores.push(store);
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const logger: JobLogger = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
  let now = new Date('2026-11-02T06:00:00Z');
  const clock = () => now;
  const metrics = createMetrics(new Registry());
  return {
    store,
    lines,
    logger,
    clock,
    metrics,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

async function metricValue(
  setupResult: ReturnType<typeof setup>,
  name: string,
  labels: Record<string, string>,
) {
  const metric = await setupResult.metrics.registry.getSingleMetric(name)?.get();
  return metric?.values.find((value) =>
    Object.entries(labels).every(([key, label]) => value.labels[key] === label),
  )?.value;
}

describe('runJob', () => {
  it('runs the work once for the same job and key (else a scheduled summary would be generated twice)', async () => {
    const context = setup();
    let calls = 0;
    const options = {
      job: 'monthly-summary' as const,
      runKey: '2026-10',
      clock: context.clock,
      logger: context.logger,
    };
    const first = await runJob(context.store, options, () => ++calls);
    const second = await runJob(context.store, options, () => ++calls);
    expect(first).toMatchObject({ status: 'succeeded', output: 1, attempts: 1 });
    expect(second).toMatchObject({ status: 'skipped', reason: 'already_succeeded' });
    expect(calls).toBe(1);
    expect(context.lines.some((line) => line.message.includes('already succeeded, skipped'))).toBe(
      true,
    );
    // another key is another run
    await runJob(context.store, { ...options, runKey: '2026-11' }, () => ++calls);
    expect(calls).toBe(2);
  });

  it('runs a succeeded key again with force (else `ayni jobs run --force` would do nothing)', async () => {
    const context = setup();
    let calls = 0;
    const options = {
      job: 'anomaly-scan' as const,
      runKey: '2026-11-02',
      clock: context.clock,
      logger: context.logger,
    };
    await runJob(context.store, options, () => ++calls);
    const forced = await runJob(context.store, { ...options, force: true }, () => ++calls);
    expect(forced).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('records a failure with its error and retries it on the next call (else a failed job would never be redone)', async () => {
    const context = setup();
    const options = {
      job: 'forecast-refresh' as const,
      runKey: '2026-11-02',
      clock: context.clock,
      logger: context.logger,
      metrics: context.metrics,
    };
    const failed = await runJob(context.store, options, () => {
      throw new Error('disk full');
    });
    expect(failed).toMatchObject({ status: 'failed', error: 'disk full', attempts: 1 });
    const runs = createJobRuns(context.store.database);
    expect(runs.get('forecast-refresh', '2026-11-02')).toMatchObject({
      status: 'failed',
      error: 'disk full',
    });
    expect(context.lines.find((line) => line.level === 'error')?.message).toContain('disk full');
    context.advance(60_000);
    const retried = await runJob(context.store, options, () => 'done');
    expect(retried).toMatchObject({ status: 'succeeded', attempts: 2, output: 'done' });
    expect(runs.get('forecast-refresh', '2026-11-02')).toMatchObject({
      status: 'succeeded',
      error: null,
      attempts: 2,
      output: 'done',
    });
  });

  it('skips a key running now but retries a running row older than the stale time (else a crash mid-run would block the key forever)', async () => {
    const context = setup();
    const runs = createJobRuns(context.store.database);
    // a run that crashed: claimed, never finished
    runs.claim({
      job: 'monthly-summary',
      runKey: '2026-10',
      now: context.clock(),
      staleAfterMs: 1000,
    });
    let calls = 0;
    const options = {
      job: 'monthly-summary' as const,
      runKey: '2026-10',
      clock: context.clock,
      logger: context.logger,
      staleAfterMs: 60_000,
    };
    context.advance(30_000);
    expect(await runJob(context.store, options, () => ++calls)).toMatchObject({
      status: 'skipped',
      reason: 'running',
    });
    context.advance(31_000);
    expect(await runJob(context.store, options, () => ++calls)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
    });
    expect(calls).toBe(1);
  });

  it('moves the job metrics: duration by outcome, failures, last success time (else /metrics would not show a broken job)', async () => {
    const context = setup();
    const options = {
      job: 'anomaly-scan' as const,
      clock: context.clock,
      logger: context.logger,
      metrics: context.metrics,
    };
    await runJob(context.store, { ...options, runKey: 'a' }, () => {
      throw new Error('boom');
    });
    await runJob(context.store, { ...options, runKey: 'b' }, () => 1);
    expect(await metricValue(context, 'ayni_job_failures_total', { job: 'anomaly-scan' })).toBe(1);
    expect(
      await metricValue(context, 'ayni_job_last_success_timestamp_seconds', {
        job: 'anomaly-scan',
      }),
    ).toBe(context.clock().getTime() / 1000);
    const duration = await context.metrics.registry
      .getSingleMetric('ayni_job_duration_seconds')
      ?.get();
    const counts = duration?.values.filter(
      (value) =>
        (value as { metricName?: string }).metricName === 'ayni_job_duration_seconds_count',
    );
    expect(counts?.find((value) => value.labels.outcome === 'failed')?.value).toBe(1);
    expect(counts?.find((value) => value.labels.outcome === 'succeeded')?.value).toBe(1);
  });
});
