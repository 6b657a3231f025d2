import { describe, expect, it } from 'vitest';
import { createAutoForecaster, autoForecaster } from './auto';
import {
  backtestMinimumTrain,
  planBacktest,
  scoreCandidates,
  selectCandidate,
} from './auto-selection';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';
import { naiveForecaster } from './naive';
import { createRandom } from '../stats/random';

/** Forecasts the mean of the whole history: slow to follow level shifts. */
const historicalMean: Forecaster = {
  name: 'history-mean',
  minLength: () => 3,
  forecast(input: ForecastInput): ForecastResult {
    const values = input.values.filter((value) => !Number.isNaN(value));
    const average = values.reduce((total, value) => total + value, 0) / values.length;
    return {
      method: 'history-mean',
      mean: new Array<number>(input.horizon).fill(average),
      intervals: [],
      parameters: {},
      notes: [],
    };
  },
};

/** Level shifts that persist (a promotion-driven regime): the last value is the best guess. */
function levelShifts(length: number): number[] {
  return Array.from({ length }, (_, index) => 100 + 40 * Math.floor(index / 6) + (index % 2));
}

function seasonalSeries(length: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from(
    { length },
    (_, index) => 200 + index + 40 * Math.sin((2 * Math.PI * index) / 12) + 5 * random.normal(),
  );
}

describe('planBacktest', () => {
  it('uses the requested origins and horizon when the series is long enough', () => {
    expect(planBacktest(60, 6, 2, 3, 7)).toEqual({ origins: 2, step: 3, horizon: 6 });
  });

  it('scores fewer steps, then fewer origins, for short series (else the first fit would be too short)', () => {
    expect(planBacktest(14, 6, 2, 3, 7)).toEqual({ origins: 2, step: 3, horizon: 4 });
    expect(planBacktest(9, 6, 2, 3, 7)).toEqual({ origins: 1, step: 3, horizon: 2 });
    expect(planBacktest(7, 6, 2, 3, 7)).toBeUndefined();
  });
});

describe('backtestMinimumTrain', () => {
  it('keeps two full seasons before every origin when the series has them (else seasonal members are scored as non-seasonal ones)', () => {
    // Weekly retail: 117 weeks with period 52 leave 13 weeks to score: two origins 7 apart,
    // 6 weeks ahead each, not three 13-week origins reaching into the first two years.
    const minimum = backtestMinimumTrain(117, 52, 7);
    expect(minimum).toBe(104);
    expect(planBacktest(117, 13, 3, 7, minimum)).toEqual({ origins: 2, step: 7, horizon: 6 });
  });

  it('asks only the members minimum when the series is shorter than two seasons or not seasonal', () => {
    expect(backtestMinimumTrain(100, 52, 7)).toBe(7);
    expect(backtestMinimumTrain(100, 1, 7)).toBe(7);
  });
});

describe('scoreCandidates', () => {
  it('never shows a candidate the values it is scored on (no look-ahead)', () => {
    const seen: number[] = [];
    const spy: Forecaster = {
      ...naiveForecaster,
      name: 'spy',
      forecast(input) {
        seen.push(input.values.length);
        return naiveForecaster.forecast(input);
      },
    };
    const values = Array.from({ length: 30 }, (_, index) => index + 1);
    const [score] = scoreCandidates([spy], values, 1, { origins: 3, step: 2, horizon: 4 });
    expect(seen).toEqual([22, 24, 26]);
    // Naive on a line with slope 1 misses by 1..4 at each origin.
    expect(score?.perOrigin).toEqual([2.5, 2.5, 2.5]);
    expect(score?.mae).toBe(2.5);
  });
});

describe('selectCandidate', () => {
  const base = { name: 'combination', mae: 10, perOrigin: [9, 11] };
  it('keeps the combination when a benchmark is only slightly better (else selection noise costs accuracy)', () => {
    const scores = [base, { name: 'naive', mae: 9, perOrigin: [8, 10] }];
    expect(selectCandidate(scores, { margin: 0.2, everyOrigin: true }).index).toBe(0);
  });

  it('switches when a benchmark wins clearly and at every origin', () => {
    const scores = [
      base,
      { name: 'naive', mae: 7, perOrigin: [6, 8] },
      { name: 'snaive', mae: 5, perOrigin: [2, 8] },
    ];
    expect(selectCandidate(scores, { margin: 0.2, everyOrigin: true })).toEqual({
      index: 2,
      bestBenchmark: 2,
    });
  });

  it('keeps the combination when the best benchmark loses at one origin and every origin is required', () => {
    const scores = [base, { name: 'naive', mae: 6, perOrigin: [2, 12] }];
    expect(selectCandidate(scores, { margin: 0.2, everyOrigin: true }).index).toBe(0);
    expect(selectCandidate(scores, { margin: 0.2, everyOrigin: false }).index).toBe(1);
  });

  it('keeps a perfect combination (MAE 0) and ignores unscored benchmarks', () => {
    const scores = [
      { name: 'combination', mae: 0, perOrigin: [0] },
      { name: 'naive', mae: Number.NaN, perOrigin: [Number.NaN] },
    ];
    expect(selectCandidate(scores, { margin: 0, everyOrigin: false }).index).toBe(0);
  });
});

