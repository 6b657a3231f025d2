// Demand of a scope as the sum of its SKU x location daily models: each listing gets the daily
// regression (Peru's calendar, promotions, price, stockouts censored), joint simulated paths are
// summed into the requested periods and across listings (bottom-up reconciliation: totals add up
// by construction), and days already sold in the period in progress count as actuals.
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type { PredictionInterval } from '../../models/forecast/forecaster';
import { forecastDaily } from '../../models/forecast/daily/forecast-daily';
import type { DailyEffects } from '../../models/forecast/daily/effects';
import { samplePeriodTotals, type DailyPathModel } from '../../models/forecast/daily/sample-paths';
import { mean as average, standardDeviation } from '../../models/stats/descriptive';
import type { Random } from '../../models/stats/random';
import type { ListingHistory, PlannedPromotion, SalesGrain } from '../tool-context';
import { periodEndOf, periodIndexOf } from './period-series';

/** A listing with no sales row in this many days before the data's end is treated as delisted. */
export const DORMANT_DAYS = 28;
/** Fewest observed days for the daily regression; shorter listings get their recent mean. */
const REGRESSION_MINIMUM_DAYS = 20;

export interface BottomUpDailyRequest {
  listings: readonly ListingHistory[];
  promotions: readonly PlannedPromotion[];
  /** Day number of the last day whose sales are used (later rows are ignored). */
  dataEnd: number;
  grain: SalesGrain;
  /** Day numbers of the forecast periods' first days; the first may have begun before dataEnd. */
  periodStarts: readonly number[];
  levels: readonly number[];
  random: Random;
  draws: number;
  /** Checked between listings: a category of hundreds of series stops when the caller gives up. */
  signal?: AbortSignal;
}

/** One modelled listing's history and forecast, for reconciliation other than bottom-up. */
export interface BottomListingForecast {
  sku: string;
  location: string;
  /** Day number of actual[0] and fitted[0]; both run through dataEnd. */
  firstDay: number;
  /** Daily units (NaN: no row that day). */
  actual: number[];
  /** One-step in-sample fitted units per day (NaN where the model gives none). */
  fitted: number[];
  /** Forecast per period, units already sold in a period in progress included. */
  periodMean: number[];
}

export interface BottomUpDailyResult {
  mean: number[];
  intervals: PredictionInterval[];
  /** Units already sold in each period up to dataEnd (non-zero only for one in progress). */
  soldSoFar: number[];
  listings: { modelled: number; flat: number; dormant: number };
  /** The fitted effects when the scope is one listing modelled by the regression. */
  effects: DailyEffects | null;
  parameters: Record<string, number | string | boolean | null>;
  notes: string[];
  /** Every modelled listing (dormant ones left out), in the order of request.listings. */
  bottom: BottomListingForecast[];
}

interface ListingModel {
  mean: number[];
  /** One-step fitted units from the listing's first day through dataEnd. */
  fitted: number[];
  path: DailyPathModel;
  effects: DailyEffects | null;
  parameters: Record<string, number | string | boolean> | null;
  notes: string[];
}

function dailyArrays(listing: ListingHistory, firstDay: number, dataEnd: number) {
  const count = dataEnd - firstDay + 1;
  const values = new Array<number>(count).fill(Number.NaN);
  const stockout = new Array<boolean>(count).fill(false);
  const promotion = new Array<number>(count).fill(0);
  const price = new Array<number>(count).fill(Number.NaN);
  for (const day of listing.days) {
    const row = parseIsoDate(day.date) - firstDay;
    if (row < 0 || row >= count) continue;
    values[row] = day.units;
    stockout[row] = day.stockout;
    promotion[row] = day.promo ? 1 : 0;
    if (day.price !== null && day.price > 0) price[row] = day.price;
  }
  return { values, stockout, promotion, price };
}

