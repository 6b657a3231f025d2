import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../forecaster';
import { dampedForecaster, etsForecaster, holtForecaster, sesForecaster } from './ets-forecaster';

const WALK = (() => {
  let state = 42;
  let level = 200;
  return Array.from({ length: 60 }, () => {
    state = (1103515245 * state + 12345) % 2147483648;
    level = Math.max(5, level + 1 + 12 * (state / 2147483648 - 0.5));
    return Math.round(level * 100) / 100;
  });
})();

function expectIntervalsWidenAndContain(result: ForecastResult): void {
  expect(result.intervals.length).toBeGreaterThan(0);
  for (const interval of result.intervals) {
    result.mean.forEach((value, step) => {
      expect(interval.lower[step]!).toBeLessThanOrEqual(value);
      expect(interval.upper[step]!).toBeGreaterThanOrEqual(value);
      if (step > 0) {
        expect(interval.upper[step]! - interval.lower[step]!).toBeGreaterThanOrEqual(
          interval.upper[step - 1]! - interval.lower[step - 1]! - 1e-9,
        );
      }
    });
  }
}

describe('ETS forecasters', () => {
  it.each(
    [etsForecaster, sesForecaster, holtForecaster, dampedForecaster].map(
      (forecaster) => [forecaster.name, forecaster] as const,
    ),
  )('%s forecasts a constant series as itself', (_name, forecaster) => {
    const result = forecaster.forecast({
      values: new Array(30).fill(42),
      period: 4,
      horizon: 6,
      levels: [95],
    });
    result.mean.forEach((value) => expect(value).toBeCloseTo(42, 9));
    expect(result.notes.join(' ')).toMatch(/constant/);
  });

  it('continues a straight line exactly with a trend model (holt, and ets picks a trend)', () => {
    const line = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    for (const forecaster of [holtForecaster, etsForecaster]) {
      const result = forecaster.forecast({ values: line, period: 1, horizon: 5 });
      result.mean.forEach((value, step) => expect(value).toBeCloseTo(70 + 2 * step, 6));
    }
  });

  it('recovers a purely seasonal pattern', () => {
    const pattern = [30, 55, 80, 45];
    const values = Array.from({ length: 32 }, (_, t) => pattern[t % 4] as number);
    const result = etsForecaster.forecast({ values, period: 4, horizon: 8 });
    result.mean.forEach((value, step) => expect(value).toBeCloseTo(pattern[step % 4] as number, 6));
    expect(result.parameters.model).toMatch(/,[AM]\)$/);
  });

  it.each(
    [etsForecaster, sesForecaster, holtForecaster, dampedForecaster].map(
      (forecaster) => [forecaster.name, forecaster] as const,
    ),
  )(
    '%s gives intervals that contain the forecast and widen with the horizon',
    (_name, forecaster) => {
      const result = forecaster.forecast({
        values: WALK,
        period: 1,
        horizon: 12,
        levels: [80, 95],
      });
      expect(result.method).toBe(forecaster.name);
      expectIntervalsWidenAndContain(result);
      expect(result.fitted).toHaveLength(WALK.length);
    },
  );

  it('uses the longest stretch without missing values and aligns forecasts after trailing gaps', () => {
    const values = [...WALK, Number.NaN, Number.NaN];
    values[5] = Number.NaN;
    const gapped = etsForecaster.forecast({ values, period: 1, horizon: 3 });
    const direct = etsForecaster.forecast({ values: WALK.slice(6), period: 1, horizon: 5 });
    expect(gapped.mean).toEqual(direct.mean.slice(2));
    expect(gapped.fitted).toHaveLength(values.length);
    expect(Number.isNaN(gapped.fitted![3]!)).toBe(true);
    expect(gapped.notes.join(' ')).toMatch(/longest stretch/);
  });

  it('accepts negative data with additive models only', () => {
    const values = WALK.map((value) => value - 230);
    expect(Math.min(...values)).toBeLessThan(0);
    const result = etsForecaster.forecast({ values, period: 1, horizon: 4, levels: [80] });
    expect(String(result.parameters.model)).toMatch(/^ETS\(A,/);
  });

  it('falls back below its minimum length and says so; naive below three values', () => {
    const short = holtForecaster.forecast({
      values: WALK.slice(0, 5),
      period: 1,
      horizon: 3,
      levels: [80],
    });
    expect(short.method).toBe('holt-simple');
    expect(short.notes.join(' ')).toMatch(/holt needs at least 9/);
    expect(short.mean).toHaveLength(3);
    const two = etsForecaster.forecast({ values: [5, 7], period: 1, horizon: 2, levels: [80] });
    expect(two.method).toBe('naive');
    expect(two.mean).toEqual([7, 7]);
    expect(two.intervals[0]!.upper[1]! - 7).toBeGreaterThan(two.intervals[0]!.upper[0]! - 7);
    expect(etsForecaster.minLength(12)).toBe(7);
  });

  it('validates the horizon and other fields with errors naming them', () => {
    for (const horizon of [0, -1, 1.5, Number.NaN]) {
      expect(() => etsForecaster.forecast({ values: WALK, period: 1, horizon })).toThrow(/horizon/);
    }
    expect(() =>
      etsForecaster.forecast({ values: WALK, period: 1, horizon: 3, levels: [101] }),
    ).toThrow(/levels/);
    expect(() => etsForecaster.forecast({ values: [], period: 1, horizon: 3 })).toThrow(RangeError);
    expect(() =>
      etsForecaster.forecast({ values: [1, 2, Infinity], period: 1, horizon: 3 }),
    ).toThrow(/values\[2\]/);
  });
});
