import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { buildBaseline, fromWorkingScale, robustScale, toWorkingScale } from './baseline';

const weekly = [0, 10, 6, -4, -8, -12, 8];

/** Continuous daily series: level 100, weekly pattern, normal noise of sd `noise`. */
function continuousSeries(seed: number, n: number, noise = 2): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, t) => 100 + weekly[t % 7]! + noise * random.normal());
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
}

describe('toWorkingScale and fromWorkingScale', () => {
  it('round-trip every count and leave continuous values alone: otherwise expected values printed in units are wrong', () => {
    for (const value of [0, 1, 2, 7, 40, 399, 12345]) {
      expect(fromWorkingScale(toWorkingScale(value, true), true)).toBeCloseTo(value, 9);
      expect(toWorkingScale(value, false)).toBe(value);
      expect(fromWorkingScale(value, false)).toBe(value);
    }
    expect(toWorkingScale(0, true)).toBeCloseTo(2 * Math.sqrt(0.375), 12);
  });

  it('never return a negative count from below the scale’s floor: otherwise an expected range could read -3 units', () => {
    expect(fromWorkingScale(0, true)).toBe(0);
    expect(fromWorkingScale(-5, true)).toBe(0);
    expect(fromWorkingScale(0.5, true)).toBe(0);
  });

  it('make Poisson counts unit-variance (Anscombe 1948) at means 5, 30 and 200: otherwise one scale cannot judge slow and fast sellers', () => {
    const random = createRandom(3);
    for (const mean of [5, 30, 200]) {
      const transformed = Array.from({ length: 4000 }, () =>
        toWorkingScale(random.poisson(mean), true),
      );
      expect(variance(transformed)).toBeGreaterThan(0.9);
      expect(variance(transformed)).toBeLessThan(1.1);
    }
  });
});

describe('robustScale', () => {
  it('is 1.4826 times the median absolute deviation: otherwise residual z-scores are not normal-equivalent', () => {
    const residual = Float64Array.from([1, 2, 3, 4, 100, Number.NaN]);
    // median 3, absolute deviations 2, 1, 0, 1, 97 -> median 1
    expect(robustScale(residual)).toBeCloseTo(1.4826, 12);
  });

  it('falls back to 1.2533 times the mean absolute deviation when MAD is 0: otherwise a mostly flat series with rare moves divides by zero', () => {
    const residual = Float64Array.from([0, 0, 0, 0, 0, 0, 7]);
    expect(robustScale(residual)).toBeCloseTo(1.2533 * (7 / 7), 12);
  });

  it('is 0 for a constant or empty residual: otherwise a constant series would be scored', () => {
    expect(robustScale(Float64Array.from([4, 4, 4]))).toBe(0);
    expect(robustScale(Float64Array.from([Number.NaN, Number.NaN]))).toBe(0);
    expect(robustScale(new Float64Array(0))).toBe(0);
  });

  it('estimates the sd of normal residuals within 5% despite 5% wild values: otherwise outliers inflate the scale and hide themselves', () => {
    const random = createRandom(8);
    const residual = Float64Array.from({ length: 4000 }, (_, index) =>
      index % 20 === 0 ? 500 : 3 * random.normal(),
    );
    expect(robustScale(residual)).toBeGreaterThan(3 * 0.95);
    expect(robustScale(residual)).toBeLessThan(3 * 1.1);
  });
});

describe('buildBaseline', () => {
  it('fills gaps by linear interpolation and the ends by the nearest value, and never scores them: otherwise a feed gap reads as a drop', () => {
    const values = [Number.NaN, 10, 12, Number.NaN, Number.NaN, 18, 20, 22, 24, 26, Number.NaN];
    const baseline = buildBaseline(values, { periods: [] });
    expect(baseline.counts).toBe(true);
    const back = Array.from(baseline.working, (value) => fromWorkingScale(value, true));
    // interpolation is on the working (square-root) scale: between 12 and 18, ends copied
    expect(back[0]).toBeCloseTo(10, 9);
    expect(back[3]).toBeGreaterThan(12);
    expect(back[4]).toBeGreaterThan(back[3]!);
    expect(back[4]).toBeLessThan(18);
    expect(back[10]).toBeCloseTo(26, 9);
    const w12 = toWorkingScale(12, true);
    const w18 = toWorkingScale(18, true);
    expect(baseline.working[3]).toBeCloseTo(w12 + (w18 - w12) / 3, 12);
    for (const index of [0, 3, 4, 10]) expect(baseline.residual[index]).toBeNaN();
    expect(baseline.notes.join(' ')).toMatch(/4 missing steps/);
  });

  it('interpolates over explained steps and leaves them unscored: otherwise a promotion raises its own baseline', () => {
    const values = continuousSeries(2, 140);
    const explained = values.map((_, index) => index >= 60 && index < 63);
    for (let index = 60; index < 63; index += 1) values[index] = values[index]! * 3;
    const baseline = buildBaseline(values, { periods: [7], explained });
    for (let index = 60; index < 63; index += 1) {
      expect(baseline.residual[index]).toBeNaN();
      expect(baseline.working[index]).toBeLessThan(150);
    }
    expect(baseline.notes).toEqual([]);
  });

  it('treats whole non-negative values with a typical level up to 100,000 as counts, others as continuous: otherwise the wrong noise model is used', () => {
    expect(buildBaseline([3, 0, 5, 2, 8, 1, 0, 4], { periods: [] }).counts).toBe(true);
    expect(buildBaseline([3, 0, 5.5, 2, 8, 1, 0, 4], { periods: [] }).counts).toBe(false);
    expect(buildBaseline([3, 0, -5, 2, 8, 1, 0, 4], { periods: [] }).counts).toBe(false);
    expect(buildBaseline([900, 1000, 950, 980, 1010, 990, 1003, 970], { periods: [] }).counts).toBe(
      true,
    );
    const bytes = [2e5, 3e5, 2.5e5, 2.8e5, 3.1e5, 2.9e5, 3e5, 2.7e5];
    expect(buildBaseline(bytes, { periods: [] }).counts).toBe(false);
  });

  it('keeps the scale of counts at least 1 (Poisson noise on the Anscombe scale): otherwise a steady seller’s ordinary wobble is flagged', () => {
    const values = Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? 20 : 21));
    expect(buildBaseline(values, { periods: [] }).scale).toBeGreaterThanOrEqual(1);
  });

  it('recovers a weekly pattern and the noise level of a seasonal series: otherwise every weekend is an anomaly', () => {
    const values = continuousSeries(5, 364, 2);
    const baseline = buildBaseline(values, { periods: [7] });
    expect(baseline.period).toBe(7);
    expect(baseline.counts).toBe(false);
    for (let index = 28; index < 336; index += 1) {
      expect(Math.abs(baseline.expected[index]! - (100 + weekly[index % 7]!))).toBeLessThan(2.5);
    }
    expect(baseline.scale).toBeGreaterThan(1.6);
    expect(baseline.scale).toBeLessThan(2.4);
  });

  it('drops a period the series cannot hold twice and says so: otherwise STL runs on under two cycles', () => {
    const short = buildBaseline(continuousSeries(1, 14), { periods: [7] });
    expect(short.period).toBe(0);
    expect(short.notes.join(' ')).toMatch(/too short for the seasonal period 7/);
    expect(Array.from(short.seasonal).every((value) => value === 0)).toBe(true);
    expect(buildBaseline(continuousSeries(1, 15), { periods: [7] }).period).toBe(7);
    expect(buildBaseline(continuousSeries(1, 400), { periods: [7, 365] }).period).toBe(7);
  });
});
