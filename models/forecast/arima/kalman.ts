// Exact Gaussian likelihood of a stationary ARMA model for the differenced series, by the
// Kalman filter in Harvey's state-space form started from the stationary state covariance
// (Gardner, Harvey & Phillips 1980, Applied Statistics 29:311-322), as R's ARIMA_Like computes.
// Without missing values it runs the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974;
// Melard 1984, AS 197): the covariance update has rank one, so a step costs O(r), not O(r^2).
import { DENSE_AR_LAGS, DENSE_MA_LAGS, denseResiduals } from './dense-recursion';
import { StationaryCovariance } from './stationary-covariance';

/** R's ARIMA_Like leaves out an observation whose prediction variance reaches this value. */
const DIFFUSE_GAIN = 1e4;
/** The covariance recursion stops once the rank-one increment falls below this. */
const CONVERGED_INCREMENT = 1e-14;

export interface LikelihoodSums {
  /** Sum of squared standardised innovations. */
  ssq: number;
  /** Sum of log prediction variances (in units of the innovation variance). */
  sumLog: number;
  /** Number of innovations counted. */
  count: number;
}

/** Preallocated filter for ARMA models with state dimension up to `capacity`. */
export class ArmaLikelihood {
  readonly capacity: number;
  readonly sums: LikelihoodSums = { ssq: 0, sumLog: 0, count: 0 };
  private readonly covariance: StationaryCovariance;
  private readonly state: Float64Array;
  private readonly predicted: Float64Array;
  private readonly gainVector: Float64Array;
  private readonly increment: Float64Array;
  private readonly shifted: Float64Array;
  private readonly filtered: Float64Array;
  private readonly prediction: Float64Array;
  private readonly phiPadded: Float64Array;
  private readonly lags: Int32Array;
  private readonly weights: Float64Array;
  private innovationBuffer = new Float64Array(0);
  private readonly dense = new Float64Array(DENSE_AR_LAGS + DENSE_MA_LAGS);
  private readonly denseAr = this.dense.subarray(0, DENSE_AR_LAGS);
  private readonly denseMa = this.dense.subarray(DENSE_AR_LAGS);

  constructor(capacity: number) {
    this.capacity = capacity;
    this.covariance = new StationaryCovariance(capacity);
    this.state = new Float64Array(capacity + 1);
    this.predicted = new Float64Array(capacity + 1);
    this.gainVector = new Float64Array(capacity + 1);
    this.increment = new Float64Array(capacity + 1);
    this.shifted = new Float64Array(capacity + 1);
    this.filtered = new Float64Array(capacity * capacity);
    this.prediction = new Float64Array(capacity * capacity);
    this.phiPadded = new Float64Array(capacity + 1);
    this.lags = new Int32Array(2 * capacity + 2);
    this.weights = new Float64Array(2 * capacity + 2);
  }

  /**
   * Filters w[0..n) (NaN = missing) under ARMA(phi[0..p), theta[0..q)) with unit innovation
   * variance; fills `sums` and returns false when the AR part is not stationary.
   */
  run(
    w: Float64Array,
    n: number,
    phi: Float64Array,
    p: number,
    theta: Float64Array,
    q: number,
  ): boolean {
    if (!this.covariance.compute(phi, p, theta, q)) return false;
    let missing = false;
    for (let t = 0; t < n; t += 1) {
      if (Number.isNaN(w[t]!)) {
        missing = true;
        break;
      }
    }
    if (missing) this.runFull(w, n, phi, p, theta, q);
    else this.runChandrasekhar(w, n, phi, p, q);
    return Number.isFinite(this.sums.ssq) && Number.isFinite(this.sums.sumLog);
  }

  /** 0.5 (log(ssq / count) + sumLog / count): R's concentrated objective `armafn`. */
  objective(): number {
    const { ssq, sumLog, count } = this.sums;
    return 0.5 * (Math.log(ssq / count) + sumLog / count);
  }

