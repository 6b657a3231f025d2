import { describe, expect, it } from 'vitest';
import { rollingOriginBacktest } from './backtest';
import type { ForecastInput, Forecaster } from './forecaster';
import { naiveForecaster } from './naive';

const SERIES = [12, 15, 11, 18, 16, 20, 17, 23, 21, 25, 22, 28];

function spy(inner: Forecaster): { forecaster: Forecaster; seen: ForecastInput[] } {
  const seen: ForecastInput[] = [];
  return {
    seen,
    forecaster: {
      name: 'spy',
      minLength: inner.minLength,
      forecast(input) {
        seen.push({ ...input, values: [...input.values] });
        return inner.forecast(input);
      },
    },
  };
}

describe('rollingOriginBacktest', () => {
  it('never passes the scored window (or anything after it) to the forecaster', () => {
    const { forecaster, seen } = spy(naiveForecaster);
    const result = rollingOriginBacktest(forecaster, SERIES, { period: 1, horizon: 3, origins: 4 });
    expect(seen.map((input) => input.values.length)).toEqual([6, 7, 8, 9]);
    seen.forEach((input, index) => {
      const origin = result.perOrigin[index]!;
      expect(input.values).toEqual(SERIES.slice(0, origin.trainLength));
      expect(origin.actual).toEqual(SERIES.slice(origin.trainLength, origin.trainLength + 3));
    });
    expect(result.perOrigin.at(-1)!.actual).toEqual(SERIES.slice(-3));
  });

  it('hands over a frozen copy, so a forecaster cannot append or rewrite values', () => {
    const tamperer: Forecaster = {
      name: 'tamperer',
      minLength: () => 1,
      forecast(input) {
        (input.values as number[]).push(999);
        return naiveForecaster.forecast(input);
      },
    };
    expect(() =>
      rollingOriginBacktest(tamperer, SERIES, { period: 1, horizon: 2, origins: 1 }),
    ).toThrow(TypeError);
  });

  it('would expose a look-ahead forecaster: one that knows the future scores perfectly', () => {
    // A cheat that reads the series through a closure, not the input, gets zero error; the
    // honest naive forecaster does not: the backtest's scores really depend on what was seen.
    let calls = 0;
    const cheat: Forecaster = {
      name: 'cheat',
      minLength: () => 1,
      forecast(input) {
        const start = input.values.length;
        calls += 1;
        return {
          ...naiveForecaster.forecast(input),
          mean: SERIES.slice(start, start + input.horizon),
        };
      },
    };
    const cheating = rollingOriginBacktest(cheat, SERIES, { period: 1, horizon: 2, origins: 3 });
    const honest = rollingOriginBacktest(naiveForecaster, SERIES, {
      period: 1,
      horizon: 2,
      origins: 3,
    });
    expect(calls).toBe(3);
    expect(cheating.metrics.smape).toBe(0);
    expect(honest.metrics.smape).toBeGreaterThan(0);
  });

  it('averages per-origin errors and pools WAPE, bias and coverage', () => {
    const result = rollingOriginBacktest(naiveForecaster, SERIES, {
      period: 1,
      horizon: 2,
      origins: 2,
      levels: [80, 95],
    });
    // Origin 9: naive 21 against [25, 22]; origin 10: naive 25 against [22, 28].
    const [first, second] = result.perOrigin;
    expect(first!.forecast).toEqual([21, 21]);
    expect(second!.forecast).toEqual([25, 25]);
    expect(result.metrics.wape).toBeCloseTo((4 + 1 + 3 + 3) / (25 + 22 + 22 + 28), 12);
    expect(result.metrics.bias).toBeCloseTo((-4 - 1 + 3 - 3) / 4, 12);
    expect(result.metrics.smape).toBeCloseTo(
      (first!.metrics.smape + second!.metrics.smape) / 2,
      12,
    );
    expect(Object.keys(result.metrics.coverage)).toEqual(['80', '95']);
    expect(result.metrics.coverage[95]).toBeGreaterThanOrEqual(result.metrics.coverage[80]!);
    expect(result.metrics.pinball).toBeGreaterThan(0);
  });

  it('reports no pinball loss or coverage when the method gives no intervals', () => {
    const result = rollingOriginBacktest(naiveForecaster, SERIES, {
      period: 1,
      horizon: 2,
      origins: 2,
    });
    expect(result.metrics.pinball).toBeNull();
    expect(result.metrics.coverage).toEqual({});
  });

  it('clips negative forecasts at zero only when asked', () => {
    const falling = [10, 8, 6, 4, 2, 1];
    const drifting: Forecaster = {
      name: 'drift',
      minLength: () => 2,
      forecast(input) {
        const last = input.values.at(-1)!;
        return {
          method: 'drift',
          mean: Array.from({ length: input.horizon }, (_, step) => last - 3 * (step + 1)),
          intervals: [],
          parameters: {},
          notes: [],
        };
      },
    };
    const options = { period: 1, horizon: 2, origins: 1 };
    // Trained on [10, 8, 6, 4]: 4 - 3 = 1, 4 - 6 = -2.
    expect(rollingOriginBacktest(drifting, falling, options).perOrigin[0]!.forecast).toEqual([
      1, -2,
    ]);
    expect(
      rollingOriginBacktest(drifting, falling, { ...options, truncateAtZero: true }).perOrigin[0]!
        .forecast,
    ).toEqual([1, 0]);
  });

  it('rejects more origins than the series can hold', () => {
    expect(() =>
      rollingOriginBacktest(naiveForecaster, SERIES, { period: 1, horizon: 6, origins: 7 }),
    ).toThrow(/origins: 7 origins/);
    expect(() =>
      rollingOriginBacktest(naiveForecaster, SERIES, { period: 1, horizon: 0, origins: 1 }),
    ).toThrow(/horizon/);
  });
});
