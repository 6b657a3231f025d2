// Starting values for the ETS optimiser, as R forecast's ets() chooses them: heuristic initial
// states (Hyndman, Koehler, Snyder & Grose 2002, IJF 18:439-454, section 2.6; R's `initstate`)
// and smoothing parameters near the lower bounds (R's `initparam`).
import type { EtsSpec } from './model-spec';

/** Least-squares coefficients of y on the given columns (modified Gram-Schmidt QR). */
export function leastSquares(columns: readonly Float64Array[], y: ArrayLike<number>): number[] {
  const count = y.length;
  const width = columns.length;
  const q = columns.map((column) => Float64Array.from(column));
  const r = new Float64Array(width * width);
  for (let j = 0; j < width; j += 1) {
    const qj = q[j] as Float64Array;
    for (let i = 0; i < j; i += 1) {
      const qi = q[i] as Float64Array;
      let dot = 0;
      for (let t = 0; t < count; t += 1) dot += (qi[t] as number) * (qj[t] as number);
      r[i * width + j] = dot;
      for (let t = 0; t < count; t += 1) qj[t] = (qj[t] as number) - dot * (qi[t] as number);
    }
    let norm = 0;
    for (let t = 0; t < count; t += 1) norm += (qj[t] as number) ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) throw new RangeError('columns: the regression design is rank deficient');
    r[j * width + j] = norm;
    for (let t = 0; t < count; t += 1) qj[t] = (qj[t] as number) / norm;
  }
  const projected = q.map((column) => {
    let dot = 0;
    for (let t = 0; t < count; t += 1) dot += (column[t] as number) * (y[t] as number);
    return dot;
  });
  const coefficients = new Array<number>(width).fill(0);
  for (let j = width - 1; j >= 0; j -= 1) {
    let value = projected[j] as number;
    for (let k = j + 1; k < width; k += 1)
      value -= (r[j * width + k] as number) * (coefficients[k] as number);
    coefficients[j] = value / (r[j * width + j] as number);
  }
  return coefficients;
}

/** Intercept and slope of y[0..count) on 1..count (R's lsfit(1:count, y)). */
function lineFit(y: ArrayLike<number>, count: number): { intercept: number; slope: number } {
  let meanT = 0;
  let meanY = 0;
  for (let t = 0; t < count; t += 1) {
    meanT += t + 1;
    meanY += y[t] as number;
  }
  meanT /= count;
  meanY /= count;
  let cross = 0;
  let spread = 0;
  for (let t = 0; t < count; t += 1) {
    cross += (t + 1 - meanT) * ((y[t] as number) - meanY);
    spread += (t + 1 - meanT) ** 2;
  }
  const slope = spread > 0 ? cross / spread : 0;
  return { intercept: meanY - slope * meanT, slope };
}

/**
 * Seasonal component of classical decomposition (R's stats::decompose): centred moving
 * average trend, the mean detrended value per position in the cycle, normalised to sum 0
 * (additive) or to mean 1 (multiplicative). Returns the seasonal value for each time.
 */
export function classicalSeasonal(
  y: ArrayLike<number>,
  m: number,
  multiplicative: boolean,
): Float64Array {
  const count = y.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < count - half; t += 1) {
    let trend = 0;
    for (let k = -half; k <= half; k += 1) {
      const weight = even && (k === -half || k === half) ? 0.5 : 1;
      trend += weight * (y[t + k] as number);
    }
    trend /= m;
    const detrended = multiplicative ? (y[t] as number) / trend : (y[t] as number) - trend;
    sums[t % m] = (sums[t % m] as number) + detrended;
    counts[t % m] = (counts[t % m] as number) + 1;
  }
  const figure = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i += 1) {
    figure[i] = (sums[i] as number) / (counts[i] as number);
    total += figure[i] as number;
  }
  const average = total / m;
  for (let i = 0; i < m; i += 1) {
    figure[i] = multiplicative ? (figure[i] as number) / average : (figure[i] as number) - average;
  }
  const seasonal = new Float64Array(count);
  for (let t = 0; t < count; t += 1) seasonal[t] = figure[t % m] as number;
  return seasonal;
}

/** Seasonal values per time from a regression on trend and one Fourier pair (R: tslm(y ~ trend + fourier(y, 1))). */
function regressionSeasonal(
  y: ArrayLike<number>,
  m: number,
  multiplicative: boolean,
): Float64Array {
  const count = y.length;
  const intercept = new Float64Array(count).fill(1);
  const time = Float64Array.from({ length: count }, (_, t) => t + 1);
  const columns = [intercept, time];
  // fourier(): the sine column is dropped when 2/m is a whole number (m = 2).
  if (m !== 2)
    columns.push(
      Float64Array.from({ length: count }, (_, t) => Math.sin((2 * Math.PI * (t + 1)) / m)),
    );
  columns.push(
    Float64Array.from({ length: count }, (_, t) => Math.cos((2 * Math.PI * (t + 1)) / m)),
  );
  const coefficients = leastSquares(columns, y);
  const a = coefficients[0] as number;
  const b = coefficients[1] as number;
  const seasonal = new Float64Array(count);
  for (let t = 0; t < count; t += 1) {
    const line = a + b * (t + 1);
    seasonal[t] = multiplicative ? (y[t] as number) / line : (y[t] as number) - line;
  }
  return seasonal;
}

