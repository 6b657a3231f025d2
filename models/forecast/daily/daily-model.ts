// The daily model: a regression with AR(p) errors (dynamic harmonic regression, Hyndman &
// Athanasopoulos, FPP3 10.5 and 12.1) on log1p or raw demand, censored days at weight 0.
// Transform, then yearly harmonics and trend form, are chosen by AICc (Hurvich & Tsai 1989;
// the log1p likelihood includes its Jacobian, as in Box & Cox 1964, so the scales compare).
import {
  solveRidge,
  weightedCrossProducts,
  weightedGram,
  weightedMoment,
  type WeightedCrossProducts,
} from '../../stats/linear-algebra';
import {
  arForecastVariances,
  fitArErrors,
  forecastArErrors,
  oneStepArPredictions,
  type ArModel,
} from './ar-errors';
import type { DesignColumn } from './design';
import {
  aiccOf,
  includedColumns,
  lagOneCorrelation,
  prewhiten,
  residualsOf,
  ridgeFor,
  transformValue,
  type Transform,
  type TrendForm,
} from './model-steps';

export type { Transform, TrendForm } from './model-steps';

export interface ModelRequest {
  values: readonly number[];
  /** 1 for a day in the fit, 0 for a missing or censored (stockout) day. */
  weights: Float64Array;
  columns: readonly DesignColumn[];
  horizon: number;
  transforms: readonly Transform[];
  /** Yearly harmonics candidates (0 = none); each <= the design's yearly columns. */
  yearlyCandidates: readonly number[];
  /** Whether the flat (no trend) and hinge-knot trend forms are candidates besides linear. */
  trendCandidates: readonly TrendForm[];
}

export interface FittedModel {
  transform: Transform;
  trend: TrendForm;
  yearlyHarmonics: number;
  /** Columns used, with their coefficients and standard errors (transformed scale). */
  used: { column: DesignColumn; coefficient: number; standardError: number }[];
  ar: ArModel;
  /** Regression residual variance (transformed scale). */
  residualVariance: number;
  /** Mean and variance of the forecast on the transformed scale, per step. */
  forecastMean: number[];
  forecastVariance: number[];
  /** One-step fitted values on the transformed scale, per history row. */
  fittedTransformed: Float64Array;
  effectiveCount: number;
  /** AICc of the chosen trend/yearly form on the prewhitened data. */
  aicc: number;
  /** Lag-1 residual correlation used to prewhiten for the selection and the GLS fit. */
  lagOneCorrelation: number;
}

const MAX_AR_ORDER = 7;
/** Yearly harmonics of the pilot fit that picks the transform and the prewhitening. */
const PILOT_YEARLY = 3;

interface Candidate {
  trend: TrendForm;
  yearly: number;
  indices: number[];
  aicc: number;
}

/**
 * Fits the model in three stages: (1) the transform, by AICc with the Jacobian on a pilot
 * model (linear trend, the most yearly harmonics); (2) trend form and yearly harmonics by AICc
 * on the data prewhitened with the pilot's lag-1 residual correlation, so autocorrelated
 * errors do not pass for structure (feasible GLS); (3) AR(p <= 7) errors on the residuals of
 * the chosen GLS regression, for forecasts and their variance.
 */
