import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../models/stats/random';
import { nabCsv, rowTime } from '../../anomaly/nab-corpus.fixture';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ayni.js');
const folder = mkdtempSync(join(tmpdir(), 'ayni-anomalies-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function ayni(args: string[]) {
  return run(process.execPath, [bin, ...args]).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

interface Printed {
  anomalies: Array<{
    series_id: string;
    start: string;
    end: string;
    kind: string;
    score: number;
    expected: number;
    explanation: string;
  }>;
}

/** Two daily series of two years with a weekly pattern; s1 has a 10x spike on 2024-06-12. */
function tidyFile(): string {
  const random = createRandom(11);
  const lines = ['series_id,date,value'];
  const first = Date.UTC(2023, 0, 2);
  for (const id of ['s0', 's1'])
    for (let day = 0; day < 730; day += 1) {
      const date = new Date(first + day * 86_400_000).toISOString().slice(0, 10);
      let value = 100 * (1 + 0.3 * Math.sin((2 * Math.PI * day) / 7)) + random.normal(0, 5);
      if (id === 's1' && date === '2024-06-12') value = 1000;
      lines.push(`${id},${date},${value.toFixed(1)}`);
    }
  const path = join(folder, 'tidy.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('ayni anomalies', () => {
  it("reports a NAB file's spike with the file's own timestamps and its stem as series_id", async () => {
    const path = join(folder, 'machine_temp.csv');
    writeFileSync(path, nabCsv(2000, { 1500: 1000 }, 5));
    const result = await ayni(['anomalies', '--input', path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Printed;
    const spike = json.anomalies.find((anomaly) => anomaly.start === rowTime(1500));
    expect(spike).toBeDefined();
    expect(spike?.series_id).toBe('machine_temp');
    expect(spike?.kind).toBe('spike');
    expect(spike?.explanation).toMatch(/spike/);
    expect(spike?.expected).toBeGreaterThan(80);
    expect(spike?.expected).toBeLessThan(120);
    for (const anomaly of json.anomalies) {
      expect(Object.keys(anomaly)).toEqual(
        expect.arrayContaining([
          'series_id',
          'start',
          'end',
          'kind',
          'score',
          'expected',
          'explanation',
        ]),
      );
      expect(anomaly.start).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
  });

  it('reports the spike of a tidy file under its series id with ISO dates, and not the clean series', async () => {
    const result = await ayni([
      'anomalies',
      '--input',
      tidyFile(),
      '--sensitivity',
      'low',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Printed;
    expect(
      json.anomalies.some(
        (anomaly) => anomaly.series_id === 's1' && anomaly.start === '2024-06-12',
      ),
    ).toBe(true);
    expect(json.anomalies.filter((anomaly) => anomaly.series_id === 's0')).toEqual([]);
  });

  it('ends quietly when the reader of its output goes away (| head), instead of an EPIPE trace', async () => {
    // hundreds of anomalies: more JSON than a pipe holds, so the write fails once head exits
    const spikes: Record<number, number> = {};
    for (let row = 1000; row < 20_000; row += 25) spikes[row] = 1000;
    const path = join(folder, 'many_spikes.csv');
    writeFileSync(path, nabCsv(20_000, spikes, 6));
    const piped = await run('sh', [
      '-c',
      `"${process.execPath}" "${bin}" anomalies --input "${path}" --sensitivity high --json | head -c 1`,
    ]);
    expect(piped.stdout).toBe('{');
    expect(piped.stderr).not.toMatch(/EPIPE/);
  });

  it('exits non-zero with a one-line reason on a bad sensitivity, detector, file or missing --input', async () => {
    const path = join(folder, 'machine_temp.csv');
    const badLevel = await ayni(['anomalies', '--input', path, '--sensitivity', 'extreme']);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toMatch(/--sensitivity extreme: choose one of low, medium, high/);
    const badDetector = await ayni(['anomalies', '--input', path, '--detector', 'nope']);
    expect(badDetector.code).toBe(2);
    expect(badDetector.stderr).toMatch(/--detector nope: unknown detector; choose one of default/);
    const missing = await ayni(['anomalies', '--input', join(folder, 'none.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--input .*none\.csv: cannot read it/);
    const badRow = join(folder, 'bad.csv');
    writeFileSync(badRow, 'timestamp,value\n2014-04-01 00:00:00,1\nlater,2\n');
    const bad = await ayni(['anomalies', '--input', badRow]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/line 3: timestamp "later" is not a date-time/);
  });
});
