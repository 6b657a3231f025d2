// ARMA parameter handling as R's stats::arima: the coefficient layout (ar, ma, sar, sma,
// regression), expansion of the multiplicative seasonal polynomials, the reparametrisation of
// AR blocks through partial autocorrelations (Jones 1980, Technometrics 22:389-395) and the
// inversion of non-invertible MA polynomials (Brockwell & Davis 1991, section 4.4).
import { polynomialRoots, rootsOutsideCircle } from './polynomial-roots';

/** Orders of the ARMA part (after differencing) and the seasonal period. */
export interface ArmaLayout {
  p: number;
  q: number;
  seasonalP: number;
  seasonalQ: number;
  period: number;
}

export function armaCount(layout: ArmaLayout): number {
  return layout.p + layout.q + layout.seasonalP + layout.seasonalQ;
}

/** Length of the expanded AR polynomial: p + period * P. */
export function expandedArLength(layout: ArmaLayout): number {
  return layout.p + layout.period * layout.seasonalP;
}

/** Length of the expanded MA polynomial: q + period * Q. */
export function expandedMaLength(layout: ArmaLayout): number {
  return layout.q + layout.period * layout.seasonalQ;
}

/**
 * Maps unconstrained values to AR coefficients of a stationary polynomial: tanh gives partial
 * autocorrelations in (-1, 1), the Durbin-Levinson recursion turns them into coefficients.
 */
export function pacfToAr(
  raw: ArrayLike<number>,
  rawOffset: number,
  count: number,
  out: Float64Array,
  outOffset: number,
): void {
  const work = new Float64Array(count);
  for (let j = 0; j < count; j += 1) {
    const value = Math.tanh(raw[rawOffset + j]!);
    out[outOffset + j] = value;
    work[j] = value;
  }
  for (let j = 1; j < count; j += 1) {
    const reflection = out[outOffset + j]!;
    for (let k = 0; k < j; k += 1) work[k]! -= reflection * out[outOffset + j - k - 1]!;
    for (let k = 0; k < j; k += 1) out[outOffset + k] = work[k]!;
  }
}

/** Inverse of pacfToAr: AR coefficients back to atanh of the partial autocorrelations. */
export function arToPacf(
  ar: ArrayLike<number>,
  arOffset: number,
  count: number,
  out: Float64Array,
  outOffset: number,
): void {
  const current = new Float64Array(count);
  const work = new Float64Array(count);
  for (let j = 0; j < count; j += 1) current[j] = ar[arOffset + j]!;
  for (let j = count - 1; j > 0; j -= 1) {
    const reflection = current[j]!;
    const denominator = 1 - reflection * reflection;
    for (let k = 0; k < j; k += 1)
      work[k] = (current[k]! + reflection * current[j - k - 1]!) / denominator;
    for (let k = 0; k < j; k += 1) current[k] = work[k]!;
  }
  for (let j = 0; j < count; j += 1) out[outOffset + j] = Math.atanh(current[j]!);
}

/** Copy of the parameters with each AR block (ar, sar) mapped through pacfToAr (R's undoPars). */
export function untransformParameters(
  parameters: ArrayLike<number>,
  layout: ArmaLayout,
): Float64Array {
  const result = Float64Array.from(parameters);
  if (layout.p > 0) pacfToAr(parameters, 0, layout.p, result, 0);
  const seasonalOffset = layout.p + layout.q;
  if (layout.seasonalP > 0)
    pacfToAr(parameters, seasonalOffset, layout.seasonalP, result, seasonalOffset);
  return result;
}

/** Copy of the parameters with each AR block mapped through arToPacf (R's ARIMA_Invtrans). */
export function transformParameters(
  parameters: ArrayLike<number>,
  layout: ArmaLayout,
): Float64Array {
  const result = Float64Array.from(parameters);
  if (layout.p > 0) arToPacf(parameters, 0, layout.p, result, 0);
  const seasonalOffset = layout.p + layout.q;
  if (layout.seasonalP > 0)
    arToPacf(parameters, seasonalOffset, layout.seasonalP, result, seasonalOffset);
  return result;
}

/**
 * Expands (1 - sum ar B^i)(1 - sum sar B^(s j)) and (1 + sum ma B^i)(1 + sum sma B^(s j)) into
 * phi (length p + sP) and theta (length q + sQ). With `transform`, AR blocks are first mapped
 * through pacfToAr. `work` must hold at least armaCount(layout) values.
 */
