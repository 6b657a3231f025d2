// The Optimised Theta Model, OTM (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016,
// IJF 32(4):1151-1161): the theta line weight theta >= 1, alpha and the initial level are
// estimated by in-sample squared error instead of fixing theta = 2. State space form:
//   mu_{t+1} = l_t + (1 - 1/theta) (A_n (1-alpha)^t + B_n (1 - (1-alpha)^(t+1)) / alpha),
//   l_{t+1}  = alpha y_{t+1} + (1 - alpha) l_t,
// with A_n, B_n the least-squares intercept and slope on t = 1..n. For fixed alpha the
// one-step forecasts are linear in (l_0, 1 - 1/theta), so both are solved exactly and alpha
// is found by grid + Brent (R's forecTheta::otm uses Nelder-Mead over all three).
import { linearTrend } from '../stats/descriptive';
import { centralIntervalMultiplier } from '../stats/normal';
import { type SeasonalityRule, seasonallyAdjust } from './decompose';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';
import {
  type CoreForecast,
  type PreparedSeries,
  normalIntervals,
  runMethod,
} from './prepare-input';
import { gridThenBrent } from './ses-fit';
import { thetaForecaster } from './theta';

const OTM_MIN_LENGTH = 5;
/** theta <= 1e10, as forecTheta's upper bound: the weight 1 - 1/theta stays below 1. */
const MAX_WEIGHT = 1 - 1 / 5;

interface OtmFit {
  alpha: number;
  initialLevel: number;
  /** 1 - 1/theta */
  weight: number;
  sse: number;
}

function solveForAlpha(
  values: readonly number[],
  intercept: number,
  slope: number,
  alpha: number,
): OtmFit {
  // mu_t = d_t l0 + c_{t-1} + weight g_t with d_t = (1-alpha)^(t-1), g_t = G_{t-1}.
  let carried = 0;
  let decay = 1;
  let sdd = 0;
  let sgg = 0;
  let sdg = 0;
  let sud = 0;
  let sug = 0;
  for (const value of values) {
    const g = intercept * decay + (slope * (1 - decay * (1 - alpha))) / alpha;
    const target = value - carried;
    sdd += decay * decay;
    sgg += g * g;
    sdg += decay * g;
    sud += target * decay;
    sug += target * g;
    carried = alpha * value + (1 - alpha) * carried;
    decay *= 1 - alpha;
  }
  const determinant = sdd * sgg - sdg * sdg;
  let weight: number;
  if (determinant <= 1e-12 * sdd * sgg)
    weight = 0.5; // collinear (no trend): theta = 2
  else weight = (sdd * sug - sdg * sud) / determinant;
  if (!(weight >= 0)) weight = 0;
  if (weight > MAX_WEIGHT) weight = MAX_WEIGHT;
  const initialLevel = (sud - weight * sdg) / sdd;
  return {
    alpha,
    initialLevel,
    weight,
    sse: run(values, intercept, slope, alpha, initialLevel, weight, 0).sse,
  };
}

function run(
  values: readonly number[],
  intercept: number,
  slope: number,
  alpha: number,
  initialLevel: number,
  weight: number,
  steps: number,
) {
  const count = values.length;
  const fitted: number[] = [];
  const forecasts: number[] = [];
  let level = initialLevel;
  let sse = 0;
  for (let time = 0; time < count + steps; time += 1) {
    const decay = (1 - alpha) ** time;
    const mu = level + weight * (intercept * decay + (slope * (1 - decay * (1 - alpha))) / alpha);
    const observed = time < count ? (values[time] as number) : mu;
    if (time < count) {
      fitted.push(mu);
      sse += (observed - mu) ** 2;
    } else {
      forecasts.push(mu);
    }
    level = alpha * observed + (1 - alpha) * level;
  }
  return { fitted, forecasts, sse };
}

function otmCore(series: PreparedSeries, rule: SeasonalityRule): CoreForecast {
  const { period, steps, levels } = series;
  const adjustment = seasonallyAdjust(series.values, period, rule);
  const values = adjustment.adjusted;
  const count = values.length;
  // Regression on t = 1..n: intercept at t = 0 is A_n, slope B_n.
  const trend = linearTrend(values);
  const slope = trend.slope;
  const intercept = trend.intercept - slope;
  const alpha = gridThenBrent(
    (candidate) => solveForAlpha(values, intercept, slope, candidate).sse,
    0.1,
    0.99,
    18,
  );
  const fit = solveForAlpha(values, intercept, slope, alpha);
  const path = run(values, intercept, slope, fit.alpha, fit.initialLevel, fit.weight, steps);
  const future = adjustment.future(steps);
  const variance = fit.sse / (count - 3);
  const standardErrors = Array.from({ length: steps }, (_, step) =>
    Math.sqrt(variance * (1 + step * fit.alpha * fit.alpha)),
  );
  const adjustedIntervals = normalIntervals(
    path.forecasts,
    standardErrors,
    levels,
    centralIntervalMultiplier,
  );
  const scale = (values: readonly number[]) =>
    values.map((value, index) => value * (future[index] as number));
  return {
    method: 'optimised-theta',
    mean: scale(path.forecasts),
    intervals: adjustedIntervals.map((interval) => ({
      level: interval.level,
      lower: scale(interval.lower),
      upper: scale(interval.upper),
    })),
    fitted: path.fitted.map((value, index) => value * (adjustment.indices[index] as number)),
    parameters: {
      alpha: fit.alpha,
      theta: 1 / (1 - fit.weight),
      initialLevel: fit.initialLevel,
      sigma: Math.sqrt(variance),
      seasonal: adjustment.seasonal,
    },
    notes: [
      ...adjustment.notes,
      'Intervals: ETS(A,N,N)-form standard errors sigma sqrt(1 + (h-1) alpha^2), rescaled by the seasonal indices.',
    ],
  };
}

export function createOptimisedThetaForecaster(
  options: { seasonalityRule?: SeasonalityRule } = {},
): Forecaster {
  const rule = options.seasonalityRule ?? 'thetaf';
  return {
    name: 'optimised-theta',
    minLength: () => OTM_MIN_LENGTH,
    forecast(input: ForecastInput): ForecastResult {
      return runMethod(
        input,
        {
          name: 'optimised-theta',
          nonNegative: true,
          minLength: OTM_MIN_LENGTH,
          fallback: thetaForecaster,
        },
        (series) => otmCore(series, rule),
      );
    },
  };
}

export const optimisedThetaForecaster: Forecaster = createOptimisedThetaForecaster();
