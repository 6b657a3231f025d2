// Optimal echelon base-stock levels of a serial system under the stochastic-service model with
// normal demand, by the exact Clark-Scarf decomposition in the form of Chen & Zheng (1994)
// (Clark & Scarf 1960; Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., section
// 6.2.3, the recursion (6.17)-(6.21)):
//   g_0(x) = (p + h'_1) x^-,  ghat_j(x) = h_j x + gbar_{j-1}(x),  g_j(y) = E[ghat_j(y - D_j)],
//   S*_j = argmin g_j,  gbar_j(x) = g_j(min(S*_j, x)),  optimal cost = g_N(S*_N),
// where D_j ~ N(mu L_j, sigma^2 L_j) is the demand over stage j's lead time and h'_1 = sum h_j.
//
// Instead of a grid, each g_j is kept as piecewise Chebyshev interpolants on [A_j, S_j] plus its
// exact linear asymptote below A_j (A_j lies 16 cumulative standard deviations below the mean
// lead-time demand, where g_j differs from the line by less than 1e-50). The expectations are
// integrals of those polynomials against the normal density by Gauss-Legendre quadrature, the
// linear part in closed form; S*_j is the root of g_j', which is computed the same way.
//
// Stages are numbered 1..N, stage 1 downstream (facing customer demand, where stockouts cost p)
// and stage N upstream (supplied by an outside source that never runs out). Every per-stage array
// is listed from stage 1 to stage N (stockpyl lists them from N to 1 by default).

import { normalCdf, normalDensity } from '../stats/normal';
import {
  differentiatePiecewise,
  evaluatePanel,
  evaluatePiecewise,
  fitPiecewiseChebyshev,
  gaussLegendre,
  type PiecewiseChebyshev,
} from './piecewise-chebyshev';

export interface SerialSsmInput {
  /** Echelon holding cost per unit per period at stages 1..N (stage 1 first), each positive. */
  echelonHoldingCost: readonly number[];
  /** Shipment lead time (periods, may be fractional or 0) into stages 1..N (stage 1 first). */
  leadTime: readonly number[];
  /** Backorder cost per unit per period at stage 1. */
  stockoutCost: number;
  /** Mean demand per period at stage 1. */
  demandMean: number;
  /** Standard deviation of demand per period at stage 1. */
  demandStandardDeviation: number;
}

export interface SerialSsmResult {
  /** Optimal echelon base-stock levels of stages 1..N (index 0 = stage 1). */
  echelonBaseStock: number[];
  /** The equivalent local base-stock levels S_j - S_{j-1} (index 0 = stage 1). */
  localBaseStock: number[];
  /** Expected holding and backorder cost per period. */
  cost: number;
}

/** g_j on (-infinity, upper]: the line slope*x + intercept below `lower`, the fit above it. */
interface StageCurve {
  upper: number;
  lower: number;
  slope: number;
  intercept: number;
  value: PiecewiseChebyshev | undefined;
  derivative: PiecewiseChebyshev | undefined;
  /** Points in (lower, upper) where g_j has a kink (only after stages with zero lead time). */
  kinks: number[];
  /** The smallest positive lead-time standard deviation so far (the finest feature of g_j). */
  featureScale: number;
}

const TAIL = 16;
const QUADRATURE = gaussLegendre(16);

function curveValue(curve: StageCurve, x: number): number {
  const point = Math.min(x, curve.upper);
  if (point <= curve.lower || curve.value === undefined) {
    return curve.slope * point + curve.intercept;
  }
  return evaluatePiecewise(curve.value, point);
}

function curveDerivative(curve: StageCurve, x: number): number {
  if (x >= curve.upper) return 0;
  if (x <= curve.lower || curve.derivative === undefined) return curve.slope;
  return evaluatePiecewise(curve.derivative, x);
}

/** Integral of fit(u) * N(center, spread^2) density over [from, to], panel by panel. */
function integrateAgainstNormal(
  fit: PiecewiseChebyshev,
  from: number,
  to: number,
  center: number,
  spread: number,
): number {
  let total = 0;
  const panels = fit.breaks.length - 1;
  for (let panel = 0; panel < panels; panel += 1) {
    const left = Math.max(from, fit.breaks[panel]!);
    const right = Math.min(to, fit.breaks[panel + 1]!);
    if (!(right > left)) continue;
    const pieces = Math.ceil((right - left) / (0.5 * spread));
    const width = (right - left) / pieces;
    for (let piece = 0; piece < pieces; piece += 1) {
      const middle = left + (piece + 0.5) * width;
      for (let node = 0; node < QUADRATURE.nodes.length; node += 1) {
        const u = middle + 0.5 * width * QUADRATURE.nodes[node]!;
        total +=
          0.5 *
          width *
          QUADRATURE.weights[node]! *
          evaluatePanel(fit, panel, u) *
          normalDensity(u, center, spread);
      }
    }
  }
  return total;
}

