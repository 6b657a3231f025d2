import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/reference';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';
import { autoArima } from './stepwise';

describe('autoArima against R forecast::auto.arima', () => {
  it.each(reference.map((series) => [series.name, series] as const))(
    "selects R's model on %s",
    (_name, series) => {
      const result = autoArima(series.values, series.period);
      const { order } = result.fit;
      const expected = series.auto.order;
      expect([order.p, order.d, order.q]).toEqual([expected.p, expected.d, expected.q]);
      expect([order.seasonalP, order.seasonalD, order.seasonalQ]).toEqual([
        expected.P ?? 0,
        expected.D ?? 0,
        expected.Q ?? 0,
      ]);
      expect(result.fit.constant !== 'none').toBe(series.auto.constant);
      expect(Math.abs(result.fit.logLikelihood - series.auto.loglik)).toBeLessThan(
        1e-3 * Math.abs(series.auto.loglik),
      );
    },
  );
});

describe('autoArima properties', () => {
  it('selects ARIMA(0,0,0) with a mean for white noise', () => {
    const values = simulateArma(120, {}, createRandom(102)).map((value) => value + 5);
    const { fit } = autoArima(values, 1);
    expect([fit.order.p, fit.order.d, fit.order.q]).toEqual([0, 0, 0]);
    expect(fit.constant).toBe('mean');
    expect(Math.abs(fit.constantValue - 5)).toBeLessThan(0.3);
  });

  it('differences a random walk once', () => {
    let level = 100;
    const values = simulateArma(150, {}, createRandom(202)).map((step) => (level += step));
    expect(autoArima(values, 1).fit.order.d).toBe(1);
  });

  it('recovers phi = 0.7 from a simulated AR(1)', () => {
    // KPSS with R's short lag truncation differences about a third of such series (R agrees on
    // e.g. seed 303, choosing ARIMA(2,1,4)); this seed is one it leaves undifferenced.
    const values = simulateArma(300, { ar: [0.7] }, createRandom(304)).map((value) => value + 10);
    const { fit } = autoArima(values, 1);
    expect([fit.order.p, fit.order.d, fit.order.q]).toEqual([1, 0, 0]);
    expect(Math.abs(fit.coefficients[0]! - 0.7)).toBeLessThan(0.1);
  });

  it('seasonally differences a strongly seasonal monthly series', () => {
    const noise = simulateArma(96, { ar: [0.3] }, createRandom(404));
    const values = noise.map(
      (value, index) => 50 + 8 * Math.sin((2 * Math.PI * index) / 12) + value,
    );
    expect(autoArima(values, 12).fit.order.seasonalD).toBe(1);
  });

  it('searches with CSS on long series and refits the winner by CSS-ML', () => {
    const values = simulateArma(200, { ma: [0.6] }, createRandom(505));
    const result = autoArima(values, 1);
    expect(result.approximation).toBe(true);
    expect(result.fit.method).toBe('CSS-ML');
    expect(
      result.candidates.every(
        (candidate) => candidate.fit === null || candidate.fit.method === 'CSS',
      ),
    ).toBe(true);
  });

  it('returns the constant for a constant series and a drift model for a straight line', () => {
    const constant = autoArima([4, 4, 4, 4, 4, 4], 1);
    expect(constant.fit.constantValue).toBe(4);
    const line = autoArima(
      Array.from({ length: 20 }, (_, index) => 3 + 2 * index),
      1,
    );
    expect(line.fit.order.d).toBe(1);
    expect(line.fit.constant).toBe('drift');
    expect(line.fit.constantValue).toBeCloseTo(2, 12);
  });

  it('rejects a series that starts with a missing value or a bad period', () => {
    expect(() => autoArima([Number.NaN, 1, 2], 1)).toThrow(RangeError);
    expect(() => autoArima([1, 2, 3], 0)).toThrow(RangeError);
  });
});
