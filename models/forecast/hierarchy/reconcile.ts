// Forecast reconciliation: coherent forecasts y~ = S G y^ with G = (S' W^-1 S)^-1 S' W^-1
// (Wickramasuriya, Athanasopoulos & Hyndman 2019, "Optimal forecast reconciliation for
// hierarchical and grouped time series through trace minimization", JASA 114(526), eq. 9).
// W = I is OLS (Hyndman et al. 2011), W = diag(S 1) is WLS with structural scaling and
// W = diag(residual mean squares) WLS with variance scaling (Athanasopoulos et al. 2017),
// W = shrinkage covariance is MinT-shrink; bottom-up takes G = [0 | I].
import { choleskyFactor, choleskySolve } from '../../stats/linear-algebra';
import { completeResidualRows, shrinkageCovariance } from './shrinkage-covariance';
import type { Hierarchy } from './summing-matrix';

export type ReconciliationMethod =
  'bottom-up' | 'ols' | 'wls-structural' | 'wls-variance' | 'mint-shrink';

export const reconciliationMethods: readonly ReconciliationMethod[] = [
  'bottom-up',
  'ols',
  'wls-structural',
  'wls-variance',
  'mint-shrink',
];

export interface ReconcileOptions {
  hierarchy: Hierarchy;
  /** Base (incoherent) forecasts, one array per node in hierarchy.nodes order, all one horizon. */
  baseForecasts: readonly (readonly number[])[];
  /** Defaults to 'mint-shrink' (falls back when residuals are missing or too few). */
  method?: ReconciliationMethod;
  /** In-sample one-step residuals per node (node x time, aligned; NaN = missing). */
  residuals?: readonly (readonly number[])[];
  /** Fewest complete residual rows for mint-shrink (default 3); fewer falls back to WLS. */
  minimumResidualRows?: number;
}

export interface ReconciliationResult {
  /** The method whose numbers these are (may differ from the requested one after a fallback). */
  method: ReconciliationMethod;
  requestedMethod: ReconciliationMethod;
  /** Coherent forecasts per node (hierarchy.nodes order): every aggregate is the sum of its bottoms. */
  forecasts: number[][];
  /** Shrinkage intensity lambda when mint-shrink was used. */
  shrinkageIntensity?: number;
  notes: string[];
}

function checkBase(hierarchy: Hierarchy, base: readonly (readonly number[])[]): number {
  if (base.length !== hierarchy.nodes.length) {
    throw new RangeError(
      `baseForecasts: has ${base.length} series, expected ${hierarchy.nodes.length} (one per hierarchy node, in hierarchy.nodes order)`,
    );
  }
  const horizon = base[0]?.length ?? 0;
  if (horizon === 0) throw new RangeError('baseForecasts[0]: is empty; need at least one step');
  base.forEach((series, index) => {
    if (series.length !== horizon) {
      throw new RangeError(
        `baseForecasts[${index}] (${hierarchy.nodes[index]!.key}): has ${series.length} steps, expected ${horizon}`,
      );
    }
    series.forEach((value, step) => {
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `baseForecasts[${index}][${step}] (${hierarchy.nodes[index]!.key}): ${String(value)} is not a finite forecast`,
        );
      }
    });
  });
  return horizon;
}

/** Bottom forecasts b (bottom x horizon) mapped to every node by S. */
function aggregate(hierarchy: Hierarchy, bottom: readonly Float64Array[]): number[][] {
  const horizon = bottom[0]?.length ?? 0;
  return hierarchy.nodes.map((node) => {
    const total = new Array<number>(horizon).fill(0);
    for (const member of node.members) {
      const series = bottom[member] as Float64Array;
      for (let h = 0; h < horizon; h += 1) total[h]! += series[h]!;
    }
    return total;
  });
}

/**
 * Bottom forecasts (S' W^-1 S)^-1 S' W^-1 y^ for a full W (row-major, nodes x nodes); undefined
 * when W or S' W^-1 S is not positive definite.
 */
