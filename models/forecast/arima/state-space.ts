// The ARIMA model in state-space form with the differencing held in the state (Harvey 1989,
// section 3.4; R's makeARIMA): r = max(p, q + 1) ARMA states plus d + D*period past values,
// the latter started diffusely (variance 1e6). Filtering the undifferenced series gives the
// one-step predictions and the final state from which forecasts and their variances follow.
import { StationaryCovariance } from './stationary-covariance';

/** Prior variance of the differencing states (R's kappa). */
const KAPPA = 1e6;
/** Observations predicted with at least this variance are left out of the likelihood. */
const DIFFUSE_GAIN = 1e4;

export interface FilterOutput {
  /** One-step-ahead predictions of the series (NaN where the prediction is still diffuse). */
  predictions: Float64Array;
  /** Standardised innovations, as R's arima residuals (NaN where the value is missing). */
  residuals: Float64Array;
  /** Sum of squared standardised innovations with non-diffuse variance. */
  ssq: number;
  /** Filtered state and covariance after the last observation. */
  state: Float64Array;
  covariance: Float64Array;
}

export class ArimaStateSpace {
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  readonly delta: Float64Array;
  /** ARMA state dimension and full dimension. */
  readonly r: number;
  readonly dimension: number;
  private readonly scratch: Float64Array;

  constructor(phi: Float64Array, theta: Float64Array, delta: Float64Array) {
    this.phi = phi;
    this.theta = theta;
    this.delta = delta;
    this.r = Math.max(phi.length, theta.length + 1);
    this.dimension = this.r + delta.length;
    this.scratch = new Float64Array(this.dimension * this.dimension);
  }

  /** out = T a. */
  transition(a: Float64Array, out: Float64Array): void {
    const { phi, delta, r, dimension } = this;
    const p = phi.length;
    for (let i = 0; i < r; i += 1)
      out[i] = (i < p ? phi[i]! * a[0]! : 0) + (i + 1 < r ? a[i + 1]! : 0);
    if (delta.length > 0) {
      let value = a[0]!;
      for (let k = 0; k < delta.length; k += 1) value += delta[k]! * a[r + k]!;
      out[r] = value;
      for (let i = r + 1; i < dimension; i += 1) out[i] = a[i - 1]!;
    }
  }

  /** Z a: the observation implied by state a. */
  observe(a: Float64Array): number {
    let value = a[0]!;
    for (let k = 0; k < this.delta.length; k += 1) value += this.delta[k]! * a[this.r + k]!;
    return value;
  }

  /** out = T P T' + V (row-major, dimension x dimension). */
  predictCovariance(covariance: Float64Array, out: Float64Array): void {
    const { phi, theta, delta, r, dimension: n } = this;
    const p = phi.length;
    const q = theta.length;
    const mm = this.scratch;
    // mm = T P (rows transformed).
    for (let j = 0; j < n; j += 1) {
      const lead = covariance[j]!;
      for (let i = 0; i < r; i += 1) {
        mm[i * n + j] =
          (i < p ? phi[i]! * lead : 0) + (i + 1 < r ? covariance[(i + 1) * n + j]! : 0);
      }
      if (delta.length > 0) {
        let value = lead;
        for (let k = 0; k < delta.length; k += 1) value += delta[k]! * covariance[(r + k) * n + j]!;
        mm[r * n + j] = value;
        for (let i = r + 1; i < n; i += 1) mm[i * n + j] = covariance[(i - 1) * n + j]!;
      }
    }
    // out = mm T' (columns transformed).
    for (let i = 0; i < n; i += 1) {
      const row = i * n;
      const lead = mm[row]!;
      for (let j = 0; j < r; j += 1)
        out[row + j] = (j < p ? phi[j]! * lead : 0) + (j + 1 < r ? mm[row + j + 1]! : 0);
      if (delta.length > 0) {
        let value = lead;
        for (let k = 0; k < delta.length; k += 1) value += delta[k]! * mm[row + r + k]!;
        out[row + r] = value;
        for (let j = r + 1; j < n; j += 1) out[row + j] = mm[row + j - 1]!;
      }
    }
    for (let i = 0; i <= q; i += 1) {
      const vi = i === 0 ? 1 : theta[i - 1]!;
      for (let j = 0; j <= q; j += 1) out[i * n + j]! += vi * (j === 0 ? 1 : theta[j - 1]!);
    }
  }

