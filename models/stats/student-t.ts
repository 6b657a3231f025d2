// Student t distribution: CDF, survival and quantiles for any degrees of freedom > 0, through the
// regularized incomplete beta function, P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2)
// (Abramowitz & Stegun 26.7.1), evaluated by its continued fraction with the modified Lentz
// method (Numerical Recipes 3rd ed. 6.4; Lentz 1976).
import { normalDensity, normalQuantile, normalSurvival } from './normal';
import { logGamma } from './random';

const CONTINUED_FRACTION_EPSILON = 1e-15;
const CONTINUED_FRACTION_TINY = 1e-300;
const CONTINUED_FRACTION_MAX_TERMS = 100_000;

/** The continued fraction of I_x(a, b) (Numerical Recipes 3rd ed. eq. 6.4.5, `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const sumAB = a + b;
  const aPlusOne = a + 1;
  const aMinusOne = a - 1;
  let c = 1;
  let d = 1 - (sumAB * x) / aPlusOne;
  if (Math.abs(d) < CONTINUED_FRACTION_TINY) d = CONTINUED_FRACTION_TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_TERMS; m += 1) {
    const twoM = 2 * m;
    // Even step d_{2m}.
    let coefficient = (m * (b - m) * x) / ((aMinusOne + twoM) * (a + twoM));
    d = 1 + coefficient * d;
    if (Math.abs(d) < CONTINUED_FRACTION_TINY) d = CONTINUED_FRACTION_TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < CONTINUED_FRACTION_TINY) c = CONTINUED_FRACTION_TINY;
    d = 1 / d;
    fraction *= d * c;
    // Odd step d_{2m+1}.
    coefficient = (-(a + m) * (sumAB + m) * x) / ((a + twoM) * (aPlusOne + twoM));
    d = 1 + coefficient * d;
    if (Math.abs(d) < CONTINUED_FRACTION_TINY) d = CONTINUED_FRACTION_TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < CONTINUED_FRACTION_TINY) c = CONTINUED_FRACTION_TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < CONTINUED_FRACTION_EPSILON) return fraction;
  }
  return fraction;
}

/** Stirling's remainder ln Γ(x) - [(x - 1/2) ln x - x + ln(2π)/2] for x >= 10 (A&S 6.1.41). */
function stirlingRemainder(x: number): number {
  const inverseSquare = 1 / (x * x);
  return (
    (1 / 12 - inverseSquare * (1 / 360 - inverseSquare * (1 / 1260 - inverseSquare / 1680))) / x
  );
}

/**
 * ln B(a, b). For a large argument ln Γ(a + b) - ln Γ(a) is formed from Stirling's series term
 * by term, because subtracting two log-gammas near 10^5 would lose ten significant digits.
 */
function logBeta(a: number, b: number): number {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = large + small;
  const logGammaRatio =
    (large - 0.5) * Math.log1p(small / large) +
    small * Math.log(sum) -
    small +
    stirlingRemainder(sum) -
    stirlingRemainder(large);
  return logGamma(small) - logGammaRatio;
}

/**
 * The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1, using the
 * continued fraction directly when x < (a + 1) / (a + b + 2) and the symmetry
 * I_x(a, b) = 1 - I_{1-x}(b, a) otherwise, where the fraction converges fast.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`a: ${String(a)} must be > 0`);
  if (!(b > 0) || !Number.isFinite(b)) throw new RangeError(`b: ${String(b)} must be > 0`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x: ${String(x)} is not in [0, 1]`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function checkDegreesOfFreedom(degreesOfFreedom: number): void {
  if (typeof degreesOfFreedom !== 'number' || !(degreesOfFreedom > 0)) {
    throw new RangeError(
      `degreesOfFreedom: ${String(degreesOfFreedom)} must be a positive number (Infinity gives the normal)`,
    );
  }
}

/** P(T > t) for t >= 0, without cancellation far in the tail. */
function studentTTail(t: number, degreesOfFreedom: number): number {
  if (t === Infinity) return 0;
  if (degreesOfFreedom === Infinity) return normalSurvival(t);
  return (
    0.5 *
    regularizedIncompleteBeta(
      degreesOfFreedom / (degreesOfFreedom + t * t),
      degreesOfFreedom / 2,
      0.5,
    )
  );
}

/** P(T > t) for T ~ Student t with `degreesOfFreedom`, accurate far into the upper tail. */
export function studentTSurvival(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) throw new RangeError('t: NaN has no probability');
  return t >= 0 ? studentTTail(t, degreesOfFreedom) : 1 - studentTTail(-t, degreesOfFreedom);
}

/** P(T <= t) for T ~ Student t with `degreesOfFreedom`. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) throw new RangeError('t: NaN has no probability');
  return studentTSurvival(-t, degreesOfFreedom);
}

/** Density of the Student t distribution. */
export function studentTDensity(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (degreesOfFreedom === Infinity) return normalDensity(t);
  const v = degreesOfFreedom;
  const logNormaliser = logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * Math.log(v * Math.PI);
  return Math.exp(logNormaliser - ((v + 1) / 2) * Math.log1p((t * t) / v));
}

/**
 * The t > 0 with P(T > t) = tailProbability (0 < tailProbability <= 0.5): solved on log P(T > t)
 * by Newton steps safeguarded by bisection inside a bracket, which keeps full relative accuracy
 * for tail probabilities far below machine epsilon (where 1 - p would round to 1).
 */
export function studentTUpperQuantile(tailProbability: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (typeof tailProbability !== 'number' || !(tailProbability > 0 && tailProbability <= 0.5)) {
    throw new RangeError(
      `tailProbability: ${String(tailProbability)} must be in (0, 0.5]; use studentTQuantile for the lower half`,
    );
  }
  if (tailProbability === 0.5) return 0;
  if (degreesOfFreedom === Infinity) return -normalQuantile(tailProbability);
  const v = degreesOfFreedom;
  // Closed forms for 1 and 2 degrees of freedom (Cauchy; Hill 1970 eq. for n = 2).
  if (v === 1) return Math.tan(Math.PI * (0.5 - tailProbability));
  if (v === 2) {
    const q = tailProbability;
    return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  }
  const target = Math.log(tailProbability);
  let low = 0;
  let high = 1;
  while (studentTTail(high, v) > tailProbability) {
    low = high;
    high *= 2;
    if (high > 1e300) return Infinity;
  }
  let t = 0.5 * (low + high);
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const tail = studentTTail(t, v);
    const gap = Math.log(tail) - target;
    if (gap > 0) low = t;
    else high = t;
    if (gap === 0 || high - low <= 1e-15 * high) return t;
    // d/dt log P(T > t) = -density / tail.
    let next = t + (gap * tail) / studentTDensity(t, v);
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - t) <= 1e-14 * t) return next;
    t = next;
  }
  return t;
}

/** The t with P(T <= t) = probability for T ~ Student t with `degreesOfFreedom` (R's `qt`). */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
    throw new RangeError(`probability: ${String(probability)} is not in [0, 1]`);
  }
  if (probability === 0) return -Infinity;
  if (probability === 1) return Infinity;
  if (probability === 0.5) return 0;
  return probability > 0.5
    ? studentTUpperQuantile(1 - probability, degreesOfFreedom)
    : -studentTUpperQuantile(probability, degreesOfFreedom);
}