  private runChandrasekhar(
    w: Float64Array,
    n: number,
    phi: Float64Array,
    p: number,
    q: number,
  ): void {
    const r = Math.max(p, q + 1);
    const column = this.covariance.firstColumn;
    const a = this.state;
    const k = this.gainVector;
    const l = this.increment;
    const tl = this.shifted;
    // phi padded with zeros to length r; a[r] and l[r] stay 0 so the shifts need no branches.
    const phiPadded = this.phiPadded;
    for (let i = 0; i < r; i += 1) phiPadded[i] = i < p ? phi[i]! : 0;
    const innovations = this.innovations(n);
    let f = column[0]!;
    for (let i = 0; i < r; i += 1) {
      a[i] = 0;
      k[i] = phiPadded[i]! * f + column[i + 1]!;
      l[i] = k[i]!;
    }
    a[r] = 0;
    l[r] = 0;
    let m = -1 / f;
    let convergedAt = -1;
    let ssq = 0;
    let sumLog = 0;
    let count = 0;
    let t = 0;
    for (; t < n; t += 1) {
      // Once the gain has been constant for r steps, the state is a fixed linear function of the
      // last r observations and innovations: switch to that recursion.
      if (convergedAt >= 0 && t - convergedAt >= r) break;
      const first = a[0]!;
      const innovation = w[t]! - first;
      innovations[t] = innovation;
      if (f < DIFFUSE_GAIN) {
        ssq += (innovation * innovation) / f;
        sumLog += Math.log(f);
        count += 1;
      }
      const scaled = innovation / f;
      for (let i = 0; i < r; i += 1) a[i] = phiPadded[i]! * first + a[i + 1]! + k[i]! * scaled;
      if (convergedAt >= 0) continue;
      const lead = l[0]!;
      const nextF = f + m * lead * lead;
      const step = m * lead;
      const correction = lead / nextF;
      let norm = 0;
      for (let i = 0; i < r; i += 1) {
        const value = phiPadded[i]! * lead + l[i + 1]!;
        tl[i] = value;
        const gain = k[i]! + step * value;
        k[i] = gain;
      }
      for (let i = 0; i < r; i += 1) {
        const value = tl[i]! - k[i]! * correction;
        l[i] = value;
        norm += value * value;
      }
      m += (step * step) / f;
      f = nextF;
      if (Math.abs(m) * norm < CONVERGED_INCREMENT) convergedAt = t + 1;
    }
    if (t < n) {
      // Steady state: x_t - sum phi_j x_{t-j} - sum thetaSteady_j v_{t-j}, thetaSteady_j = K_{j-1}/F - phi_j.
      const lags = this.lags;
      const weights = this.weights;
      let arTerms = 0;
      for (let j = 1; j <= p; j += 1) {
        if (phi[j - 1] !== 0) {
          lags[arTerms] = j;
          weights[arTerms] = phi[j - 1]!;
          arTerms += 1;
        }
      }
      let maTerms = arTerms;
      for (let j = 1; j <= r; j += 1) {
        const value = k[j - 1]! / f - (j <= p ? phi[j - 1]! : 0);
        if (Math.abs(value) > 1e-15) {
          lags[maTerms] = j;
          weights[maTerms] = value;
          maTerms += 1;
        }
      }
      const counted = f < DIFFUSE_GAIN;
      const logF = Math.log(f);
      let steadySquares = 0;
      const remaining = n - t;
      if (p <= DENSE_AR_LAGS && r <= DENSE_MA_LAGS) {
        const dense = this.dense;
        dense.fill(0);
        for (let index = 0; index < maTerms; index += 1) {
          const offset = index < arTerms ? 0 : DENSE_AR_LAGS;
          dense[offset + lags[index]! - 1] = weights[index]!;
        }
        steadySquares = denseResiduals(w, t, n, 0, this.denseAr, this.denseMa, innovations);
        t = n;
      }
      for (; t < n; t += 1) {
        let innovation = w[t]!;
        for (let index = 0; index < arTerms; index += 1)
          innovation -= weights[index]! * w[t - lags[index]!]!;
        for (let index = arTerms; index < maTerms; index += 1) {
          innovation -= weights[index]! * innovations[t - lags[index]!]!;
        }
        innovations[t] = innovation;
        steadySquares += innovation * innovation;
      }
      if (counted) {
        sumLog += logF * remaining;
        count += remaining;
      }
      if (counted) ssq += steadySquares / f;
    }
    this.sums.ssq = ssq;
    this.sums.sumLog = sumLog;
    this.sums.count = count;
  }

