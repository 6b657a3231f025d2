// Scores for count series (daily units sold): the baseline's mean per step and a negative
// binomial dispersion estimated by moments on the steps that look ordinary (Anscombe 1950;
// Cameron & Trivedi, Regression Analysis of Count Data, 2013, 3.2), then each step's tail
// probability turned into a signed normal score, so "6 units where 40 were expected" is judged
// by how often such a day happens for this item, not by a Gaussian rule.
import { negativeBinomialLowerTail, negativeBinomialUpperTail } from '../stats/negative-binomial';
import { minimizeScalar } from '../stats/minimize-scalar';
import { normalQuantile } from '../stats/normal';
import { logGamma } from '../stats/random';
import { fromWorkingScale } from './baseline';

export interface CountScores {
  /** Mean per step implied by the baseline (NaN where the baseline is undefined). */
  mean: Float64Array;
  /** Estimated gamma shape k (Infinity = Poisson). */
  dispersion: number;
  /** Signed score: Phi^-1 of the lower tail (drops, negative) or upper tail (spikes, positive). */
  z: Float64Array;
}

/** The most extreme score reported: tail probabilities below ~1e-300 all read as this. */
const MAX_SCORE = 37;
/** Steps this far out on the Anscombe scale are left out of the dispersion estimate. */
const SCREEN = 6;
/** Shapes beyond this are indistinguishable from Poisson over a few years of days. */
const MAX_SHAPE = 1000;

/** Mean of Y from E[2 sqrt(Y + 3/8)]: undoes the square root's downward bias (delta method). */
function meanFromWorking(expected: number, dispersion: number): number {
  const plain = fromWorkingScale(expected, true);
  const correction = (1 + (dispersion === Infinity ? 0 : plain / dispersion)) / 4;
  return Math.max(plain + correction - 0.25, 0);
}

/**
 * The robust fit on the square-root scale gets the shape (weekday pattern, trend) but tracks the
 * median, which for sparse counts is 0; the level is recalibrated to the mean of the ordinary
 * steps in a centred window, so an item that sells 0.3 a day is expected to sell 0.3, not 0.
 */
function calibrateToLocalMean(
  values: readonly number[],
  shape: Float64Array,
  keep: Uint8Array,
  halfWindow: number,
): Float64Array {
  const n = values.length;
  const valueSums = new Float64Array(n + 1);
  const shapeSums = new Float64Array(n + 1);
  const counts = new Float64Array(n + 1);
  for (let index = 0; index < n; index += 1) {
    const kept = keep[index] === 1;
    valueSums[index + 1] = valueSums[index]! + (kept ? (values[index] as number) : 0);
    shapeSums[index + 1] = shapeSums[index]! + (kept ? shape[index]! : 0);
    counts[index + 1] = counts[index]! + (kept ? 1 : 0);
  }
  const mean = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    const from = Math.max(0, index - halfWindow);
    const to = Math.min(n, index + halfWindow + 1);
    const count = counts[to]! - counts[from]!;
    const observed = valueSums[to]! - valueSums[from]!;
    const fitted = shapeSums[to]! - shapeSums[from]!;
    if (count === 0) {
      mean[index] = shape[index]!;
      continue;
    }
    // half a unit keeps a zero in the sparse shape from zeroing the mean
    const ratio = (shape[index]! + 0.5) / (fitted / count + 0.5);
    mean[index] = (observed / count) * ratio;
  }
  return mean;
}

/**
 * Maximum-likelihood gamma shape k given the means (Lawless 1987, "Negative binomial and mixed
 * Poisson regression"), by Brent's method on log k; the sum of ln Gamma(y + k) - ln Gamma(k) is
 * taken over the distinct counts, so a series costs a few thousand logarithms per evaluation.
 */
function estimateDispersion(
  values: readonly number[],
  mean: Float64Array,
  keep: Uint8Array,
): number {
  const frequency = new Map<number, number>();
  const kept: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    if (!keep[index] || !(mean[index]! > 0)) continue;
    const value = values[index] as number;
    frequency.set(value, (frequency.get(value) ?? 0) + 1);
    kept.push(index);
  }
  if (kept.length < 8) return Infinity;
  const negativeLogLikelihood = (logShape: number): number => {
    const k = Math.exp(logShape);
    const logGammaK = logGamma(k);
    let total = 0;
    for (const [value, count] of frequency) total += count * (logGamma(value + k) - logGammaK);
    for (const index of kept) {
      const mu = mean[index]!;
      const value = values[index] as number;
      total += k * Math.log(k / (k + mu)) + value * Math.log(mu / (k + mu));
    }
    return -total;
  };
  const best = minimizeScalar(negativeLogLikelihood, Math.log(0.05), Math.log(MAX_SHAPE), {
    tolerance: 0.03,
  });
  return best.x >= Math.log(MAX_SHAPE) - 0.05 ? Infinity : Math.exp(best.x);
}

function tailScore(value: number, mu: number, dispersion: number): number {
  if (value > mu) {
    const tail = negativeBinomialUpperTail(value, mu, dispersion);
    return tail <= 0 ? MAX_SCORE : Math.min(MAX_SCORE, -normalQuantile(Math.min(tail, 0.5)));
  }
  const tail = negativeBinomialLowerTail(value, mu, dispersion);
  return tail <= 0 ? -MAX_SCORE : Math.max(-MAX_SCORE, normalQuantile(Math.min(tail, 0.5)));
}

/**
 * `expectedWorking` is the baseline on the Anscombe scale, `residualZ` the Anscombe residuals
 * over their robust scale (NaN = not scored: missing or explained).
 */
export function countScores(
  values: readonly number[],
  expectedWorking: Float64Array,
  residualZ: Float64Array,
  halfWindow: number,
  heldOut?: Uint8Array,
): CountScores {
  const n = values.length;
  const keep = new Uint8Array(n);
  for (let index = 0; index < n; index += 1) {
    const z = residualZ[index]!;
    keep[index] = Number.isFinite(z) && Math.abs(z) <= SCREEN && !heldOut?.[index] ? 1 : 0;
  }
  const shape = new Float64Array(n);
  let mean: Float64Array = shape;
  let dispersion = Infinity;
  // two rounds: the mean's bias correction needs the dispersion and the other way round
  for (let round = 0; round < 2; round += 1) {
    for (let index = 0; index < n; index += 1) {
      shape[index] = meanFromWorking(expectedWorking[index]!, dispersion);
    }
    mean = calibrateToLocalMean(values, shape, keep, halfWindow);
    dispersion = estimateDispersion(values, mean, keep);
  }
  const z = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    const value = values[index] as number;
    if (!Number.isFinite(residualZ[index]!)) {
      z[index] = Number.NaN;
      continue;
    }
    z[index] = tailScore(value, mean[index]!, dispersion);
  }
  return { mean, dispersion, z };
}
