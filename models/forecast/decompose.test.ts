import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/r-forecasts.json' with { type: 'json' };
import {
  centredMovingAverage,
  classicalDecomposition,
  seasonalityTest,
  seasonallyAdjust,
} from './decompose';

describe('classicalDecomposition against R decompose()', () => {
  for (const series of fixtures.series.filter((item) => 'decompose' in item && item.decompose)) {
    it(`${series.id}: multiplicative and additive seasonal indices match R to 1e-10`, () => {
      const expected = series.decompose!;
      const multiplicative = classicalDecomposition(series.values, series.period, 'multiplicative');
      const additive = classicalDecomposition(series.values, series.period, 'additive');
      multiplicative.figure.forEach((value, index) =>
        expect(value).toBeCloseTo(expected.multiplicative[index] as number, 10),
      );
      additive.figure.forEach((value, index) =>
        expect(value).toBeCloseTo(expected.additive[index] as number, 8),
      );
    });
  }

  it('recovers a pure multiplicative seasonal pattern exactly', () => {
    const pattern = [0.8, 1.3, 1.1, 0.6, 1.2];
    const values = Array.from({ length: 40 }, (_, index) => 50 * (pattern[index % 5] as number));
    const result = classicalDecomposition(values, 5, 'multiplicative');
    const average = pattern.reduce((sum, value) => sum + value, 0) / pattern.length;
    result.figure.forEach((value, index) =>
      expect(value).toBeCloseTo((pattern[index] as number) / average, 12),
    );
    result.remainder.forEach((value) => {
      if (!Number.isNaN(value)) expect(value).toBeCloseTo(1, 12);
    });
  });

  it('uses a 2 x m moving average for an even period and a plain one for an odd period', () => {
    const values = [3, 8, 1, 9, 4, 7, 2, 6];
    const even = centredMovingAverage(values, 4);
    expect(Number.isNaN(even[1] as number)).toBe(true);
    expect(even[2]).toBeCloseTo((0.5 * 3 + 8 + 1 + 9 + 0.5 * 4) / 4, 12);
    const odd = centredMovingAverage(values, 3);
    expect(odd[1]).toBeCloseTo((3 + 8 + 1) / 3, 12);
    expect(Number.isNaN(odd[7] as number)).toBe(true);
  });

  it('rejects fewer than two full cycles and gaps', () => {
    expect(() => classicalDecomposition([1, 2, 3, 4, 5], 4)).toThrow(/two full cycles/);
    expect(() => classicalDecomposition([1, 2, Number.NaN, 4, 5, 6, 7, 8], 4)).toThrow(
      /values\[2\]/,
    );
    expect(() => classicalDecomposition([1, 2, 3, 4], 1)).toThrow(/period/);
  });
});

describe('seasonalityTest (90% autocorrelation test)', () => {
  for (const series of fixtures.series) {
    it(`${series.id}: thetaf-rule decision and statistics match R`, () => {
      const result = seasonalityTest(series.values, series.period, 'thetaf');
      expect(result.seasonal).toBe(series.seasonalTest.seasonal);
      if (series.seasonalTest.autocorrelation !== null) {
        expect(result.autocorrelation).toBeCloseTo(series.seasonalTest.autocorrelation, 12);
        expect(result.limit).toBeCloseTo(series.seasonalTest.limit as number, 12);
      }
    });
  }

  it('needs three full cycles under the M4 rule but only more than two under the thetaf rule', () => {
    const quarterly = fixtures.series.find((series) => series.id === 'quarterly-11')!;
    expect(seasonalityTest(quarterly.values, 4, 'thetaf').seasonal).toBe(true);
    const m4 = seasonalityTest(quarterly.values, 4, 'm4');
    expect(m4.seasonal).toBe(false);
    expect(m4.skipped).toMatch(/at least 12/);
    expect(seasonalityTest([...quarterly.values, 21], 4, 'm4').seasonal).toBe(true);
  });

  it('finds no seasonality in a constant series or with period 1', () => {
    expect(seasonalityTest(new Array(40).fill(7), 4).seasonal).toBe(false);
    expect(seasonalityTest([1, 5, 2, 8, 1, 5, 2, 8], 1).skipped).toMatch(/period 1/);
  });
});

describe('seasonallyAdjust', () => {
  it('divides by the indices and continues them after the end of the series', () => {
    const pattern = [0.5, 1.5, 1, 1];
    const values = Array.from({ length: 26 }, (_, index) => 10 * (pattern[index % 4] as number));
    const adjustment = seasonallyAdjust(values, 4);
    expect(adjustment.seasonal).toBe(true);
    adjustment.adjusted.forEach((value) => expect(value).toBeCloseTo(10, 10));
    // Position 26 is cycle position 2, then 3, 0, 1.
    expect(adjustment.future(4).map((value) => value * 10)).toEqual(
      [10, 10, 5, 15].map((value) => expect.closeTo(value, 10) as unknown as number),
    );
  });

  it('leaves a series with zeros unadjusted and says why', () => {
    const values = Array.from({ length: 24 }, (_, index) =>
      index % 4 === 0 ? 0 : 10 + (index % 4),
    );
    const adjustment = seasonallyAdjust(values, 4);
    expect(adjustment.seasonal).toBe(false);
    expect(adjustment.adjusted).toEqual(values);
    expect(adjustment.notes.join(' ')).toMatch(/positive values/);
  });
});
