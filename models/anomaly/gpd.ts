// The generalized Pareto distribution of exceedances over a high threshold (Pickands 1975), the
// tail model of peaks-over-threshold extreme-value analysis, fitted by probability-weighted
// moments (Hosking & Wallis 1987, "Parameter and quantile estimation for the generalized Pareto
// distribution", Technometrics 29(3), eqs. 7-8).

export interface GpdFit {
  /** Shape xi: 0 exponential tail, > 0 heavy (Pareto-like), < 0 bounded at scale / -shape. */
  shape: number;
  /** Scale sigma > 0. */
  scale: number;
}

/**
 * Hosking & Wallis's PWM estimator from exceedances y > 0 (values minus the threshold). Their k is
 * -xi; the estimator exists for xi < 1 and is the recommended one for xi < 0.5 and small samples.
 * The shape is clamped to [-0.5, 0.9] so that a handful of tied exceedances cannot give a tail
 * that ends right at the largest one or never decays.
 */
export function fitGpd(exceedances: ArrayLike<number>): GpdFit {
  const n = exceedances.length;
  if (n < 2) throw new RangeError(`exceedances: ${n} values; at least 2 are needed to fit a GPD`);
  const sorted = Float64Array.from(exceedances).sort();
  if (!(sorted[0]! >= 0))
    throw new RangeError(
      `exceedances: ${sorted[0]} is negative or NaN; pass values above the threshold minus it`,
    );
  let a0 = 0;
  let a1 = 0;
  for (let index = 0; index < n; index += 1) {
    const value = sorted[index]!;
    a0 += value;
    // a1 = E[y (1 - F(y))], with the unbiased plotting weight (n - 1 - i) / (n - 1)
    a1 += (value * (n - 1 - index)) / (n - 1);
  }
  a0 /= n;
  a1 /= n;
  if (!(a0 > 0)) return { shape: 0, scale: Number.MIN_VALUE };
  const denominator = a0 - 2 * a1;
  if (!(denominator > 0)) return { shape: 0.9, scale: a0 * 0.1 };
  const k = a0 / denominator - 2;
  const scale = (2 * a0 * a1) / denominator;
  const shape = Math.min(0.9, Math.max(-0.5, -k));
  // with the shape clamped, keep the mean right: E[y] = sigma / (1 - xi)
  return { shape, scale: shape === -k ? scale : a0 * (1 - shape) };
}

/** P(Y > y) for an exceedance y >= 0. */
export function gpdSurvival(excess: number, fit: GpdFit): number {
  if (excess <= 0) return 1;
  const z = excess / fit.scale;
  if (Math.abs(fit.shape) < 1e-9) return Math.exp(-z);
  const base = 1 + fit.shape * z;
  if (base <= 0) return 0;
  return Math.pow(base, -1 / fit.shape);
}

/** The exceedance y with P(Y > y) = probability (0 < probability <= 1). */
export function gpdQuantile(probability: number, fit: GpdFit): number {
  if (!(probability > 0 && probability <= 1))
    throw new RangeError(`probability: ${probability} must be in (0, 1]`);
  if (Math.abs(fit.shape) < 1e-9) return -fit.scale * Math.log(probability);
  return (fit.scale * (Math.pow(probability, -fit.shape) - 1)) / fit.shape;
}
