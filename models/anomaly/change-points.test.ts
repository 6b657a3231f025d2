import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import type { DetectorInput } from './detector';
import {
  changeMinSegment,
  changePointDetector,
  pelt,
  prefixSums,
  segmentCost,
} from './change-points';

/** The penalised objective of a segmentation (sum of segment RSS + penalty per change). */
function objective(values: number[], changes: number[], penalty: number): number {
  const { sums, squares } = prefixSums(values);
  const bounds = [0, ...changes, values.length];
  let total = penalty * changes.length;
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    total += segmentCost(sums, squares, bounds[index]!, bounds[index + 1]!);
  }
  return total;
}

/** Optimal partitioning (Jackson et al. 2005): the same recursion as PELT with no pruning. */
function optimalPartitioning(values: number[], penalty: number, minSegment: number): number[] {
  const n = values.length;
  if (n < 2 * minSegment) return [];
  const { sums, squares } = prefixSums(values);
  const best = new Float64Array(n + 1).fill(Infinity);
  const previous = new Int32Array(n + 1).fill(-1);
  best[0] = -penalty;
  for (let end = minSegment; end <= n; end += 1) {
    for (let start = 0; start <= end - minSegment; start += 1) {
      if (start !== 0 && start < minSegment) continue;
      const total = best[start]! + segmentCost(sums, squares, start, end) + penalty;
      if (total < best[end]!) {
        best[end] = total;
        previous[end] = start;
      }
    }
  }
  const changes: number[] = [];
  for (let start = previous[n]!; start > 0; start = previous[start]!) changes.push(start);
  return changes.reverse();
}

/** Every admissible set of changes, for tiny n: the ground truth for the recursion itself. */
function exhaustiveMinimum(values: number[], penalty: number, minSegment: number): number {
  const n = values.length;
  let minimum = Infinity;
  for (let mask = 0; mask < 1 << (n - 1); mask += 1) {
    const changes: number[] = [];
    for (let position = 1; position < n; position += 1) {
      if (mask & (1 << (position - 1))) changes.push(position);
    }
    const bounds = [0, ...changes, n];
    if (bounds.some((bound, index) => index > 0 && bound - bounds[index - 1]! < minSegment)) {
      continue;
    }
    minimum = Math.min(minimum, objective(values, changes, penalty));
  }
  return minimum;
}

function piecewiseSeries(seed: number, n: number): number[] {
  const random = createRandom(seed);
  let level = 0;
  return Array.from({ length: n }, () => {
    if (random.uniform(0, 1) < 0.05) level += 3 * random.normal();
    return level + random.normal();
  });
}

function bump(values: number[], step: number, amount: number): void {
  values[step] = values[step]! + amount;
}

/** Daily series: weekly pattern, yearly wave, noise sd 5, and a level change at `at` by `shift`. */
function dailySeries(seed: number, n = 730, at = n, shift = 0): number[] {
  const random = createRandom(seed);
  return Array.from(
    { length: n },
    (_, t) =>
      100 +
      (t >= at ? shift : 0) +
      15 * Math.sin((2 * Math.PI * t) / 7) +
      8 * Math.sin((2 * Math.PI * t) / 365) +
      5 * random.normal(),
  );
}

const run = (input: Partial<DetectorInput> & { values: readonly number[] }) =>
  changePointDetector.detect({ periods: [7], sensitivity: 'medium', ...input });

describe('pelt', () => {
  it('returns the same changes as unpruned optimal partitioning on 40 random series: otherwise pruning throws away the optimum', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const n = 20 + ((seed * 37) % 180);
      const values = piecewiseSeries(seed, n);
      const minSegment = [1, 2, 5, 7][seed % 4]!;
      const penalty = [2, 2 * Math.log(n), 3 * Math.log(n)][seed % 3]!;
      expect(pelt(values, { penalty, minSegment })).toEqual(
        optimalPartitioning(values, penalty, minSegment),
      );
    }
  });

  it('reaches the exhaustive minimum over all admissible segmentations for n = 12: otherwise the recursion (or its segment-length rule) is wrong', () => {
    for (let seed = 50; seed < 62; seed += 1) {
      const values = piecewiseSeries(seed, 12);
      for (const minSegment of [1, 2, 3]) {
        const changes = pelt(values, { penalty: 1.5, minSegment });
        expect(objective(values, changes, 1.5)).toBeCloseTo(
          exhaustiveMinimum(values, 1.5, minSegment),
          9,
        );
      }
    }
  });

  it('finds the exact changes of a noiseless step signal and none under a huge penalty: otherwise positions are off by one', () => {
    const values = [...Array(10).fill(0), ...Array(8).fill(5), ...Array(12).fill(-1)] as number[];
    expect(pelt(values, { penalty: 1, minSegment: 3 })).toEqual([10, 18]);
    expect(pelt(values, { penalty: 1e6, minSegment: 3 })).toEqual([]);
    expect(pelt([1, 2, 3], { penalty: 1, minSegment: 2 })).toEqual([]);
  });

  it('names the bad argument: otherwise callers cannot tell what to fix', () => {
    expect(() => pelt([1, 2, 3], { penalty: -1, minSegment: 1 })).toThrow(/penalty/);
    expect(() => pelt([1, 2, 3], { penalty: 1, minSegment: 0 })).toThrow(/minSegment/);
    expect(() => pelt([1, Number.NaN, 3], { penalty: 1, minSegment: 1 })).toThrow(/values\[1\]/);
  });
});

