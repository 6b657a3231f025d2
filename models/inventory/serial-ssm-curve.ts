// One stage's cost function g_j of the serial stochastic-service recursion (see serial-ssm.ts),
// kept on (-infinity, S_j] as three pieces: its exact linear asymptote below `lower`, piecewise
// Chebyshev interpolants on [lower, fitTop], and an exact line on (linearFrom, S_j] where the
// demand can no longer reach the upstream clip point. Expectations of gbar_j(x) = g_j(min(S_j, x))
// against a normal density: lines in closed form, the interpolants by Gauss-Legendre quadrature.
import { normalCdf, normalDensity } from '../stats/normal';
import {
  evaluatePanel,
  evaluatePiecewise,
  gaussLegendre,
  type PiecewiseChebyshev,
} from './piecewise-chebyshev';

export interface StageCurve {
  /** S_j: gbar_j is constant above it. */
  upper: number;
  /** Below it g_j is the line slope * x + intercept. */
  lower: number;
  slope: number;
  intercept: number;
  /** Above it (up to `upper`) g_j is the line upperSlope * x + upperIntercept. */
  linearFrom: number;
  upperSlope: number;
  upperIntercept: number;
  /** g_j and g_j' on [lower, min(upper, linearFrom)], or undefined when that is empty. */
  value: PiecewiseChebyshev | undefined;
  derivative: PiecewiseChebyshev | undefined;
  /** Points inside the fitted range where g_j has a kink (after zero-lead-time stages). */
  kinks: number[];
  /** The smallest positive lead-time standard deviation so far (the finest feature of g_j). */
  featureScale: number;
}

/** Half-width of the integration window, in spreads of the density (its mass beyond: 1e-23). */
export const WINDOW = 10;
const QUADRATURE = gaussLegendre(16);

export function curveValue(curve: StageCurve, x: number): number {
  const point = Math.min(x, curve.upper);
  if (point > curve.linearFrom) return curve.upperSlope * point + curve.upperIntercept;
  if (point <= curve.lower || curve.value === undefined) {
    return curve.slope * point + curve.intercept;
  }
  return evaluatePiecewise(curve.value, point);
}

export function curveDerivative(curve: StageCurve, x: number): number {
  if (x >= curve.upper) return 0;
  if (x > curve.linearFrom) return curve.upperSlope;
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
 * Integral of (a u + b) (or, with slopeOnly, of a) against the N(center, spread^2) density over
 * [from, to]: E[u; from < u <= to] = center (Phi(zt) - Phi(zf)) - spread (phi(zt) - phi(zf)).
 */
function lineAgainstNormal(
  a: number,
  b: number,
  from: number,
  to: number,
  center: number,
  spread: number,
  slopeOnly: boolean,
): number {
  const zFrom = (from - center) / spread;
  const zTo = (to - center) / spread;
  const mass = normalCdf(zTo) - normalCdf(zFrom);
  if (slopeOnly) return a * mass;
  return (a * center + b) * mass - a * spread * (normalDensity(zTo) - normalDensity(zFrom));
}

/**
 * E[gbar(y - D)] for D ~ N(mean, spread^2), or with `slopeOnly` its derivative in y,
 * E[gbar'(y - D)]. With u = y - D ~ N(y - mean, spread^2): the part u >= upper is the constant
 * g(upper) (slope 0); the two lines in closed form; the interpolants by quadrature over the
 * window of +-WINDOW spreads.
 */
export function expectation(
  curve: StageCurve,
  y: number,
  mean: number,
  spread: number,
  slopeOnly: boolean,
): number {
  const center = y - mean;
  let total = lineAgainstNormal(
    curve.slope,
    curve.intercept,
    Number.NEGATIVE_INFINITY,
    curve.lower,
    center,
    spread,
    slopeOnly,
  );
  if (!slopeOnly) {
    total += curveValue(curve, curve.upper) * (1 - normalCdf(curve.upper, center, spread));
  }
  const fitTop = Math.min(curve.upper, curve.linearFrom);
  if (curve.upper > fitTop) {
    total += lineAgainstNormal(
      curve.upperSlope,
      curve.upperIntercept,
      Math.max(fitTop, curve.lower),
      curve.upper,
      center,
      spread,
      slopeOnly,
    );
  }
  const fit = slopeOnly ? curve.derivative : curve.value;
  const from = Math.max(curve.lower, center - WINDOW * spread);
  const to = Math.min(fitTop, center + WINDOW * spread);
  if (to > from && fit !== undefined) {
    total += integrateAgainstNormal(fit, from, to, center, spread);
  }
  return total;
}
