// AR(p) errors for a regression: Yule-Walker estimates by the Durbin-Levinson recursion
// (Brockwell & Davis, Introduction to Time Series and Forecasting, 3rd ed., 2.5.3 and 5.1.1),
// the order chosen by AIC (Box, Jenkins, Reinsel & Ljung, Time Series Analysis, 5th ed., 6.4),
// forecasts and psi weights for the forecast error variance (Brockwell & Davis 3.3).

export interface ArModel {
  /** phi_1..phi_p */
  coefficients: number[];
  /** Innovation variance of the chosen order. */
  innovationVariance: number;
}

/** Sample autocovariances (divisor n) of a zero-mean series for lags 0..maxLag. */
function autocovariances(residuals: Float64Array, maxLag: number): number[] {
  const count = residuals.length;
  const out: number[] = [];
  for (let lag = 0; lag <= maxLag; lag += 1) {
    let total = 0;
    for (let index = lag; index < count; index += 1) {
      total += residuals[index]! * residuals[index - lag]!;
    }
    out.push(total / count);
  }
  return out;
}

/**
 * Fits AR(p) for p = 0..maxOrder to zero-mean residuals (excluded days already set to 0) and
 * keeps the order with the smallest AIC = n log(v_p) + 2p. `effectiveCount` is the number of
 * real observations, used in the AIC.
 */
export function fitArErrors(
  residuals: Float64Array,
  maxOrder: number,
  effectiveCount: number,
): ArModel {
  if (!Number.isInteger(maxOrder) || maxOrder < 0) {
    throw new RangeError(`maxOrder: ${maxOrder} must be a whole number >= 0`);
  }
  const order = Math.min(maxOrder, Math.max(0, Math.floor(residuals.length / 4)));
  const gamma = autocovariances(residuals, order);
  const gamma0 = gamma[0] as number;
  // The residuals are zero: nothing to model.
  if (!(gamma0 > 1e-300)) return { coefficients: [], innovationVariance: 0 };
  // Rescale the variance from "divide by n" to the real observations.
  const varianceScale = residuals.length / Math.max(1, effectiveCount);
  let best: ArModel = { coefficients: [], innovationVariance: gamma0 * varianceScale };
  let bestAic = effectiveCount * Math.log(gamma0);
  let phi: number[] = [];
  let variance = gamma0;
  for (let p = 1; p <= order; p += 1) {
    let numerator = gamma[p] as number;
    for (let j = 1; j < p; j += 1) numerator -= phi[j - 1]! * gamma[p - j]!;
    const reflection = numerator / variance;
    if (!(Math.abs(reflection) < 1)) break;
    const next = phi.map((value, j) => value - reflection * phi[p - 2 - j]!);
    next.push(reflection);
    phi = next;
    variance *= 1 - reflection * reflection;
    const aic = effectiveCount * Math.log(variance) + 2 * p;
    if (aic < bestAic) {
      bestAic = aic;
      best = { coefficients: [...phi], innovationVariance: variance * varianceScale };
    }
  }
  return best;
}

/** Forecasts the residual `steps` ahead from the last residuals: e_{n+h} = sum phi_j e_{n+h-j}. */
export function forecastArErrors(model: ArModel, residuals: Float64Array, steps: number): number[] {
  const p = model.coefficients.length;
  const history = Array.from(residuals.subarray(Math.max(0, residuals.length - p)));
  while (history.length < p) history.unshift(0);
  const out: number[] = [];
  for (let step = 0; step < steps; step += 1) {
    let value = 0;
    for (let j = 1; j <= p; j += 1)
      value += model.coefficients[j - 1]! * history[history.length - j]!;
    history.push(value);
    out.push(value);
  }
  return out;
}

/** One-step-ahead predictions of each residual from the previous ones (0 before p of them). */
export function oneStepArPredictions(model: ArModel, residuals: Float64Array): Float64Array {
  const p = model.coefficients.length;
  const out = new Float64Array(residuals.length);
  for (let index = 0; index < residuals.length; index += 1) {
    let value = 0;
    for (let j = 1; j <= p && j <= index; j += 1) {
      value += model.coefficients[j - 1]! * residuals[index - j]!;
    }
    out[index] = value;
  }
  return out;
}

/** Variance of the h-step forecast error, h = 1..steps: sigma^2 sum_{j<h} psi_j^2. */
export function arForecastVariances(model: ArModel, steps: number): number[] {
  const p = model.coefficients.length;
  const psi: number[] = [1];
  const out: number[] = [];
  let total = 0;
  for (let h = 0; h < steps; h += 1) {
    if (h > 0) {
      let value = 0;
      for (let j = 1; j <= Math.min(p, h); j += 1)
        value += model.coefficients[j - 1]! * psi[h - j]!;
      psi.push(value);
    }
    total += psi[h]! ** 2;
    out.push(model.innovationVariance * total);
  }
  return out;
}
