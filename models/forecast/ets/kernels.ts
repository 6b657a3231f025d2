// Specialised likelihood loops for the forms the automatic search uses most (trend N/A/Ad x
// season N/A/M): the same arithmetic, in the same order, as runEts in state-space.ts, with the
// component branches taken out of the loop. The updates are R's error-correction form
// rearranged for short dependency chains: level' = (1 - alpha) base + alpha adjusted, and with
// a trend the pair (base, d) = (level + phi b, phi b) evolves linearly,
//   base' = (1 - alpha - phi beta) base + phi d + (alpha + phi beta) adjusted,
//   d'    = -phi beta base + phi d + phi beta adjusted,
// which the trend loops advance two steps at a time with the squared matrix (recursive
// doubling: [a11 a12; a21 a22] = A^2, (h1, h2) = A g for g = (alpha + phi beta, phi beta)), so each step waits on half as many dependent operations. Sums are split over
// even and odd steps for the same reason. Each returns R's criterion n log(sum e^2)
// (+ 2 sum log|f| for multiplicative errors) over all n steps. The non-seasonal
// loops here are for multiplicative errors only (objective-non-seasonal.ts); additive-error
// ones are in kernels-additive.ts. The two-step loops compute the odd last step's terms on every
// call and keep them only for odd n: code that runs only for odd n had no type feedback when the
// first series was even, and reaching it cost each loop a deoptimisation and a recompilation.
const TOLERANCE = 1e-10;
const HUGE = 1e10;

function finish(n: number, sumSquares: number, multiplicative: boolean, logSum: number): number {
  const criterion = n * Math.log(sumSquares);
  return multiplicative ? criterion + 2 * logSum : criterion;
}

/** log(a b) with one log call where a b is a positive finite number, else log(a) + log(b). */
function logOfProduct(a: number, b: number): number {
  const product = a * b;
  return product > 0 && product < Number.POSITIVE_INFINITY
    ? Math.log(product)
    : Math.log(a) + Math.log(b);
}

/** ETS(M, N, N), two steps at a time: level'' = keep^2 level + (keep alpha y_t + alpha y_t+1). */
export function multiplicativeNoTrendNoSeason(
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
  let logSum = 0;
  let evenProduct = 1;
  let oddProduct = 1;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    const first = y[t] as number;
    const second = y[t + 1] as number;
    const next = keep * level + alpha * first;
    const firstResidual = (first - level) / level;
    const secondResidual = (second - next) / next;
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    evenProduct *= Math.abs(level);
    oddProduct *= Math.abs(next);
    if (evenProduct > 1e100 || evenProduct < 1e-100 || oddProduct > 1e100 || oddProduct < 1e-100) {
      logSum += Math.log(evenProduct) + Math.log(oddProduct);
      evenProduct = 1;
      oddProduct = 1;
    }
    level = keep2 * level + (keepAlpha * first + alpha * second);
  }
  // The odd last step on every call, kept only when n is odd (see the note at the top).
  const lastResidual = ((y[n - 1] as number) - level) / level;
  const lastSquares = evenSquares + lastResidual * lastResidual;
  const lastProduct = evenProduct * Math.abs(level);
  const odd = t < n;
  return finish(
    n,
    (odd ? lastSquares : evenSquares) + oddSquares,
    true,
    logSum + logOfProduct(odd ? lastProduct : evenProduct, oddProduct),
  );
}

