// The objective the ETS fit minimises: R forecast's criterion opt.crit = "lik",
// n log(sum e_t^2) (+ 2 sum log|yhat_t| for multiplicative errors), which is -2 log-likelihood
// up to a constant under Gaussian innovations (Hyndman et al. 2008, section 5.2), with
// parameters outside the usual bounds or the admissible region (and negative multiplicative
// seasonal states) made infeasible. Built once per fit: no allocation per evaluation.
import {
  type BoundsRule,
  type EtsSpec,
  componentCode,
  isAdmissible,
  MULTIPLICATIVE,
} from './model-spec';
import {
  kernelNoTrendAdditiveSeason,
  kernelNoTrendMultiplicativeSeason,
  kernelTrendAdditiveSeason,
  kernelTrendMultiplicativeSeason,
} from './kernels';
import { additiveNoTrendAdditiveSeason, additiveTrendAdditiveSeason } from './kernels-additive';
import { nonSeasonalObjective } from './objective-non-seasonal';
import { createSeasonalAdmissibility } from './seasonal-admissibility';
import { runEts } from './state-space';

/** Where each quantity sits in the optimiser's vector: alpha, beta?, gamma?, phi?, level, slope?, s_1..s_{m-1}?. */
export interface ParameterLayout {
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  slope: number;
  seasonal: number;
  size: number;
}

export function parameterLayout(spec: EtsSpec, m: number): ParameterLayout {
  let next = 1;
  const beta = spec.trend !== 'N' ? next++ : -1;
  const gamma = spec.season !== 'N' ? next++ : -1;
  const phi = spec.damped ? next++ : -1;
  const level = next++;
  const slope = spec.trend !== 'N' ? next++ : -1;
  const seasonal = spec.season !== 'N' ? next : -1;
  const size = spec.season !== 'N' ? next + m - 1 : next;
  return { beta, gamma, phi, level, slope, seasonal, size };
}

export interface ObjectiveSettings {
  lower: readonly number[];
  upper: readonly number[];
  bounds: BoundsRule;
}

/** Fills `ring` with the m seasonal states (the last = m or 0 minus the others); false if a multiplicative one is negative. */
export function fillSeasonalRing(
  parameters: ArrayLike<number>,
  offset: number,
  m: number,
  multiplicative: boolean,
  ring: Float64Array,
): boolean {
  let total = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (let j = 1; j < m; j += 1) {
    const value = parameters[offset + j - 1] as number;
    total += value;
    if (value < smallest) smallest = value;
    ring[m - j] = value;
  }
  const last = (multiplicative ? m : 0) - total;
  ring[0] = last;
  if (last < smallest) smallest = last;
  // Compared on every call, additive seasons too: a comparison first met at the first
  // multiplicative-season fit would cost the optimised code a deoptimisation.
  const negative = smallest < 0;
  return !(multiplicative && negative);
}

/**
 * Returns the objective for `spec` on y (length n) with seasonal period m (1 when
 * non-seasonal), in the form the Nelder-Mead search takes: (parameters, cutoff) => value;
 * the value is always computed in full (the cutoff is not used, see objective-non-seasonal.ts).
 */