/**
 * Initial states [level, slope?, s_1..s_{m-1}?] as R's initstate: the seasonal states from a
 * classical decomposition (a trend + Fourier regression when there are fewer than 3 cycles),
 * then level and slope from a line through the first max(10, 2m) seasonally adjusted values.
 * The last seasonal state is not returned: it follows from the others (they sum to 0, or to m).
 */
export function initialStates(y: ArrayLike<number>, spec: EtsSpec, period: number): number[] {
  const count = y.length;
  const seasonalForm = spec.season !== 'N';
  const m = seasonalForm ? period : 1;
  let adjusted: ArrayLike<number> = y;
  const seasonalStates: number[] = [];
  if (seasonalForm) {
    if (count < 4)
      throw new RangeError(`values: ${count} observations are too few for a seasonal model`);
    const multiplicative = spec.season === 'M';
    const seasonal =
      count < 3 * m
        ? regressionSeasonal(y, m, multiplicative)
        : classicalSeasonal(y, m, multiplicative);
    // R: rev(seasonal[2:m]) -> s_1 = seasonal at time m, ..., s_{m-1} = seasonal at time 2.
    for (let t = m - 1; t >= 1; t -= 1) seasonalStates.push(seasonal[t] as number);
    const sa = new Float64Array(count);
    if (multiplicative) {
      let total = 0;
      for (let i = 0; i < seasonalStates.length; i += 1) {
        seasonalStates[i] = Math.max(seasonalStates[i] as number, 0.01);
        total += seasonalStates[i] as number;
      }
      if (total > m) {
        // As R: divide by sum(init.seas + 0.01).
        const divisor = total + 0.01 * seasonalStates.length;
        for (let i = 0; i < seasonalStates.length; i += 1)
          seasonalStates[i] = (seasonalStates[i] as number) / divisor;
      }
      for (let t = 0; t < count; t += 1)
        sa[t] = (y[t] as number) / Math.max(seasonal[t] as number, 0.01);
    } else {
      for (let t = 0; t < count; t += 1) sa[t] = (y[t] as number) - (seasonal[t] as number);
    }
    adjusted = sa;
  }
  const span = Math.min(Math.max(10, 2 * m), count);
  const states: number[] = [];
  if (spec.trend === 'N') {
    let total = 0;
    for (let t = 0; t < span; t += 1) total += adjusted[t] as number;
    states.push(total / span);
  } else {
    const { intercept, slope } = lineFit(adjusted, span);
    if (spec.trend === 'A') {
      let level = intercept;
      let growth = slope;
      if (Math.abs(level + growth) < 1e-8) {
        level *= 1 + 0.001;
        growth *= 1 - 0.001;
      }
      states.push(level, growth);
    } else {
      let level = intercept + slope;
      if (Math.abs(level) < 1e-8) level = 1e-7;
      let growth = (intercept + 2 * slope) / level;
      level /= growth;
      if (Math.abs(growth) > 1e10) growth = Math.sign(growth) * 1e10;
      if (level < 1e-8 || growth < 1e-8) {
        level = Math.max(adjusted[0] as number, 0.001);
        growth = Math.max((adjusted[1] as number) / (adjusted[0] as number), 0.001);
      }
      states.push(level, growth);
    }
  }
  return [...states, ...seasonalStates];
}

/** Starting alpha, beta, gamma, phi as R's initparam (bounds "both"/"usual"); absent ones are omitted. */
export function initialParameters(
  spec: EtsSpec,
  period: number,
  lower: readonly number[],
  upper: readonly number[],
): number[] {
  const m = spec.season === 'N' ? 1 : period;
  let alpha = (lower[0] as number) + (0.2 * ((upper[0] as number) - (lower[0] as number))) / m;
  if (alpha > 1 || alpha < 0) alpha = (lower[0] as number) + 0.002;
  const parameters = [alpha];
  if (spec.trend !== 'N') {
    const ceiling = Math.min(upper[1] as number, alpha);
    let beta = (lower[1] as number) + 0.1 * (ceiling - (lower[1] as number));
    if (beta < 0 || beta > alpha) beta = alpha - 0.001;
    parameters.push(beta);
  }
  if (spec.season !== 'N') {
    const ceiling = Math.min(upper[2] as number, 1 - alpha);
    let gamma = (lower[2] as number) + 0.05 * (ceiling - (lower[2] as number));
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 0.001;
    parameters.push(gamma);
  }
  if (spec.damped) {
    let phi = (lower[3] as number) + 0.99 * ((upper[3] as number) - (lower[3] as number));
    if (phi < 0 || phi > 1) phi = (upper[3] as number) - 0.001;
    parameters.push(phi);
  }
  return parameters;
}
