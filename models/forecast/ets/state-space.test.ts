import { describe, expect, it } from 'vitest';
import { createObjective, fillSeasonalRing, parameterLayout } from './likelihood';
import { type EtsSpec, componentCode, DEFAULT_LOWER, DEFAULT_UPPER } from './model-spec';
import { Random } from '../../stats/random';
import {
  type EtsTrace,
  pointForecasts,
  ringToSeasonal,
  runEts,
  seasonalToRing,
  simulatePath,
} from './state-space';

const random = new Random(3);
const normal = () => random.normal();
const SERIES = Float64Array.from(
  { length: 40 },
  (_, t) => 100 + 2 * t + 15 * Math.sin((2 * Math.PI * t) / 4) + 3 * normal(),
);

const FORMS: Array<[EtsSpec, number[]]> = [
  [{ error: 'A', trend: 'N', season: 'N', damped: false }, [0.3]],
  [{ error: 'M', trend: 'A', season: 'N', damped: true }, [0.4, 0.1, 0.9]],
  [{ error: 'A', trend: 'N', season: 'A', damped: false }, [0.3, 0.2]],
  [{ error: 'M', trend: 'A', season: 'A', damped: false }, [0.3, 0.05, 0.2]],
  [{ error: 'M', trend: 'N', season: 'M', damped: false }, [0.2, 0.1]],
  [{ error: 'M', trend: 'A', season: 'M', damped: true }, [0.3, 0.05, 0.1, 0.95]],
];

function stateFor(spec: EtsSpec): number[] {
  const state = [100];
  if (spec.trend !== 'N') state.push(2);
  if (spec.season === 'A') state.push(-1, -15, 1);
  if (spec.season === 'M') state.push(0.99, 0.85, 1.01);
  return state;
}

