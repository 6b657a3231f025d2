// Fits for series too short for maximum likelihood, as R forecast's ets() does them
// (HoltWintersZZ): simple exponential smoothing or Holt's linear method with simple initial
// values (level = y_1, slope = y_2 - y_1) and smoothing parameters minimising the sum of squared
// one-step errors on [0, 1] (Hyndman et al. 2008, section 2.1; Holt 1957). Also the fit R uses
// for a constant series: SES with alpha = 0.99999 from the first value.
import { nelderMead } from '../../stats/optimize';
import { type EtsModel, evaluateModel } from './fit';
import type { EtsSpec } from './model-spec';

const SES: EtsSpec = { error: 'A', trend: 'N', season: 'N', damped: false };
const HOLT: EtsSpec = { error: 'A', trend: 'A', season: 'N', damped: false };

/** Sum of squared one-step errors of SES/Holt with level0, slope0 (Holt's beta on the slope update). */
function sumOfSquares(
  y: Float64Array,
  alpha: number,
  holtBeta: number,
  trend: boolean,
  level0: number,
  slope0: number,
): number {
  let level = level0;
  let slope = trend ? slope0 : 0;
  let total = 0;
  for (let t = 0; t < y.length; t += 1) {
    const forecast = level + slope;
    const error = (y[t] as number) - forecast;
    total += error * error;
    const newLevel = alpha * (y[t] as number) + (1 - alpha) * forecast;
    if (trend) slope = holtBeta * (newLevel - level) + (1 - holtBeta) * slope;
    level = newLevel;
  }
  return total;
}

/** Packs fixed-parameter smoothing as an EtsModel; sigma^2 = mean squared error (as R's HoltWinters fits). */
function packSimple(
  y: Float64Array,
  spec: EtsSpec,
  alpha: number,
  beta: number,
  state: number[],
): EtsModel {
  const model = evaluateModel(y, spec, 1, { alpha, beta, gamma: 0, phi: 1 }, state, 0, 0);
  let squares = 0;
  for (const residual of model.residuals) squares += residual * residual;
  return {
    ...model,
    sigma2: squares / y.length,
    logLikelihood: Number.NaN,
    aic: Number.NaN,
    aicc: Number.NaN,
    bic: Number.NaN,
    parameterCount: spec.trend === 'N' ? 1 : 2,
  };
}

/** SES (trend false) or Holt (trend true, needs >= 2 values) with simple initial values and least-squares smoothing. */
export function fitSimpleSmoothing(y: Float64Array, trend: boolean): EtsModel {
  if (y.length < (trend ? 2 : 1)) {
    throw new RangeError(
      `values: ${y.length} observations are too few for ${trend ? "Holt's method" : 'SES'}`,
    );
  }
  const level0 = y[0] as number;
  const slope0 = trend ? (y[1] as number) - (y[0] as number) : 0;
  // R's initparam for HoltWinters: alpha 0.2, beta 0.1 * alpha.
  const start = trend ? [0.2, 0.02] : [0.2];
  const result = nelderMead(
    (point) =>
      sumOfSquares(y, point[0] as number, trend ? (point[1] as number) : 0, trend, level0, slope0),
    start,
    { lower: trend ? [0, 0] : [0], upper: trend ? [1, 1] : [1], maxEvaluations: 1000 },
  );
  const alpha = result.x[0] as number;
  if (!trend) return packSimple(y, SES, alpha, 0, [level0]);
  // Holt's beta acts on level changes; in error-correction form the slope gain is alpha * beta.
  return packSimple(y, HOLT, alpha, alpha * (result.x[1] as number), [level0, slope0]);
}

/** R's fit for a constant series: SES with alpha = 0.99999 from the first value (forecasts the constant). */
export function constantModel(y: Float64Array): EtsModel {
  return packSimple(y, SES, 0.99999, 0, [y[0] as number]);
}
