import { describe, expect, it } from 'vitest';
import { useCliTestStore } from '../open-store.test-support';

const { ayni } = useCliTestStore('ayni-jobs-', 120);

describe('ayni jobs', () => {
  it('runs a job once per key, skips it the second time and reruns it with --force (else a manual rerun would duplicate work or be impossible)', async () => {
    expect((await ayni(['jobs', 'list'])).stdout).toBe('no job runs recorded\n');
    const first = await ayni(['jobs', 'run', 'forecast-refresh', '--key', '2024-02-29']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^forecast-refresh 2024-02-29: succeeded in [\d.]+ s \(attempt 1\) .*"snapshots":9/,
    );
    const second = await ayni(['jobs', 'run', 'forecast-refresh', '--key', '2024-02-29']);
    expect(second.stdout).toMatch(/already succeeded at .+, skipped \(--force runs it again\)/);
    const forced = await ayni([
      'jobs',
      'run',
      'forecast-refresh',
      '--key',
      '2024-02-29',
      '--force',
      '--json',
    ]);
    expect(JSON.parse(forced.stdout)).toMatchObject({ status: 'succeeded', attempts: 2 });
    const summary = await ayni([
      'jobs',
      'run',
      'monthly-summary',
      '--key',
      '2024-03',
      '--no-narrate',
    ]);
    expect(summary.stdout).toMatch(/^monthly-summary 2024-03: succeeded/);
    const listed = await ayni(['jobs', 'list', '--json']);
    const runs = JSON.parse(listed.stdout) as {
      job: string;
      runKey: string;
      status: string;
      attempts: number;
    }[];
    expect(runs.map((item) => [item.job, item.runKey, item.status, item.attempts]).sort()).toEqual([
      ['forecast-refresh', '2024-02-29', 'succeeded', 2],
      ['monthly-summary', '2024-03', 'succeeded', 1],
    ]);
    expect((await ayni(['jobs', 'list', '--job', 'monthly-summary'])).stdout).toMatch(
      /monthly-summary +2024-03 +succeeded attempt 1 [\d.]+ s\n$/,
    );
  }, 120_000);

  it('refuses an unknown job or a key of the wrong shape with exit code 2 (else a typo would run the wrong job)', async () => {
    const unknown = await ayni(['jobs', 'run', 'summary']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'ayni: job "summary": use one of monthly-summary, forecast-refresh, anomaly-scan\n',
    );
    const badKey = await ayni(['jobs', 'run', 'monthly-summary', '--key', '2024-3']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toBe(
      'ayni: --key monthly-summary key "2024-3" is not a month: use YYYY-MM such as 2026-10\n',
    );
    expect((await ayni(['jobs', 'list', '--limit', 'x'])).code).toBe(2);
  });
});