/**
 * E[gbar(y - D)] for D ~ N(mean, spread^2) and gbar = g(min(upper, .)), or with `slopeOnly` its
 * derivative in y, E[gbar'(y - D)]. With u = y - D ~ N(y - mean, spread^2): the part u >= upper is
 * the constant g(upper) (slope 0); below `lower` g is linear, in closed form; between them,
 * quadrature over +-10 spreads of the density.
 */
function expectation(
  curve: StageCurve,
  y: number,
  mean: number,
  spread: number,
  slopeOnly: boolean,
): number {
  const center = y - mean;
  const zCut = (curve.lower - center) / spread;
  const belowCut = normalCdf(zCut);
  let total = slopeOnly
    ? curve.slope * belowCut
    : curveValue(curve, curve.upper) * (1 - normalCdf(curve.upper, center, spread)) +
      (curve.slope * center + curve.intercept) * belowCut -
      curve.slope * spread * normalDensity(zCut);
  const fit = slopeOnly ? curve.derivative : curve.value;
  const from = Math.max(curve.lower, center - 10 * spread);
  const to = Math.min(curve.upper, center + 10 * spread);
  if (to > from && fit !== undefined) {
    total += integrateAgainstNormal(fit, from, to, center, spread);
  }
  return total;
}

/** The root of a nondecreasing function by bracketing and bisection. */
function nondecreasingRoot(fn: (x: number) => number, guess: number, step: number): number {
  let low = guess - step;
  let high = guess + step;
  for (let expansion = 0; fn(low) > 0; expansion += 1) {
    if (expansion > 200) throw new Error('serial SSM: no sign change of g_j\u2032 below the guess');
    low -= step * 2 ** expansion;
  }
  for (let expansion = 0; fn(high) < 0; expansion += 1) {
    if (expansion > 200) throw new Error('serial SSM: no sign change of g_j\u2032 above the guess');
    high += step * 2 ** expansion;
  }
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const middle = 0.5 * (low + high);
    if (middle <= low || middle >= high) break;
    if (fn(middle) < 0) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

function validate(input: SerialSsmInput, levels?: readonly number[]): void {
  const holding = input.echelonHoldingCost;
  if (!Array.isArray(holding) || holding.length === 0) {
    throw new TypeError('echelonHoldingCost: expected a non-empty array, one value per stage');
  }
  if (!Array.isArray(input.leadTime) || input.leadTime.length !== holding.length) {
    throw new RangeError(
      `leadTime: expected ${holding.length} values (one per stage, stage 1 first), got ${Array.isArray(input.leadTime) ? input.leadTime.length : typeof input.leadTime}`,
    );
  }
  holding.forEach((cost, index) => {
    if (!Number.isFinite(cost) || cost <= 0) {
      throw new RangeError(
        `echelonHoldingCost[${index}] (stage ${index + 1}): ${String(cost)} must be a finite positive cost (the echelon cost is the local cost minus the upstream stage's local cost)`,
      );
    }
  });
  input.leadTime.forEach((time, index) => {
    if (!Number.isFinite(time) || time < 0) {
      throw new RangeError(
        `leadTime[${index}] (stage ${index + 1}): ${String(time)} must be a finite non-negative number of periods`,
      );
    }
  });
  if (!Number.isFinite(input.stockoutCost) || input.stockoutCost <= 0) {
    throw new RangeError(
      `stockoutCost: ${String(input.stockoutCost)} must be a finite positive cost`,
    );
  }
  if (!Number.isFinite(input.demandMean) || input.demandMean < 0) {
    throw new RangeError(`demandMean: ${String(input.demandMean)} must be finite and non-negative`);
  }
  if (!Number.isFinite(input.demandStandardDeviation) || input.demandStandardDeviation <= 0) {
    throw new RangeError(
      `demandStandardDeviation: ${String(input.demandStandardDeviation)} must be finite and positive`,
    );
  }
  if (levels !== undefined) {
    if (!Array.isArray(levels) || levels.length !== holding.length) {
      throw new RangeError(
        `echelonBaseStock: expected ${holding.length} levels (one per stage, stage 1 first)`,
      );
    }
    levels.forEach((level, index) => {
      if (!Number.isFinite(level)) {
        throw new RangeError(
          `echelonBaseStock[${index}] (stage ${index + 1}): ${String(level)} is not finite`,
        );
      }
    });
  }
}

/** Runs the recursion; with `fixedLevels` it evaluates those levels instead of optimising. */
function solve(
  input: SerialSsmInput,
  fixedLevels?: readonly number[],
): { levels: number[]; cost: number } {
  validate(input, fixedLevels);
  const holding = input.echelonHoldingCost;
  const totalHolding = holding.reduce((sum, cost) => sum + cost, 0);
  const sigma = input.demandStandardDeviation;
  let curve: StageCurve = {
    upper: 0,
    lower: 0,
    slope: -(input.stockoutCost + totalHolding),
    intercept: 0,
    value: undefined,
    derivative: undefined,
    kinks: [],
    featureScale: Number.POSITIVE_INFINITY,
  };
  const levels: number[] = [];
  let cumulativeMean = 0;
  let cumulativeLeadTime = 0;
  let cost = 0;
  for (let stage = 0; stage < holding.length; stage += 1) {
    const previous = curve;
    const h = holding[stage]!;
    const lead = input.leadTime[stage]!;
    const mean = input.demandMean * lead;
    const spread = sigma * Math.sqrt(lead);
    cumulativeMean += mean;
    cumulativeLeadTime += lead;
    const cumulativeSpread = sigma * Math.sqrt(cumulativeLeadTime);

    // g_j and g_j' at y.
    const valueAt = (y: number): number =>
      spread > 0
        ? h * (y - mean) + expectation(previous, y, mean, spread, false)
        : h * y + curveValue(previous, y);
    const derivativeAt = (y: number): number =>
      spread > 0
        ? h + expectation(previous, y, mean, spread, true)
        : h + curveDerivative(previous, y);

    let level: number;
    if (fixedLevels !== undefined) {
      level = fixedLevels[stage]!;
    } else if (
      spread === 0 &&
      derivativeAt(previous.upper - 1e-9 * (1 + Math.abs(previous.upper))) >= 0
    ) {
      level = nondecreasingRoot(
        derivativeAt,
        previous.upper - cumulativeSpread,
        cumulativeSpread + 1,
      );
    } else if (spread === 0) {
      level = previous.upper;
    } else {
      level = nondecreasingRoot(derivativeAt, cumulativeMean, cumulativeSpread);
    }
    levels.push(level);
    cost = valueAt(level);

    const slope = previous.slope + h;
    const intercept = previous.intercept - slope * mean;
    const lower = Math.min(level, cumulativeMean, ...levels) - TAIL * cumulativeSpread;
    const kinks =
      spread > 0 ? [] : [...previous.kinks, previous.upper].filter((kink) => kink < level);
    const featureScale =
      spread > 0 ? Math.min(previous.featureScale, spread) : previous.featureScale;
    let value: PiecewiseChebyshev | undefined;
    // The last stage only needs its cost at S_N, not a fit of g_N.
    if (level > lower && stage < holding.length - 1) {
      const width = Number.isFinite(featureScale) ? 4 * featureScale : level - lower;
      value = fitPiecewiseChebyshev(valueAt, lower, level, {
        initialWidth: width,
        forcedBreaks: kinks,
      });
    }
    curve = {
      upper: level,
      lower: value === undefined ? level : lower,
      slope,
      intercept,
      value,
      derivative: value === undefined ? undefined : differentiatePiecewise(value),
      kinks,
      featureScale,
    };
  }
  return { levels, cost };
}

/** Optimal echelon base-stock levels and their expected cost per period. */
export function serialBaseStockSsm(input: SerialSsmInput): SerialSsmResult {
  const { levels, cost } = solve(input);
  return {
    echelonBaseStock: levels,
    localBaseStock: levels.map((level, index) => level - (index === 0 ? 0 : levels[index - 1]!)),
    cost,
  };
}

/** Expected cost per period of given echelon base-stock levels (stage 1 first). */
export function serialBaseStockSsmCost(
  input: SerialSsmInput,
  echelonBaseStock: readonly number[],
): number {
  return solve(input, echelonBaseStock).cost;
}