/** Planned promotion days (1) and their discount (percent) over the horizon. */
function plannedPromotion(
  listing: ListingHistory,
  promotions: readonly PlannedPromotion[],
  firstFutureDay: number,
  horizon: number,
): { flags: number[]; discounts: number[] } {
  const flags = new Array<number>(horizon).fill(0);
  const discounts = new Array<number>(horizon).fill(0);
  for (const promotion of promotions) {
    if (promotion.sku !== listing.sku) continue;
    if (promotion.location !== null && promotion.location !== listing.location) continue;
    const from = Math.max(parseIsoDate(promotion.startDate), firstFutureDay);
    const to = Math.min(parseIsoDate(promotion.endDate), firstFutureDay + horizon - 1);
    for (let day = from; day <= to; day += 1) {
      flags[day - firstFutureDay] = 1;
      discounts[day - firstFutureDay] = promotion.discountPct;
    }
  }
  return { flags, discounts };
}

/**
 * Future prices: the last regular (non-promotion) price, discounted on planned promotion days,
 * since promotions in the history came with their price cut and the model split the lift
 * between the two.
 */
function plannedPrices(
  history: { price: number[]; promotion: number[] },
  discounts: readonly number[],
): number[] | undefined {
  let regular = Number.NaN;
  for (let row = history.price.length - 1; row >= 0; row -= 1) {
    if (!Number.isNaN(history.price[row]!) && history.promotion[row] === 0) {
      regular = history.price[row]!;
      break;
    }
  }
  if (Number.isNaN(regular)) return undefined;
  return discounts.map((discount) => regular * (1 - discount / 100));
}

/** The recent mean with a flat path: for listings too short for the regression. */
function flatModel(
  values: readonly number[],
  observed: number[],
  horizon: number,
  note: string,
): ListingModel {
  // One-step fitted values: the mean of the days observed before each day.
  let total = 0;
  let count = 0;
  const fitted = values.map((value) => {
    const before = count > 0 ? total / count : Number.NaN;
    if (!Number.isNaN(value)) {
      total += value;
      count += 1;
    }
    return before;
  });
  const recent = observed.slice(-28);
  const level = recent.length > 0 ? average(recent) : 0;
  const spread = recent.length > 1 ? standardDeviation(recent) : level;
  return {
    mean: new Array<number>(horizon).fill(level),
    fitted,
    path: {
      transform: 'none',
      forecastMean: new Array<number>(horizon).fill(level),
      arCoefficients: [],
      innovationSd: spread,
    },
    effects: null,
    parameters: null,
    notes: [note],
  };
}

