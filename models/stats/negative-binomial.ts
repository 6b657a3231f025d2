// Negative binomial (gamma-Poisson) probabilities with mean mu and shape (dispersion) k:
// Var = mu + mu^2 / k, k = Infinity is Poisson (Johnson, Kemp & Kotz, Univariate Discrete
// Distributions, 3rd ed., ch. 5). Tails come from the incomplete beta function,
// P(Y <= y) = I_p(k, y + 1) with p = k / (k + mu) (ibid. 5.6), whose continued fraction stays
// accurate far out and costs the same for heavy tails; Poisson tails are summed from y outward.
import { logGamma } from './random';
import { regularizedIncompleteBeta } from './student-t';

function check(mean: number, dispersion: number): void {
  if (!(mean >= 0) || !Number.isFinite(mean)) {
    throw new RangeError(`mean: must be a finite number >= 0, got ${mean}`);
  }
  if (!(dispersion > 0)) throw new RangeError(`dispersion: must be > 0, got ${dispersion}`);
}

/** ln P(Y = y) for a whole y >= 0. */
export function negativeBinomialLogPmf(y: number, mean: number, dispersion: number): number {
  check(mean, dispersion);
  if (!Number.isInteger(y) || y < 0) return -Infinity;
  if (mean === 0) return y === 0 ? 0 : -Infinity;
  if (dispersion === Infinity) return y * Math.log(mean) - mean - logGamma(y + 1);
  return (
    logGamma(y + dispersion) -
    logGamma(dispersion) -
    logGamma(y + 1) +
    dispersion * Math.log(dispersion / (dispersion + mean)) +
    y * Math.log(mean / (dispersion + mean))
  );
}

/** Ratio P(Y = j + 1) / P(Y = j). */
function stepRatio(j: number, mean: number, dispersion: number): number {
  return dispersion === Infinity
    ? mean / (j + 1)
    : ((j + dispersion) / (j + 1)) * (mean / (dispersion + mean));
}

const RELATIVE_TOLERANCE = 1e-14;

/** P(Y <= y). */
export function negativeBinomialLowerTail(y: number, mean: number, dispersion: number): number {
  check(mean, dispersion);
  if (y < 0) return 0;
  const top = Math.floor(y);
  if (mean === 0) return 1;
  // beyond the mean the complement is the short side
  if (top > mean) return 1 - negativeBinomialUpperTail(top + 1, mean, dispersion);
  if (dispersion !== Infinity) {
    return regularizedIncompleteBeta(dispersion / (dispersion + mean), dispersion, top + 1);
  }
  let term = Math.exp(negativeBinomialLogPmf(top, mean, dispersion));
  let total = term;
  for (let j = top - 1; j >= 0; j -= 1) {
    term /= stepRatio(j, mean, dispersion);
    total += term;
    if (term < RELATIVE_TOLERANCE * total) break;
  }
  return Math.min(1, total);
}

/** P(Y >= y). */
export function negativeBinomialUpperTail(y: number, mean: number, dispersion: number): number {
  check(mean, dispersion);
  const bottom = Math.ceil(y);
  if (bottom <= 0) return 1;
  if (mean === 0) return 0;
  if (bottom <= mean) return 1 - negativeBinomialLowerTail(bottom - 1, mean, dispersion);
  if (dispersion !== Infinity) {
    return regularizedIncompleteBeta(mean / (dispersion + mean), bottom, dispersion);
  }
  let term = Math.exp(negativeBinomialLogPmf(bottom, mean, dispersion));
  let total = term;
  for (let j = bottom; term > 0; j += 1) {
    term *= stepRatio(j, mean, dispersion);
    total += term;
    if (term < RELATIVE_TOLERANCE * total) break;
  }
  return Math.min(1, total);
}

/**
 * Smallest whole y with P(Y <= y) >= probability (0 < probability < 1); with `upperTail`,
 * `probability` is the upper tail instead: smallest y with P(Y > y) <= probability, which stays
 * exact where 1 - probability would round to 1.
 */
export function negativeBinomialQuantile(
  probability: number,
  mean: number,
  dispersion: number,
  upperTail = false,
): number {
  check(mean, dispersion);
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`probability: must be in (0, 1), got ${probability}`);
  }
  if (mean === 0) return 0;
  const lower = upperTail ? 1 - probability : probability;
  const upper = upperTail ? probability : 1 - probability;
  // P(Y <= y) >= p  <=>  P(Y >= y + 1) <= 1 - p; each side is searched on its accurate tail
  const satisfied =
    lower <= 0.5
      ? (y: number) => negativeBinomialLowerTail(y, mean, dispersion) >= lower
      : (y: number) => negativeBinomialUpperTail(y + 1, mean, dispersion) <= upper;
  let low = -1;
  let high = Math.max(1, Math.ceil(mean));
  while (!satisfied(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (satisfied(middle)) high = middle;
    else low = middle;
  }
  return high;
}