describe('changePointDetector', () => {
  it('finds a level shift within 2 steps of where it happened on 10 seeded series, with the shift in expected/observed: otherwise delistings go unseen', () => {
    for (let seed = 1; seed <= 10; seed += 1) {
      const shift = seed % 2 === 0 ? 25 : -25;
      const values = dailySeries(seed, 730, 400, shift);
      const found = run({ values }).anomalies;
      expect(found.length).toBe(1);
      const change = found[0]!;
      expect(change.kind).toBe('level_shift');
      expect(Math.abs(change.start - 400)).toBeLessThanOrEqual(2);
      expect(change.end).toBeGreaterThanOrEqual(change.start + 6);
      // the yearly wave (amplitude 8, too few cycles to remove) moves segment means a little
      expect(Math.abs(change.observed - change.expected - shift)).toBeLessThan(8);
      expect(change.score).toBeGreaterThanOrEqual(3);
      expect(change.detector).toBe('pelt');
    }
  });

  it('does not report big single-day spikes or drops as level shifts: otherwise every typo becomes a shift', () => {
    const values = dailySeries(7);
    bump(values, 200, 200);
    bump(values, 201, 150);
    bump(values, 500, -90);
    expect(run({ values }).anomalies).toEqual([]);
  });

  it('stays quiet on 20 clean seasonal series at medium sensitivity: otherwise scans report shifts that never happened', () => {
    let alarms = 0;
    for (let seed = 200; seed < 220; seed += 1)
      alarms += run({ values: dailySeries(seed) }).anomalies.length;
    expect(alarms).toBe(0);
  });

  it('reports a smaller shift at high sensitivity but not at low: otherwise sensitivity does nothing', () => {
    const values = dailySeries(3, 730, 365, 13);
    expect(run({ values, sensitivity: 'high' }).anomalies.length).toBe(1);
    expect(run({ values, sensitivity: 'low' }).anomalies).toEqual([]);
  });

  it('skips missing and explained steps and maps the change back to the original index: otherwise gaps shift the reported date', () => {
    const values = dailySeries(9, 730, 420, -25);
    const explained = values.map((_, index) => index >= 300 && index < 305);
    for (let step = 100; step < 140; step += 1) values[step] = Number.NaN;
    const result = run({ values, explained });
    expect(result.anomalies.length).toBe(1);
    expect(Math.abs(result.anomalies[0]!.start - 420)).toBeLessThanOrEqual(2);
    expect(result.notes.join(' ')).toMatch(/45 missing or explained steps skipped/);
  });

  it('answers bad input with notes and no anomalies, never a throw: otherwise one broken series stops a scan', () => {
    const cases: number[][] = [
      [],
      [1, 2, 3],
      Array.from({ length: 100 }, () => 4),
      Array.from({ length: 100 }, () => Number.NaN),
      [...Array.from({ length: 80 }, () => Number.NaN), 1, 2, 3],
    ];
    for (const values of cases) {
      const result = run({ values });
      expect(result.anomalies).toEqual([]);
      expect(result.scores.length).toBe(values.length);
      expect(result.notes.length).toBeGreaterThan(0);
    }
    expect(run({ values: Array.from({ length: 100 }, () => 4) }).notes.join(' ')).toMatch(
      /constant/,
    );
  });

  it('needs a week of persistence for daily data and three segments of data: otherwise a two-day blip could be a shift', () => {
    expect(changeMinSegment([7])).toBe(7);
    expect(changeMinSegment([24, 168])).toBe(24);
    expect(changeMinSegment([])).toBe(5);
    expect(changePointDetector.minLength([7])).toBe(21);
  });
});
