import { describe, expect, it } from 'vitest';
import { fitArima } from './estimate';
import { reference } from './fixtures/reference';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';
import { ArimaFitError } from './specification';
import type { ArimaOrder } from './specification';

function order(
  p: number,
  d: number,
  q: number,
  seasonal: number[] = [0, 0, 0],
  period = 1,
): ArimaOrder {
  return {
    p,
    d,
    q,
    seasonalP: seasonal[0]!,
    seasonalD: seasonal[1]!,
    seasonalQ: seasonal[2]!,
    period,
  };
}

const cases = reference.flatMap((series) =>
  series.fixed.map(
    (fixed) => [`${series.name} (${fixed.order})(${fixed.seasonal})`, series, fixed] as const,
  ),
);

describe('fitArima against R stats::arima(method = "CSS-ML")', () => {
  it.each(cases)('%s', (_label, series, fixed) => {
    const fitOrder = order(
      fixed.order[0],
      fixed.order[1],
      fixed.order[2],
      fixed.seasonal,
      series.period,
    );
    if (fixed.error !== undefined) {
      // R stopped (here: non-stationary AR part from CSS); so must we.
      expect(() =>
        fitArima(series.values, fitOrder, { constant: fixed.mean, method: 'CSS-ML' }),
      ).toThrow(ArimaFitError);
      return;
    }
    const fit = fitArima(series.values, fitOrder, { constant: fixed.mean, method: 'CSS-ML' });
    if (fixed.code !== 0) {
      // R's optimiser stopped at its iteration limit on a near-unit-root surface; only the
      // likelihood is comparable, and loosely.
      expect(Math.abs(fit.logLikelihood - fixed.loglik)).toBeLessThan(
        0.05 * Math.abs(fixed.loglik),
      );
      return;
    }
    expect(Math.abs(fit.logLikelihood - fixed.loglik)).toBeLessThan(1e-3 * Math.abs(fixed.loglik));
    expect(Math.abs(fit.sigma2 - fixed.sigma2)).toBeLessThan(2e-3 * fixed.sigma2);
    expect(fit.coefficientNames).toEqual(Object.keys(fixed.coef));
    Object.values(fixed.coef).forEach((value, index) => {
      expect(Math.abs(fit.coefficients[index]! - value)).toBeLessThan(
        1e-2 * Math.max(1, Math.abs(value)),
      );
    });
  });

  it.each(reference.map((series) => [series.name, series] as const))(
    'drift model ARIMA(0,1,1) on %s',
    (_name, series) => {
      const fit = fitArima(series.values, order(0, 1, 1), { constant: true, method: 'CSS-ML' });
      expect(fit.constant).toBe('drift');
      expect(Math.abs(fit.logLikelihood - series.drift.loglik)).toBeLessThan(
        1e-3 * Math.abs(series.drift.loglik),
      );
      expect(Math.abs(fit.coefficients[0]! - series.drift.coef.ma1!)).toBeLessThan(1e-2);
      expect(Math.abs(fit.constantValue - series.drift.coef.drift!)).toBeLessThan(
        1e-2 * Math.max(1, Math.abs(series.drift.coef.drift!)),
      );
    },
  );
});

describe('fitArima properties', () => {
  it('recovers phi = 0.7 and the mean of a simulated AR(1)', () => {
    const values = simulateArma(600, { ar: [0.7] }, createRandom(21)).map((value) => value + 20);
    const fit = fitArima(values, order(1, 0, 0), { constant: true, method: 'CSS-ML' });
    expect(fit.coefficients[0]).toBeGreaterThan(0.63);
    expect(fit.coefficients[0]).toBeLessThan(0.77);
    expect(Math.abs(fit.constantValue - 20)).toBeLessThan(0.5);
    expect(fit.sigma2).toBeGreaterThan(0.85);
    expect(fit.sigma2).toBeLessThan(1.15);
  });

  it('recovers a seasonal MA(1) coefficient by CSS and by ML', () => {
    const values = simulateArma(
      480,
      { ma: [...new Array<number>(11).fill(0), -0.6] },
      createRandom(4),
    );
    for (const method of ['CSS', 'CSS-ML'] as const) {
      const fit = fitArima(values, order(0, 0, 0, [0, 0, 1], 12), { constant: false, method });
      expect(fit.coefficients[0]).toBeGreaterThan(-0.7);
      expect(fit.coefficients[0]).toBeLessThan(-0.5);
    }
  });

  it('switches CSS-ML to ML when values are missing and still fits', () => {
    const values = simulateArma(200, { ar: [0.5] }, createRandom(8));
    values[50] = Number.NaN;
    values[51] = Number.NaN;
    const fit = fitArima(values, order(1, 0, 0), { constant: true, method: 'CSS-ML' });
    expect(fit.method).toBe('ML');
    expect(fit.nUsed).toBe(198);
    expect(fit.coefficients[0]).toBeGreaterThan(0.35);
    expect(fit.coefficients[0]).toBeLessThan(0.65);
  });

  it('makes the estimated MA part invertible', () => {
    const values = simulateArma(300, { ma: [0.5] }, createRandom(13));
    const fit = fitArima(values, order(0, 0, 1), { constant: false, method: 'ML' });
    expect(Math.abs(fit.coefficients[0]!)).toBeLessThan(1);
  });

  it('rejects bad orders and too few observations', () => {
    expect(() => fitArima([1, 2, 3], order(-1, 0, 0), { constant: false, method: 'ML' })).toThrow(
      RangeError,
    );
    expect(() => fitArima([1, 2], order(0, 2, 0), { constant: false, method: 'ML' })).toThrow(
      ArimaFitError,
    );
    expect(() =>
      fitArima([1, 2, 3], order(1, 0, 0), { constant: true, method: 'ML', fixedConstant: 2 }),
    ).toThrow(RangeError);
  });
});
