// The contract every Forecaster in contract-cases.ts must keep (forecaster.ts: NaN = missing).
import { describe, expect, it } from 'vitest';
import { contractCases } from './contract-cases';
import type { ForecastInput, ForecastResult } from './forecaster';

/** A reproducible positive random walk with drift (fixed linear congruential generator). */
function randomWalk(length: number, seed: number): number[] {
  let state = seed;
  let level = 200;
  return Array.from({ length }, () => {
    state = (1103515245 * state + 12345) % 2147483648;
    level = Math.max(5, level + 1 + 12 * (state / 2147483648 - 0.5));
    return Math.round(level * 100) / 100;
  });
}

const WALK = randomWalk(60, 42);
const PATTERN = [30, 55, 80, 45];
const PERIODIC = Array.from({ length: 32 }, (_, index) => PATTERN[index % 4] as number);

function expectWellFormed(result: ForecastResult, input: ForecastInput): void {
  expect(typeof result.method).toBe('string');
  expect(result.mean).toHaveLength(input.horizon);
  result.mean.forEach((value) => expect(Number.isFinite(value)).toBe(true));
  expect(Array.isArray(result.notes)).toBe(true);
  expect(typeof result.parameters).toBe('object');
  if (result.fitted) expect(result.fitted).toHaveLength(input.values.length);
}

function expectIntervalsValid(result: ForecastResult, levels: number[], widen: boolean): void {
  expect(result.intervals.map((interval) => interval.level)).toEqual(levels);
  result.intervals.forEach((interval) => {
    expect(interval.lower).toHaveLength(result.mean.length);
    result.mean.forEach((value, step) => {
      expect(interval.lower[step]).toBeLessThanOrEqual(value + 1e-9);
      expect(interval.upper[step]).toBeGreaterThanOrEqual(value - 1e-9);
      if (widen && step > 0) {
        expect(interval.upper[step]! - interval.lower[step]!).toBeGreaterThanOrEqual(
          interval.upper[step - 1]! - interval.lower[step - 1]! - 1e-9,
        );
      }
    });
  });
  for (let index = 1; index < result.intervals.length; index += 1) {
    const narrow = result.intervals[index - 1]!;
    const wide = result.intervals[index]!;
    wide.lower.forEach((lower, step) => {
      expect(lower).toBeLessThanOrEqual(narrow.lower[step]! + 1e-9);
      expect(wide.upper[step]).toBeGreaterThanOrEqual(narrow.upper[step]! - 1e-9);
    });
  }
}

describe.each(contractCases.map((item) => [item.forecaster.name, item] as const))(
  'Forecaster contract: %s',
  (_name, item) => {
    const { forecaster } = item;

    it('returns horizon finite forecasts and fitted values aligned with the input', () => {
      for (const period of [1, 12]) {
        const input = { values: WALK, period, horizon: 7, levels: [80, 95] };
        expectWellFormed(forecaster.forecast(input), input);
      }
    });

    it('is deterministic and leaves its (frozen) input untouched', () => {
      const values = Object.freeze([...WALK]);
      const first = forecaster.forecast({ values, period: 4, horizon: 5, levels: [80] });
      const second = forecaster.forecast({ values, period: 4, horizon: 5, levels: [80] });
      expect(second).toEqual(first);
      expect(values).toEqual(WALK);
    });

    it(
      item.constantForecastsItself
        ? 'forecasts a constant series as that constant'
        : 'forecasts a constant series below it (a debiased method)',
      () => {
        for (const period of [1, 4]) {
          const result = forecaster.forecast({
            values: new Array(36).fill(42),
            period,
            horizon: 6,
          });
          result.mean.forEach((value) => {
            if (item.constantForecastsItself) expect(value).toBeCloseTo(42, 6);
            else expect(value).toBeLessThan(42);
          });
        }
      },
    );

    if (item.recoversSeasonalPattern) {
      it('continues a purely periodic series exactly', () => {
        const result = forecaster.forecast({ values: PERIODIC, period: 4, horizon: 8 });
        result.mean.forEach((value, step) => expect(value).toBeCloseTo(PATTERN[step % 4]!, 6));
      });
    }

    it(`returns ${item.intervals === 'never' ? 'no' : 'valid'} intervals: nested, around the forecast, widening with the horizon (period 1)`, () => {
      const levels = [80, 95];
      const result = forecaster.forecast({ values: WALK, period: 1, horizon: 10, levels });
      if (item.intervals === 'never') expect(result.intervals).toEqual([]);
      else if (item.intervals === 'always' || result.intervals.length > 0) {
        expectIntervalsValid(result, levels, true);
      }
      const seasonal = forecaster.forecast({ values: WALK, period: 12, horizon: 14, levels });
      if (item.intervals === 'always' || seasonal.intervals.length > 0) {
        expectIntervalsValid(seasonal, levels, false);
      }
    });

    it('handles missing values (NaN) inside and at the ends of the series', () => {
      const values = [...WALK];
      values[10] = Number.NaN;
      values[11] = Number.NaN;
      values[0] = Number.NaN;
      values[59] = Number.NaN;
      const input = { values, period: 1, horizon: 4 };
      expectWellFormed(forecaster.forecast(input), input);
    });

    it('works at its minimum length and falls back (saying so) below it', () => {
      const minimum = forecaster.minLength(4);
      const input = { values: WALK.slice(0, minimum), period: 4, horizon: 3 };
      expectWellFormed(forecaster.forecast(input), input);
      if (minimum > 1) {
        const short = forecaster.forecast({
          values: WALK.slice(0, minimum - 1),
          period: 4,
          horizon: 3,
        });
        expect(short.method).not.toBe(forecaster.name);
        expect(short.notes.join(' ')).toMatch(/needs at least/);
      }
    });

    it('rejects bad input with an error naming the field', () => {
      const base: ForecastInput = { values: WALK.slice(0, 20), period: 1, horizon: 3 };
      const call = (change: Partial<Record<keyof ForecastInput, unknown>>) => () =>
        forecaster.forecast({ ...base, ...change } as ForecastInput);
      expect(call({ values: [1, 2, 'x', 4] })).toThrow(/values\[2\]/);
      expect(call({ values: [1, 2, Infinity, 4] })).toThrow(/values\[2\]/);
      expect(call({ values: [] })).toThrow(RangeError);
      for (const horizon of [0, -2, 2.5, Number.NaN]) expect(call({ horizon })).toThrow(/horizon/);
      expect(call({ period: 0 })).toThrow(/period/);
      expect(call({ levels: [80, 120] })).toThrow(/levels/);
      if (item.rejectsNegative)
        expect(call({ values: [3, -1, 4] })).toThrow(/values\[1\].*negative/);
    });
  },
);