export function fitDailyModel(request: ModelRequest): FittedModel {
  const count = request.values.length;
  const { weights, columns, horizon } = request;
  const history = columns.map((column) => column.values.subarray(0, count));
  let effectiveCount = 0;
  for (let row = 0; row < count; row += 1) if (weights[row]! > 0) effectiveCount += 1;

  // Stage 1: the transform, on a pilot model with at most PILOT_YEARLY yearly harmonics and
  // the most flexible trend: a smaller Gram matrix, enough to judge scale and lag-1 correlation.
  const pilotYearly = Math.min(PILOT_YEARLY, Math.max(...request.yearlyCandidates));
  const pilotTrend: TrendForm = request.trendCandidates.includes('knot') ? 'knot' : 'linear';
  const pilotColumns = columns.filter(
    (column) =>
      !(column.role === 'yearly' && column.harmonic > pilotYearly) &&
      !(column.role === 'knot' && pilotTrend !== 'knot'),
  );
  const pilotHistory = pilotColumns.map((column) => column.values.subarray(0, count));
  const { gram, weightSum } = weightedGram(pilotHistory, weights);
  let chosen:
    | { transform: Transform; response: Float64Array; residuals: Float64Array; aicc: number }
    | undefined;
  for (const transform of request.transforms) {
    const response = new Float64Array(count);
    let jacobian = 0;
    for (let row = 0; row < count; row += 1) {
      const value = request.values[row] as number;
      response[row] = weights[row]! > 0 ? transformValue(value, transform) : 0;
      if (weights[row]! > 0 && transform === 'log1p') jacobian += Math.log1p(value);
    }
    const products: WeightedCrossProducts = {
      gram,
      weightSum,
      ...weightedMoment(pilotHistory, response, weights),
    };
    const indices = includedColumns(pilotColumns, products, pilotTrend, pilotYearly);
    if (effectiveCount - indices.length - 2 <= 0) {
      throw new RangeError(`values: too few observed days (${effectiveCount}) for the daily model`);
    }
    const solution = solveRidge(products, indices, ridgeFor(pilotColumns, products, indices), {
      inverse: false,
    });
    const aicc =
      aiccOf(
        solution.residualSquares,
        products.responseSquares,
        effectiveCount,
        indices.length + 1,
      ) +
      2 * jacobian;
    if (!chosen || aicc < chosen.aicc - 1e-9) {
      const residuals = residualsOf(
        pilotColumns,
        indices,
        solution.coefficients,
        response,
        weights,
        count,
      );
      chosen = { transform, response, residuals, aicc };
    }
  }
  if (!chosen) throw new RangeError('transforms: give at least one transform');

  // Stage 2: trend form and yearly harmonics on prewhitened data. Prewhitening needs pairs of
  // consecutive observed days; with too few (scattered gaps) the data are used as they are.
  const pairWeights = new Float64Array(count);
  let pairCount = 0;
  for (let row = 1; row < count; row += 1) {
    pairWeights[row] = weights[row]! * weights[row - 1]!;
    if (pairWeights[row]! > 0) pairCount += 1;
  }
  const whitenable = pairCount - columns.length - 2 > 0;
  const rho = whitenable ? lagOneCorrelation(chosen.residuals, weights) : 0;
  const whiteWeights = rho === 0 ? weights : pairWeights;
  const whiteCount = rho === 0 ? effectiveCount : pairCount;
  const white =
    rho === 0
      ? weightedCrossProducts(history, chosen.response, weights)
      : weightedCrossProducts(
          history.map((column) => prewhiten(column, rho)),
          prewhiten(chosen.response, rho),
          whiteWeights,
        );
  let best: Candidate | undefined;
  for (const trend of request.trendCandidates) {
    for (const yearly of request.yearlyCandidates) {
      const indices = includedColumns(columns, white, trend, yearly);
      const k = indices.length + 1;
      if (whiteCount - k - 1 <= 0) continue;
      const solution = solveRidge(white, indices, ridgeFor(columns, white, indices), {
        inverse: false,
      });
      const aicc = aiccOf(solution.residualSquares, white.responseSquares, whiteCount, k);
      if (!best || aicc < best.aicc - 1e-9) best = { trend, yearly, indices, aicc };
    }
  }
  if (!best) {
    throw new RangeError(
      `values: too few observed consecutive days (${whiteCount}) for the daily model`,
    );
  }
  const solution = solveRidge(white, best.indices, ridgeFor(columns, white, best.indices));
  const k = best.indices.length;
  const whiteVariance = solution.residualSquares / Math.max(1, whiteCount - k);

  // Stage 3: AR errors on the transformed-scale residuals of the GLS fit.
  const residuals = residualsOf(
    columns,
    best.indices,
    solution.coefficients,
    chosen.response,
    weights,
    count,
  );
  const regressionFit = new Float64Array(count + horizon);
  best.indices.forEach((index, position) => {
    const values = columns[index]!.values;
    const coefficient = solution.coefficients[position]!;
    for (let row = 0; row < count + horizon; row += 1) {
      regressionFit[row] = regressionFit[row]! + coefficient * values[row]!;
    }
  });
  let squares = 0;
  for (let row = 0; row < count; row += 1) squares += residuals[row]! ** 2;
  const residualVariance = squares / Math.max(1, effectiveCount - k);
  const ar = fitArErrors(residuals, MAX_AR_ORDER, effectiveCount);
  // Degrees-of-freedom correction for the k regression coefficients.
  const scaledAr: ArModel = {
    coefficients: ar.coefficients,
    innovationVariance: (ar.innovationVariance * effectiveCount) / Math.max(1, effectiveCount - k),
  };
  const arPath = forecastArErrors(scaledAr, residuals, horizon);
  const forecastMean = arPath.map((value, step) => regressionFit[count + step]! + value);
  const forecastVariance = arForecastVariances(scaledAr, horizon);
  const oneStep = oneStepArPredictions(scaledAr, residuals);
  const fittedTransformed = new Float64Array(count);
  for (let row = 0; row < count; row += 1)
    fittedTransformed[row] = regressionFit[row]! + oneStep[row]!;
  const size = best.indices.length;
  const used = best.indices.map((index, position) => ({
    column: columns[index]!,
    coefficient: solution.coefficients[position]!,
    standardError: Math.sqrt(
      Math.max(0, whiteVariance * solution.inverse![position * size + position]!),
    ),
  }));
  return {
    transform: chosen.transform,
    trend: best.trend,
    yearlyHarmonics: best.yearly,
    used,
    ar: scaledAr,
    residualVariance,
    forecastMean,
    forecastVariance,
    fittedTransformed,
    effectiveCount,
    aicc: best.aicc,
    lagOneCorrelation: rho,
  };
}
