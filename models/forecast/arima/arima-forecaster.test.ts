import { describe, expect, it } from 'vitest';
import type { ForecastInput } from '../forecaster';
import { arimaForecaster, createArimaForecaster } from './arima-forecaster';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';

const series = simulateArma(60, { ar: [0.6] }, createRandom(77)).map((value) => value + 30);

describe('arimaForecaster', () => {
  it('is named arima and needs five observations', () => {
    expect(arimaForecaster.name).toBe('arima');
    expect(arimaForecaster.minLength(12)).toBe(5);
  });

  it('returns horizon forecasts, ordered intervals per level and aligned fitted values', () => {
    const result = arimaForecaster.forecast({
      values: series,
      period: 1,
      horizon: 6,
      levels: [80, 95],
    });
    expect(result.method).toBe('arima');
    expect(result.mean).toHaveLength(6);
    expect(result.intervals.map((interval) => interval.level)).toEqual([80, 95]);
    const [eighty, ninetyFive] = result.intervals;
    result.mean.forEach((mean, h) => {
      expect(eighty!.lower[h]).toBeLessThan(mean);
      expect(eighty!.upper[h]).toBeGreaterThan(mean);
      expect(ninetyFive!.lower[h]).toBeLessThan(eighty!.lower[h]!);
    });
    expect(result.fitted).toHaveLength(series.length);
    expect(typeof result.parameters.model).toBe('string');
    expect(result.notes.some((note) => note.startsWith('Selected ARIMA('))).toBe(true);
  });

  it('gives no intervals when no levels are asked for', () => {
    expect(arimaForecaster.forecast({ values: series, period: 1, horizon: 2 }).intervals).toEqual(
      [],
    );
  });

  it('skips leading missing values, keeps interior ones and says so', () => {
    const values = [Number.NaN, Number.NaN, ...series];
    values[20] = Number.NaN;
    const result = arimaForecaster.forecast({ values, period: 1, horizon: 3, levels: [90] });
    expect(result.fitted).toHaveLength(values.length);
    expect(Number.isNaN(result.fitted![0]!)).toBe(true);
    expect(result.notes).toContain('Ignored 2 leading missing values.');
    result.mean.forEach((mean) => expect(Number.isFinite(mean)).toBe(true));
  });

  it('falls back to a random walk for fewer than five observations and says so', () => {
    const result = arimaForecaster.forecast({
      values: [3, 4, 6],
      period: 1,
      horizon: 2,
      levels: [80],
    });
    expect(result.method).toBe('naive');
    expect(result.mean).toEqual([6, 6]);
    expect(result.notes[0]).toMatch(/needs at least 5 observations, got 3: used a random walk/);
    expect(result.intervals[0]!.upper[1]! - result.intervals[0]!.upper[0]!).toBeGreaterThan(0);
  });

  it('with one observation forecasts it flat and leaves the intervals missing', () => {
    const result = arimaForecaster.forecast({
      values: [Number.NaN, 7],
      period: 4,
      horizon: 2,
      levels: [95],
    });
    expect(result.mean).toEqual([7, 7]);
    expect(result.intervals[0]!.lower.every(Number.isNaN)).toBe(true);
    expect(result.notes.some((note) => note.includes('One observation'))).toBe(true);
  });

  it('notes when a seasonal period is too long for the data', () => {
    const result = arimaForecaster.forecast({
      values: series.slice(0, 20),
      period: 12,
      horizon: 3,
    });
    expect(
      result.notes.some((note) => note.includes('Too few observations for seasonal terms')),
    ).toBe(true);
  });

  it('passes options to the search', () => {
    const forecaster = createArimaForecaster({ maxP: 0, maxQ: 0 });
    const result = forecaster.forecast({ values: series, period: 1, horizon: 1 });
    expect(result.parameters.p).toBe(0);
    expect(result.parameters.q).toBe(0);
  });

  it.each([
    [{ values: 'abc', period: 1, horizon: 1 }, TypeError, /values must be an array/],
    [{ values: [1, 'x', 3], period: 1, horizon: 1 }, TypeError, /values\[1\]/],
    [{ values: [1, Infinity], period: 1, horizon: 1 }, RangeError, /values\[1\] is Infinity/],
    [{ values: [1, 2, 3], period: 0, horizon: 1 }, RangeError, /period: 0/],
    [{ values: [1, 2, 3], period: 1, horizon: 0 }, RangeError, /horizon: 0/],
    [{ values: [1, 2, 3], period: 1, horizon: 1, levels: [100] }, RangeError, /levels\[0\] = 100/],
    [{ values: [Number.NaN], period: 1, horizon: 1 }, RangeError, /no observations/],
  ])('rejects bad input %j naming the field', (input, errorType, message) => {
    expect(() => arimaForecaster.forecast(input as unknown as ForecastInput)).toThrow(errorType);
    expect(() => arimaForecaster.forecast(input as unknown as ForecastInput)).toThrow(message);
  });
});