export function projectWithCovariance(
  hierarchy: Hierarchy,
  covariance: Float64Array,
  base: readonly (readonly number[])[],
): Float64Array[] | undefined {
  const rows = hierarchy.nodes.length;
  const columns = hierarchy.bottomIds.length;
  const factor = choleskyFactor(covariance, rows);
  if (!factor) return undefined;
  // A = W^-1 S, column by column.
  const weighted: Float64Array[] = [];
  for (let column = 0; column < columns; column += 1) {
    const sColumn = Float64Array.from({ length: rows }, (_, row) =>
      hierarchy.summing[row * columns + column]! > 0 ? 1 : 0,
    );
    weighted.push(choleskySolve(factor, rows, sColumn));
  }
  return solveNormal(hierarchy, weighted, base);
}

/** Bottom forecasts for a diagonal W (weights = W's diagonal, all > 0). */
function projectDiagonal(
  hierarchy: Hierarchy,
  diagonal: Float64Array,
  base: readonly (readonly number[])[],
): Float64Array[] | undefined {
  const rows = hierarchy.nodes.length;
  const columns = hierarchy.bottomIds.length;
  const weighted: Float64Array[] = [];
  for (let column = 0; column < columns; column += 1) {
    weighted.push(
      Float64Array.from({ length: rows }, (_, row) =>
        hierarchy.summing[row * columns + column]! > 0 ? 1 / diagonal[row]! : 0,
      ),
    );
  }
  return solveNormal(hierarchy, weighted, base);
}

/** Given A = W^-1 S by columns, solves (S' A) b = A' y^ for every horizon step. */
function solveNormal(
  hierarchy: Hierarchy,
  weighted: readonly Float64Array[],
  base: readonly (readonly number[])[],
): Float64Array[] | undefined {
  const rows = hierarchy.nodes.length;
  const columns = hierarchy.bottomIds.length;
  const normal = new Float64Array(columns * columns);
  for (let i = 0; i < columns; i += 1) {
    for (let j = 0; j < columns; j += 1) {
      let total = 0;
      const column = weighted[j] as Float64Array;
      for (let row = 0; row < rows; row += 1) {
        if (hierarchy.summing[row * columns + i]! > 0) total += column[row]!;
      }
      normal[i * columns + j] = total;
    }
  }
  // Symmetrise against rounding before the factorisation.
  for (let i = 0; i < columns; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const average = (normal[i * columns + j]! + normal[j * columns + i]!) / 2;
      normal[i * columns + j] = average;
      normal[j * columns + i] = average;
    }
  }
  const factor = choleskyFactor(normal, columns);
  if (!factor) return undefined;
  const horizon = base[0]!.length;
  const bottom = Array.from({ length: columns }, () => new Float64Array(horizon));
  for (let h = 0; h < horizon; h += 1) {
    const rhs = new Float64Array(columns);
    for (let i = 0; i < columns; i += 1) {
      const column = weighted[i] as Float64Array;
      let total = 0;
      for (let row = 0; row < rows; row += 1) total += column[row]! * (base[row]![h] as number);
      rhs[i] = total;
    }
    const solved = choleskySolve(factor, columns, rhs);
    for (let i = 0; i < columns; i += 1) bottom[i]![h] = solved[i]!;
  }
  return bottom;
}

function residualMeanSquares(residuals: readonly (readonly number[])[]): Float64Array | undefined {
  const result = new Float64Array(residuals.length);
  for (let node = 0; node < residuals.length; node += 1) {
    let total = 0;
    let count = 0;
    for (const value of residuals[node]!) {
      if (Number.isFinite(value)) {
        total += value * value;
        count += 1;
      }
    }
    if (count === 0 || !(total > 0)) return undefined;
    result[node] = total / count;
  }
  return result;
}

/**
 * Reconciles base forecasts of every node so that aggregates equal the sums of their bottom
 * series. Methods needing residuals fall back (mint-shrink -> wls-variance -> wls-structural)
 * with a note saying why; the result's `method` is the one actually used.
 */
