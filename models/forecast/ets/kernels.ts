// Specialised likelihood loops for the forms the automatic search uses most (trend N/A/Ad x
// season N/A/M): the same arithmetic, in the same order, as runEts in state-space.ts, with the
// component branches taken out of the loop. The updates are written with short dependency
// chains (level' = (1 - alpha) base + alpha adjusted, damped slope phi b' = phi (phi b) +
// phi beta (adjusted - base)), algebraically R's error-correction form. Each returns R's criterion n log(sum e^2)
// (+ 2 sum log|f| for multiplicative errors). With additive errors the partial criterion only
// grows, so a loop stops as soon as sum e^2 passes `limit` and returns +Infinity: the caller
// (Nelder-Mead) only needed to know the point is no better than its cutoff.
const TOLERANCE = 1e-10;
const HUGE = 1e10;

function finish(
  n: number,
  sumSquares: number,
  multiplicative: boolean,
  logSum: number,
  product: number,
): number {
  const criterion = n * Math.log(sumSquares);
  return multiplicative ? criterion + 2 * (logSum + Math.log(product)) : criterion;
}

/** ETS(., N, N). */
export function kernelNoTrendNoSeason(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  alpha: number,
  level0: number,
  limit: number,
): number {
  let level = level0;
  const keep = 1 - alpha;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const forecast = level;
    const residual = multiplicative ? (observation - forecast) / forecast : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicative) {
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else if (sumSquares > limit) return Number.POSITIVE_INFINITY;
    level = keep * forecast + alpha * observation;
  }
  return finish(n, sumSquares, multiplicative, logSum, product);
}

/** ETS(., A or Ad, N). */
export function kernelTrendNoSeason(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  alpha: number,
  beta: number,
  phi: number,
  level0: number,
  slope0: number,
  limit: number,
): number {
  let level = level0;
  let damped = phi * slope0;
  const keep = 1 - alpha;
  const phiBeta = phi * beta;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const forecast = level + damped;
    const residual = multiplicative ? (observation - forecast) / forecast : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicative) {
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else if (sumSquares > limit) return Number.POSITIVE_INFINITY;
    level = keep * forecast + alpha * observation;
    damped = phi * damped + phiBeta * (observation - forecast);
  }
  return finish(n, sumSquares, multiplicative, logSum, product);
}

/** ETS(., N, A). */
export function kernelNoTrendAdditiveSeason(
  y: Float64Array,
  n: number,
  m: number,
  multiplicative: boolean,
  alpha: number,
  gamma: number,
  level0: number,
  ring: Float64Array,
  limit: number,
): number {
  let level = level0;
  const keep = 1 - alpha;
  let position = 0;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const seasonal = ring[position] as number;
    const forecast = level + seasonal;
    const residual = multiplicative ? (observation - forecast) / forecast : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicative) {
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else if (sumSquares > limit) return Number.POSITIVE_INFINITY;
    ring[position] = seasonal + gamma * (observation - level - seasonal);
    position += 1;
    if (position === m) position = 0;
    level = keep * level + alpha * (observation - seasonal);
  }
  return finish(n, sumSquares, multiplicative, logSum, product);
}

/** ETS(., A or Ad, A). */
export function kernelTrendAdditiveSeason(
  y: Float64Array,
  n: number,
  m: number,
  multiplicative: boolean,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  slope0: number,
  ring: Float64Array,
  limit: number,
): number {
  let level = level0;
  let damped = phi * slope0;
  const keep = 1 - alpha;
  const phiBeta = phi * beta;
  let position = 0;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const base = level + damped;
    const seasonal = ring[position] as number;
    const forecast = base + seasonal;
    const residual = multiplicative ? (observation - forecast) / forecast : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicative) {
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else if (sumSquares > limit) return Number.POSITIVE_INFINITY;
    const adjusted = observation - seasonal;
    level = keep * base + alpha * adjusted;
    damped = phi * damped + phiBeta * (adjusted - base);
    ring[position] = seasonal + gamma * (observation - base - seasonal);
    position += 1;
    if (position === m) position = 0;
  }
  return finish(n, sumSquares, multiplicative, logSum, product);
}

/** ETS(M, N, M) (multiplicative seasons need multiplicative errors under restrict). */
export function kernelNoTrendMultiplicativeSeason(
  y: Float64Array,
  n: number,
  m: number,
  multiplicative: boolean,
  alpha: number,
  gamma: number,
  level0: number,
  ring: Float64Array,
  limit: number,
): number {
  let level = level0;
  const keep = 1 - alpha;
  let position = 0;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const seasonal = ring[position] as number;
    const forecast = level * seasonal;
    const residual = multiplicative ? (observation - forecast) / forecast : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicative) {
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else if (sumSquares > limit) return Number.POSITIVE_INFINITY;
    const adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observation / seasonal;
    const target = Math.abs(level) < TOLERANCE ? HUGE : observation / level;
    ring[position] = seasonal + gamma * (target - seasonal);
    position += 1;
    if (position === m) position = 0;
    level = keep * level + alpha * adjusted;
  }
  return finish(n, sumSquares, multiplicative, logSum, product);
}

/** ETS(M, A or Ad, M). */
export function kernelTrendMultiplicativeSeason(
  y: Float64Array,
  n: number,
  m: number,
  multiplicative: boolean,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  slope0: number,
  ring: Float64Array,
  limit: number,
): number {
  let level = level0;
  let damped = phi * slope0;
  const keep = 1 - alpha;
  const phiBeta = phi * beta;
  let position = 0;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < n; t += 1) {
    const observation = y[t] as number;
    const base = level + damped;
    const seasonal = ring[position] as number;
    const forecast = base * seasonal;
    const residual = multiplicative ? (observation - forecast) / forecast : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicative) {
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else if (sumSquares > limit) return Number.POSITIVE_INFINITY;
    const adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observation / seasonal;
    level = keep * base + alpha * adjusted;
    damped = phi * damped + phiBeta * (adjusted - base);
    const target = Math.abs(base) < TOLERANCE ? HUGE : observation / base;
    ring[position] = seasonal + gamma * (target - seasonal);
    position += 1;
    if (position === m) position = 0;
  }
  return finish(n, sumSquares, multiplicative, logSum, product);
}