describe('ETS recursions', () => {
  it.each(
    FORMS.map(
      ([spec, smoothing]) =>
        [
          spec.error + spec.trend + (spec.damped ? 'd' : '') + spec.season,
          spec,
          smoothing,
        ] as const,
    ),
  )(
    'the specialised likelihood loop for %s gives the general recursion value (to rounding), else the fit optimises a different function',
    (_code, spec, smoothing) => {
      const m = spec.season === 'N' ? 1 : 4;
      const vector = Float64Array.from([...smoothing, ...stateFor(spec)]);
      const objective = createObjective(SERIES, spec, m, {
        lower: DEFAULT_LOWER,
        upper: DEFAULT_UPPER,
        bounds: 'both',
      });
      const layout = parameterLayout(spec, m);
      const ring = new Float64Array(m);
      if (spec.season !== 'N')
        fillSeasonalRing(vector, layout.seasonal, m, spec.season === 'M', ring);
      const general = runEts(
        SERIES,
        SERIES.length,
        m,
        componentCode(spec.error),
        componentCode(spec.trend),
        componentCode(spec.season),
        vector[0] as number,
        layout.beta >= 0 ? (vector[layout.beta] as number) : 0,
        layout.gamma >= 0 ? (vector[layout.gamma] as number) : 0,
        layout.phi >= 0 ? (vector[layout.phi] as number) : 1,
        vector[layout.level] as number,
        layout.slope >= 0 ? (vector[layout.slope] as number) : 0,
        ring,
      );
      expect(Number.isFinite(general)).toBe(true);
      // Same arithmetic up to rounding (the trend loops advance two steps at a time).
      expect(Math.abs(objective(vector, Number.POSITIVE_INFINITY) - general)).toBeLessThan(
        1e-12 * Math.abs(general),
      );
    },
  );

  it('gives the full value whatever the cutoff, else the search would compare cut-short values', () => {
    const spec: EtsSpec = { error: 'A', trend: 'A', season: 'N', damped: false };
    const objective = createObjective(SERIES, spec, 1, {
      lower: DEFAULT_LOWER,
      upper: DEFAULT_UPPER,
      bounds: 'both',
    });
    const vector = Float64Array.from([0.3, 0.1, 100, 2]);
    const exact = objective(vector, Number.POSITIVE_INFINITY);
    expect(Number.isFinite(exact)).toBe(true);
    expect(objective(vector, exact + 1)).toBe(exact);
    expect(objective(vector, exact - 50)).toBe(exact);
  });

  it('marks out-of-bounds parameters and negative multiplicative seasonal states as infeasible', () => {
    const spec: EtsSpec = { error: 'M', trend: 'N', season: 'M', damped: false };
    const objective = createObjective(SERIES, spec, 4, {
      lower: DEFAULT_LOWER,
      upper: DEFAULT_UPPER,
      bounds: 'both',
    });
    expect(objective(Float64Array.from([0.2, 0.1, 100, 1, 1, 1]), Infinity)).toBeLessThan(Infinity);
    expect(objective(Float64Array.from([0.2, 0.9, 100, 1, 1, 1]), Infinity)).toBe(Infinity); // gamma > 1 - alpha
    expect(objective(Float64Array.from([0.2, 0.1, 100, 3, 1, 1]), Infinity)).toBe(Infinity); // last state 4 - 5 < 0
  });

  it('converts seasonal states between R order and the ring both ways', () => {
    const ring = new Float64Array(4);
    seasonalToRing([1, 2, 3, 4], 0, 4, ring);
    expect(Array.from(ring)).toEqual([4, 3, 2, 1]);
    expect(ringToSeasonal(ring, 0, 4)).toEqual([1, 2, 3, 4]);
    expect(ringToSeasonal(ring, 1, 4)).toEqual([4, 1, 2, 3]);
  });

  it('forecasts a damped trend with the partial sums phi + ... + phi^h and cycles the seasonal states', () => {
    const phi = 0.9;
    const damped = pointForecasts([10, 1], { trend: 1, season: 0, m: 1 }, phi, 3);
    expect(damped[2]).toBeCloseTo(10 + (0.9 + 0.81 + 0.729), 12);
    const seasonal = pointForecasts(
      [10, 1, 0.5, 0.25, 0.125, 0.0625],
      { trend: 1, season: 1, m: 4 },
      1,
      5,
    );
    // s_m (oldest) is used first: 10 + 1 + 0.0625, then s_{m-1}, ...; after m steps s_m again.
    expect(seasonal).toEqual([11.0625, 12.125, 13.25, 14.5, 15.0625]);
  });

  it('simulates the point forecasts with zero innovations and refits its own innovations exactly', () => {
    const spec = {
      error: 2,
      trend: 1,
      season: 2,
      m: 4,
      alpha: 0.3,
      beta: 0.05,
      gamma: 0.1,
      phi: 0.95,
    };
    const state = [100, 2, 0.99, 0.85, 1.01, 1.15];
    const horizon = 12;
    const path = new Float64Array(horizon);
    const ring = new Float64Array(4);
    simulatePath({ ...spec, state }, new Float64Array(horizon), path, ring);
    const forecasts = pointForecasts(state, spec, spec.phi, horizon);
    path.forEach((value, index) => expect(value).toBeCloseTo(forecasts[index] as number, 9));

    const shocks = Float64Array.from({ length: horizon }, () => 0.05 * normal());
    simulatePath({ ...spec, state }, shocks, path, ring);
    seasonalToRing(state, 2, 4, ring);
    const trace: EtsTrace = {
      fitted: new Float64Array(horizon),
      residuals: new Float64Array(horizon),
      level: 0,
      slope: 0,
      position: 0,
    };
    runEts(
      path,
      horizon,
      4,
      2,
      1,
      2,
      spec.alpha,
      spec.beta,
      spec.gamma,
      spec.phi,
      100,
      2,
      ring,
      trace,
    );
    trace.residuals.forEach((residual, index) =>
      expect(residual).toBeCloseTo(shocks[index] as number, 10),
    );
  });
});
