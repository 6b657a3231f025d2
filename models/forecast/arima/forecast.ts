// Forecasts of a fitted ARIMA model as forecast::forecast.Arima with R's predict.Arima: run the
// state-space filter (differencing in the state) over the series less its mean or drift, then
// project the state; the variance is the state-space MSE (Harvey 1989, section 3.5) times
// sigma^2 = sum of squared residuals / (n* - k), intervals mean +- z sd.
import type { ArimaFit } from './specification';
import { ArimaFitError } from './specification';
import { ArimaStateSpace } from './state-space';

export interface ArimaForecast {
  mean: number[];
  /** Standard deviation of the forecast error at each step. */
  standardErrors: number[];
  /** One-step-ahead in-sample predictions (NaN where undefined: missing or diffuse start). */
  fitted: number[];
  /** Standardised in-sample innovations (R's residuals). */
  residuals: number[];
  /** Innovation variance used for the intervals (forecast's sigma2 for the chosen model). */
  sigma2: number;
}

/** Value of the mean or drift term at position t (0-based) of the series. */
function regression(fit: ArimaFit, t: number): number {
  if (fit.constant === 'mean') return fit.constantValue;
  if (fit.constant === 'drift') return fit.constantValue * (t + 1);
  return 0;
}

/** Forecasts `horizon` steps after the last element of `values` (the series the model was fitted to). */
export function forecastArima(
  fit: ArimaFit,
  values: ArrayLike<number>,
  horizon: number,
): ArimaForecast {
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`horizon: ${horizon} must be a whole number >= 1`);
  const n = values.length;
  const adjusted = new Float64Array(n);
  let observations = 0;
  for (let t = 0; t < n; t += 1) {
    adjusted[t] = values[t]! - regression(fit, t);
    if (!Number.isNaN(values[t]!)) observations += 1;
  }
  let model: ArimaStateSpace;
  let filtered: ReturnType<ArimaStateSpace['filter']>;
  try {
    model = new ArimaStateSpace(fit.phi, fit.theta, fit.delta);
    filtered = model.filter(adjusted);
  } catch (error) {
    if (error instanceof RangeError) throw new ArimaFitError(`cannot forecast: ${error.message}`);
    throw error;
  }
  let squares = 0;
  for (const residual of filtered.residuals)
    if (!Number.isNaN(residual)) squares += residual * residual;
  const effective = observations - fit.order.d - fit.order.seasonalD * fit.order.period;
  const sigma2 = squares / (effective - fit.estimatedCount);
  const projection = model.forecast(filtered.state, filtered.covariance, horizon);
  const mean: number[] = [];
  const standardErrors: number[] = [];
  for (let h = 0; h < horizon; h += 1) {
    mean.push(projection.mean[h]! + regression(fit, n + h));
    standardErrors.push(Math.sqrt(projection.variance[h]! * sigma2));
  }
  const fitted: number[] = [];
  for (let t = 0; t < n; t += 1) fitted.push(filtered.predictions[t]! + regression(fit, t));
  return { mean, standardErrors, fitted, residuals: Array.from(filtered.residuals), sigma2 };
}
