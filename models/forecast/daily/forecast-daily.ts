// forecastDaily: the dated daily model with Peru's calendar, promotions and price. Checks the
// request, censors stockout and missing days (weight 0, reported), builds the regressors,
// fits (run-daily.ts) and explains the fit (effects.ts).
import type { ForecastResult } from '../forecaster';
import { checkForecastInput } from '../prepare-input';
import { calendarGroups, yearsObserved, type CalendarGroup } from './calendar-regressors';
import { YEARLY_MINIMUM_DAYS } from './daily-forecaster';
import { dailyEffects, type DailyEffects } from './effects';
import { runDaily } from './run-daily';
import type { DailyPathModel } from './sample-paths';

export interface DailyForecastInput {
  /** Units sold per day, oldest first; NaN marks a missing day. */
  values: readonly number[];
  /** Day number of values[0] (days since 1970-01-01, models/calendar/dates.ts). */
  firstDay: number;
  horizon: number;
  levels?: readonly number[];
  /** Region for regional events ('Lima', 'Cusco'); national events only when absent. */
  region?: string;
  /** Promotion intensity per day (0 = none, 1 = on promotion); future: planned, 0 when unknown. */
  promotion?: { history: readonly number[]; future?: readonly number[] };
  /** Selling price per day (> 0, NaN when unknown); future: planned, last known when unknown. */
  price?: { history: readonly number[]; future?: readonly number[] };
  /** True on days the shelf was empty: sales there are censored demand, left out of the fit. */
  stockout?: readonly boolean[];
}

export interface DailyForecastResult extends ForecastResult {
  effects: DailyEffects;
  /** The fitted model's future on the transformed scale, for joint paths (sample-paths.ts). */
  pathModel: DailyPathModel;
}

const NAME = 'forecastDaily';
/** Fewest observed days: two weeks plus room for the level, trend and AR terms. */
export const DAILY_MINIMUM_DAYS = 20;
/** Day numbers of 1900-01-01 and 2200-01-01: the calendar's supported span. */
const FIRST_SUPPORTED_DAY = -25_567;
const LAST_SUPPORTED_DAY = 84_006;
/** Years in which a calendar group must be observed before its lift is estimated. */
const EVENT_MINIMUM_YEARS = 2;

function checkSeries(
  name: string,
  series: readonly unknown[] | undefined,
  length: number,
  rule: (value: number) => boolean,
  expected: string,
): void {
  if (series === undefined) return;
  if (!Array.isArray(series)) throw new TypeError(`${name}: must be an array of numbers`);
  if (series.length > length) {
    throw new RangeError(`${name}: has ${series.length} entries, expected at most ${length}`);
  }
  series.forEach((value, index) => {
    if (typeof value !== 'number' || !(Number.isNaN(value) || rule(value))) {
      throw new RangeError(`${name}[${index}] = ${String(value)}: expected ${expected}`);
    }
  });
}

function promotionColumn(
  input: NonNullable<DailyForecastInput['promotion']>,
  count: number,
  horizon: number,
): Float64Array {
  if (!Array.isArray(input.history) || input.history.length !== count) {
    throw new RangeError(`promotion.history: must have one entry per value (${count})`);
  }
  const nonNegative = (value: number) => Number.isFinite(value) && value >= 0;
  checkSeries('promotion.history', input.history, count, nonNegative, 'a number >= 0 or NaN');
  checkSeries('promotion.future', input.future, horizon, nonNegative, 'a number >= 0 or NaN');
  const column = new Float64Array(count + horizon);
  input.history.forEach((value, index) => (column[index] = Number.isNaN(value) ? 0 : value));
  (input.future ?? []).forEach(
    (value, step) => (column[count + step] = Number.isNaN(value) ? 0 : value),
  );
  return column;
}

/** Centred log price; unknown days carry the last known price (the first known at the start). */
function logPriceColumn(
  input: NonNullable<DailyForecastInput['price']>,
  count: number,
  horizon: number,
  weights: Float64Array,
): Float64Array | undefined {
  if (!Array.isArray(input.history) || input.history.length !== count) {
    throw new RangeError(`price.history: must have one entry per value (${count})`);
  }
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  checkSeries('price.history', input.history, count, positive, 'a price > 0 or NaN');
  checkSeries('price.future', input.future, horizon, positive, 'a price > 0 or NaN');
  const all = [...input.history, ...(input.future ?? [])];
  const firstKnown = all.find((value) => !Number.isNaN(value));
  if (firstKnown === undefined) return undefined;
  const column = new Float64Array(count + horizon);
  let last = firstKnown;
  for (let row = 0; row < count + horizon; row += 1) {
    const value = all[row];
    if (value !== undefined && !Number.isNaN(value)) last = value;
    column[row] = Math.log(last);
  }
  let total = 0;
  let weightSum = 0;
  for (let row = 0; row < count; row += 1) {
    total += weights[row]! * column[row]!;
    weightSum += weights[row]!;
  }
  const centre = weightSum > 0 ? total / weightSum : 0;
  for (let row = 0; row < count + horizon; row += 1) column[row] = column[row]! - centre;
  return column;
}

