// The Theta method (Assimakopoulos & Nikolopoulos 2000) as the M4 benchmark and R forecast's
// thetaf(): seasonally adjust (90% autocorrelation test + classical multiplicative
// decomposition), combine theta lines 0 and 2 equally, which equals SES with drift half the
// regression slope (Hyndman & Billah 2003), then reseasonalise.
import { linearTrend } from '../stats/descriptive';
import { centralIntervalMultiplier } from '../stats/normal';
import { type SeasonalityRule, seasonallyAdjust } from './decompose';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';
import { naiveForecaster } from './naive';
import {
  type CoreForecast,
  type PreparedSeries,
  normalIntervals,
  runMethod,
} from './prepare-input';
import { sesOptimal, sesStandardErrors } from './ses-fit';

/** Fewest observations Theta fits (an SES level, a slope and a residual variance). */
const THETA_MIN_LENGTH = 3;

export interface ThetaOptions {
  /** Seasonality test rule; 'thetaf' (default) reproduces R's thetaf, 'm4' the M4 code. */
  seasonalityRule?: SeasonalityRule;
}

function thetaCore(series: PreparedSeries, rule: SeasonalityRule): CoreForecast {
  const { period, steps, levels } = series;
  const adjustment = seasonallyAdjust(series.values, period, rule);
  const adjusted = adjustment.adjusted;
  const count = adjusted.length;
  const fit = sesOptimal(adjusted);
  // Theta line 0 is the regression line; its slope b gives the drift b / 2 of theta = 2.
  const drift = linearTrend(adjusted).slope / 2;
  const alpha = Math.max(1e-10, fit.alpha);
  const carry = (1 - (1 - alpha) ** count) / alpha;
  const future = adjustment.future(steps);
  const mean = Array.from(
    { length: steps },
    (_, step) => (fit.level + drift * (step + carry)) * (future[step] as number),
  );
  // One-step forecasts from each origin t: SES level plus the drift accumulated by then.
  const fitted = fit.fitted.map(
    (level, index) =>
      (level + (drift * (1 - (1 - alpha) ** index)) / alpha) *
      (adjustment.indices[index] as number),
  );
  // As R's thetaf: SES standard errors of the adjusted series, not rescaled by the indices.
  const intervals = normalIntervals(
    mean,
    sesStandardErrors({ ...fit, alpha }, steps),
    levels,
    centralIntervalMultiplier,
  );
  return {
    method: 'theta',
    mean,
    intervals,
    fitted,
    parameters: {
      alpha: fit.alpha,
      initialLevel: fit.initialLevel,
      drift,
      sigma: Math.sqrt(fit.variance),
      seasonal: adjustment.seasonal,
    },
    notes: [
      ...adjustment.notes,
      ...(fit.initialization === 'simple'
        ? ['Short series (6 or fewer values): SES started from the first value, as R does.']
        : []),
    ],
  };
}

export function createThetaForecaster(options: ThetaOptions = {}): Forecaster {
  const rule = options.seasonalityRule ?? 'thetaf';
  return {
    name: 'theta',
    minLength: () => THETA_MIN_LENGTH,
    forecast(input: ForecastInput): ForecastResult {
      return runMethod(
        input,
        {
          name: 'theta',
          nonNegative: true,
          minLength: THETA_MIN_LENGTH,
          fallback: naiveForecaster,
        },
        (series) => thetaCore(series, rule),
      );
    },
  };
}

export const thetaForecaster: Forecaster = createThetaForecaster();
