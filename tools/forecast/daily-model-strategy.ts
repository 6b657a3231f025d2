// The 'daily-model' strategy: the scope's SKU x location daily models added up into the grain
// (bottom-up-daily.ts), backtested from three origins the same way. With method 'auto' it is
// checked against seasonal naive on the summed series, and gives way to the aggregate-series
// strategy when that simple benchmark was clearly more accurate (promotion-driven noise).
import { formatIsoDate } from '../../models/calendar/dates';
import { seasonalNaiveForecaster } from '../../models/forecast/naive';
import { thetaForecaster } from '../../models/forecast/theta';
import { intervalCoverage, mase, smape, wape } from '../../models/forecast/metrics';
import { createRandom } from '../../models/stats/random';
import type { ListingHistory, PlannedPromotion } from '../tool-context';
import { forecastBottomUpDaily, type BottomUpDailyResult } from './bottom-up-daily';
import { reconcileDailyMintShrink } from './mint-shrink-daily';
import { periodEndOf } from './period-series';
import {
  aggregateSeriesStrategy,
  backtestForecaster,
  BACKTEST_ORIGINS,
  type Accuracy,
  type DemandForecastStrategy,
  type StrategyInput,
  type StrategyResult,
} from './strategy';

/** Fewest days of history before the daily model is used (shorter: new-product analogy). */
export const DAILY_STRATEGY_MINIMUM_DAYS = 56;
/** Seasonal naive must beat the daily model's backtest WAPE by this factor to replace it. */
const BENCHMARK_MARGIN = 0.9;
const DRAWS = 1000;
const BACKTEST_DRAWS = 200;
const SEED = 20_251_126;

/**
 * Bands of a sum of independently simulated series miss the shocks the series share (weather,
 * a competitor, the economy). With several series, each band is widened to at least that of
 * Theta fitted to the summed history, whose errors include those common shocks; a period already
 * in progress keeps only the share of that width for its days still to come.
 */
function widenToAggregate(
  result: BottomUpDailyResult,
  history: readonly number[],
  period: number,
  periodStarts: readonly number[],
  dataEnd: number,
  grain: StrategyInput['series']['grain'],
  levels: readonly number[],
): BottomUpDailyResult {
  const horizon = periodStarts.length;
  if (result.parameters.bottomSeries === 1 || levels.length === 0) return result;
  if (history.length < thetaForecaster.minLength(period)) return result;
  const aggregate = thetaForecaster.forecast({ values: history, period, horizon, levels });
  const remaining = periodStarts.map((start) => {
    const end = periodEndOf(start, grain);
    return Math.min(1, Math.max(0, (end - Math.max(start, dataEnd + 1) + 1) / (end - start + 1)));
  });
  const intervals = result.intervals.map((interval, index) => {
    const band = aggregate.intervals[index];
    if (band === undefined) return interval;
    return {
      level: interval.level,
      lower: interval.lower.map((lower, step) => {
        const width = (aggregate.mean[step]! - band.lower[step]!) * remaining[step]!;
        return Math.max(0, Math.min(lower, result.mean[step]! - width));
      }),
      upper: interval.upper.map((upper, step) => {
        const width = (band.upper[step]! - aggregate.mean[step]!) * remaining[step]!;
        return Math.max(upper, result.mean[step]! + width);
      }),
    };
  });
  return { ...result, intervals };
}