  /** Scratch for the innovations of the series (grown on demand, reused across calls). */
  private innovations(n: number): Float64Array {
    if (this.innovationBuffer.length < n) this.innovationBuffer = new Float64Array(n);
    return this.innovationBuffer;
  }

  /** The full O(r^2)-per-step filter, needed when observations are missing. */
  private runFull(
    w: Float64Array,
    n: number,
    phi: Float64Array,
    p: number,
    theta: Float64Array,
    q: number,
  ): void {
    const r = Math.max(p, q + 1);
    const a = this.state;
    const anew = this.predicted;
    const gain = this.gainVector;
    const filtered = this.filtered;
    const prediction = this.prediction;
    this.covariance.fillMatrix(phi, p, theta, q, prediction);
    a.fill(0, 0, r);
    let ssq = 0;
    let sumLog = 0;
    let count = 0;
    for (let t = 0; t < n; t += 1) {
      const first = a[0]!;
      for (let i = 0; i < r; i += 1)
        anew[i] = (i < p ? phi[i]! * first : 0) + (i + 1 < r ? a[i + 1]! : 0);
      if (t > 0) predictCovariance(filtered, prediction, phi, p, theta, q, r);
      const observation = w[t]!;
      if (Number.isNaN(observation)) {
        for (let i = 0; i < r; i += 1) a[i] = anew[i]!;
        filtered.set(prediction.subarray(0, r * r));
        continue;
      }
      const innovation = observation - anew[0]!;
      const variance = prediction[0]!;
      for (let i = 0; i < r; i += 1) gain[i] = prediction[i * r]!;
      if (variance < DIFFUSE_GAIN) {
        ssq += (innovation * innovation) / variance;
        sumLog += Math.log(variance);
        count += 1;
      }
      for (let i = 0; i < r; i += 1) a[i] = anew[i]! + (gain[i]! * innovation) / variance;
      for (let i = 0; i < r; i += 1) {
        for (let j = 0; j < r; j += 1) {
          filtered[i * r + j] = prediction[i * r + j]! - (gain[i]! * gain[j]!) / variance;
        }
      }
    }
    this.sums.ssq = ssq;
    this.sums.sumLog = sumLog;
    this.sums.count = count;
  }
}

/** prediction = T filtered T' + (1, theta)(1, theta)' for the r x r ARMA transition T. */
export function predictCovariance(
  filtered: Float64Array,
  prediction: Float64Array,
  phi: Float64Array,
  p: number,
  theta: Float64Array,
  q: number,
  r: number,
): void {
  const p00 = filtered[0]!;
  for (let i = 0; i < r; i += 1) {
    const phiI = i < p ? phi[i]! : 0;
    const thetaI = i === 0 ? 1 : i <= q ? theta[i - 1]! : 0;
    for (let j = i; j < r; j += 1) {
      const phiJ = j < p ? phi[j]! : 0;
      const thetaJ = j === 0 ? 1 : j <= q ? theta[j - 1]! : 0;
      let value = thetaI * thetaJ + phiI * phiJ * p00;
      if (i + 1 < r && j + 1 < r) value += filtered[(i + 1) * r + j + 1]!;
      if (j + 1 < r) value += phiI * filtered[j + 1]!;
      if (i + 1 < r) value += phiJ * filtered[i + 1]!;
      prediction[i * r + j] = value;
      prediction[j * r + i] = value;
    }
  }
}
