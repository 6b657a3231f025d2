import { describe, expect, it } from 'vitest';
import {
  additiveNoTrendAdditiveSeason,
  additiveNoTrendNoSeason,
  additiveTrendAdditiveSeason,
  additiveTrendNoSeason,
} from './kernels-additive';
import { ADDITIVE, MULTIPLICATIVE, NONE } from './model-spec';
import { nonSeasonalObjective } from './objective-non-seasonal';
import { Random } from '../../stats/random';
import { runEts } from './state-space';

const random = new Random(11);
const normal = () => random.normal();
// Odd length, so the two-step loops also run their final single step.
const SERIES = Float64Array.from(
  { length: 41 },
  (_, t) => 50 + 1.5 * t + 8 * Math.cos((2 * Math.PI * t) / 4) + 2 * normal(),
);
const n = SERIES.length;

function general(trend: number, season: number, parameters: number[], ring: Float64Array): number {
  const [alpha, beta, gamma, phi, level, slope] = parameters as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return runEts(SERIES, n, 4, ADDITIVE, trend, season, alpha, beta, gamma, phi, level, slope, ring);
}

const close = (value: number, reference: number) =>
  expect(Math.abs(value - reference)).toBeLessThan(1e-12 * Math.abs(reference));

describe('additive-error likelihood loops', () => {
  it('give the general recursion value for ETS(A,N,N), else the fit optimises a different function', () => {
    const reference = general(NONE, NONE, [0.3, 0, 0, 1, 52, 0], new Float64Array(4));
    close(additiveNoTrendNoSeason(SERIES, n, 0.3, 52), reference);
  });

  it('give the general recursion value for ETS(A,Ad,N), else damped trend fits go wrong', () => {
    const reference = general(ADDITIVE, NONE, [0.4, 0.1, 0, 0.9, 50, 1.2], new Float64Array(4));
    close(additiveTrendNoSeason(SERIES, n, 0.4, 0.1, 0.9, 50, 1.2), reference);
  });

  it('give the general recursion value for ETS(A,N,A) and ETS(A,A,A), else seasonal fits go wrong', () => {
    const seasons = [2, -8, -2, 8];
    const reference = general(NONE, ADDITIVE, [0.3, 0, 0.2, 1, 60, 0], Float64Array.from(seasons));
    close(
      additiveNoTrendAdditiveSeason(SERIES, n, 4, 0.3, 0.2, 60, Float64Array.from(seasons)),
      reference,
    );
    const trended = general(
      ADDITIVE,
      ADDITIVE,
      [0.3, 0.05, 0.2, 1, 50, 1.5],
      Float64Array.from(seasons),
    );
    close(
      additiveTrendAdditiveSeason(
        SERIES,
        n,
        4,
        0.3,
        0.05,
        0.2,
        1,
        50,
        1.5,
        Float64Array.from(seasons),
      ),
      trended,
    );
  });
});

describe('non-seasonal objective', () => {
  const settings = { lower: [1e-4, 1e-4, 1e-4, 0.8], upper: [0.9999, 0.9999, 0.9999, 0.98] };

  it('marks parameters outside the usual bounds as infeasible, else the fit leaves R region', () => {
    const objective = nonSeasonalObjective(SERIES, {
      multiplicativeError: false,
      hasTrend: true,
      damped: true,
      bounds: 'both',
      ...settings,
    });
    expect(objective(Float64Array.from([0.4, 0.1, 0.9, 50, 1.2]), Infinity)).toBeLessThan(Infinity);
    expect(objective(Float64Array.from([0.4, 0.5, 0.9, 50, 1.2]), Infinity)).toBe(Infinity); // beta > alpha
    expect(objective(Float64Array.from([0.4, 0.1, 0.99, 50, 1.2]), Infinity)).toBe(Infinity); // phi > 0.98
  });

  it('adds 2 sum log|yhat| for multiplicative errors, else M and A forms are compared wrongly', () => {
    const objective = nonSeasonalObjective(SERIES, {
      multiplicativeError: true,
      hasTrend: false,
      damped: false,
      bounds: 'both',
      ...settings,
    });
    const reference = runEts(
      SERIES,
      n,
      1,
      MULTIPLICATIVE,
      NONE,
      NONE,
      0.3,
      0,
      0,
      1,
      52,
      0,
      new Float64Array(1),
    );
    close(objective(Float64Array.from([0.3, 52]), Infinity), reference);
  });

  it('skips the admissibility test only where the usual bounds imply it, else wide custom bounds would admit unstable fits', () => {
    const random = new Random(5);
    const form = { multiplicativeError: false, hasTrend: true, damped: true, ...settings };
    const both = nonSeasonalObjective(SERIES, { ...form, bounds: 'both' });
    const usual = nonSeasonalObjective(SERIES, { ...form, bounds: 'usual' });
    for (let trial = 0; trial < 200; trial += 1) {
      const alpha = random.uniform(1e-4, 0.9999);
      const point = Float64Array.from([
        alpha,
        random.uniform(1e-4, alpha),
        random.uniform(0.8, 0.98),
        50,
        1.2,
      ]);
      expect(both(point, Infinity)).toBe(usual(point, Infinity));
    }
    // With phi allowed above 1 the test must still run: phi = 1.1 is outside the admissible region.
    const wide = { ...form, lower: [1e-4, 1e-4, 1e-4, 0.5], upper: [0.9999, 0.9999, 0.9999, 1.2] };
    const point = Float64Array.from([0.4, 0.1, 1.1, 50, 1.2]);
    expect(
      nonSeasonalObjective(SERIES, { ...wide, bounds: 'usual' })(point, Infinity),
    ).toBeLessThan(Infinity);
    expect(nonSeasonalObjective(SERIES, { ...wide, bounds: 'both' })(point, Infinity)).toBe(
      Infinity,
    );
  });
});
