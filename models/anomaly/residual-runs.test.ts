import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { findResidualCandidates, type RunSearchOptions } from './residual-runs';

const options: RunSearchOptions = { maxRun: 14, floor: 4, runPenalty: 1.2 };

/** Standard normal residual scores, with a tiny scale so no step reaches the floor by chance. */
function quietScores(seed: number, n: number, sd = 0.8): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => sd * random.normal());
}

describe('findResidualCandidates', () => {
  it('reports a single far step as a one-step candidate with its sign and |z|: otherwise a typo is missed or mislabelled', () => {
    const z = quietScores(1, 300);
    z[120] = 9;
    z[200] = -7.5;
    const found = findResidualCandidates(z, options);
    expect(found).toEqual([
      { start: 120, end: 120, sign: 1, score: 9 },
      { start: 200, end: 200, sign: -1, score: 7.5 },
    ]);
  });

  it('finds a run of five moderate low steps (each |z| = 3, below the floor) as one drop: otherwise a week of weak sales goes unseen', () => {
    const z = quietScores(2, 300);
    for (let index = 150; index < 155; index += 1) z[index] = -3;
    z[149] = 0;
    z[155] = 0;
    const found = findResidualCandidates(z, options);
    expect(found).toHaveLength(1);
    const [run] = found;
    expect(run!.sign).toBe(-1);
    expect(run!.start).toBe(150);
    expect(run!.end).toBe(154);
    expect(run!.score).toBeGreaterThan(4);
  });

  it('does not report one moderate step as a run, nor stretch a run over quiet neighbours: otherwise runs would be padded with ordinary days', () => {
    const z = quietScores(3, 300);
    z[80] = -3.5;
    expect(findResidualCandidates(z, options)).toEqual([]);
    for (let index = 150; index < 158; index += 1) z[index] = 3.2;
    const found = findResidualCandidates(z, options);
    expect(found.map((candidate) => [candidate.start, candidate.end])).toEqual([[150, 157]]);
  });

  it('keeps a lone wild step (z = 40) a single step, not a run with its neighbours: otherwise one typo becomes a two-week anomaly', () => {
    const z = quietScores(4, 400);
    z[200] = 40;
    const found = findResidualCandidates(z, options);
    expect(found).toEqual([{ start: 200, end: 200, sign: 1, score: 40 }]);
    // with the floor at the sweep level the neighbours still do not form a run on its strength
    const swept = findResidualCandidates(z, { ...options, floor: 3 });
    for (const candidate of swept) {
      if (candidate.start <= 201 && candidate.end >= 199) {
        expect([candidate.start, candidate.end]).toEqual([200, 200]);
      }
    }
  });

  it('returns non-overlapping candidates in time order, strongest kept: otherwise one event is reported twice', () => {
    const z = quietScores(5, 500);
    for (let index = 100; index < 106; index += 1) z[index] = 3.5;
    z[103] = 12;
    z[300] = -6;
    for (let index = 400; index < 410; index += 1) z[index] = -2.8;
    z[399] = 0;
    z[410] = 0;
    const found = findResidualCandidates(z, options);
    for (let index = 1; index < found.length; index += 1) {
      expect(found[index]!.start).toBeGreaterThan(found[index - 1]!.end);
    }
    expect(found.some((candidate) => candidate.start === 103 && candidate.end === 103)).toBe(true);
    expect(found.some((candidate) => candidate.start === 300 && candidate.sign === -1)).toBe(true);
    expect(
      found.some(
        (candidate) => candidate.start === 400 && candidate.end === 409 && candidate.sign === -1,
      ),
    ).toBe(true);
  });

  it('skips NaN steps and needs most of a window scored: otherwise a gap inside a run breaks or fakes it', () => {
    const z = quietScores(6, 300);
    for (let index = 100; index < 108; index += 1) z[index] = -3;
    z[104] = Number.NaN;
    const found = findResidualCandidates(z, options);
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(100);
    expect(found[0]!.end).toBe(107);
    const gappy = new Float64Array(40).fill(Number.NaN);
    for (let index = 0; index < 40; index += 4) gappy[index] = -3;
    expect(findResidualCandidates(gappy, options)).toEqual([]);
  });

  it('respects maxRun: otherwise a slow drift of months is reported as a run', () => {
    const z = quietScores(7, 300);
    for (let index = 50; index < 250; index += 1) z[index] = -2.5;
    for (const candidate of findResidualCandidates(z, options)) {
      expect(candidate.end - candidate.start + 1).toBeLessThanOrEqual(options.maxRun);
    }
  });
});
