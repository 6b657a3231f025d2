// Daily demand of one SKU x location over the coming days, as a mean and a standard deviation per
// day: the forecasting engine's daily model (Peru's calendar, promotions, price; stockout days
// censored) with its 80 % prediction interval read as a normal spread, or, for a listing too short
// for the model, the policy's fallback (niveles-de-servicio.md): the mean and sd of the last 28 days
// sold without promotion or stockout.
import { parseIsoDate } from '../../models/calendar/dates';
import { forecastDaily } from '../../models/forecast/daily/forecast-daily';
import { mean as average, standardDeviation } from '../../models/stats/descriptive';
import { normalQuantile } from '../../models/stats/normal';
import type { ListingHistory } from '../tool-context';

/** Days of history given to the daily model: two years keep the yearly pattern and stay fast. */
const HISTORY_DAYS = 730;
const MINIMUM_MODEL_DAYS = 56;
const INTERVAL_LEVEL = 80;
const Z_INTERVAL = normalQuantile(0.5 + INTERVAL_LEVEL / 200);

export interface DailyDemandEstimate {
  /** expected units per day, from the day after dataEnd */
  mean: number[];
  /** standard deviation of each day's demand (forecast error) */
  sd: number[];
  /** mean of `mean` over the first 28 days (the policy's d) */
  dailyMean: number;
  /** root-mean-square of `sd` over the first 28 days (the policy's sigma_d) */
  dailySd: number;
  method: 'daily-model' | 'recent-mean';
  note: string | null;
}

function recentMean(listing: ListingHistory, dataEnd: number, horizonDays: number, note: string) {
  const recent = listing.days.filter((day) => {
    const number = parseIsoDate(day.date);
    return number > dataEnd - 28 && number <= dataEnd && !day.stockout && !day.promo;
  });
  const units = recent.map((day) => day.units);
  const level = units.length > 0 ? average(units) : 0;
  const spread = units.length > 1 ? standardDeviation(units) : Math.sqrt(level);
  return summarise(
    new Array<number>(horizonDays).fill(level),
    new Array<number>(horizonDays).fill(spread),
    'recent-mean',
    note,
  );
}

function summarise(
  mean: number[],
  sd: number[],
  method: DailyDemandEstimate['method'],
  note: string | null,
): DailyDemandEstimate {
  const first = Math.min(28, mean.length);
  const dailyMean = average(mean.slice(0, first));
  const dailySd = Math.sqrt(average(sd.slice(0, first).map((value) => value * value)));
  return { mean, sd, dailyMean, dailySd, method, note };
}

/** Demand for days dataEnd + 1 .. dataEnd + horizonDays of one listing (days after dataEnd ignored). */
export function estimateListingDemand(
  listing: ListingHistory,
  dataEnd: number,
  horizonDays: number,
): DailyDemandEstimate {
  const days = listing.days.filter((day) => parseIsoDate(day.date) <= dataEnd);
  if (days.length === 0) return recentMean(listing, dataEnd, horizonDays, 'no sales on record');
  const firstDay = Math.max(parseIsoDate(days[0]!.date), dataEnd - HISTORY_DAYS + 1);
  const count = dataEnd - firstDay + 1;
  const values = new Array<number>(count).fill(Number.NaN);
  const stockout = new Array<boolean>(count).fill(false);
  const promotion = new Array<number>(count).fill(0);
  for (const day of days) {
    const row = parseIsoDate(day.date) - firstDay;
    if (row < 0) continue;
    values[row] = day.units;
    stockout[row] = day.stockout;
    promotion[row] = day.promo ? 1 : 0;
  }
  const observed = values.filter((value, row) => !Number.isNaN(value) && !stockout[row]).length;
  if (observed < MINIMUM_MODEL_DAYS) {
    return recentMean(
      listing,
      dataEnd,
      horizonDays,
      `${observed} days observed, too few for the daily model: recent 28-day mean and sd`,
    );
  }
  try {
    const result = forecastDaily({
      values,
      firstDay,
      horizon: horizonDays,
      levels: [INTERVAL_LEVEL],
      region: listing.region,
      stockout,
      ...(promotion.some((value) => value > 0) && { promotion: { history: promotion } }),
    });
    const interval = result.intervals[0];
    if (interval === undefined) throw new RangeError('no interval');
    const mean = result.mean.map((value) => Math.max(0, value));
    const sd = interval.upper.map((upper, step) =>
      Math.max(0, (upper - (interval.lower[step] ?? upper)) / (2 * Z_INTERVAL)),
    );
    return summarise(mean, sd, 'daily-model', null);
  } catch (error) {
    return recentMean(
      listing,
      dataEnd,
      horizonDays,
      `daily model failed (${(error as Error).message}): recent 28-day mean and sd`,
    );
  }
}
