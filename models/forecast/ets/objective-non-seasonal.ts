// The likelihood objective of createObjective (likelihood.ts) for the non-seasonal forms with
// no or an additive (possibly damped) trend, the forms the automatic search fits on every
// non-seasonal series: the same checks and loops in the same order, as one small closure per
// error/trend combination, so that each call site stays monomorphic and the JIT compiles a
// short function per form instead of one that dispatches over every form at each evaluation.
import { additiveNoTrendNoSeason, additiveTrendNoSeason } from './kernels-additive';
import { multiplicativeNoTrendNoSeason, multiplicativeTrendNoSeason } from './kernels';
import { type BoundsRule, isAdmissible } from './model-spec';

export interface NonSeasonalForm {
  multiplicativeError: boolean;
  hasTrend: boolean;
  damped: boolean;
  lower: readonly number[];
  upper: readonly number[];
  bounds: BoundsRule;
}

/** (parameters, cutoff) => n log(sum e^2) (+ 2 sum log|yhat|), +Infinity where infeasible; vector alpha, beta?, phi?, level, slope?. */
export function nonSeasonalObjective(
  y: Float64Array,
  form: NonSeasonalForm,
): (parameters: Float64Array, cutoff: number) => number {
  const n = y.length;
  const { multiplicativeError, hasTrend, damped, bounds } = form;
  const [lowerAlpha, lowerBeta, , lowerPhi] = form.lower as [number, number, number, number];
  const [upperAlpha, upperBeta, , upperPhi] = form.upper as [number, number, number, number];
  const checkUsual = bounds !== 'admissible';
  const checkAdmissible = bounds !== 'usual';
  const admissible = isAdmissible;
  // n log(sum e^2) >= cutoff once sum e^2 > exp(cutoff / n) (see likelihood.ts).
  const abandon = !multiplicativeError && n >= 40;
  const finish = (criterion: number): number => {
    // As R: avoid perfect fits; NaN is infeasible.
    const clamped = criterion < -1e10 ? -1e10 : criterion;
    return Number.isNaN(clamped) ? Number.POSITIVE_INFINITY : clamped;
  };
  if (!hasTrend) {
    const feasible = (alpha: number): boolean =>
      !(checkUsual && !(alpha >= lowerAlpha && alpha <= upperAlpha)) &&
      !(checkAdmissible && !admissible(alpha, 0, 0, 1, 1, false, false));
    if (multiplicativeError) {
      const kernel = multiplicativeNoTrendNoSeason;
      return (parameters: Float64Array): number => {
        const alpha = parameters[0] as number;
        if (!feasible(alpha)) return Number.POSITIVE_INFINITY;
        const level = parameters[1] as number;
        return finish(kernel(y, n, alpha, level));
      };
    }
    const kernel = additiveNoTrendNoSeason;
    return (parameters: Float64Array, cutoff: number): number => {
      const alpha = parameters[0] as number;
      if (!feasible(alpha)) return Number.POSITIVE_INFINITY;
      const level = parameters[1] as number;
      const limit =
        abandon && cutoff < Number.POSITIVE_INFINITY
          ? Math.exp(cutoff / n) * (1 + 1e-12)
          : Number.POSITIVE_INFINITY;
      return finish(kernel(y, n, alpha, level, limit));
    };
  }
  const levelAt = damped ? 3 : 2;
  const feasible = (alpha: number, beta: number, phi: number): boolean => {
    if (checkUsual) {
      if (!(alpha >= lowerAlpha && alpha <= upperAlpha)) return false;
      if (!(beta >= lowerBeta && beta <= alpha && beta <= upperBeta)) return false;
      if (damped && !(phi >= lowerPhi && phi <= upperPhi)) return false;
    }
    return !(checkAdmissible && !admissible(alpha, beta, 0, phi, 1, true, false));
  };
  if (multiplicativeError) {
    const kernel = multiplicativeTrendNoSeason;
    return (parameters: Float64Array): number => {
      const alpha = parameters[0] as number;
      const beta = parameters[1] as number;
      const phi = damped ? (parameters[2] as number) : 1;
      if (!feasible(alpha, beta, phi)) return Number.POSITIVE_INFINITY;
      const level = parameters[levelAt] as number;
      const slope = parameters[levelAt + 1] as number;
      return finish(kernel(y, n, alpha, beta, phi, level, slope));
    };
  }
  const kernel = additiveTrendNoSeason;
  return (parameters: Float64Array, cutoff: number): number => {
    const alpha = parameters[0] as number;
    const beta = parameters[1] as number;
    const phi = damped ? (parameters[2] as number) : 1;
    if (!feasible(alpha, beta, phi)) return Number.POSITIVE_INFINITY;
    const level = parameters[levelAt] as number;
    const slope = parameters[levelAt + 1] as number;
    const limit =
      abandon && cutoff < Number.POSITIVE_INFINITY
        ? Math.exp(cutoff / n) * (1 + 1e-12)
        : Number.POSITIVE_INFINITY;
    return finish(kernel(y, n, alpha, beta, phi, level, slope, limit));
  };
}
