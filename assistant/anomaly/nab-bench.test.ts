import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nabCsv, writeCorpus } from './nab-corpus.fixture';
import { alertScores, flaggedRows, runNabBench } from './nab-bench';
import { listNabCorpus, readNabFile } from './nab-corpus';

const folder = mkdtempSync(join(tmpdir(), 'ayni-nab-bench-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const detectorModule = new URL('./test-detector.fixture.ts', import.meta.url);

// a: a spike inside its window [580, 620] and one in the probationary period (row 50);
// b: no window, one smaller spike (a false positive) and a 10-row gap
const labels = writeCorpus(folder, {
  'cat/a.csv': { csv: nabCsv(1000, { 50: 1000, 600: 1000 }, 1), windows: [[580, 620]] },
  'cat/b.csv': {
    csv: nabCsv(1000, { 300: 400 }, 2, [700, 701, 702, 703, 704, 705, 706, 707, 708, 709]),
    windows: [],
  },
});

describe('NAB corpus', () => {
  it('turns label timestamps into row ranges of the file', () => {
    const listing = listNabCorpus(join(folder, 'data'), labels);
    expect(listing.files.map((file) => file.name)).toEqual(['cat/a.csv', 'cat/b.csv']);
    const file = readNabFile(join(folder, 'data'), listing.files[0]!, listing.labels);
    expect(file.windows).toEqual([{ start: 580, end: 620 }]);
  });

  it("finds the labels' key from the last two path segments when given the folder above data/", () => {
    const listing = listNabCorpus(folder, labels);
    expect(listing.files.map((file) => file.key)).toEqual(['cat/a.csv', 'cat/b.csv']);
  });

  it('says which folder or labels file is missing, and which file has no labels', () => {
    expect(() => listNabCorpus(join(folder, 'nowhere'), labels)).toThrow(
      /--input .*nowhere: no such folder/,
    );
    expect(() => listNabCorpus(folder, join(folder, 'none.json'))).toThrow(
      /--labels .*none\.json: no such file/,
    );
    const other = mkdtempSync(join(tmpdir(), 'ayni-nab-nolabel-'));
    try {
      const otherLabels = writeCorpus(other, {
        'cat/a.csv': { csv: nabCsv(100, {}, 3), windows: [] },
      });
      writeCorpus(join(other, 'extra'), { 'cat/z.csv': { csv: nabCsv(100, {}, 3), windows: [] } });
      expect(() => listNabCorpus(other, otherLabels)).toThrow(/z\.csv: has no entry in/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('flaggedRows', () => {
  it('flags the rows whose grid step lies inside an anomaly, skipping filled gaps', () => {
    const anomaly = {
      kind: 'spike',
      score: 9,
      expected: 1,
      observed: 2,
      expectedLower: 0,
      expectedUpper: 2,
      detector: 'x',
    } as const;
    const rows = flaggedRows([{ ...anomaly, start: 2, end: 4 }], Int32Array.from([0, 1, 3, 5]), 6);
    expect(rows).toEqual([false, false, true, false]);
  });
});

describe('alertScores', () => {
  it("puts a run's largest anomaly score on its first row and nothing elsewhere, so NAB counts each alert once", () => {
    const anomaly = {
      kind: 'spike',
      expected: 1,
      observed: 2,
      expectedLower: 0,
      expectedUpper: 2,
      detector: 'x',
    } as const;
    const scores = alertScores(
      [
        { ...anomaly, start: 2, end: 4, score: 7 },
        { ...anomaly, start: 5, end: 5, score: 9 },
      ],
      Int32Array.from([0, 1, 2, 3, 5, 6]),
      7,
    );
    expect(Array.from(scores)).toEqual([NaN, NaN, 9, NaN, NaN, NaN]);
  });
});

describe('runNabBench', () => {
  it('scores window level and NAB from one run: the probation spike ignored, the other file a false positive', async () => {
    const result = await runNabBench({
      input: join(folder, 'data'),
      labels,
      detector: 'robust-z',
      sensitivity: 'medium',
      detectorModule,
      threads: 2,
    });
    expect(result.files).toBe(2);
    expect(result.windows).toBe(1);
    expect(result.alerts).toBe(2);
    expect(result.true_positives).toBe(1);
    expect(result.false_positives).toBe(1);
    expect(result.precision).toBe(0.5);
    expect(result.recall).toBe(1);
    expect(result.f1).toBeCloseTo(2 / 3, 4);
    // a's spike at row 600 of [580, 620] (y = -21/41) is the best threshold; b's smaller spike
    // scores lower, so the sweep stops before it
    const reward = Math.tanh((2.5 * 21) / 41) / Math.tanh(2.5);
    expect(result.nab_standard).toBeCloseTo(Number(((100 * (reward + 1)) / 2).toFixed(1)), 6);
    expect(result.nab.standard?.falsePositives).toBe(0);
    expect(result.nab_alerts.standard?.score).toBeCloseTo(result.nab.standard?.score as number, 10);
    const b = result.per_file.find((file) => file.file === 'cat/b.csv');
    expect(b?.notes.join(' ')).toMatch(/10 missing steps/);
    // 1000 rows of 5 minutes = 3.5 days: the daily cycle (288) is given to the detector
    expect(b?.notes.join(' ')).toMatch(/periods 288/);
  });
});