export function forecastDaily(input: DailyForecastInput): DailyForecastResult {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`${NAME}: input must be an object { values, firstDay, horizon, ... }`);
  }
  const checked = checkForecastInput(
    {
      values: input.values,
      period: 7,
      horizon: input.horizon,
      ...(input.levels ? { levels: input.levels } : {}),
    },
    NAME,
    { nonNegative: true },
  );
  const { values, horizon, levels } = checked;
  const count = values.length;
  if (
    !Number.isInteger(input.firstDay) ||
    input.firstDay < FIRST_SUPPORTED_DAY ||
    input.firstDay + count + horizon > LAST_SUPPORTED_DAY
  ) {
    throw new RangeError(
      `firstDay: ${String(input.firstDay)} must be the whole day number of values[0] (models/calendar/dates.ts dayNumberOf), with the series and horizon inside 1900-2199`,
    );
  }
  if (input.region !== undefined && typeof input.region !== 'string') {
    throw new TypeError(`region: must be a region name such as 'Lima' or 'Cusco'`);
  }
  if (input.stockout !== undefined) {
    if (!Array.isArray(input.stockout) || input.stockout.length !== count) {
      throw new RangeError(`stockout: must have one true/false entry per value (${count})`);
    }
    input.stockout.forEach((flag: unknown, index) => {
      if (typeof flag !== 'boolean')
        throw new TypeError(`stockout[${index}]: must be true or false`);
    });
  }
  const weights = new Float64Array(count);
  let censoredDays = 0;
  let missingDays = 0;
  for (let row = 0; row < count; row += 1) {
    if (Number.isNaN(values[row])) missingDays += 1;
    else if (input.stockout?.[row]) censoredDays += 1;
    else weights[row] = 1;
  }
  const observed = count - missingDays - censoredDays;
  if (observed < DAILY_MINIMUM_DAYS) {
    throw new RangeError(
      `values: ${observed} days observed (not missing, no stockout); ${NAME} needs at least ${DAILY_MINIMUM_DAYS}: use a simpler method (seasonal naive) for so short a history`,
    );
  }
  const notes: string[] = [];
  if (missingDays > 0) notes.push(`Left ${missingDays} missing days out of the fit.`);
  if (censoredDays > 0) {
    notes.push(`Left ${censoredDays} stockout days out of the fit: their sales understate demand.`);
  }
  const lastDay = input.firstDay + count + horizon - 1;
  const events: CalendarGroup[] = [];
  const years = new Map<string, number>();
  for (const group of calendarGroups(input.firstDay, lastDay, input.region)) {
    const seen = yearsObserved(group, input.firstDay, weights);
    if (seen >= EVENT_MINIMUM_YEARS) {
      events.push(group);
      years.set(group.name, seen);
    } else if (seen > 0) {
      notes.push(`${group.name}: observed in ${seen} year only; its lift is not estimated.`);
    }
  }
  const promotion = input.promotion ? promotionColumn(input.promotion, count, horizon) : undefined;
  const logPrice = input.price ? logPriceColumn(input.price, count, horizon, weights) : undefined;
  const yearly = observed >= YEARLY_MINIMUM_DAYS;
  if (!yearly) {
    notes.push(
      `No yearly seasonality: ${observed} days observed, fewer than the ${YEARLY_MINIMUM_DAYS} needed to estimate it.`,
    );
  }
  const run = runDaily({
    values,
    weights,
    horizon,
    levels,
    firstTime: input.firstDay,
    cyclePeriod: 7,
    events,
    ...(promotion ? { promotion } : {}),
    ...(logPrice ? { logPrice } : {}),
    transforms: ['log1p', 'none'],
    yearly,
  });
  const { model } = run;
  if (run.cappedDays > 0) {
    notes.push(
      `${run.cappedDays} forecast days were capped at ${Math.round(run.ceiling)} units (3 times the largest day observed): the fitted effects extrapolated beyond anything seen.`,
    );
  }
  const effects = dailyEffects({
    model,
    count,
    cyclePeriod: 7,
    yearsObserved: years,
    censoredDays,
    missingDays,
  });
  return {
    method: 'dhr',
    mean: run.mean,
    intervals: run.intervals,
    fitted: run.fitted.map((value, row) => (Number.isNaN(values[row]) ? Number.NaN : value)),
    parameters: {
      transform: model.transform,
      trend: model.trend,
      yearlyHarmonics: model.yearlyHarmonics,
      arOrder: model.ar.coefficients.length,
      sigma: Math.sqrt(model.ar.innovationVariance),
      calendarGroups: events.length,
      censoredDays,
      missingDays,
    },
    notes,
    effects,
    pathModel: {
      transform: model.transform,
      forecastMean: model.forecastMean,
      arCoefficients: model.ar.coefficients,
      innovationSd: Math.sqrt(model.ar.innovationVariance),
      ceiling: run.ceiling,
    },
  };
}
