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
// lead-time demand, where g_j differs from the line by less than 1e-50) and the exact line
// h_j y + g_{j-1}(S_{j-1}) where y - D_j can no longer reach S_{j-1} (serial-ssm-curve.ts). The expectations are
// integrals of those polynomials against the normal density by Gauss-Legendre quadrature, the
// linear part in closed form; S*_j is the root of g_j', which is computed the same way.
//
// Stages are numbered 1..N, stage 1 downstream (facing customer demand, where stockouts cost p)
// and stage N upstream (supplied by an outside source that never runs out). Every per-stage array
// is listed from stage 1 to stage N (stockpyl lists them from N to 1 by default).

import {
  differentiatePiecewise,
  fitPiecewiseChebyshev,
  type PiecewiseChebyshev,
} from './piecewise-chebyshev';
import {
  curveDerivative,
  curveValue,
  expectation,
  WINDOW,
  type StageCurve,
} from './serial-ssm-curve';

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

const TAIL = 16;

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

/**
 * Runs the recursion; with `fixedLevels` it evaluates those levels instead of optimising.
 * It works in coordinates centred on the mean lead-time demand, which keeps the numbers small
 * when the mean is large against the spread: with M_j = mu (L_1 + ... + L_j), the recursion with
 * mean mu satisfies g_j(y) = g0_j(y - M_j) + sum_{i<=j} h_i M_{i-1}, where g0 is the recursion
 * with mean 0 (induction on ghat_j(x) = h_j x + gbar_{j-1}(x)); so S_j = S0_j + M_j.
 */
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
    linearFrom: Number.POSITIVE_INFINITY,
    upperSlope: 0,
    upperIntercept: 0,
    value: undefined,
    derivative: undefined,
    kinks: [],
    featureScale: Number.POSITIVE_INFINITY,
  };
  const levels: number[] = [];
  const centredLevels: number[] = [];
  let cumulativeMean = 0;
  let pipelineCost = 0;
  let cumulativeLeadTime = 0;
  let cost = 0;
  for (let stage = 0; stage < holding.length; stage += 1) {
    const previous = curve;
    const h = holding[stage]!;
    const lead = input.leadTime[stage]!;
    const mean = 0;
    const spread = sigma * Math.sqrt(lead);
    pipelineCost += h * cumulativeMean;
    cumulativeMean += input.demandMean * lead;
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
      level = fixedLevels[stage]! - cumulativeMean;
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
      level = nondecreasingRoot(derivativeAt, 0, cumulativeSpread);
    }
    centredLevels.push(level);
    levels.push(level + cumulativeMean);
    cost = valueAt(level) + pipelineCost;

    const slope = previous.slope + h;
    const intercept = previous.intercept - slope * mean;
    const lower = Math.min(level, 0, ...centredLevels) - TAIL * cumulativeSpread;
    // Once y - D cannot reach S_{j-1}, g_j(y) = h_j y + g_{j-1}(S_{j-1}) exactly.
    const linearFrom = previous.upper + WINDOW * spread;
    const fitTop = Math.min(level, linearFrom);
    const kinks =
      spread > 0
        ? []
        : [...previous.kinks, previous.linearFrom].filter((kink) => kink > lower && kink < fitTop);
    const featureScale =
      spread > 0 ? Math.min(previous.featureScale, spread) : previous.featureScale;
    let value: PiecewiseChebyshev | undefined;
    // The last stage only needs its cost at S_N, not a fit of g_N.
    if (fitTop > lower && stage < holding.length - 1) {
      // Far-off levels (cost evaluation) get wider first panels; splitting refines near features.
      const width = Math.max(
        Number.isFinite(featureScale) ? 4 * featureScale : fitTop - lower,
        (fitTop - lower) / 500,
      );
      value = fitPiecewiseChebyshev(valueAt, lower, fitTop, {
        initialWidth: width,
        forcedBreaks: kinks,
        // g_j varies no faster than the narrowest lead-time spread: finer panels would fit noise.
        minimumWidth: Number.isFinite(featureScale) ? featureScale / 64 : 0,
      });
    }
    curve = {
      upper: level,
      lower: value === undefined ? fitTop : lower,
      slope,
      intercept,
      linearFrom,
      upperSlope: h,
      upperIntercept: curveValue(previous, previous.upper),
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
