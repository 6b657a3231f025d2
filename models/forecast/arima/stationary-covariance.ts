// Stationary covariance of the ARMA state vector in Harvey's state-space form (the matrix R's
// getQ0 computes by Gardner, Harvey & Phillips 1980, AS 154), obtained here from the process
// autocovariances as Rossignol suggested (R bug 14682; Brockwell & Davis 1991, eq. 3.3.8-9):
// solve the (p+1) linear equations for gamma(0..p), then the state covariance follows in O(r^2).
import { solveInPlace } from './matrix';

/** Reusable buffers for one state dimension r = max(p, q + 1). */
export class StationaryCovariance {
  readonly capacity: number;
  /** gamma(0..r) of the ARMA process with unit innovation variance. */
  readonly autocovariance: Float64Array;
  /** psi weights 0..r of the MA(infinity) representation. */
  readonly psi: Float64Array;
  /** First column of the state covariance (length r). */
  readonly firstColumn: Float64Array;
  private readonly system: Float64Array;
  private readonly rightSide: Float64Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.autocovariance = new Float64Array(capacity + 2);
    this.psi = new Float64Array(capacity + 2);
    this.firstColumn = new Float64Array(capacity + 1);
    this.system = new Float64Array((capacity + 1) * (capacity + 1));
    this.rightSide = new Float64Array(capacity + 1);
  }

  /**
   * Computes gamma, psi and the first state-covariance column for AR phi[0..p) and MA
   * theta[0..q); r = max(p, q + 1). Returns false when the AR part is not stationary
   * (singular or non-finite system).
   */
  compute(phi: Float64Array, p: number, theta: Float64Array, q: number): boolean {
    const r = Math.max(p, q + 1);
    if (r > this.capacity)
      throw new RangeError(`state dimension ${r} exceeds capacity ${this.capacity}`);
    const psi = this.psi;
    const gamma = this.autocovariance;
    psi[0] = 1;
    for (let j = 1; j <= r; j += 1) {
      let value = j <= q ? theta[j - 1]! : 0;
      const top = Math.min(j, p);
      for (let i = 1; i <= top; i += 1) value += phi[i - 1]! * psi[j - i]!;
      psi[j] = value;
    }
    // c_k = sum_{j=k}^{q} theta_j psi_{j-k}, theta_0 = 1.
    const rhs = this.rightSide;
    const size = p + 1;
    for (let k = 0; k < size; k += 1) rhs[k] = this.movingAverageTerm(k, theta, q);
    if (p === 0) {
      gamma[0] = rhs[0]!;
    } else {
      const a = this.system;
      a.fill(0, 0, size * size);
      for (let k = 0; k < size; k += 1) {
        a[k * size + k] = 1;
        for (let i = 1; i <= p; i += 1) a[k * size + Math.abs(k - i)]! -= phi[i - 1]!;
      }
      if (!solveInPlace(a, rhs, size)) return false;
      for (let k = 0; k < size; k += 1) gamma[k] = rhs[k]!;
    }
    for (let k = p + 1; k <= r; k += 1) {
      let value = this.movingAverageTerm(k, theta, q);
      for (let i = 1; i <= p; i += 1) value += phi[i - 1]! * gamma[k - i]!;
      gamma[k] = value;
    }
    const column = this.firstColumn;
    column[0] = gamma[0]!;
    for (let k = 1; k < r; k += 1) {
      let value = 0;
      for (let lag = k + 1; lag <= p; lag += 1) value += phi[lag - 1]! * gamma[lag - k]!;
      for (let index = Math.max(k, 1); index <= q; index += 1)
        value += theta[index - 1]! * psi[index - k]!;
      column[k] = value;
    }
    column[r] = 0;
    if (!Number.isFinite(gamma[0]!) || !(gamma[0]! > 0)) return false;
    return true;
  }

  /**
   * Full r x r stationary state covariance (column-major = row-major, symmetric) from the first
   * column, by P = T P T' + V read element-wise from the bottom-right corner upwards.
   */
  fillMatrix(
    phi: Float64Array,
    p: number,
    theta: Float64Array,
    q: number,
    out: Float64Array,
  ): void {
    const r = Math.max(p, q + 1);
    const column = this.firstColumn;
    const gamma0 = column[0]!;
    const phiAt = (index: number): number => (index < p ? phi[index]! : 0);
    const thetaAt = (index: number): number =>
      index === 0 ? 1 : index <= q ? theta[index - 1]! : 0;
    for (let i = r - 1; i >= 1; i -= 1) {
      for (let k = r - 1; k >= i; k -= 1) {
        const phiI = phiAt(i);
        const phiK = phiAt(k);
        let value = phiI * phiK * gamma0 + thetaAt(i) * thetaAt(k);
        if (k + 1 < r) value += phiI * column[k + 1]!;
        if (i + 1 < r) value += phiK * column[i + 1]!;
        if (i + 1 < r && k + 1 < r) value += out[(i + 1) * r + k + 1]!;
        out[i * r + k] = value;
        out[k * r + i] = value;
      }
    }
    for (let k = 0; k < r; k += 1) {
      out[k] = column[k]!;
      out[k * r] = column[k]!;
    }
  }

  /** c_k = sum_{j=k..q} theta_j psi_{j-k} with theta_0 = 1 (right side of eq. 3.3.8). */
  private movingAverageTerm(k: number, theta: Float64Array, q: number): number {
    if (k > q) return 0;
    let value = k === 0 ? 1 : 0;
    for (let j = Math.max(k, 1); j <= q; j += 1) value += theta[j - 1]! * this.psi[j - k]!;
    return value;
  }
}
