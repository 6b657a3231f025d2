import { describe, expect, it } from 'vitest';
import { fitEts } from './ets';
import type { EtsModel } from './fit';
import { forecastModel, innovationWeights, quantileType8 } from './intervals';
import { Random } from '../../stats/random';

function model(overrides: Partial<EtsModel>): EtsModel {
  return {
    spec: { error: 'A', trend: 'A', season: 'A', damped: true },
    method: 'ETS(A,Ad,A)',
    period: 4,
    alpha: 0.3,
    beta: 0.1,
    gamma: 0.2,
    phi: 0.9,
    initialState: [],
    finalState: [100, 2, 3, -1, -4, 2],
    logLikelihood: 0,
    aic: 0,
    aicc: 0,
    bic: 0,
    sigma2: 4,
    mse: 4,
    fitted: [],
    residuals: [],
    parameterCount: 0,
    observations: 0,
    evaluations: 0,
    ...overrides,
  };
}

/** H F^{j-1} G for the linear state space (level, slope, s_1..s_m), built as matrices. */
function matrixWeights(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  m: number,
  count: number,
): number[] {
  const p = 2 + m;
  const f = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  (f[0] as number[])[0] = 1;
  (f[0] as number[])[1] = phi;
  (f[1] as number[])[1] = phi;
  (f[2] as number[])[p - 1] = 1;
  for (let i = 3; i < p; i += 1) (f[i] as number[])[i - 1] = 1;
  const h = new Array<number>(p).fill(0);
  h[0] = 1;
  h[1] = phi;
  h[p - 1] = 1;
  let column = new Array<number>(p).fill(0);
  column[0] = alpha;
  column[1] = beta;
  column[2] = gamma;
  const weights: number[] = [];
  for (let j = 0; j < count; j += 1) {
    weights.push(h.reduce((total, value, index) => total + value * (column[index] as number), 0));
    column = f.map((row) =>
      row.reduce((total, value, index) => total + value * (column[index] as number), 0),
    );
  }
  return weights;
}

describe('ETS forecast distributions', () => {
  it('uses class-1 weights c_j = alpha + beta (phi + ... + phi^j) + gamma [m divides j], as the state matrices give', () => {
    const weights = innovationWeights(model({}), 10);
    expectArrayClose(weights, matrixWeights(0.3, 0.1, 0.2, 0.9, 4, 10));
  });

  it('gives class-1 variances sigma^2 (1 + sum c_j^2) that grow with the horizon', () => {
    const forecast = forecastModel(model({}), 6, [95]);
    const weights = innovationWeights(model({}), 5);
    expect(forecast.variance![0]).toBeCloseTo(4, 12);
    expect(forecast.variance![3]).toBeCloseTo(
      4 * (1 + weights.slice(0, 3).reduce((t, c) => t + c * c, 0)),
      10,
    );
    const interval = forecast.intervals[0]!;
    forecast.mean.forEach((value, step) => {
      expect(interval.upper[step]! - value).toBeCloseTo(
        1.959963984540054 * Math.sqrt(forecast.variance![step]!),
        9,
      );
      if (step > 0)
        expect(forecast.variance![step]!).toBeGreaterThan(forecast.variance![step - 1]!);
    });
  });

  it('gives class-2 variances that match simulated multiplicative-error paths', () => {
    const multiplicative = model({
      spec: { error: 'M', trend: 'A', season: 'N', damped: false },
      period: 1,
      phi: 1,
      gamma: 0,
      sigma2: 0.01,
      finalState: [100, 2],
    });
    const analytic = forecastModel(multiplicative, 6, [90]);
    const simulated = forecastModel(
      { ...multiplicative, spec: { ...multiplicative.spec, trend: 'M' }, finalState: [100, 1.02] },
      1,
      [90],
    );
    expect(simulated.intervalMethod).toBe('simulated');
    // Monte Carlo check of the class-2 variance at h = 6 with a seeded normal source.
    const random = new Random(5);
    const normal = () => random.normal();
    const paths = 20000;
    let sum = 0;
    let squares = 0;
    for (let path = 0; path < paths; path += 1) {
      let level = 100;
      let slope = 2;
      let y = 0;
      for (let step = 0; step < 6; step += 1) {
        const forecast = level + slope;
        const error = 0.1 * normal();
        y = forecast * (1 + error);
        level = forecast * (1 + 0.3 * error);
        slope += 0.1 * forecast * error;
      }
      sum += y;
      squares += y * y;
    }
    const variance = squares / paths - (sum / paths) ** 2;
    expect(analytic.variance![5]! / variance).toBeGreaterThan(0.95);
    expect(analytic.variance![5]! / variance).toBeLessThan(1.05);
  });

  it('simulates intervals for forms without analytic variance, reproducibly from the seed, around the point forecast', () => {
    const walk = Array.from(
      { length: 40 },
      (_, t) => 50 * 1.02 ** t * (1 + 0.03 * Math.sin(t * 1.7)),
    );
    const fit = fitEts(walk, 1, { model: 'MMN', damped: false });
    const first = forecastModel(fit.model, 8, [80, 95], {
      random: new Random(1),
      paths: 2000,
    });
    const second = forecastModel(fit.model, 8, [80, 95], {
      random: new Random(1),
      paths: 2000,
    });
    expect(first.intervalMethod).toBe('simulated');
    expect(second.intervals).toEqual(first.intervals);
    first.mean.forEach((value, step) => {
      expect(first.intervals[1]!.lower[step]!).toBeLessThan(value);
      expect(first.intervals[1]!.upper[step]!).toBeGreaterThan(value);
      expect(first.intervals[1]!.lower[step]!).toBeLessThanOrEqual(
        first.intervals[0]!.lower[step]!,
      );
    });
    const width = (step: number) =>
      first.intervals[1]!.upper[step]! - first.intervals[1]!.lower[step]!;
    expect(width(7)).toBeGreaterThan(width(0));
  });

  it('computes type-8 quantiles as R: quantile(1:10, c(0.1, 0.5, 0.95), type = 8) = 1.366667, 5.5, 10', () => {
    const sorted = Float64Array.from({ length: 10 }, (_, index) => index + 1);
    expect(quantileType8(sorted, 0.1)).toBeCloseTo(1.3666667, 6);
    expect(quantileType8(sorted, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileType8(sorted, 0.95)).toBeCloseTo(10, 12);
  });

  it('rejects bad horizons and levels naming them', () => {
    expect(() => forecastModel(model({}), 0)).toThrow(/horizon/);
    expect(() => forecastModel(model({}), 3, [100])).toThrow(/levels\[0\]/);
  });
});

function expectArrayClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index] as number, 12));
}