export function reconcileForecasts(options: ReconcileOptions): ReconciliationResult {
  const { hierarchy, baseForecasts, residuals } = options;
  const requestedMethod = options.method ?? 'mint-shrink';
  if (!reconciliationMethods.includes(requestedMethod)) {
    throw new RangeError(
      `method: "${String(requestedMethod)}" is not one of ${reconciliationMethods.join(', ')}`,
    );
  }
  const minimumRows = options.minimumResidualRows ?? 3;
  if (!Number.isInteger(minimumRows) || minimumRows < 2) {
    throw new RangeError(`minimumResidualRows: ${minimumRows} must be an integer >= 2`);
  }
  checkBase(hierarchy, baseForecasts);
  const notes: string[] = [];
  const nodeCount = hierarchy.nodes.length;
  if (residuals !== undefined && residuals.length !== nodeCount) {
    throw new RangeError(
      `residuals: has ${residuals.length} series, expected ${nodeCount} (one per hierarchy node)`,
    );
  }
  const finish = (
    method: ReconciliationMethod,
    bottom: Float64Array[],
    shrinkageIntensity?: number,
  ): ReconciliationResult => {
    const forecasts = aggregate(hierarchy, bottom);
    const baseNonNegative = baseForecasts.every((series) => series.every((value) => value >= 0));
    if (baseNonNegative && forecasts.some((series) => series.some((value) => value < 0))) {
      notes.push(
        'Some reconciled forecasts are negative although every base forecast is not; they are kept so totals still add up.',
      );
    }
    return { method, requestedMethod, forecasts, notes, shrinkageIntensity };
  };
  const bottomUp = () =>
    Array.from({ length: hierarchy.bottomIds.length }, (_, index) =>
      Float64Array.from(baseForecasts[hierarchy.bottomOffset + index]!),
    );
  const structural = () => {
    const weights = Float64Array.from(hierarchy.nodes, (node) => node.members.length);
    return projectDiagonal(hierarchy, weights, baseForecasts)!;
  };
  let method = requestedMethod;
  if (method === 'mint-shrink') {
    const rows = residuals ? completeResidualRows(residuals).length : 0;
    if (!residuals) {
      notes.push('MinT-shrink needs in-sample one-step residuals and none were given.');
    } else if (rows < minimumRows) {
      notes.push(
        `MinT-shrink needs at least ${minimumRows} time points with a residual for every node; there are ${rows}.`,
      );
    } else {
      try {
        const estimate = shrinkageCovariance(residuals);
        const bottom = projectWithCovariance(hierarchy, estimate.covariance, baseForecasts);
        if (bottom) {
          notes.push(
            `MinT with shrinkage: error covariance from ${estimate.observations} one-step residuals per node, shrunk towards its diagonal with intensity ${estimate.intensity.toFixed(3)}.`,
          );
          return finish('mint-shrink', bottom, estimate.intensity);
        }
        notes.push('MinT-shrink: the shrunk covariance is singular.');
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        notes.push(`MinT-shrink could not estimate the covariance (${error.message}).`);
      }
    }
    method = 'wls-variance';
  }
  if (method === 'wls-variance') {
    const variances = residuals ? residualMeanSquares(residuals) : undefined;
    if (variances) {
      if (requestedMethod !== 'wls-variance') notes.push('Fell back to WLS with variance scaling.');
      notes.push('WLS weighted by each node’s residual mean square.');
      return finish('wls-variance', projectDiagonal(hierarchy, variances, baseForecasts)!);
    }
    notes.push(
      'WLS with variance scaling needs a non-zero residual for every node; fell back to WLS with structural scaling.',
    );
    method = 'wls-structural';
  }
  if (method === 'wls-structural') {
    notes.push(
      'WLS with structural scaling: each node weighted by how many bottom series it sums.',
    );
    return finish('wls-structural', structural());
  }
  if (method === 'ols') {
    notes.push('OLS reconciliation: the coherent forecasts closest to the base ones.');
    return finish(
      'ols',
      projectDiagonal(hierarchy, new Float64Array(nodeCount).fill(1), baseForecasts)!,
    );
  }
  notes.push(
    `Bottom-up: the ${hierarchy.bottomIds.length} bottom forecasts summed to every aggregate; aggregate base forecasts are ignored.`,
  );
  return finish('bottom-up', bottomUp());
}
