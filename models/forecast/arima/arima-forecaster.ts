// The 'arima' Forecaster: automatic (seasonal) ARIMA as forecast::auto.arima + forecast() in R
// (Hyndman & Khandakar 2008). Missing values are handled by the Kalman filter; series shorter
// than the method needs, or where no model can be fitted, get a random walk (naive) instead.
import { centralIntervalMultiplier } from '../../stats/normal';
import type { ForecastInput, ForecastResult, Forecaster, PredictionInterval } from '../forecaster';
import { checkForecastInput } from '../prepare-input';
import { fitArima } from './estimate';
import { forecastArima } from './forecast';
import type { ArimaForecast } from './forecast';
import { ArimaFitError, describeOrder } from './specification';
import type { ArimaFit } from './specification';
import { autoArima } from './stepwise';
import type { AutoArimaOptions } from './stepwise';

/** Fewest observations for the automatic search; shorter series get a random walk. */
const MINIMUM_OBSERVATIONS = 5;

function intervals(forecast: ArimaForecast, levels: readonly number[]): PredictionInterval[] {
  return levels.map((level) => {
    const z = centralIntervalMultiplier(level);
    return {
      level,
      lower: forecast.mean.map((mean, h) => mean - z * forecast.standardErrors[h]!),
      upper: forecast.mean.map((mean, h) => mean + z * forecast.standardErrors[h]!),
    };
  });
}

function describeFit(
  fit: ArimaFit,
  forecast: ArimaForecast,
): Record<string, number | string | boolean> {
  const parameters: Record<string, number | string | boolean> = {
    model: describeOrder(fit.order, fit.constant),
    p: fit.order.p,
    d: fit.order.d,
    q: fit.order.q,
    seasonalP: fit.order.seasonalP,
    seasonalD: fit.order.seasonalD,
    seasonalQ: fit.order.seasonalQ,
    period: fit.order.period,
    sigma2: forecast.sigma2,
    logLikelihood: fit.logLikelihood,
  };
  fit.coefficientNames.forEach((name, index) => {
    parameters[name] = fit.coefficients[index]!;
  });
  if (Number.isFinite(fit.aic)) {
    const k = fit.estimatedCount + 1;
    const n = fit.nUsed;
    parameters.aic = fit.aic;
    parameters.aicc = fit.aic + (2 * k * (k + 1)) / (n - k - 1);
    parameters.bic = fit.aic + k * (Math.log(n) - 2);
  }
  return parameters;
}

/** Random walk y_{n+h} = y_n with sd sigma sqrt(h): ARIMA(0,1,0), or flat with one observation. */
function randomWalk(
  series: number[],
  horizon: number,
  levels: number[],
  notes: string[],
): ForecastResult {
  const present = series.filter((value) => !Number.isNaN(value)).length;
  if (present >= 2) {
    const fit = fitArima(
      series,
      { p: 0, d: 1, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 0, period: 1 },
      {
        constant: false,
        method: 'ML',
      },
    );
    const forecast = forecastArima(fit, series, horizon);
    return {
      method: 'naive',
      mean: forecast.mean,
      intervals: intervals(forecast, levels),
      fitted: forecast.fitted,
      parameters: describeFit(fit, forecast),
      notes,
    };
  }
  const last = series.filter((value) => !Number.isNaN(value)).at(-1)!;
  const mean = new Array<number>(horizon).fill(last);
  const missing = new Array<number>(horizon).fill(Number.NaN);
  return {
    method: 'naive',
    mean,
    intervals: levels.map((level) => ({ level, lower: [...missing], upper: [...missing] })),
    fitted: series.map(() => Number.NaN),
    parameters: { model: 'naive' },
    notes: [
      ...notes,
      'One observation gives no estimate of the spread: intervals are missing (NaN).',
    ],
  };
}

/** An 'arima' forecaster; options tune the automatic search (defaults as R's auto.arima). */
export function createArimaForecaster(options: AutoArimaOptions = {}): Forecaster {
  return {
    name: 'arima',
    minLength: () => MINIMUM_OBSERVATIONS,
    forecast(input: ForecastInput): ForecastResult {
      const { values, period, horizon, levels } = checkForecastInput(input, 'arima', {
        nonNegative: false,
      });
      const first = values.findIndex((value) => !Number.isNaN(value));
      if (first < 0)
        throw new RangeError('arima: values has no observations (empty or all missing)');
      const series = [...values.slice(first)];
      const lead = new Array<number>(first).fill(Number.NaN);
      const present = series.filter((value) => !Number.isNaN(value)).length;
      const notes: string[] = [];
      if (first > 0) notes.push(`Ignored ${first} leading missing values.`);
      const withLead = (result: ForecastResult): ForecastResult => ({
        ...result,
        fitted: result.fitted ? [...lead, ...result.fitted] : undefined,
      });
      if (present < MINIMUM_OBSERVATIONS) {
        notes.push(
          `ARIMA needs at least ${MINIMUM_OBSERVATIONS} observations, got ${present}: used a random walk (naive) instead.`,
        );
        return withLead(randomWalk(series, horizon, levels, notes));
      }
      let result;
      try {
        result = autoArima(series, period, options);
      } catch (error) {
        if (!(error instanceof ArimaFitError)) throw error;
        notes.push(
          `No ARIMA model could be fitted (${error.message}): used a random walk (naive) instead.`,
        );
        return withLead(randomWalk(series, horizon, levels, notes));
      }
      const { fit } = result;
      notes.push(...result.notes);
      if (period > 1 && fit.order.seasonalP + fit.order.seasonalD + fit.order.seasonalQ === 0) {
        notes.push(
          present < 2 * period + 1
            ? `Too few observations for seasonal terms with period ${period}: fitted a non-seasonal model.`
            : `No seasonal terms were selected for period ${period}.`,
        );
      }
      if (result.approximation)
        notes.push(
          'Searched with conditional-sum-of-squares estimates, then refitted the chosen model by maximum likelihood.',
        );
      let forecast: ArimaForecast;
      try {
        forecast = forecastArima(fit, series, horizon);
      } catch (error) {
        if (!(error instanceof ArimaFitError)) throw error;
        notes.push(
          `The selected model could not forecast (${error.message}): used a random walk (naive) instead.`,
        );
        return withLead(randomWalk(series, horizon, levels, notes));
      }
      return withLead({
        method: 'arima',
        mean: forecast.mean,
        intervals: intervals(forecast, levels),
        fitted: forecast.fitted,
        parameters: describeFit(fit, forecast),
        notes: [
          ...notes,
          `Selected ${describeOrder(fit.order, fit.constant)} by ${(options.criterion ?? 'aicc').toUpperCase()}.`,
        ],
      });
    },
  };
}

/** The default 'arima' forecaster. */
export const arimaForecaster: Forecaster = createArimaForecaster();
