import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectedAnomaly } from '../../models/anomaly/detector';
import { detectFile } from './detect-file';
import { explainAnomaly } from './explain';
import { nabCsv, rowTime } from './nab-corpus.fixture';

const folder = mkdtempSync(join(tmpdir(), 'ayni-detect-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const detectorModule = new URL('./test-detector.fixture.ts', import.meta.url);

describe('detectFile', () => {
  it("labels a NAB file's anomaly with the file's own timestamps, even next to a gap", async () => {
    const path = join(folder, 'cpu.csv');
    writeFileSync(path, nabCsv(1200, { 700: 900 }, 4, [699]));
    const result = await detectFile({
      input: path,
      detector: 'robust-z',
      sensitivity: 'medium',
      detectorModule,
    });
    expect(result.series).toBe(1);
    expect(result.anomalies).toHaveLength(1);
    expect(result.anomalies[0]).toMatchObject({
      series_id: 'cpu',
      start: rowTime(700),
      end: rowTime(700),
      kind: 'spike',
      observed: 900,
    });
    expect(result.notes).toContainEqual({
      series_id: 'cpu',
      note: '1 missing steps filled with gaps (NaN)',
    });
    // 1200 five-minute steps span 4 days: the daily cycle is passed on
    expect(result.notes).toContainEqual({ series_id: 'cpu', note: 'periods 288' });
  });

  it('reads tidy files series by series with ISO dates and the weekly period of daily data', async () => {
    const lines = ['series_id,date,value'];
    for (const id of ['north', 'south'])
      for (let day = 0; day < 60; day += 1) {
        const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const value = id === 'south' && day === 40 ? 500 : 50 + ((day * 7) % 5);
        lines.push(`${id},${date},${value}`);
      }
    const path = join(folder, 'tidy.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const result = await detectFile({
      input: path,
      detector: 'robust-z',
      sensitivity: 'low',
      detectorModule,
      threads: 2,
    });
    expect(result.series).toBe(2);
    expect(result.anomalies.map((anomaly) => [anomaly.series_id, anomaly.start])).toEqual([
      ['south', '2024-02-10'],
    ]);
    expect(result.notes).toContainEqual({ series_id: 'north', note: 'periods 7' });
  });

  it("passes the tidy reader's error on, naming line and column", async () => {
    const path = join(folder, 'bad.csv');
    writeFileSync(path, 'series_id,date,value\na,2024-01-01,1\na,2024-01-02,x\n');
    await expect(
      detectFile({ input: path, detector: 'robust-z', sensitivity: 'low', detectorModule }),
    ).rejects.toThrow(/line 3/);
  });
});

describe('explainAnomaly', () => {
  const base: DetectedAnomaly = {
    start: 3,
    end: 3,
    kind: 'spike',
    score: 4.12,
    expected: 1230.4,
    observed: 2950,
    expectedLower: 1000,
    expectedUpper: 1400,
    detector: 'stl',
  };

  it('says how far above or below the expected value a spike or drop is, in plain words', () => {
    expect(explainAnomaly(base)).toBe(
      'unexplained spike: 4.1 robust SD above the expected 1,230 (observed 2,950)',
    );
    expect(explainAnomaly({ ...base, kind: 'drop', observed: 12, end: 5 })).toBe(
      'unexplained drop: 4.1 robust SD below the expected 1,230 (observed 12 over 3 steps)',
    );
  });

  it('describes a level shift as a move between levels', () => {
    expect(explainAnomaly({ ...base, kind: 'level_shift', expected: 10.25, observed: 0.5 })).toBe(
      'level shift: from about 10.3 to about 0.5 per step (4.1 robust SD)',
    );
  });
});
