// The likelihood loops of kernels.ts for additive errors only (ETS(A, N/A/Ad, N/A)): the same
// arithmetic in the same order, with the multiplicative-error branches removed so the loop
// carries no per-step test of the error type and the JIT never sees the other branch (which in
// the shared loops cost recompilations while the automatic search alternated A and M forms).
// Each returns n log(sum e^2). (They used to stop once sum e^2 passed a cutoff; on the
// benchmark sets that saved under 0.5% of the steps, for a test per step and an exp() per call.)

/** ETS(A, N, N), two steps at a time: level'' = keep^2 level + (keep alpha y_t + alpha y_t+1). */
export function additiveNoTrendNoSeason(
  y: Float64Array,
  n: number,
  alpha: number,
  level0: number,
): number {
  let level = level0;
  const keep = 1 - alpha;
  const keep2 = keep * keep;
  const keepAlpha = keep * alpha;
  let evenSquares = 0;
  let oddSquares = 0;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    const first = y[t] as number;
    const second = y[t + 1] as number;
    const next = keep * level + alpha * first;
    const firstResidual = first - level;
    const secondResidual = second - next;
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    level = keep2 * level + (keepAlpha * first + alpha * second);
  }
  // The odd last step on every call, kept only when n is odd (see kernels.ts).
  const lastResidual = (y[n - 1] as number) - level;
  const lastSquares = evenSquares + lastResidual * lastResidual;
  return n * Math.log((t < n ? lastSquares : evenSquares) + oddSquares);
}

/** ETS(A, A or Ad, N); recursive doubling as kernelTrendNoSeason. */
export function additiveTrendNoSeason(
  y: Float64Array,
  n: number,
  alpha: number,
  beta: number,
  phi: number,
  level0: number,
  slope0: number,
): number {
  const g2 = phi * beta;
  const c11 = 1 - alpha - g2;
  const g1 = alpha + g2;
  const a11 = c11 * c11 - phi * g2;
  const a12 = phi * (c11 + phi);
  const a21 = -g2 * (c11 + phi);
  const a22 = phi * (phi - g2);
  const h1 = c11 * g1 + phi * g2;
  const h2 = -g2 * g1 + phi * g2;
  let d = phi * slope0;
  let base = level0 + d;
  let evenSquares = 0;
  let oddSquares = 0;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    const first = y[t] as number;
    const second = y[t + 1] as number;
    const next = c11 * base + phi * d + g1 * first;
    const firstResidual = first - base;
    const secondResidual = second - next;
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    const after = a11 * base + a12 * d + (h1 * first + g1 * second);
    d = a21 * base + a22 * d + (h2 * first + g2 * second);
    base = after;
  }
  // The odd last step on every call, kept only when n is odd (see kernels.ts).
  const lastResidual = (y[n - 1] as number) - base;
  const lastSquares = evenSquares + lastResidual * lastResidual;
  return n * Math.log((t < n ? lastSquares : evenSquares) + oddSquares);
}

/** ETS(A, N, A). */
export function additiveNoTrendAdditiveSeason(
  y: Float64Array,
  n: number,
  m: number,
  alpha: number,
  gamma: number,
  level0: number,
  ring: Float64Array,
): number {
  let level = level0;
  const keep = 1 - alpha;
  let position = 0;
  let sumSquares = 0;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const seasonal = ring[position] as number;
    const forecast = level + seasonal;
    const residual = observation - forecast;
    sumSquares += residual * residual;
    ring[position] = seasonal + gamma * (observation - level - seasonal);
    position += 1;
    if (position === m) position = 0;
    level = keep * level + alpha * (observation - seasonal);
  }
  return n * Math.log(sumSquares);
}

/** ETS(A, A or Ad, A); recursive doubling as kernelTrendAdditiveSeason. */
export function additiveTrendAdditiveSeason(
  y: Float64Array,
  n: number,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  slope0: number,
  ring: Float64Array,
): number {
  const g2 = phi * beta;
  const c11 = 1 - alpha - g2;
  const g1 = alpha + g2;
  const a11 = c11 * c11 - phi * g2;
  const a12 = phi * (c11 + phi);
  const a21 = -g2 * (c11 + phi);
  const a22 = phi * (phi - g2);
  const h1 = c11 * g1 + phi * g2;
  const h2 = -g2 * g1 + phi * g2;
  let d = phi * slope0;
  let base = level0 + d;
  let position = 0;
  let evenSquares = 0;
  let oddSquares = 0;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    const first = y[t] as number;
    const second = y[t + 1] as number;
    const nextPosition = position + 1 === m ? 0 : position + 1;
    const firstSeasonal = ring[position] as number;
    const secondSeasonal = ring[nextPosition] as number;
    const firstAdjusted = first - firstSeasonal;
    const secondAdjusted = second - secondSeasonal;
    const next = c11 * base + phi * d + g1 * firstAdjusted;
    const firstResidual = first - (base + firstSeasonal);
    const secondResidual = second - (next + secondSeasonal);
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    ring[position] = firstSeasonal + gamma * (first - base - firstSeasonal);
    ring[nextPosition] = secondSeasonal + gamma * (second - next - secondSeasonal);
    position = nextPosition + 1 === m ? 0 : nextPosition + 1;
    const after = a11 * base + a12 * d + (h1 * firstAdjusted + g1 * secondAdjusted);
    d = a21 * base + a22 * d + (h2 * firstAdjusted + g2 * secondAdjusted);
    base = after;
  }
  // The odd last step on every call, kept only when n is odd (see kernels.ts).
  const lastResidual = (y[n - 1] as number) - (base + (ring[position] as number));
  const lastSquares = evenSquares + lastResidual * lastResidual;
  return n * Math.log((t < n ? lastSquares : evenSquares) + oddSquares);
}
