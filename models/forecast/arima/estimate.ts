// Estimation of an ARIMA model of fixed order as R's stats::arima(method = "CSS-ML") does it:
// CSS (Box & Jenkins 1970) by BFGS for starting values, then exact ML (Gardner, Harvey &
// Phillips 1980) by BFGS over AR parameters reparametrised through partial autocorrelations
// (Jones 1980, transform.pars = TRUE), MA polynomials made invertible, and the coefficient
// variances from the numerical Hessian. Differencing is applied to the series beforehand.
import {
  invertMa,
  isStationary,
  transformJacobian,
  transformParameters,
  untransformParameters,
} from './arma-parameters';
import { NonFiniteObjectiveError, minimizeBfgs, numericalHessian } from './bfgs';
import type { BfgsResult, GradientFunction } from './bfgs';
import { countPresent, difference, differencingPolynomial } from './difference';
import { invertMatrix } from './matrix';
import { ArimaObjectives } from './objectives';
import { ArimaFitError, armaLayout } from './specification';
import type { ArimaFit, ArimaMethod, ArimaOrder, ConstantKind } from './specification';

export interface FitOptions {
  /** Include a mean (d + D = 0) or drift (d + D = 1); ignored with more differencing. */
  constant: boolean;
  method: ArimaMethod;
  /** Fix the mean or drift at this value instead of estimating it (no ARMA terms allowed). */
  fixedConstant?: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

function checkOrder(order: ArimaOrder): void {
  for (const key of ['p', 'd', 'q', 'seasonalP', 'seasonalD', 'seasonalQ'] as const) {
    const value = order[key];
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`order.${key}: ${value} must be a whole number >= 0`);
  }
  if (!Number.isInteger(order.period) || order.period < 1) {
    throw new RangeError(`order.period: ${order.period} must be a whole number >= 1`);
  }
}

/** Differenced series: (1 - B)^d then (1 - B^period)^D. */
export function differenceSeries(values: ArrayLike<number>, order: ArimaOrder): Float64Array {
  const once = difference(values, 1, order.d);
  return order.seasonalD > 0 ? difference(once, order.period, order.seasonalD) : once;
}

function coefficientNames(order: ArimaOrder, constant: ConstantKind): string[] {
  const names: string[] = [];
  for (let i = 1; i <= order.p; i += 1) names.push(`ar${i}`);
  for (let i = 1; i <= order.q; i += 1) names.push(`ma${i}`);
  for (let i = 1; i <= order.seasonalP; i += 1) names.push(`sar${i}`);
  for (let i = 1; i <= order.seasonalQ; i += 1) names.push(`sma${i}`);
  if (constant === 'mean') names.push('intercept');
  if (constant === 'drift') names.push('drift');
  return names;
}