export function expandArma(
  parameters: ArrayLike<number>,
  layout: ArmaLayout,
  transform: boolean,
  phi: Float64Array,
  theta: Float64Array,
  work: Float64Array,
): void {
  const { p, q, seasonalP, seasonalQ, period } = layout;
  const count = p + q + seasonalP + seasonalQ;
  for (let i = 0; i < count; i += 1) work[i] = parameters[i]!;
  if (transform) {
    if (p > 0) pacfToAr(parameters, 0, p, work, 0);
    if (seasonalP > 0) pacfToAr(parameters, p + q, seasonalP, work, p + q);
  }
  const arLength = p + period * seasonalP;
  const maLength = q + period * seasonalQ;
  for (let i = 0; i < arLength; i += 1) phi[i] = i < p ? work[i]! : 0;
  for (let i = 0; i < maLength; i += 1) theta[i] = i < q ? work[p + i]! : 0;
  for (let j = 0; j < seasonalP; j += 1) {
    const seasonal = work[p + q + j]!;
    phi[(j + 1) * period - 1]! += seasonal;
    for (let i = 0; i < p; i += 1) phi[(j + 1) * period + i]! -= work[i]! * seasonal;
  }
  for (let j = 0; j < seasonalQ; j += 1) {
    const seasonal = work[p + q + seasonalP + j]!;
    theta[(j + 1) * period - 1]! += seasonal;
    for (let i = 0; i < q; i += 1) theta[(j + 1) * period + i]! += work[p + i]! * seasonal;
  }
}

/**
 * Jacobian of untransformParameters at `parameters` by forward differences with step 1e-3
 * (R's ARIMA_Gradtrans): entry [i * n + j] = d out_j / d in_i; identity outside AR blocks.
 */
export function transformJacobian(parameters: ArrayLike<number>, layout: ArmaLayout): Float64Array {
  const n = parameters.length;
  const step = 1e-3;
  const jacobian = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) jacobian[i * n + i] = 1;
  const block = (offset: number, count: number): void => {
    if (count === 0) return;
    const base = new Float64Array(count);
    const shifted = new Float64Array(count);
    const raw = new Float64Array(count);
    for (let i = 0; i < count; i += 1) raw[i] = parameters[offset + i]!;
    pacfToAr(raw, 0, count, base, 0);
    for (let i = 0; i < count; i += 1) {
      raw[i]! += step;
      pacfToAr(raw, 0, count, shifted, 0);
      for (let j = 0; j < count; j += 1) {
        jacobian[(offset + i) * n + offset + j] = (shifted[j]! - base[j]!) / step;
      }
      raw[i]! -= step;
    }
  };
  block(0, layout.p);
  block(layout.p + layout.q, layout.seasonalP);
  return jacobian;
}

/** True when 1 - ar[0] z - ... has all roots strictly outside the unit circle (R's arCheck). */
export function isStationary(ar: ArrayLike<number>): boolean {
  return rootsOutsideCircle(ar, 1, 0);
}

/**
 * Reflects the roots of 1 + ma[0] z + ... that lie inside the unit circle to their inverses,
 * giving the invertible MA polynomial with the same autocovariances (R's maInvert).
 */
export function invertMa(ma: ArrayLike<number>): Float64Array {
  const q = ma.length;
  let order = q;
  while (order > 0 && ma[order - 1] === 0) order -= 1;
  const result = Float64Array.from(ma);
  if (order === 0) return result;
  const coefficients = [1];
  for (let i = 0; i < order; i += 1) coefficients.push(ma[i]!);
  const roots = polynomialRoots(coefficients);
  if (roots.every((root) => Math.hypot(root.re, root.im) >= 1)) return result;
  if (order === 1) {
    result[0] = 1 / ma[0]!;
    return result;
  }
  // Rebuild prod (1 - z / root) with the inside roots replaced by their inverses.
  let re = [1];
  let im = [0];
  for (const root of roots) {
    let rootRe = root.re;
    let rootIm = root.im;
    const modulusSquared = rootRe * rootRe + rootIm * rootIm;
    if (Math.sqrt(modulusSquared) < 1) {
      rootRe /= modulusSquared;
      rootIm = -rootIm / modulusSquared;
    }
    // 1 / root
    const scale = rootRe * rootRe + rootIm * rootIm;
    const inverseRe = rootRe / scale;
    const inverseIm = -rootIm / scale;
    const nextRe = [...re, 0];
    const nextIm = [...im, 0];
    for (let k = 0; k < re.length; k += 1) {
      nextRe[k + 1]! -= re[k]! * inverseRe - im[k]! * inverseIm;
      nextIm[k + 1]! -= re[k]! * inverseIm + im[k]! * inverseRe;
    }
    re = nextRe;
    im = nextIm;
  }
  for (let i = 0; i < order; i += 1) result[i] = re[i + 1]!;
  for (let i = order; i < q; i += 1) result[i] = 0;
  return result;
}
