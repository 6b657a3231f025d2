import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { buildBaseline } from './baseline';
import { findLevelShifts, shiftWindow } from './level-shift';
import { STL_THRESHOLDS } from './stl-residual';

const weekly = [0, 6, 4, -3, -5, -8, 6];
const medium = STL_THRESHOLDS.medium.level_shift;

/** Daily continuous series around `level(t)` with a weekly pattern and normal noise sd 3. */
function series(seed: number, n: number, level: (t: number) => number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, t) => level(t) + weekly[t % 7]! + 3 * random.normal());
}

const shiftsOf = (values: readonly number[], floor: number) =>
  findLevelShifts(buildBaseline(values, { periods: [7] }), floor);

/**
 * Shifts with both neighbouring windows inside the series. Within two windows of either end only
 * one drift check applies, and a yearly wave's curvature there IS reported today (sine of ±30%,
 * 3 years: a shift at scores 8-19 at medium in 20 of 20 seeds, near an end; a 0.3/day trend in 2 of 20):
 * a known weakness, not asserted away here.
 */
const interior = <T extends { at: number }>(shifts: T[], n: number): T[] =>
  shifts.filter((shift) => shift.at >= 2 * shiftWindow(7) && shift.at + 2 * shiftWindow(7) <= n);

describe('shiftWindow', () => {
  it('is four cycles and at least 28 steps: otherwise daily shifts are judged on too few days', () => {
    expect(shiftWindow(0)).toBe(28);
    expect(shiftWindow(7)).toBe(28);
    expect(shiftWindow(24)).toBe(96);
  });
});

describe('findLevelShifts', () => {
  /**
   * Over 20 seeds the step is always found, but dated exactly only within a few days: the two
   * 28-day medians barely change when the split moves by a few steps (measured: 16 of 20 within
   * ±2 for the 25% step, worst 9 days off; 14 of 20 for the counts, worst 4).
   */
  function datingErrors(make: (seed: number) => number[], at: number, up: boolean): number[] {
    const errors: number[] = [];
    for (let seed = 1; seed <= 20; seed += 1) {
      const found = shiftsOf(make(seed), medium);
      expect(found, `seed ${seed}`).toHaveLength(1);
      expect(found[0]!.after > found[0]!.before, `seed ${seed}`).toBe(up);
      expect(found[0]!.score).toBeGreaterThanOrEqual(medium);
      errors.push(Math.abs(found[0]!.at - at));
    }
    return errors;
  }

  it('finds a step up of 25% once in each of 20 seeds, mostly within ±2 days and never past 10: otherwise a new listing or a lost customer goes unseen or misdated', () => {
    const errors = datingErrors(
      (seed) => series(seed, 730, (t) => (t < 400 ? 100 : 125)),
      400,
      true,
    );
    expect(errors.filter((error) => error <= 2).length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...errors)).toBeLessThanOrEqual(10);
  });

  it('finds daily counts dropping to a quarter once in each of 20 seeds, mostly within ±2 days and never past 6: otherwise a delisting is missed or misdated', () => {
    const counts = (seed: number) => {
      const random = createRandom(seed * 10 + 1);
      return Array.from({ length: 730 }, (_, t) =>
        random.negativeBinomial((t < 300 ? 40 : 10) * (1 + weekly[t % 7]! / 20), 20),
      );
    };
    const errors = datingErrors(counts, 300, false);
    expect(errors.filter((error) => error <= 2).length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...errors)).toBeLessThanOrEqual(6);
  });

  it('finds a shift three weeks before the end, at most a quarter window early: otherwise recent shifts wait a month', () => {
    // the shorter window after the step scores lower, so the step is placed up to 7 days early
    // (measured: 469-477 for a step at 479 over 20 seeds)
    const found = shiftsOf(
      series(4, 500, (t) => (t < 479 ? 100 : 140)),
      medium,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.at).toBeGreaterThanOrEqual(479 - shiftWindow(7) / 4);
    expect(found[0]!.at).toBeLessThanOrEqual(481);
  });

  it.each([1, 2, 3])(
    'reports no shift away from the ends on a steep linear trend, even at the sweep floor 3 (seed %d): otherwise growth reads as a run of shifts',
    (seed) => {
      expect(
        interior(
          shiftsOf(
            series(seed, 1095, (t) => 50 + 0.3 * t),
            3,
          ),
          1095,
        ),
      ).toEqual([]);
    },
  );

  it.each([1, 2, 3])(
    'reports no shift away from the ends on a yearly sine of ±30%, even at the sweep floor 3 (seed %d): otherwise the season is mistaken for shifts',
    (seed) => {
      const values = series(seed, 1095, (t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 365.25));
      expect(interior(shiftsOf(values, 3), 1095)).toEqual([]);
    },
  );

  it('keeps two shifts that are far apart and only the strongest within one window: otherwise one step is reported on many days', () => {
    const found = shiftsOf(
      series(5, 900, (t) => (t < 300 ? 100 : t < 600 ? 130 : 100)),
      medium,
    );
    expect(found.map((shift) => shift.at)).toHaveLength(2);
    expect(Math.abs(found[0]!.at - 300)).toBeLessThanOrEqual(2);
    expect(Math.abs(found[1]!.at - 600)).toBeLessThanOrEqual(2);
    expect(found[1]!.at - found[0]!.at).toBeGreaterThanOrEqual(shiftWindow(7));
  });

  it('ignores missing steps in the medians: otherwise a gap at the step hides or fakes it', () => {
    const values = series(6, 730, (t) => (t < 400 ? 100 : 125));
    for (let index = 390; index < 398; index += 1) values[index] = Number.NaN;
    const found = shiftsOf(values, medium);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0]!.at - 400)).toBeLessThanOrEqual(2);
  });
});
