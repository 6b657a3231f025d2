import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../calendar/dates';
import { createRandom } from '../../stats/random';
import { backtestAnalogy } from './analogy-backtest';
import { forecastByAnalogy, launchSeason, type LaunchedProduct } from './forecast-by-analogy';

const curve = [10, 30, 50, 60, 55, 50, 45, 40, 38, 36, 34, 32];
const march = dayNumberOf(2025, 3, 10);
const analogue = (
  id: string,
  factor: number,
  extra: Partial<LaunchedProduct> = {},
): LaunchedProduct => ({
  id,
  category: 'grains',
  price: 5,
  launchDay: march,
  weeklySinceLaunch: curve.map((value) => value * factor),
  ...extra,
});

describe('forecastByAnalogy', () => {
  it('recovers the scale when the new product is a scaled copy of its analogue (else the curve is mis-levelled)', () => {
    const result = forecastByAnalogy({
      target: {
        category: 'grains',
        price: 5,
        launchDay: march,
        observedWeekly: curve.slice(0, 3).map((v) => v * 1.4),
      },
      analogues: [analogue('a', 1)],
      horizonWeeks: 4,
    });
    expect(result.scaleFactor).toBeCloseTo(1.4, 12);
    result.mean.forEach((value, step) => expect(value).toBeCloseTo(curve[3 + step]! * 1.4, 10));
    expect(result.weeks).toEqual([4, 5, 6, 7]);
    expect(result.notes[0]).toMatch(
      /Scaled the launch curves of 1 similar grains .* first 3 weeks \(1\.40x their level\)/,
    );
  });

  it('scales each analogue to the observed weeks, so analogues at different levels agree on a scaled copy', () => {
    const result = forecastByAnalogy({
      target: {
        category: 'grains',
        price: 5,
        launchDay: march,
        observedWeekly: curve.slice(0, 2).map((v) => v * 2),
      },
      analogues: [
        analogue('a', 1),
        analogue('b', 3, { price: 6 }),
        analogue('c', 0.5, { launchDay: march + 60 }),
      ],
      horizonWeeks: 3,
    });
    result.mean.forEach((value, step) => expect(value).toBeCloseTo(curve[2 + step]! * 2, 10));
    expect(result.analogues.map((used) => used.scale)).toEqual(
      [2, 2 / 3, 4].map((v) => expect.closeTo(v, 12)),
    );
  });

  it('weights the closest analogue most (same price and launch month) and lists weights summing to 1', () => {
    const result = forecastByAnalogy({
      target: { category: 'grains', price: 5, launchDay: march, observedWeekly: [10] },
      analogues: [analogue('far', 1, { price: 12, launchDay: march + 180 }), analogue('near', 1)],
      horizonWeeks: 2,
    });
    expect(result.analogues[0]!.id).toBe('near');
    expect(result.analogues[0]!.weight).toBeGreaterThan(result.analogues[1]!.weight);
    expect(result.analogues.reduce((sum, used) => sum + used.weight, 0)).toBeCloseTo(1, 12);
  });

  it('with zero observed weeks uses the analogues’ own level adjusted for price (elasticity 0.5 by default)', () => {
    const result = forecastByAnalogy({
      target: { category: 'grains', price: 10, launchDay: march, observedWeekly: [] },
      analogues: [analogue('a', 1)],
      horizonWeeks: 2,
    });
    expect(result.basis).toBe('price-band');
    // twice the price -> 2^-0.5 of the units
    expect(result.mean[0]).toBeCloseTo(curve[0]! / Math.SQRT2, 10);
    expect(result.notes[0]).toMatch(/No sales yet/);
  });

  it('falls back to other categories with a note, or names the fix when that is not allowed', () => {
    const options = {
      target: { category: 'dairy', price: 5, launchDay: march, observedWeekly: [10] },
      analogues: [analogue('a', 1)],
      horizonWeeks: 2,
    };
    expect(forecastByAnalogy(options).notes.join(' ')).toMatch(
      /No launched product in category "dairy".*weaker analogy/,
    );
    expect(() => forecastByAnalogy({ ...options, allowOtherCategories: false })).toThrow(
      /analogues: no launched product in category "dairy" .* add one, or allow other categories/,
    );
  });

  it('says how long a history the horizon needs when no analogue is long enough', () => {
    expect(() =>
      forecastByAnalogy({
        target: { category: 'grains', price: 5, launchDay: march, observedWeekly: [1, 2, 3] },
        analogues: [analogue('a', 1)],
        horizonWeeks: 20,
      }),
    ).toThrow(/has 23 complete weeks .* the longest has 12\); shorten horizonWeeks/);
  });

  it('gives intervals that contain the point forecast and widen with the level', () => {
    const analogues = [0.6, 0.8, 1, 1.3, 1.7].map((factor, index) =>
      analogue(`a${index}`, 1, {
        weeklySinceLaunch: curve.map((value, week) => value * (week < 2 ? 1 : factor)),
      }),
    );
    const result = forecastByAnalogy({
      target: { category: 'grains', price: 5, launchDay: march, observedWeekly: [10, 30] },
      analogues,
      horizonWeeks: 5,
      levels: [50, 90],
    });
    const [inner, outer] = result.intervals;
    result.mean.forEach((value, step) => {
      expect(outer!.lower[step]!).toBeLessThanOrEqual(inner!.lower[step]!);
      expect(inner!.lower[step]!).toBeLessThanOrEqual(value);
      expect(value).toBeLessThanOrEqual(inner!.upper[step]!);
      expect(inner!.upper[step]!).toBeLessThanOrEqual(outer!.upper[step]!);
      expect(outer!.upper[step]! - outer!.lower[step]!).toBeGreaterThan(0);
    });
  });

  it('names a bad field: a non-positive target price', () => {
    expect(() =>
      forecastByAnalogy({
        target: { category: 'grains', price: 0, launchDay: march, observedWeekly: [] },
        analogues: [analogue('a', 1)],
        horizonWeeks: 2,
      }),
    ).toThrow(/target\.price: 0 must be a positive unit price/);
  });

  it('describes launch months as the shortest run on the calendar circle', () => {
    expect(
      launchSeason([dayNumberOf(2025, 12, 5), dayNumberOf(2025, 1, 5), dayNumberOf(2026, 2, 1)]),
    ).toBe('December–February');
    expect(launchSeason([dayNumberOf(2025, 4, 5)])).toBe('April');
  });
});

describe('backtest on seeded synthetic launches', () => {
  const rows = backtestAnalogy(createRandom(7), {
    analoguesPerCategory: 20,
    targetsPerCategory: 30,
    observedWeeks: [0, 2, 4, 6],
    horizonWeeks: 8,
  });

  it('analogy beats the mean of the first weeks carried flat at 2, 4 and 6 observed weeks (else the launch curve adds nothing)', () => {
    for (const row of rows.slice(1)) expect(row.analogyWape).toBeLessThan(row.rivalWape);
  });

  it('with no sales yet, analogy beats the unscaled category mean curve (else similarity and price adjustment add nothing)', () => {
    expect(rows[0]!.analogyWape).toBeLessThan(rows[0]!.rivalWape);
  });
});
