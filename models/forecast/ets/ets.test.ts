import { describe, expect, it } from 'vitest';
import { fitEts, forecastEts, longestStretch } from './ets';
import fixtures from './fixtures/r-ets.json';

interface RCase {
  name: string;
  period: number;
  model: string;
  damped: boolean | null;
  values: number[];
  method: string;
  alpha: number;
  beta: number | null;
  gamma: number | null;
  phi: number | null;
  logLikelihood: number;
  aicc: number;
  sigma2: number;
  horizon: number;
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

const cases = (fixtures as unknown as { cases: RCase[] }).cases;

function expectClose(
  actual: readonly number[],
  expected: readonly number[],
  relative: number,
): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => {
    const target = expected[index] as number;
    expect(Math.abs(value - target)).toBeLessThanOrEqual(relative * Math.max(Math.abs(target), 1));
  });
}

describe('fitEts against R forecast::ets (fixtures from fixtures/make-fixtures.R)', () => {
  it.each(cases.map((item) => [item.name, item] as const))(
    '%s: same form, log-likelihood, forecasts and intervals',
    (_name, item) => {
      const fit = fitEts(item.values, item.period, {
        model: item.model,
        damped: item.damped ?? undefined,
      });
      expect(fit.estimation).toBe('likelihood');
      expect(fit.model.method).toBe(item.method);
      expect(Math.abs(fit.model.logLikelihood - item.logLikelihood)).toBeLessThanOrEqual(
        1e-4 * Math.abs(item.logLikelihood),
      );
      expect(Math.abs(fit.model.aicc - item.aicc)).toBeLessThanOrEqual(1e-4 * Math.abs(item.aicc));
      expect(Math.abs(fit.model.sigma2 / item.sigma2 - 1)).toBeLessThan(1e-6);
      expect(fit.model.alpha).toBeCloseTo(item.alpha, 2);
      if (item.beta !== null) expect(fit.model.beta).toBeCloseTo(item.beta, 2);
      if (item.gamma !== null) expect(fit.model.gamma).toBeCloseTo(item.gamma, 2);
      if (item.phi !== null) expect(fit.model.phi).toBeCloseTo(item.phi, 2);
      const forecast = forecastEts(fit, item.horizon, [80, 95]);
      expect(forecast.intervalMethod).toBe('analytic');
      expectClose(forecast.mean, item.mean, 1e-4);
      expectClose(forecast.intervals[0]!.lower, item.lower80, 1e-3);
      expectClose(forecast.intervals[0]!.upper, item.upper80, 1e-3);
      expectClose(forecast.intervals[1]!.lower, item.lower95, 1e-3);
      expectClose(forecast.intervals[1]!.upper, item.upper95, 1e-3);
    },
  );
});

const RANDOM_WALK = (() => {
  let state = 99;
  let level = 50;
  return Array.from({ length: 40 }, () => {
    state = (1103515245 * state + 12345) % 2147483648;
    level += 4 * (state / 2147483648 - 0.5);
    return level;
  });
})();

describe('fitEts input handling', () => {
  it('fits the longest stretch without missing values (R na.contiguous) and says so', () => {
    expect(longestStretch([Number.NaN, 1, 2, Number.NaN, 3, 4, 5, Number.NaN])).toEqual({
      start: 4,
      end: 7,
    });
    expect(longestStretch([1, 2, Number.NaN, 3, 4])).toEqual({ start: 0, end: 2 });
    const values = [...RANDOM_WALK];
    values[8] = Number.NaN;
    const fit = fitEts(values, 1);
    expect([fit.start, fit.end]).toEqual([9, 40]);
    expect(fit.model.observations).toBe(31);
    expect(fit.notes.join(' ')).toMatch(/longest stretch without gaps/);
    expect(fit.model.fitted).toHaveLength(31);
  });

  it('uses only additive-error forms for data with zero or negative values, and refuses multiplicative ones', () => {
    const shifted = RANDOM_WALK.map((value) => value - 55);
    expect(Math.min(...shifted)).toBeLessThan(0);
    const fit = fitEts(shifted, 1);
    expect(fit.model.spec.error).toBe('A');
    expect(fit.candidates.every((candidate) => candidate.method.startsWith('ETS(A'))).toBe(true);
    expect(fit.notes.join(' ')).toMatch(/multiplicative forms were not considered/);
    expect(() => fitEts(shifted, 1, { model: 'MNN' })).toThrow(/strictly positive/);
  });

  it('forecasts a constant series as itself with zero-width intervals', () => {
    const fit = fitEts(new Array(20).fill(7.5), 4);
    expect(fit.estimation).toBe('constant');
    const forecast = forecastEts(fit, 5, [95]);
    expect(forecast.mean).toEqual(new Array(5).fill(7.5));
    expect(forecast.intervals[0]!.upper).toEqual(new Array(5).fill(7.5));
  });

  it("falls back to smoothing with simple initial values below R's data floor and notes it", () => {
    const fit = fitEts([10, 12, 11, 13, 14, 13], 1);
    expect(fit.estimation).toBe('simple');
    expect(fit.notes.join(' ')).toMatch(/Only 6 observations/);
    expect(forecastEts(fit, 3).mean).toHaveLength(3);
    const damped = fitEts(RANDOM_WALK.slice(0, 9), 1, { model: 'AAN', damped: true });
    expect(damped.estimation).toBe('simple');
    expect(damped.notes.join(' ')).toMatch(/without damping/);
  });

  it('ignores seasonal periods above 24 and seasonality with less than a cycle of data, saying so', () => {
    const weekly = fitEts(RANDOM_WALK, 52);
    expect(weekly.model.spec.season).toBe('N');
    expect(weekly.notes.join(' ')).toMatch(/exceeds 24/);
    const short = fitEts(RANDOM_WALK.slice(0, 10), 12);
    expect(short.notes.join(' ')).toMatch(/more than one full cycle/);
    expect(() => fitEts(RANDOM_WALK, 52, { model: 'ANA' })).toThrow(/period/);
  });

  it('rejects bad arguments naming them', () => {
    expect(() => fitEts([1, 2, Infinity, 4], 1)).toThrow(/values\[2\]/);
    expect(() => fitEts(RANDOM_WALK, 0)).toThrow(/period/);
    expect(() => fitEts(RANDOM_WALK, 1, { model: 'ANM' })).toThrow(/infinite forecast variance/);
    expect(() => fitEts(RANDOM_WALK, 1, { model: 'ANA' })).toThrow(/period is 1/);
    expect(() => fitEts([Number.NaN, Number.NaN], 1)).toThrow(/no observations/);
    expect(() => fitEts([1, Number.NaN, 2], 1)).toThrow(/at least 3/);
    expect(() => forecastEts(fitEts(RANDOM_WALK, 1), 0)).toThrow(RangeError);
    expect(() => forecastEts(fitEts(RANDOM_WALK, 1), 2.5)).toThrow(/horizon/);
  });
});