/** ETS(M, A or Ad, N). */
export function multiplicativeTrendNoSeason(
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
  let logSum = 0;
  let evenProduct = 1;
  let oddProduct = 1;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    const first = y[t] as number;
    const second = y[t + 1] as number;
    const next = c11 * base + phi * d + g1 * first;
    const firstResidual = (first - base) / base;
    const secondResidual = (second - next) / next;
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    evenProduct *= Math.abs(base);
    oddProduct *= Math.abs(next);
    if (evenProduct > 1e100 || evenProduct < 1e-100 || oddProduct > 1e100 || oddProduct < 1e-100) {
      logSum += Math.log(evenProduct) + Math.log(oddProduct);
      evenProduct = 1;
      oddProduct = 1;
    }
    const after = a11 * base + a12 * d + (h1 * first + g1 * second);
    d = a21 * base + a22 * d + (h2 * first + g2 * second);
    base = after;
  }
  // The odd last step on every call, kept only when n is odd (see the note at the top).
  const lastResidual = ((y[n - 1] as number) - base) / base;
  const lastSquares = evenSquares + lastResidual * lastResidual;
  const lastProduct = evenProduct * Math.abs(base);
  const odd = t < n;
  return finish(
    n,
    (odd ? lastSquares : evenSquares) + oddSquares,
    true,
    logSum + logOfProduct(odd ? lastProduct : evenProduct, oddProduct),
  );
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
    }
    ring[position] = seasonal + gamma * (observation - level - seasonal);
    position += 1;
    if (position === m) position = 0;
    level = keep * level + alpha * (observation - seasonal);
  }
  return finish(n, sumSquares, multiplicative, multiplicative ? logSum + Math.log(product) : 0);
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
  let logSum = 0;
  let evenProduct = 1;
  let oddProduct = 1;
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
    const firstForecast = base + firstSeasonal;
    const secondForecast = next + secondSeasonal;
    const firstResidual = multiplicative
      ? (first - firstForecast) / firstForecast
      : first - firstForecast;
    const secondResidual = multiplicative
      ? (second - secondForecast) / secondForecast
      : second - secondForecast;
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    if (multiplicative) {
      evenProduct *= Math.abs(firstForecast);
      oddProduct *= Math.abs(secondForecast);
      if (
        evenProduct > 1e100 ||
        evenProduct < 1e-100 ||
        oddProduct > 1e100 ||
        oddProduct < 1e-100
      ) {
        logSum += Math.log(evenProduct) + Math.log(oddProduct);
        evenProduct = 1;
        oddProduct = 1;
      }
    }
    ring[position] = firstSeasonal + gamma * (first - base - firstSeasonal);
    ring[nextPosition] = secondSeasonal + gamma * (second - next - secondSeasonal);
    position = nextPosition + 1 === m ? 0 : nextPosition + 1;
    const after = a11 * base + a12 * d + (h1 * firstAdjusted + g1 * secondAdjusted);
    d = a21 * base + a22 * d + (h2 * firstAdjusted + g2 * secondAdjusted);
    base = after;
  }
  // The odd last step on every call, kept only when n is odd (see the note at the top).
  const lastObservation = y[n - 1] as number;
  const lastForecast = base + (ring[position] as number);
  const lastResidual = multiplicative
    ? (lastObservation - lastForecast) / lastForecast
    : lastObservation - lastForecast;
  const lastSquares = evenSquares + lastResidual * lastResidual;
  const lastProduct = evenProduct * Math.abs(lastForecast);
  const odd = t < n;
  return finish(
    n,
    (odd ? lastSquares : evenSquares) + oddSquares,
    multiplicative,
    multiplicative ? logSum + logOfProduct(odd ? lastProduct : evenProduct, oddProduct) : 0,
  );
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
    }
    const adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observation / seasonal;
    const target = Math.abs(level) < TOLERANCE ? HUGE : observation / level;
    ring[position] = seasonal + gamma * (target - seasonal);
    position += 1;
    if (position === m) position = 0;
    level = keep * level + alpha * adjusted;
  }
  return finish(n, sumSquares, multiplicative, multiplicative ? logSum + Math.log(product) : 0);
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
  let logSum = 0;
  let evenProduct = 1;
  let oddProduct = 1;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    const first = y[t] as number;
    const second = y[t + 1] as number;
    const nextPosition = position + 1 === m ? 0 : position + 1;
    const firstSeasonal = ring[position] as number;
    const secondSeasonal = ring[nextPosition] as number;
    const firstAdjusted = Math.abs(firstSeasonal) < TOLERANCE ? HUGE : first / firstSeasonal;
    const secondAdjusted = Math.abs(secondSeasonal) < TOLERANCE ? HUGE : second / secondSeasonal;
    const next = c11 * base + phi * d + g1 * firstAdjusted;
    const firstForecast = base * firstSeasonal;
    const secondForecast = next * secondSeasonal;
    const firstResidual = multiplicative
      ? (first - firstForecast) / firstForecast
      : first - firstForecast;
    const secondResidual = multiplicative
      ? (second - secondForecast) / secondForecast
      : second - secondForecast;
    evenSquares += firstResidual * firstResidual;
    oddSquares += secondResidual * secondResidual;
    if (multiplicative) {
      evenProduct *= Math.abs(firstForecast);
      oddProduct *= Math.abs(secondForecast);
      if (
        evenProduct > 1e100 ||
        evenProduct < 1e-100 ||
        oddProduct > 1e100 ||
        oddProduct < 1e-100
      ) {
        logSum += Math.log(evenProduct) + Math.log(oddProduct);
        evenProduct = 1;
        oddProduct = 1;
      }
    }
    const firstTarget = Math.abs(base) < TOLERANCE ? HUGE : first / base;
    const secondTarget = Math.abs(next) < TOLERANCE ? HUGE : second / next;
    ring[position] = firstSeasonal + gamma * (firstTarget - firstSeasonal);
    ring[nextPosition] = secondSeasonal + gamma * (secondTarget - secondSeasonal);
    position = nextPosition + 1 === m ? 0 : nextPosition + 1;
    const after = a11 * base + a12 * d + (h1 * firstAdjusted + g1 * secondAdjusted);
    d = a21 * base + a22 * d + (h2 * firstAdjusted + g2 * secondAdjusted);
    base = after;
  }
  // The odd last step on every call, kept only when n is odd (see the note at the top).
  const lastObservation = y[n - 1] as number;
  const lastForecast = base * (ring[position] as number);
  const lastResidual = multiplicative
    ? (lastObservation - lastForecast) / lastForecast
    : lastObservation - lastForecast;
  const lastSquares = evenSquares + lastResidual * lastResidual;
  const lastProduct = evenProduct * Math.abs(lastForecast);
  const odd = t < n;
  return finish(
    n,
    (odd ? lastSquares : evenSquares) + oddSquares,
    multiplicative,
    multiplicative ? logSum + logOfProduct(odd ? lastProduct : evenProduct, oddProduct) : 0,
  );
}
