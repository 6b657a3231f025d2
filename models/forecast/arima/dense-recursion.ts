// ARMA residual recursion e_t = w_t - c - sum_j ar_j w_{t-j} - sum_j ma_j e_{t-j} for the short
// non-seasonal lags auto.arima uses (AR lags <= 5, MA lags <= 6), with the last values held in
// local variables and the sum arranged so that only the lag-1 MA term waits for the previous
// residual: several times faster in V8 than indexed loops (results agree to rounding).

/** Largest AR lag and MA lag the kernel handles. */
export const DENSE_AR_LAGS = 5;
export const DENSE_MA_LAGS = 6;

function valueAt(values: Float64Array, index: number): number {
  return index >= 0 ? values[index]! : 0;
}

/**
 * Writes e_t for t in [start, end) into `residuals` (which must hold e_t for t < start, zeros
 * where the recursion is conditioned) and returns sum e_t^2. `ar` holds lags 1..5 and `ma`
 * lags 1..6, zero-padded; the series must have no missing values in the range.
 */
export function denseResiduals(
  w: Float64Array,
  start: number,
  end: number,
  intercept: number,
  ar: Float64Array,
  ma: Float64Array,
  residuals: Float64Array,
): number {
  const a1 = ar[0]!;
  const a2 = ar[1]!;
  const a3 = ar[2]!;
  const a4 = ar[3]!;
  const a5 = ar[4]!;
  const b1 = ma[0]!;
  const b2 = ma[1]!;
  const b3 = ma[2]!;
  const b4 = ma[3]!;
  const b5 = ma[4]!;
  const b6 = ma[5]!;
  let w1 = valueAt(w, start - 1);
  let w2 = valueAt(w, start - 2);
  let w3 = valueAt(w, start - 3);
  let w4 = valueAt(w, start - 4);
  let w5 = valueAt(w, start - 5);
  let e1 = valueAt(residuals, start - 1);
  let e2 = valueAt(residuals, start - 2);
  let e3 = valueAt(residuals, start - 3);
  let e4 = valueAt(residuals, start - 4);
  let e5 = valueAt(residuals, start - 5);
  let e6 = valueAt(residuals, start - 6);
  let ssq = 0;
  for (let t = start; t < end; t += 1) {
    const current = w[t]!;
    // Everything but the lag-1 MA term first, so the step-to-step dependency is one multiply-add.
    const autoregressive = current - intercept - a1 * w1 - a2 * w2 - (a3 * w3 + a4 * w4 + a5 * w5);
    const movingAverage = b2 * e2 + b3 * e3 + (b4 * e4 + b5 * e5 + b6 * e6);
    const value = autoregressive - movingAverage - b1 * e1;
    residuals[t] = value;
    ssq += value * value;
    w5 = w4;
    w4 = w3;
    w3 = w2;
    w2 = w1;
    w1 = current;
    e6 = e5;
    e5 = e4;
    e4 = e3;
    e3 = e2;
    e2 = e1;
    e1 = value;
  }
  return ssq;
}

/**
 * For the derivative chain D_t = drive_t - sum_l ma_l D_{t-l} (D = 0 before `start`), with
 * drive_t = centre - w_{t-lag} when lag > 0 and `constant` otherwise, writes
 * out[0] = sum_t e_t D_t and out[1] = sum_t D_t^2 over [start, end), e_t = residuals[t].
 * Along one AR coefficient or the mean the CSS residuals move exactly as e + delta D.
 */
export function derivativeProducts(
  w: Float64Array,
  lag: number,
  centre: number,
  constant: number,
  start: number,
  end: number,
  ma: Float64Array,
  residuals: Float64Array,
  out: Float64Array,
): void {
  const b1 = ma[0]!;
  const b2 = ma[1]!;
  const b3 = ma[2]!;
  const b4 = ma[3]!;
  const b5 = ma[4]!;
  const b6 = ma[5]!;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  let d5 = 0;
  let d6 = 0;
  let cross = 0;
  let square = 0;
  for (let t = start; t < end; t += 1) {
    const drive = lag > 0 ? centre - w[t - lag]! : constant;
    const value = drive - (b2 * d2 + b3 * d3 + (b4 * d4 + b5 * d5 + b6 * d6)) - b1 * d1;
    cross += residuals[t]! * value;
    square += value * value;
    d6 = d5;
    d5 = d4;
    d4 = d3;
    d3 = d2;
    d2 = d1;
    d1 = value;
  }
  out[0] = cross;
  out[1] = square;
}