export function createObjective(
  y: Float64Array,
  spec: EtsSpec,
  m: number,
  settings: ObjectiveSettings,
): (parameters: Float64Array, cutoff: number) => number {
  if (spec.season === 'N' && spec.trend !== 'M') {
    return nonSeasonalObjective(y, {
      multiplicativeError: spec.error === 'M',
      hasTrend: spec.trend !== 'N',
      damped: spec.damped,
      ...settings,
    });
  }
  const layout = parameterLayout(spec, m);
  const n = y.length;
  const error = componentCode(spec.error);
  const trend = componentCode(spec.trend);
  const season = componentCode(spec.season);
  const seasonal = spec.season !== 'N';
  const hasTrend = spec.trend !== 'N';
  const multiplicativeError = spec.error === 'M';
  const multiplicativeSeason = season === MULTIPLICATIVE;
  const multiplicativeTrend = trend === MULTIPLICATIVE;
  const additiveSeason = spec.season === 'A';
  const ring = new Float64Array(Math.max(m, 1));
  const { lower, upper, bounds } = settings;
  const checkUsual = bounds !== 'admissible';
  const checkAdmissible = bounds !== 'usual';
  const damped = spec.damped;
  const [lowerAlpha, lowerBeta, lowerGamma, lowerPhi] = lower as [number, number, number, number];
  const [upperAlpha, upperBeta, upperGamma, upperPhi] = upper as [number, number, number, number];
  // Local references: imported bindings can cost a getter call per use under some loaders.
  const admissible = isAdmissible;
  // isAdmissible's seasonal branch with its buffers made once (same decisions).
  const seasonalAdmissible = createSeasonalAdmissibility(seasonal ? m : 1);
  const fillRing = fillSeasonalRing;
  const general = runEts;
  const noTrendAdditive = kernelNoTrendAdditiveSeason;
  const trendAdditive = kernelTrendAdditiveSeason;
  const noTrendMultiplicative = kernelNoTrendMultiplicativeSeason;
  const trendMultiplicative = kernelTrendMultiplicativeSeason;
  const additiveNoTrendSeason = additiveNoTrendAdditiveSeason;
  const additiveTrendSeason = additiveTrendAdditiveSeason;
  const {
    beta: betaAt,
    gamma: gammaAt,
    phi: phiAt,
    level: levelAt,
    slope: slopeAt,
    seasonal: seasonalAt,
  } = layout;
  return (parameters: Float64Array): number => {
    const alpha = parameters[0] as number;
    const beta = betaAt >= 0 ? (parameters[betaAt] as number) : 0;
    const gamma = gammaAt >= 0 ? (parameters[gammaAt] as number) : 0;
    const phi = phiAt >= 0 ? (parameters[phiAt] as number) : 1;
    // The usual bounds, as withinUsualBounds, unrolled.
    if (checkUsual) {
      if (!(alpha >= lowerAlpha && alpha <= upperAlpha)) return Number.POSITIVE_INFINITY;
      if (hasTrend && !(beta >= lowerBeta && beta <= alpha && beta <= upperBeta))
        return Number.POSITIVE_INFINITY;
      if (damped && !(phi >= lowerPhi && phi <= upperPhi)) return Number.POSITIVE_INFINITY;
      if (seasonal && !(gamma >= lowerGamma && gamma <= 1 - alpha && gamma <= upperGamma)) {
        return Number.POSITIVE_INFINITY;
      }
    }
    // The seasonal states first: their check is O(m), the admissibility test O(m^2); either
    // failing makes the point infeasible, so the order does not change the value.
    if (seasonal && !fillRing(parameters, seasonalAt, m, multiplicativeSeason, ring)) {
      return Number.POSITIVE_INFINITY;
    }
    if (checkAdmissible) {
      const admitted = seasonal
        ? seasonalAdmissible(alpha, beta, gamma, phi)
        : admissible(alpha, beta, gamma, phi, m, hasTrend, false);
      if (!admitted) return Number.POSITIVE_INFINITY;
    }
    const level = parameters[levelAt] as number;
    const slope = slopeAt >= 0 ? (parameters[slopeAt] as number) : 0;
    let criterion: number;
    // Non-seasonal forms other than multiplicative trends have their own closures (see above).
    if (!multiplicativeError && !multiplicativeTrend && !multiplicativeSeason) {
      criterion = hasTrend
        ? additiveTrendSeason(y, n, m, alpha, beta, gamma, phi, level, slope, ring)
        : additiveNoTrendSeason(y, n, m, alpha, gamma, level, ring);
    } else if (multiplicativeTrend) {
      criterion = general(
        y,
        n,
        m,
        error,
        trend,
        season,
        alpha,
        beta,
        gamma,
        phi,
        level,
        slope,
        ring,
      );
    } else if (additiveSeason) {
      criterion = hasTrend
        ? trendAdditive(y, n, m, multiplicativeError, alpha, beta, gamma, phi, level, slope, ring)
        : noTrendAdditive(y, n, m, multiplicativeError, alpha, gamma, level, ring);
    } else {
      criterion = hasTrend
        ? trendMultiplicative(
            y,
            n,
            m,
            multiplicativeError,
            alpha,
            beta,
            gamma,
            phi,
            level,
            slope,
            ring,
          )
        : noTrendMultiplicative(y, n, m, multiplicativeError, alpha, gamma, level, ring);
    }
    // As R: avoid perfect fits; NaN (negative multiplicative slope) is infeasible.
    if (criterion < -1e10) criterion = -1e10;
    return Number.isNaN(criterion) ? Number.POSITIVE_INFINITY : criterion;
  };
}