describe('autoForecaster', () => {
  it('switches to naive on persistent level shifts where the members are clearly worse (else auto misses what a naive forecast gets)', () => {
    const auto = createAutoForecaster({
      members: () => [historicalMean],
      benchmarks: () => [naiveForecaster],
      origins: 2,
    });
    const result = auto.forecast({ values: levelShifts(40), period: 1, horizon: 4 });
    expect(result.parameters.chosen).toBe('naive');
    expect(result.method).toBe('naive');
    expect(result.mean).toEqual(new Array(4).fill(341));
    // Only the backtest fits the member: the final forecast is the benchmark's.
    expect(result.parameters.memberFits).toBe(2);
    expect(result.notes[0]).toMatch(
      /Used naive: .* its error was under 50% of the combination's and lower at every origin/,
    );
    expect(result.parameters['backtestMae.naive']).toBeLessThan(
      result.parameters['backtestMae.auto'] as number,
    );
  });

  it('keeps the ETS/ARIMA/Theta/optimised-Theta combination on a smooth seasonal series, recording members and scores', () => {
    const result = createAutoForecaster({ origins: 2 }).forecast({
      values: seasonalSeries(72, 3),
      period: 12,
      horizon: 12,
      levels: [80, 95],
    });
    expect(result.method).toBe('auto');
    expect(result.parameters.chosen).toBe('combination');
    expect(result.parameters['member.ets']).toMatch(/^ets /);
    expect(result.parameters['member.arima']).toMatch(/^arima ARIMA/);
    expect(result.parameters.backtestOrigins).toBe(2);
    expect(result.parameters.memberFits).toBe(12);
    for (const name of ['auto', 'naive', 'snaive', 'naive2', 'theta']) {
      expect(Number.isFinite(result.parameters[`backtestMae.${name}`])).toBe(true);
    }
    expect(result.notes[0]).toMatch(/no benchmark was clearly better/);
    expect(result.intervals.map((interval) => interval.level)).toEqual([80, 95]);
  });

  it('uses the daily regression as the member of long daily series (else ARIMA would cost ~1 s a series there)', () => {
    const random = createRandom(17);
    const values = Array.from({ length: 800 }, (_, day) =>
      Math.round(
        60 *
          (day % 7 === 5 ? 1.4 : 1) *
          (1 + 0.2 * Math.sin((2 * Math.PI * day) / 365.25)) *
          Math.exp(0.1 * random.normal()),
      ),
    );
    const result = autoForecaster.forecast({ values, period: 7, horizon: 28, levels: [80] });
    expect(result.parameters['member.dhr']).toBeDefined();
    expect(result.parameters['member.arima']).toBeUndefined();
    expect(result.mean).toHaveLength(28);
    // the weekly peak (day 5 of every 7) carries into the forecast
    const peak = result.mean.filter((_, step) => (800 + step) % 7 === 5);
    const other = result.mean.filter((_, step) => (800 + step) % 7 !== 5);
    expect(Math.min(...peak)).toBeGreaterThan(Math.max(...other));
  });

  it('sends intermittent demand to auto-intermittent and says so (else zeros would be smoothed by ETS/ARIMA)', () => {
    const values = Array.from({ length: 40 }, (_, index) =>
      index % 4 === 0 ? 5 + (index % 3) : 0,
    );
    const result = autoForecaster.forecast({ values, period: 1, horizon: 3 });
    expect(result.parameters.chosen).toBe('auto-intermittent');
    expect(['croston', 'sba', 'tsb']).toContain(result.method);
    expect(result.notes[0]).toMatch(/Sporadic demand \(intermittent/);
  });

  it('falls back to a simpler method below its minimum length and says so', () => {
    const result = autoForecaster.forecast({ values: [5, 6, 7, 8], period: 1, horizon: 2 });
    expect(result.method).toBe('theta');
    expect(result.notes[0]).toMatch(/auto needs at least 7 observations .* got 4: used theta/);
  });

  it('uses the combination unchecked when too short to backtest, and says so', () => {
    const values = [10, 12, 11, 13, 12, 14, 13];
    const result = autoForecaster.forecast({ values, period: 1, horizon: 3 });
    expect(result.parameters.chosen).toBe('combination');
    expect(result.parameters.backtestOrigins).toBe(0);
    expect(result.notes[0]).toMatch(/Too few values \(7\) to backtest/);
  });

  it('passes period and length to the injected member and benchmark factories', () => {
    const calls: string[] = [];
    const auto = createAutoForecaster({
      members: (period, length) => {
        calls.push(`members ${period} ${length}`);
        return [historicalMean];
      },
      benchmarks: (period, length) => {
        calls.push(`benchmarks ${period} ${length}`);
        return [naiveForecaster];
      },
    });
    auto.forecast({ values: levelShifts(30), period: 7, horizon: 2 });
    expect(calls).toContain('members 7 30');
    expect(calls).toContain('benchmarks 7 30');
  });

  it('turns selection off with origins 0 (one fit per member)', () => {
    const auto = createAutoForecaster({ members: () => [historicalMean], origins: 0 });
    const result = auto.forecast({ values: levelShifts(40), period: 1, horizon: 4 });
    expect(result.parameters.chosen).toBe('combination');
    expect(result.parameters.memberFits).toBe(1);
  });

  it('rejects bad options naming them', () => {
    expect(() => createAutoForecaster({ origins: -1 })).toThrow(/origins/);
    expect(() => createAutoForecaster({ step: 0 })).toThrow(/step/);
    expect(() => createAutoForecaster({ rule: { margin: 1, everyOrigin: true } })).toThrow(
      /rule.margin/,
    );
  });
});
