// The likelihood objective of createObjective (likelihood.ts) for the non-seasonal forms with
// no or an additive (possibly damped) trend, the forms the automatic search fits on every
// non-seasonal series: the same checks and loops in the same order, as one small closure per
// error/trend combination, so that each call site stays monomorphic and the JIT compiles a
// short function per form instead of one that dispatches over every form at each evaluation.
// The admissibility test is isAdmissible's non-seasonal branch written out (same expressions,
// same decisions) so that no call is made per evaluation, and no helper closure is created per
// fit (the loader names each one with a property definition, which costs more than the check).
import { additiveNoTrendNoSeason, additiveTrendNoSeason } from './kernels-additive';
import { multiplicativeNoTrendNoSeason, multiplicativeTrendNoSeason } from './kernels';
import type { BoundsRule } from './model-spec';

export interface NonSeasonalForm {
  multiplicativeError: boolean;
  hasTrend: boolean;
  damped: boolean;
  lower: readonly number[];
  upper: readonly number[];
  bounds: BoundsRule;
}

/** As R: avoid perfect fits (criterion at least -1e10); NaN is infeasible. */
function finish(criterion: number): number {
  const clamped = criterion < -1e10 ? -1e10 : criterion;
  return Number.isNaN(clamped) ? Number.POSITIVE_INFINITY : clamped;
}

/**
 * (parameters, cutoff) => n log(sum e^2) (+ 2 sum log|yhat|), +Infinity where infeasible; vector
 * alpha, beta?, phi?, level, slope?. The cutoff is not used: stopping the loop once the partial
 * sum passed it saved under 0.5% of the steps on the benchmark sets (a worse point is seldom
 * known to be worse before its last steps) but cost an exp() per evaluation.
 */
export function nonSeasonalObjective(
  y: Float64Array,
  form: NonSeasonalForm,
): (parameters: Float64Array, cutoff: number) => number {
  const n = y.length;
  const { multiplicativeError, hasTrend, damped, bounds } = form;
  const [lowerAlpha, lowerBeta, , lowerPhi] = form.lower as [number, number, number, number];
  const [upperAlpha, upperBeta, , upperPhi] = form.upper as [number, number, number, number];
  const checkUsual = bounds !== 'admissible';
  // Within usual bounds with 0 < alpha <= 1, 0 < beta <= alpha and 0 <= phi <= 1 (R's defaults),
  // every admissibility condition below holds (1 - 1/phi <= 0 < alpha, 1 + 1/phi >= 2 > alpha,
  // alpha (phi - 1) <= 0 < beta, (1 + phi)(2 - alpha) >= 1 >= beta, in floating point too), so the
  // test is skipped there: the same decisions for less work.
  const usualImpliesAdmissible =
    checkUsual &&
    lowerAlpha > 0 &&
    upperAlpha <= 1 &&
    (!hasTrend || lowerBeta > 0) &&
    (!damped || (lowerPhi >= 0 && upperPhi <= 1));
  const checkAdmissible = bounds !== 'usual' && !usualImpliesAdmissible;
  const infeasible = Number.POSITIVE_INFINITY;
  if (!hasTrend) {
    // isAdmissible(alpha, 0, 0, 1, 1, false, false): alpha within [1 - 1/phi, 1 + 1/phi] at phi = 1.
    if (multiplicativeError) {
      const kernel = multiplicativeNoTrendNoSeason;
      return (parameters: Float64Array): number => {
        const alpha = parameters[0] as number;
        if (checkUsual && !(alpha >= lowerAlpha && alpha <= upperAlpha)) return infeasible;
        if (checkAdmissible && (alpha < 1 - 1 / 1 || alpha > 1 + 1 / 1)) return infeasible;
        return finish(kernel(y, n, alpha, parameters[1] as number));
      };
    }
    const kernel = additiveNoTrendNoSeason;
    return (parameters: Float64Array): number => {
      const alpha = parameters[0] as number;
      if (checkUsual && !(alpha >= lowerAlpha && alpha <= upperAlpha)) return infeasible;
      if (checkAdmissible && (alpha < 1 - 1 / 1 || alpha > 1 + 1 / 1)) return infeasible;
      return finish(kernel(y, n, alpha, parameters[1] as number));
    };
  }
  const levelAt = damped ? 3 : 2;
  if (multiplicativeError) {
    const kernel = multiplicativeTrendNoSeason;
    return (parameters: Float64Array): number => {
      const alpha = parameters[0] as number;
      const beta = parameters[1] as number;
      const phi = damped ? (parameters[2] as number) : 1;
      if (checkUsual) {
        if (!(alpha >= lowerAlpha && alpha <= upperAlpha)) return infeasible;
        if (!(beta >= lowerBeta && beta <= alpha && beta <= upperBeta)) return infeasible;
        if (damped && !(phi >= lowerPhi && phi <= upperPhi)) return infeasible;
      }
      // isAdmissible(alpha, beta, 0, phi, 1, true, false), written out.
      if (checkAdmissible) {
        if (phi < 0 || phi > 1 + 1e-8) return infeasible;
        if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return infeasible;
        if (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha)) return infeasible;
      }
      const level = parameters[levelAt] as number;
      const slope = parameters[levelAt + 1] as number;
      return finish(kernel(y, n, alpha, beta, phi, level, slope));
    };
  }
  const kernel = additiveTrendNoSeason;
  return (parameters: Float64Array): number => {
    const alpha = parameters[0] as number;
    const beta = parameters[1] as number;
    const phi = damped ? (parameters[2] as number) : 1;
    if (checkUsual) {
      if (!(alpha >= lowerAlpha && alpha <= upperAlpha)) return infeasible;
      if (!(beta >= lowerBeta && beta <= alpha && beta <= upperBeta)) return infeasible;
      if (damped && !(phi >= lowerPhi && phi <= upperPhi)) return infeasible;
    }
    if (checkAdmissible) {
      if (phi < 0 || phi > 1 + 1e-8) return infeasible;
      if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return infeasible;
      if (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha)) return infeasible;
    }
    const level = parameters[levelAt] as number;
    const slope = parameters[levelAt + 1] as number;
    return finish(kernel(y, n, alpha, beta, phi, level, slope));
  };
}