/** Least-squares coefficient and standard error of w on a constant column (R's lm(dx ~ dxreg - 1)). */
function regressOnConstant(
  w: Float64Array,
  column: number,
): { estimate: number; standardError: number } {
  let sum = 0;
  let count = 0;
  for (const value of w) {
    if (Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  const estimate = sum / count / column;
  let residualSquares = 0;
  for (const value of w) {
    if (!Number.isNaN(value)) residualSquares += (value - estimate * column) ** 2;
  }
  const standardError = Math.sqrt(residualSquares / (count - 1) / (count * column * column));
  return { estimate, standardError };
}

/** Drift or mean regression on the undifferenced series (R's fallback lm(x ~ xreg - 1)). */
function regressOnRegressor(
  values: Float64Array,
  kind: ConstantKind,
): { estimate: number; standardError: number } {
  let cross = 0;
  let squares = 0;
  let count = 0;
  for (let t = 0; t < values.length; t += 1) {
    if (Number.isNaN(values[t]!)) continue;
    const regressor = kind === 'drift' ? t + 1 : 1;
    cross += values[t]! * regressor;
    squares += regressor * regressor;
    count += 1;
  }
  const estimate = cross / squares;
  let residualSquares = 0;
  for (let t = 0; t < values.length; t += 1) {
    if (Number.isNaN(values[t]!)) continue;
    residualSquares += (values[t]! - estimate * (kind === 'drift' ? t + 1 : 1)) ** 2;
  }
  return { estimate, standardError: Math.sqrt(residualSquares / (count - 1) / squares) };
}

/** Minimises, turning a non-finite objective where R would stop into an ArimaFitError. */
function minimize(
  objective: (parameters: Float64Array) => number,
  start: Float64Array,
  parscale: Float64Array,
  maxIterations = 100,
  gradient?: GradientFunction,
): BfgsResult {
  try {
    return minimizeBfgs(objective, start, { parscale, maxIterations, gradient });
  } catch (error) {
    if (error instanceof NonFiniteObjectiveError) throw new ArimaFitError(error.message);
    throw error;
  }
}

function hessianOf(
  objective: (parameters: Float64Array) => number,
  at: Float64Array,
  parscale: Float64Array,
  gradient?: GradientFunction,
): Float64Array {
  try {
    return numericalHessian(objective, at, parscale, 1e-3, gradient);
  } catch (error) {
    if (error instanceof NonFiniteObjectiveError) throw new ArimaFitError(error.message);
    throw error;
  }
}

/** Diagonal of A' (H n)^-1 A (A = identity when null); null when H n cannot be inverted. */
function coefficientVariances(
  hessian: Float64Array,
  size: number,
  nUsed: number,
  jacobian: Float64Array | null,
): Float64Array | null {
  const scaled = hessian.map((value) => value * nUsed);
  const inverse = invertMatrix(scaled, size);
  if (!inverse) return null;
  const variances = new Float64Array(size);
  for (let k = 0; k < size; k += 1) {
    let value = 0;
    if (jacobian === null) value = inverse[k * size + k]!;
    else {
      for (let i = 0; i < size; i += 1) {
        const left = jacobian[i * size + k]!;
        if (left === 0) continue;
        for (let j = 0; j < size; j += 1)
          value += left * inverse[i * size + j]! * jacobian[j * size + k]!;
      }
    }
    variances[k] = value;
  }
  return variances;
}

/** Outcome of the coefficient-variance check R's arima() and forecast's checkarima() make. */
type VarianceCheck = () => 'valid' | 'negative' | 'singular';

/**
 * Fits ARIMA `order` to `values` (NaN = missing) as R's arima(). Throws ArimaFitError where R
 * stops with an error (non-stationary CSS estimates, singular Hessian, non-finite objective).
 */
export function fitArima(
  values: ArrayLike<number>,
  order: ArimaOrder,
  options: FitOptions,
): ArimaFit {
  const { fit, check } = estimate(values, order, options);
  if (check) {
    const outcome = check();
    if (outcome === 'singular')
      throw new ArimaFitError('singular Hessian: coefficient variances undefined');
    fit.variancesValid = outcome === 'valid';
  }
  return fit;
}

/**
 * As fitArima, but the numerical Hessian behind the variance check (a large share of the cost)
 * is computed only when `confirm` is called; it returns false where R's fit would have failed
 * or been rejected by checkarima. The automatic search confirms only candidates that compete.
 */
export function fitArimaDeferred(
  values: ArrayLike<number>,
  order: ArimaOrder,
  options: FitOptions,
): { fit: ArimaFit; confirm: () => boolean } {
  const { fit, check } = estimate(values, order, options);
  let outcome: boolean | undefined = check ? undefined : true;
  const confirm = (): boolean => {
    if (outcome === undefined) {
      try {
        outcome = check!() === 'valid';
      } catch (error) {
        if (!(error instanceof ArimaFitError)) throw error;
        outcome = false;
      }
      fit.variancesValid = outcome;
    }
    return outcome;
  };
  return { fit, confirm };
}

function estimate(
  values: ArrayLike<number>,
  order: ArimaOrder,
  options: FitOptions,
): { fit: ArimaFit; check: VarianceCheck | null } {
  checkOrder(order);
  const series = Float64Array.from(values);
  const layout = armaLayout(order);
  const differences = order.d + order.seasonalD;
  const delta = differencingPolynomial(order.d, order.seasonalD, order.period);
  const constant: ConstantKind = !options.constant
    ? 'none'
    : differences === 0
      ? 'mean'
      : differences === 1
        ? 'drift'
        : 'none';
  const w = differenceSeries(series, order);
  const nUsed = countPresent(series) - delta.length;
  if (nUsed <= 0) throw new ArimaFitError('too few non-missing observations');
  const regressor =
    constant === 'none'
      ? null
      : order.seasonalD === 1 && order.d === 0 && constant === 'drift'
        ? order.period
        : 1;
  const objectives = new ArimaObjectives(layout, w, regressor);
  const armaTerms = objectives.armaCount;
  const fixed = options.fixedConstant !== undefined;
  if (fixed && (armaTerms > 0 || constant === 'none')) {
    throw new RangeError(
      'fixedConstant: only a model with a constant and no ARMA terms can fix it',
    );
  }
  const size = armaTerms + (constant === 'none' ? 0 : 1);
  let start: Float64Array = new Float64Array(size);
  const parscale = new Float64Array(size).fill(1);
  if (constant !== 'none') {
    const regression =
      w.length > 1 ? regressOnConstant(w, regressor!) : regressOnRegressor(series, constant);
    start[armaTerms] = fixed ? options.fixedConstant! : regression.estimate;
    parscale[armaTerms] = 10 * regression.standardError;
    if (!fixed && !(Number.isFinite(parscale[armaTerms]!) && parscale[armaTerms]! > 0)) {
      throw new ArimaFitError(
        'cannot scale the constant: the regression on it has no residual variation',
      );
    }
  }
  let method = options.method;
  if (method === 'CSS-ML' && countPresent(series) < series.length) method = 'ML';
  const estimatedCount = fixed ? 0 : size;

  const finish = (
    coefficients: Float64Array,
    value: number,
    converged: boolean,
    check: VarianceCheck | null,
    sigma2: number,
  ): { fit: ArimaFit; check: VarianceCheck | null } => {
    objectives.load(coefficients, false);
    const deviance = 2 * nUsed * value + nUsed + nUsed * LOG_2PI;
    const fit: ArimaFit = {
      order: { ...order },
      method,
      constant,
      coefficients: Array.from(coefficients),
      coefficientNames: coefficientNames(order, constant),
      constantValue: constant === 'none' ? 0 : coefficients[armaTerms]!,
      phi: objectives.phi.slice(0, objectives.arLength),
      theta: objectives.theta.slice(0, objectives.maLength),
      delta,
      sigma2,
      logLikelihood: method === 'CSS' ? Number.NaN : -0.5 * deviance,
      aic: method === 'CSS' ? Number.NaN : deviance + 2 * estimatedCount + 2,
      nUsed,
      estimatedCount,
      converged,
      variancesValid: check === null ? true : undefined,
    };
    return { fit, check };
  };
  const varianceCheck =
    (
      objective: (parameters: Float64Array) => number,
      at: Float64Array,
      jacobian: Float64Array | null,
      gradient?: GradientFunction,
    ): VarianceCheck =>
    () => {
      const variances = coefficientVariances(
        hessianOf(objective, at, parscale, gradient),
        size,
        nUsed,
        jacobian,
      );
      if (!variances) return 'singular';
      return variances.every((variance) => variance >= 0) ? 'valid' : 'negative';
    };

  if (method === 'CSS') {
    if (fixed) {
      const value = objectives.cssObjective(start);
      return finish(start, value, true, null, objectives.conditionalMeanSquare(start));
    }
    const result = minimize(objectives.cssObjective, start, parscale, 100, objectives.cssGradient);
    const sigma2 = objectives.conditionalMeanSquare(result.parameters);
    const check = varianceCheck(
      objectives.cssObjective,
      result.parameters,
      null,
      objectives.cssGradient,
    );
    return finish(result.parameters, result.value, result.converged, check, sigma2);
  }

  if (fixed) {
    if (!objectives.filter(start, false)) throw new ArimaFitError('non-finite likelihood');
    const value = objectives.likelihood.objective();
    return finish(start, value, true, null, objectives.likelihood.sums.ssq / nUsed);
  }

  if (method === 'CSS-ML') {
    const css = minimize(objectives.cssObjective, start, parscale, 100, objectives.cssGradient);
    if (css.converged) start = css.parameters;
    if (order.p > 0 && !isStationary(start.subarray(0, order.p))) {
      throw new ArimaFitError('non-stationary AR part from CSS');
    }
    const seasonalOffset = order.p + order.q;
    if (
      order.seasonalP > 0 &&
      !isStationary(start.subarray(seasonalOffset, seasonalOffset + order.seasonalP))
    ) {
      throw new ArimaFitError('non-stationary seasonal AR part from CSS');
    }
  }
  // Exact ML over the transformed parameters, from invertible MA starting values.
  start = transformParameters(start, layout);
  const invertBlocks = (parameters: Float64Array): void => {
    if (order.q > 0)
      parameters.set(invertMa(parameters.subarray(order.p, order.p + order.q)), order.p);
    const offset = order.p + order.q + order.seasonalP;
    if (order.seasonalQ > 0)
      parameters.set(invertMa(parameters.subarray(offset, offset + order.seasonalQ)), offset);
  };
  invertBlocks(start);
  const result = minimize(objectives.likelihoodObjective, start, parscale);
  const coefficients = result.parameters.slice();
  invertBlocks(coefficients);
  let value = result.value;
  if (coefficients.some((coefficient, index) => coefficient !== result.parameters[index])) {
    value = minimize(objectives.likelihoodObjective, coefficients, parscale, 0).value;
  }
  const jacobian = transformJacobian(coefficients, layout);
  const check = varianceCheck(objectives.likelihoodObjective, coefficients, jacobian);
  const final = untransformParameters(coefficients, layout);
  if (!objectives.filter(final, false))
    throw new ArimaFitError('non-stationary AR part at the estimates');
  const sigma2 = objectives.likelihood.sums.ssq / nUsed;
  return finish(final, value, result.converged, check, sigma2);
}
