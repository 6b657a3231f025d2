// The steps of the daily model's fit (daily-model.ts): transforms and their inverses, which
// columns a candidate uses, its ridge and AICc (Hurvich & Tsai 1989), lag-1 prewhitening
// (Cochrane & Orcutt 1949) and residuals.
import type { WeightedCrossProducts } from '../../stats/linear-algebra';
import type { DesignColumn } from './design';

export type Transform = 'log1p' | 'none';

export type TrendForm = 'flat' | 'linear' | 'knot';

export function transformValue(value: number, transform: Transform): number {
  return transform === 'log1p' ? Math.log1p(value) : value;
}

export function includedColumns(
  columns: readonly DesignColumn[],
  products: WeightedCrossProducts,
  trend: TrendForm,
  yearly: number,
): number[] {
  const size = columns.length;
  const indices: number[] = [];
  columns.forEach((column, index) => {
    if (column.role === 'trend' && trend === 'flat') return;
    if (column.role === 'knot' && trend !== 'knot') return;
    if (column.role === 'yearly' && column.harmonic > yearly) return;
    // A column with no weight in the history (e.g. no promotion day observed) is not estimable.
    if (!(products.gram[index * size + index]! > 1e-12)) return;
    indices.push(index);
  });
  return indices;
}

export function ridgeFor(
  columns: readonly DesignColumn[],
  products: WeightedCrossProducts,
  indices: number[],
): number[] {
  const size = columns.length;
  // A relative ridge of 1e-9 only keeps exactly collinear designs solvable.
  return indices.map((index) =>
    columns[index]!.role === 'intercept' ? 0 : 1e-9 * products.gram[index * size + index]!,
  );
}

export function aiccOf(
  residualSquares: number,
  responseSquares: number,
  count: number,
  k: number,
): number {
  // Floor the RSS so an exact fit (a constant or purely periodic series) stays finite.
  const rss = Math.max(residualSquares, 1e-12 * Math.max(responseSquares, 1e-300));
  return count * Math.log(rss / count) + 2 * k + (2 * k * (k + 1)) / (count - k - 1);
}

/** Lag-1 autocorrelation of the residuals over pairs of included days, clamped to +-0.9. */
export function lagOneCorrelation(residuals: Float64Array, weights: Float64Array): number {
  let cross = 0;
  let squares = 0;
  for (let row = 0; row < residuals.length; row += 1) {
    if (!(weights[row]! > 0)) continue;
    squares += residuals[row]! ** 2;
    if (row > 0 && weights[row - 1]! > 0) cross += residuals[row]! * residuals[row - 1]!;
  }
  if (!(squares > 0)) return 0;
  return Math.max(-0.9, Math.min(0.9, cross / squares));
}

/** x_t - rho x_{t-1} (Cochrane & Orcutt 1949); row 0 and rows after an excluded day drop out. */
export function prewhiten(values: Float64Array, rho: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let row = 1; row < values.length; row += 1) out[row] = values[row]! - rho * values[row - 1]!;
  return out;
}

export function residualsOf(
  columns: readonly DesignColumn[],
  indices: readonly number[],
  coefficients: Float64Array,
  response: Float64Array,
  weights: Float64Array,
  count: number,
): Float64Array {
  const residuals = response.slice(0, count);
  indices.forEach((index, position) => {
    const values = columns[index]!.values;
    const coefficient = coefficients[position]!;
    for (let row = 0; row < count; row += 1)
      residuals[row] = residuals[row]! - coefficient * values[row]!;
  });
  for (let row = 0; row < count; row += 1) if (!(weights[row]! > 0)) residuals[row] = 0;
  return residuals;
}

/** Mean of the back-transformed forecast given its transformed mean and variance. */
export function backTransformMean(mean: number, variance: number, transform: Transform): number {
  // log1p: the mean of a lognormal, exp(mu + s^2 / 2) - 1 (FPP3 5.6 bias adjustment).
  const value = transform === 'log1p' ? Math.exp(mean + variance / 2) - 1 : mean;
  return Math.max(0, value);
}

export function backTransformQuantile(value: number, transform: Transform): number {
  return Math.max(0, transform === 'log1p' ? Math.expm1(value) : value);
}