function modelListing(
  listing: ListingHistory,
  request: BottomUpDailyRequest,
  horizon: number,
): ListingModel {
  const firstDay = parseIsoDate(listing.days[0]!.date);
  const arrays = dailyArrays(listing, firstDay, request.dataEnd);
  const observed = arrays.values.filter(
    (value, row) => !Number.isNaN(value) && !arrays.stockout[row],
  );
  const where = `${listing.sku} at ${listing.location}`;
  if (observed.length < REGRESSION_MINIMUM_DAYS) {
    return flatModel(
      arrays.values,
      observed,
      horizon,
      `${where}: ${observed.length} days observed, too few for the daily model: forecast at its recent mean.`,
    );
  }
  const planned = plannedPromotion(listing, request.promotions, request.dataEnd + 1, horizon);
  const promotionFuture = planned.flags;
  const hasPromotions =
    arrays.promotion.some((value) => value > 0) || promotionFuture.some((value) => value > 0);
  const hasPrices = arrays.price.some((value) => !Number.isNaN(value));
  try {
    const result = forecastDaily({
      values: arrays.values,
      firstDay,
      horizon,
      levels: [],
      region: listing.region,
      stockout: arrays.stockout,
      ...(hasPromotions && {
        promotion: { history: arrays.promotion, future: promotionFuture },
      }),
      ...(hasPrices && {
        price: {
          history: arrays.price,
          future: plannedPrices(arrays, planned.discounts) ?? [],
        },
      }),
    });
    return {
      mean: result.mean,
      fitted: result.fitted ?? arrays.values.map(() => Number.NaN),
      path: result.pathModel,
      effects: result.effects,
      parameters: result.parameters,
      notes: result.notes.map((note) => `${where}: ${note}`),
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return flatModel(
      arrays.values,
      observed,
      horizon,
      `${where}: the daily model could not be fitted (${error.message}): forecast at its recent mean.`,
    );
  }
}

export function forecastBottomUpDaily(request: BottomUpDailyRequest): BottomUpDailyResult {
  const { periodStarts, grain, dataEnd } = request;
  const periods = periodStarts.length;
  const lastDay = periodEndOf(periodStarts[periods - 1]!, grain);
  const horizon = lastDay - dataEnd;
  if (periods === 0 || horizon < 1) {
    throw new RangeError(
      `periodStarts: the forecast periods must end after ${formatIsoDate(dataEnd)}`,
    );
  }
  const periodOf = Array.from({ length: horizon }, (_, step) =>
    periodIndexOf(dataEnd + 1 + step, periodStarts),
  );
  const soldSoFar = new Array<number>(periods).fill(0);
  const models: ListingModel[] = [];
  const bottom: BottomListingForecast[] = [];
  let dormant = 0;
  for (const listing of request.listings) {
    request.signal?.throwIfAborted();
    const days = listing.days.filter((day) => parseIsoDate(day.date) <= dataEnd);
    if (days.length === 0) continue;
    let listingSold = 0;
    for (const day of days) {
      if (parseIsoDate(day.date) >= periodStarts[0]!) listingSold += day.units;
    }
    soldSoFar[0] = soldSoFar[0]! + listingSold;
    if (parseIsoDate(days[days.length - 1]!.date) <= dataEnd - DORMANT_DAYS) {
      dormant += 1;
      continue;
    }
    const model = modelListing({ ...listing, days }, request, horizon);
    models.push(model);
    const firstDay = parseIsoDate(days[0]!.date);
    const periodMean = new Array<number>(periods).fill(0);
    periodMean[0] = listingSold;
    model.mean.forEach((value, step) => {
      const period = periodOf[step]!;
      if (period >= 0) periodMean[period] = periodMean[period]! + value;
    });
    bottom.push({
      sku: listing.sku,
      location: listing.location,
      firstDay,
      actual: dailyArrays({ ...listing, days }, firstDay, dataEnd).values,
      fitted: model.fitted,
      periodMean,
    });
  }
  const mean = soldSoFar.slice();
  for (const model of models) {
    model.mean.forEach((value, step) => {
      const period = periodOf[step]!;
      if (period >= 0) mean[period] = mean[period]! + value;
    });
  }
  const simulated =
    models.length > 0
      ? samplePeriodTotals(
          models.map((model) => model.path),
          periodOf,
          periods,
          request.levels,
          request.random,
          request.draws,
        )
      : undefined;
  const intervals = request.levels.map((level, index) => {
    const interval = simulated?.intervals[index];
    return {
      level,
      lower: mean.map((value, period) =>
        Math.min(value, soldSoFar[period]! + (interval?.lower[period] ?? 0)),
      ),
      upper: mean.map((value, period) =>
        Math.max(value, soldSoFar[period]! + (interval?.upper[period] ?? 0)),
      ),
    };
  });
  const flat = models.filter((model) => model.effects === null).length;
  const notes: string[] = [];
  if (models.length > 1) {
    notes.push(
      `Forecast each of ${models.length} SKU x location series with the daily model and added them up (bottom-up reconciliation: the totals are the sums of the parts).`,
    );
  }
  if (dormant > 0) {
    notes.push(
      `${dormant} SKU x location series had no sales in the last ${DORMANT_DAYS} days: treated as delisted (forecast 0).`,
    );
  }
  if (soldSoFar[0]! > 0) {
    notes.push(
      `The first period is in progress: ${Math.round(soldSoFar[0]!)} units already sold through ${formatIsoDate(dataEnd)} are included as actuals.`,
    );
  }
  if (models.length > 1 && request.levels.length > 0) {
    notes.push(
      'Intervals from simulated joint paths of each series (day-to-day correlation kept; the series drawn independently of each other).',
    );
  }
  const single = models.length === 1 ? models[0] : undefined;
  notes.push(
    ...(single
      ? single.notes
      : models
          .flatMap((model) => model.notes)
          .filter((note) => /too few|could not/.test(note))
          .slice(0, 5)),
  );
  return {
    mean,
    intervals,
    soldSoFar,
    listings: { modelled: models.length - flat, flat, dormant },
    effects: single?.effects ?? null,
    parameters: {
      reconciliation: models.length > 1 ? 'bottom-up' : 'none (one series)',
      bottomSeries: models.length,
      ...(single?.parameters ?? {}),
    },
    notes,
    bottom,
  };
}
