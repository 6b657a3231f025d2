// The 'dhr' forecaster: dynamic harmonic regression on values alone (no dates, so no
// calendar): Fourier terms for the given period, yearly Fourier terms for daily data
// (period 7) with two years observed, a flat/linear/knotted trend and AR(p <= 7) errors
// (Hyndman & Athanasopoulos, FPP3 12.1). Missing values are left out of the fit, not filled.
import type { ForecastInput, ForecastResult, Forecaster } from '../forecaster';
import { seasonalNaiveForecaster } from '../naive';
import { checkForecastInput, countPresent } from '../prepare-input';
import { runDaily } from './run-daily';

const NAME = 'dhr';

/** Two full cycles plus room for the level, trend and AR terms. */
function minLength(period: number): number {
  return 2 * period + 6;
}

/** Days observed before yearly Fourier terms are fitted: two years, so each season repeats. */
export const YEARLY_MINIMUM_DAYS = 730;

function forecast(input: ForecastInput): ForecastResult {
  const checked = checkForecastInput(input, NAME, { nonNegative: true });
  const present = countPresent(checked.values);
  if (present === 0)
    throw new RangeError(`${NAME}: values has no observations (empty or all missing)`);
  const needed = minLength(checked.period);
  if (present < needed) {
    const result = seasonalNaiveForecaster.forecast(input);
    return {
      ...result,
      notes: [
        `${NAME} needs at least ${needed} observations for period ${checked.period}, got ${present}: used ${result.method} instead.`,
        ...result.notes,
      ],
    };
  }
  // Trailing missing values: fit on what is there and forecast through them.
  let last = checked.values.length - 1;
  while (Number.isNaN(checked.values[last])) last -= 1;
  const trailing = checked.values.length - 1 - last;
  const values = checked.values.slice(0, last + 1);
  const weights = new Float64Array(values.map((value) => (Number.isNaN(value) ? 0 : 1)));
  const yearly = checked.period === 7 && present >= YEARLY_MINIMUM_DAYS;
  const run = runDaily({
    values,
    weights,
    horizon: checked.horizon + trailing,
    levels: checked.levels,
    firstTime: 0,
    cyclePeriod: checked.period,
    events: [],
    transforms: ['log1p', 'none'],
    yearly,
  });
  const { model } = run;
  const notes: string[] = [];
  const missing = values.length - present;
  if (missing > 0) notes.push(`Left ${missing} missing values out of the fit.`);
  if (checked.period === 7 && !yearly) {
    notes.push(
      `No yearly seasonality: ${present} days observed, fewer than the ${YEARLY_MINIMUM_DAYS} needed to estimate it.`,
    );
  }
  const result: ForecastResult = {
    method: NAME,
    mean: run.mean.slice(trailing),
    intervals: run.intervals.map((interval) => ({
      level: interval.level,
      lower: interval.lower.slice(trailing),
      upper: interval.upper.slice(trailing),
    })),
    fitted: [...run.fitted, ...new Array<number>(trailing).fill(Number.NaN)],
    parameters: {
      transform: model.transform,
      trend: model.trend,
      yearlyHarmonics: model.yearlyHarmonics,
      arOrder: model.ar.coefficients.length,
      sigma: Math.sqrt(model.ar.innovationVariance),
      aicc: model.aicc,
    },
    notes,
  };
  return result;
}

export const dailyForecaster: Forecaster = {
  name: NAME,
  minLength,
  forecast,
};
