import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateTestStore } from '../../../test/support/test-store';
import { openStore } from '../../store/store';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ayni.js');
const folder = mkdtempSync(join(tmpdir(), 'ayni-jobs-'));
const dataDir = join(folder, 'data');

beforeAll(() => {
  const store = openStore({ path: join(dataDir, 'ayni.db') });
  populateTestStore(store, 120);
  store.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function ayni(args: string[]) {
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, AYNI_DATA_DIR: dataDir, OLLAMA_HOST: 'http://127.0.0.1:9' },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

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