  /** Prior covariance: the stationary ARMA block and KAPPA on the differencing states. */
  initialCovariance(): Float64Array {
    const { r, dimension: n } = this;
    const covariance = new Float64Array(n * n);
    const stationary = new StationaryCovariance(r);
    if (!stationary.compute(this.phi, this.phi.length, this.theta, this.theta.length)) {
      throw new RangeError('phi: the AR polynomial is not stationary');
    }
    const block = new Float64Array(r * r);
    stationary.fillMatrix(this.phi, this.phi.length, this.theta, this.theta.length, block);
    for (let i = 0; i < r; i += 1)
      for (let j = 0; j < r; j += 1) covariance[i * n + j] = block[i * r + j]!;
    for (let i = r; i < n; i += 1) covariance[i * n + i] = KAPPA;
    return covariance;
  }

  /** Runs the filter over y (NaN = missing), as R's ARIMA_Like with residuals. */
  filter(y: ArrayLike<number>): FilterOutput {
    const n = this.dimension;
    const a = new Float64Array(n);
    const anew = new Float64Array(n);
    const gain = new Float64Array(n);
    let covariance: Float64Array = new Float64Array(n * n);
    let prediction: Float64Array = this.initialCovariance();
    const predictions = new Float64Array(y.length);
    const residuals = new Float64Array(y.length);
    let ssq = 0;
    for (let t = 0; t < y.length; t += 1) {
      this.transition(a, anew);
      if (t > 0) this.predictCovariance(covariance, prediction);
      const observation = y[t]!;
      if (Number.isNaN(observation)) {
        a.set(anew);
        const swap = covariance;
        covariance = prediction;
        prediction = swap;
        residuals[t] = Number.NaN;
        predictions[t] = this.observe(anew);
        continue;
      }
      const forecast = this.observe(anew);
      const innovation = observation - forecast;
      for (let i = 0; i < n; i += 1) {
        let value = prediction[i * n]!;
        for (let k = 0; k < this.delta.length; k += 1)
          value += prediction[i * n + this.r + k]! * this.delta[k]!;
        gain[i] = value;
      }
      let variance = gain[0]!;
      for (let k = 0; k < this.delta.length; k += 1) variance += this.delta[k]! * gain[this.r + k]!;
      if (variance < DIFFUSE_GAIN) ssq += (innovation * innovation) / variance;
      residuals[t] = innovation / Math.sqrt(variance);
      predictions[t] = variance < DIFFUSE_GAIN ? forecast : Number.NaN;
      for (let i = 0; i < n; i += 1) a[i] = anew[i]! + (gain[i]! * innovation) / variance;
      for (let i = 0; i < n; i += 1) {
        for (let j = 0; j < n; j += 1)
          covariance[i * n + j] = prediction[i * n + j]! - (gain[i]! * gain[j]!) / variance;
      }
    }
    return { predictions, residuals, ssq, state: a, covariance };
  }

  /**
   * Forecasts `horizon` steps from a filtered state: means Z a and variances Z P Z' (in units
   * of the innovation variance), as R's KalmanForecast.
   */
  forecast(
    state: Float64Array,
    covariance: Float64Array,
    horizon: number,
  ): { mean: Float64Array; variance: Float64Array } {
    const n = this.dimension;
    let a = Float64Array.from(state);
    let next = new Float64Array(n);
    let current = Float64Array.from(covariance);
    let predicted = new Float64Array(n * n);
    const mean = new Float64Array(horizon);
    const variance = new Float64Array(horizon);
    for (let h = 0; h < horizon; h += 1) {
      this.transition(a, next);
      [a, next] = [next, a];
      mean[h] = this.observe(a);
      this.predictCovariance(current, predicted);
      [current, predicted] = [predicted, current];
      let value = 0;
      const r = this.r;
      const weights = (index: number): number =>
        index === 0 ? 1 : index >= r ? this.delta[index - r]! : 0;
      for (let i = 0; i < n; i += 1) {
        const wi = weights(i);
        if (wi === 0) continue;
        for (let j = 0; j < n; j += 1) {
          const wj = weights(j);
          if (wj !== 0) value += wi * wj * current[i * n + j]!;
        }
      }
      variance[h] = value;
    }
    return { mean, variance };
  }
}
