// Loss functions of a demand distribution D: the loss n(x) = E[(D - x)+] and the complementary
// loss n̄(x) = E[(x - D)+] = (x - E[D]) + n(x) (Snyder & Shen 2nd ed., section C.3 and 4.3.2), for
// the normal (through the standard normal loss L(z) = φ(z) - z(1 - Φ(z))), Poisson, lognormal and
// any discrete distribution given by its pmf.
import { normalCdf, normalDensity, normalSurvival } from '../stats/normal';
import { logGamma } from '../stats/random';
import {
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from './inventory-arguments';

export interface Losses {
  /** E[(D - x)+], expected units short. */
  loss: number;
  /** E[(x - D)+], expected units left over. */
  complementaryLoss: number;
}

/** L(z) = E[(Z - z)+] for Z ~ N(0, 1). */
export function standardNormalLoss(z: number): number {
  requireFinite('z', z);
  return normalDensity(z) - z * normalSurvival(z);
}

/** L̄(z) = E[(z - Z)+] = z + L(z). */
export function standardNormalComplementaryLoss(z: number): number {
  requireFinite('z', z);
  return normalDensity(z) + z * normalCdf(z);
}

/** Second-order loss L2(z) = ∫_z^∞ L(t) dt = ½[(z² + 1)(1 - Φ(z)) - zφ(z)] (Snyder & Shen C.3.3). */
export function standardNormalSecondLoss(z: number): number {
  requireFinite('z', z);
  return 0.5 * ((z * z + 1) * normalSurvival(z) - z * normalDensity(z));
}

/** Loss and complementary loss of N(mean, sd²) at x: n(x) = σL(z), n̄(x) = σL̄(z), z = (x - μ)/σ. */
export function normalLoss(x: number, mean: number, standardDeviation: number): Losses {
  requireFinite('x', x);
  requireFinite('mean', mean);
  requirePositive('standardDeviation', standardDeviation);
  const z = (x - mean) / standardDeviation;
  return {
    loss: standardDeviation * standardNormalLoss(z),
    complementaryLoss: standardDeviation * standardNormalComplementaryLoss(z),
  };
}

/** Second-order loss n2(x) = ∫_x^∞ n(y) dy = σ² L2((x - μ)/σ) of N(mean, sd²). */
export function normalSecondLoss(x: number, mean: number, standardDeviation: number): number {
  requireFinite('x', x);
  requireFinite('mean', mean);
  requirePositive('standardDeviation', standardDeviation);
  return standardDeviation ** 2 * standardNormalSecondLoss((x - mean) / standardDeviation);
}

/**
 * The z with L(z) = target (target > 0): L is strictly decreasing from +∞ to 0, so bisection on a
 * bracket that always holds the root reaches it to the last bits.
 */
export function inverseStandardNormalLoss(target: number): number {
  requirePositive('target', target);
  // L(z) > -z, so L(-target) > target; L(40) underflows to 0 < target.
  let low = -target - 1;
  let high = 40;
  for (
    let iteration = 0;
    iteration < 200 && high - low > 1e-15 * Math.max(1, Math.abs(low));
    iteration += 1
  ) {
    const middle = 0.5 * (low + high);
    if (standardNormalLoss(middle) > target) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

/** P(D = k) for D ~ Poisson(mean); 0 off the non-negative integers. */
export function poissonPmf(k: number, mean: number): number {
  requireNonNegative('mean', mean);
  if (!Number.isInteger(k) || k < 0) return 0;
  if (mean === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));
}

/** The last k worth summing in a Poisson tail: beyond it the mass is far below 1e-17. */
function poissonTailEnd(mean: number): number {
  return Math.ceil(mean + 40 * Math.sqrt(mean) + 60);
}

/** P(D <= x) for D ~ Poisson(mean). */
export function poissonCdf(x: number, mean: number): number {
  requireNonNegative('mean', mean);
  requireFinite('x', x);
  if (x < 0) return 0;
  const top = Math.floor(x);
  if (top >= poissonTailEnd(mean)) return 1;
  return 1 - poissonSurvival(top, mean);
}

/** P(D > k) summed over the upper tail (no cancellation of 1 - cdf when k is above the mean). */
function poissonSurvival(k: number, mean: number): number {
  if (k < mean) {
    let lower = 0;
    for (let value = 0; value <= k; value += 1) lower += poissonPmf(value, mean);
    return Math.max(0, 1 - lower);
  }
  let upper = 0;
  const end = poissonTailEnd(mean);
  for (let value = k + 1; value <= end; value += 1) upper += poissonPmf(value, mean);
  return upper;
}

/**
 * Poisson(mean) losses at an integer x: n(x) = -(x - λ)(1 - F(x)) + λf(x), n̄(x) = (x - λ) + n(x)
 * (Snyder & Shen eq. C.35, C.36).
 */
export function poissonLoss(x: number, mean: number): Losses {
  requireInteger('x', x);
  requireNonNegative('mean', mean);
  if (x < 0) return { loss: mean - x, complementaryLoss: 0 };
  const loss = -(x - mean) * poissonSurvival(x, mean) + mean * poissonPmf(x, mean);
  return { loss, complementaryLoss: x - mean + loss };
}

/** A discrete distribution: distinct values in increasing order and their probabilities. */
export interface DiscreteDistribution {
  readonly values: readonly number[];
  readonly probabilities: readonly number[];
}

/**
 * Checks and sorts a pmf given as [value, probability] pairs: finite distinct values, probabilities
 * in [0, 1] summing to 1 within 1e-9.
 */
export function discreteDistribution(
  pmf: ReadonlyArray<readonly [number, number]>,
  name = 'demand_pmf',
): DiscreteDistribution {
  if (!Array.isArray(pmf) || pmf.length === 0)
    throw new RangeError(`${name}: give at least one value with its probability`);
  const sorted = [...pmf].sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [index, [value, probability]] of sorted.entries()) {
    requireFinite(`${name} value`, value);
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))
      throw new RangeError(
        `${name}[${value}]: probability ${String(probability)} must be in [0, 1]`,
      );
    if (index > 0 && sorted[index - 1]![0] === value)
      throw new RangeError(`${name}: the value ${value} appears twice`);
    total += probability;
  }
  if (Math.abs(total - 1) > 1e-9)
    throw new RangeError(
      `${name}: probabilities sum to ${total}, not 1 (within 1e-9); rescale them or add the missing values`,
    );
  return {
    values: sorted.map(([value]) => value),
    probabilities: sorted.map(([, probability]) => probability),
  };
}

