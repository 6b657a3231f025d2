// Bounded one-dimensional minimisation by Brent's method: golden-section search combined with
// successive parabolic interpolation (Brent 1973, "Algorithms for Minimization without
// Derivatives", ch. 5, procedure localmin; the same algorithm as R's `optimize`).

export interface MinimizeScalarOptions {
  /** Absolute tolerance on the minimiser (Brent's `t`); default 1e-8. */
  tolerance?: number;
  /** Most function evaluations before giving up; default 500. */
  maxIterations?: number;
}

export interface MinimizeScalarResult {
  /** The minimiser found within [lower, upper]. */
  x: number;
  /** The objective at x. */
  value: number;
  iterations: number;
  evaluations: number;
  /** False when maxIterations ran out before the tolerance was met. */
  converged: boolean;
}

const GOLDEN = (3 - Math.sqrt(5)) / 2;
const RELATIVE = Math.sqrt(Number.EPSILON);

/**
 * Minimise `objective` over [lower, upper]. Finds a local minimum (the global one for a
 * unimodal function). NaN objective values are treated as +Infinity, so a function may
 * return NaN or Infinity where it is undefined.
 */
export function minimizeScalar(
  objective: (x: number) => number,
  lower: number,
  upper: number,
  options: MinimizeScalarOptions = {},
): MinimizeScalarResult {
  if (typeof objective !== 'function') throw new TypeError('objective: expected a function');
  if (!Number.isFinite(lower)) throw new RangeError(`lower: ${String(lower)} is not finite`);
  if (!Number.isFinite(upper)) throw new RangeError(`upper: ${String(upper)} is not finite`);
  if (!(lower < upper)) {
    throw new RangeError(`lower: ${lower} must be less than upper (${upper})`);
  }
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 500;
  if (!(tolerance > 0)) throw new RangeError(`tolerance: ${String(tolerance)} must be positive`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations: ${String(maxIterations)} must be a positive integer`);
  }

  let evaluations = 0;
  const evaluate = (x: number): number => {
    evaluations += 1;
    const value = objective(x);
    return Number.isNaN(value) ? Infinity : value;
  };

  let a = lower;
  let b = upper;
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = evaluate(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  const toleranceThird = tolerance / 3;
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    const middle = (a + b) / 2;
    const tolerance1 = RELATIVE * Math.abs(x) + toleranceThird;
    const tolerance2 = tolerance1 * 2;
    if (Math.abs(x - middle) <= tolerance2 - (b - a) / 2) {
      converged = true;
      break;
    }
    iterations += 1;
    let p = 0;
    let q = 0;
    let r = 0;
    const finite = Number.isFinite(fx) && Number.isFinite(fw) && Number.isFinite(fv);
    if (Math.abs(e) > tolerance1 && finite) {
      // Fit a parabola through x, w and v.
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      // Golden-section step into the larger part of the bracket.
      e = x < middle ? b - x : a - x;
      d = GOLDEN * e;
    } else {
      // Parabolic interpolation step.
      d = p / q;
      const trial = x + d;
      if (trial - a < tolerance2 || b - trial < tolerance2)
        d = x < middle ? tolerance1 : -tolerance1;
    }
    let u: number;
    if (Math.abs(d) >= tolerance1) u = x + d;
    else u = d > 0 ? x + tolerance1 : x - tolerance1;
    const fu = evaluate(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx, iterations, evaluations, converged };
}