/** The bottom-up result, or MinT-shrink's when asked for and the scope has several listings. */
function reconcile(
  input: StrategyInput,
  result: BottomUpDailyResult,
  historyStarts: readonly number[],
): BottomUpDailyResult {
  if (input.reconciliation !== 'mint-shrink' || result.bottom.length < 2) return result;
  return reconcileDailyMintShrink({
    result,
    historyStarts,
    grain: input.series.grain,
    period: input.period,
  }).result;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

interface Scoped {
  listings: ListingHistory[];
  promotions: PlannedPromotion[];
}

function readScope(input: StrategyInput): Scoped {
  const { context, scope } = input;
  const skus = scope.products.map((product) => product.sku);
  const listings = context.sales.listings({
    skus,
    ...(scope.locationCodes !== null && { locations: scope.locationCodes }),
    to: formatIsoDate(input.dataEnd),
  });
  const promotions = context.promotions.overlapping(
    skus,
    formatIsoDate(input.dataEnd - 3 * 366),
    formatIsoDate(input.dataEnd + 3 * 366),
  );
  return { listings, promotions };
}

/**
 * The scope's forecast from the data up to `dataEnd` (inclusive) into `periodStarts`, using
 * the first `trainLength` complete periods as history: the same steps for the answer and for
 * every backtest origin, so the backtest scores exactly what is answered.
 */
function forecastScope(
  input: StrategyInput,
  scoped: Scoped,
  dataEnd: number,
  trainLength: number,
  periodStarts: readonly number[],
  random: ReturnType<typeof createRandom>,
  draws: number,
): BottomUpDailyResult {
  const { series } = input;
  return widenToAggregate(
    reconcile(
      input,
      forecastBottomUpDaily({
        listings: scoped.listings,
        promotions: scoped.promotions,
        dataEnd,
        grain: series.grain,
        periodStarts,
        levels: input.levels,
        random,
        draws,
        signal: input.context.signal,
      }),
      series.starts.slice(0, trainLength),
    ),
    series.units.slice(0, trainLength),
    input.period,
    periodStarts,
    dataEnd,
    series.grain,
    input.levels,
  );
}

function backtestDaily(input: StrategyInput, scoped: Scoped): Accuracy | null {
  const { series, period } = input;
  const length = series.units.length;
  for (let horizon = input.horizon; horizon >= 1; horizon -= 1) {
    const firstTrain = length - BACKTEST_ORIGINS * horizon;
    // The daily model needs its minimum history before the first origin, counted in days.
    if (firstTrain < 1) continue;
    const firstCut = periodEndOf(series.starts[firstTrain - 1]!, series.grain);
    if (firstCut - series.starts[0]! + 1 < DAILY_STRATEGY_MINIMUM_DAYS) continue;
    const actual: number[] = [];
    const forecast: number[] = [];
    const coverage = new Map<number, number[]>();
    const scaled: number[] = [];
    for (let origin = BACKTEST_ORIGINS; origin >= 1; origin -= 1) {
      const trainLength = length - origin * horizon;
      const cut = periodEndOf(series.starts[trainLength - 1]!, series.grain);
      const periodStarts = series.starts.slice(trainLength, trainLength + horizon);
      const result = forecastScope(
        input,
        scoped,
        cut,
        trainLength,
        periodStarts,
        createRandom(SEED + origin),
        BACKTEST_DRAWS,
      );
      const held = series.units.slice(trainLength, trainLength + horizon);
      actual.push(...held);
      forecast.push(...result.mean);
      scaled.push(mase(held, result.mean, series.units.slice(0, trainLength), period));
      for (const interval of result.intervals) {
        const shares = coverage.get(interval.level) ?? [];
        shares.push(intervalCoverage(held, interval.lower, interval.upper));
        coverage.set(interval.level, shares);
      }
    }
    const volume = actual.reduce((total, value) => total + value, 0);
    const error = forecast.reduce((total, value, index) => total + value - actual[index]!, 0);
    const finiteScaled = scaled.filter((value) => Number.isFinite(value));
    return {
      origins: BACKTEST_ORIGINS,
      horizon,
      wape: finiteOrNull(wape(actual, forecast)),
      mase: finiteScaled.length
        ? finiteScaled.reduce((total, value) => total + value, 0) / finiteScaled.length
        : null,
      bias: finiteOrNull(error / actual.length),
      biasPercent: volume > 0 ? (error / volume) * 100 : null,
      smape: finiteOrNull(smape(actual, forecast)),
      coverage: Object.fromEntries(
        [...coverage].map(([level, shares]) => [
          String(level),
          shares.reduce((total, share) => total + share, 0) / shares.length,
        ]),
      ),
    };
  }
  return null;
}

export const dailyModelStrategy: DemandForecastStrategy = {
  name: 'daily-model',
  applies: (input) =>
    (input.method === 'auto' || input.method === 'dhr') &&
    input.dataEnd - input.firstSalesDay + 1 >= DAILY_STRATEGY_MINIMUM_DAYS,
  run(input): StrategyResult {
    const scoped = readScope(input);
    const periodStarts = input.periodStarts;
    const result = forecastScope(
      input,
      scoped,
      input.dataEnd,
      input.series.units.length,
      periodStarts,
      createRandom(SEED),
      DRAWS,
    );
    if (result.parameters.bottomSeries !== 1 && input.levels.length > 0) {
      result.notes.push(
        'Each band is at least as wide as that of Theta on the summed history, whose errors include the shocks all series share.',
      );
    }
    const notes = [...result.notes];
    const accuracy = input.backtest ? backtestDaily(input, scoped) : null;
    if (!input.backtest) notes.push('Backtest skipped on request: no accuracy figures.');
    else if (accuracy === null)
      notes.push('Not backtested: too little history to hold out three origins.');
    if (input.method === 'auto' && input.backtest && accuracy?.wape != null) {
      const benchmark = backtestForecaster(seasonalNaiveForecaster, input);
      if (benchmark?.wape != null && benchmark.wape < BENCHMARK_MARGIN * accuracy.wape) {
        const fallback = aggregateSeriesStrategy.run(input);
        return {
          ...fallback,
          notes: [
            `The daily model's backtest WAPE (${(accuracy.wape * 100).toFixed(1)}%) was clearly worse than seasonal naive's (${(benchmark.wape * 100).toFixed(1)}%) on this scope: used the automatic choice on the summed series instead.`,
            ...fallback.notes,
          ],
        };
      }
    }
    return {
      strategy: this.name,
      method: 'dhr',
      mean: result.mean,
      intervals: result.intervals,
      parameters: {
        ...result.parameters,
        listingsModelled: result.listings.modelled,
        listingsAtRecentMean: result.listings.flat,
        listingsDelisted: result.listings.dormant,
      },
      notes,
      accuracy,
      effects: result.effects,
    };
  },
};