export function discreteMean(distribution: DiscreteDistribution): number {
  let mean = 0;
  distribution.values.forEach((value, index) => {
    mean += value * distribution.probabilities[index]!;
  });
  return mean;
}

/** Losses of a discrete distribution at any x, summed directly over its support. */
export function discreteLoss(x: number, distribution: DiscreteDistribution): Losses {
  requireFinite('x', x);
  let loss = 0;
  let complementaryLoss = 0;
  distribution.values.forEach((value, index) => {
    const probability = distribution.probabilities[index]!;
    if (value > x) loss += (value - x) * probability;
    else complementaryLoss += (x - value) * probability;
  });
  return { loss, complementaryLoss };
}

/**
 * Losses of a lognormal D = exp(N(mu, sigma²)) at x > 0:
 * n(x) = e^{mu + sigma²/2} Φ(d1) - xΦ(d2), d1 = (mu + sigma² - ln x)/sigma, d2 = d1 - sigma.
 */
export function lognormalLoss(x: number, logMean: number, logStandardDeviation: number): Losses {
  requireFinite('x', x);
  requireFinite('logMean', logMean);
  requirePositive('logStandardDeviation', logStandardDeviation);
  const mean = Math.exp(logMean + logStandardDeviation ** 2 / 2);
  if (x <= 0) return { loss: mean - x, complementaryLoss: 0 };
  const d1 = (logMean + logStandardDeviation ** 2 - Math.log(x)) / logStandardDeviation;
  const d2 = d1 - logStandardDeviation;
  const loss = mean * normalCdf(d1) - x * normalCdf(d2);
  // n̄(x) = xΦ(-d2) - e^{mu+sigma²/2}Φ(-d1), computed from the tails to avoid cancellation
  const complementaryLoss = x * normalSurvival(d2) - mean * normalSurvival(d1);
  return { loss, complementaryLoss };
}
