// How a demand scope is forecast. Today one strategy: sum the scope into one series at the grain
// and run a registry method on it (with a rolling-origin backtest). Strategies that need more
// than the summed series (a daily regression on calendar/promotion/price, a new-product analogy,
// hierarchical reconciliation over SKU x location) implement the same interface and go before
// it in the list: the first whose `applies` says yes is used.
import { rollingOriginBacktest } from '../../models/forecast/backtest';
import type { Forecaster, PredictionInterval } from '../../models/forecast/forecaster';
import { getForecaster } from '../../models/forecast/registry';
import type { DailyEffects } from '../../models/forecast/daily/effects';
import type { CatalogProduct, DailySales, ToolContext } from '../tool-context';
import { ToolInputError } from '../tool-errors';
import type { PeriodSeries } from './period-series';

export interface DemandScope {
  products: readonly CatalogProduct[];
  /** location codes, or null for every location */
  locationCodes: readonly string[] | null;
  label: string;
}

export interface StrategyInput {
  scope: DemandScope;
  /** daily totals of the scope, as read (days without sales absent) */
  daily: readonly DailySales[];
  /** complete periods only */
  series: PeriodSeries;
  /** seasonal period of the series (1 = none) */
  period: number;
  horizon: number;
  levels: readonly number[];
  /** registry method name; 'auto' lets the method choose */
  method: string;
  /** run the rolling-origin backtest (costs about three more forecasts) */
  backtest: boolean;
  /** the data the strategies may read beyond the summed series (listings, promotions, catalogue) */
  context: ToolContext;
  /** day number of the last day with complete sales */
  dataEnd: number;
  /** day number of the scope's first day with a sales row */
  firstSalesDay: number;
  /** first days of the forecast periods (the first may be in progress at dataEnd) */
  periodStarts: readonly number[];
  /** how the daily-model strategy reconciles several listings (default 'bottom-up') */
  reconciliation?: 'bottom-up' | 'mint-shrink';
}

export interface Accuracy {
  origins: number;
  horizon: number;
  wape: number | null;
  mase: number | null;
  /** mean (forecast - actual) per period, in units: positive means over-forecasting */
  bias: number | null;
  /** total (forecast - actual) over total actual, in percent */
  biasPercent: number | null;
  smape: number | null;
  /** share of actuals inside each interval level, by level */
  coverage: Record<string, number>;
}

export interface StrategyResult {
  strategy: string;
  /** the method that produced the numbers (after any fallback inside it) */
  method: string;
  mean: number[];
  intervals: PredictionInterval[];
  parameters: Record<string, number | string | boolean | null>;
  notes: string[];
  /** null when the history is too short to hold out any origin */
  accuracy: Accuracy | null;
  /** fitted weekday, yearly, trend, event, promotion and price effects (daily model, one series) */
  effects?: DailyEffects | null;
}

export interface DemandForecastStrategy {
  readonly name: string;
  applies(input: StrategyInput): boolean;
  run(input: StrategyInput): StrategyResult;
}

export const BACKTEST_ORIGINS = 3;

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Non-negative demand: forecasts and bounds below zero mean zero. */
const clip = (values: readonly number[]) => values.map((value) => Math.max(0, value));

/** Rolling-origin accuracy of a registry method on the summed series; null when too short. */
export function backtestForecaster(forecaster: Forecaster, input: StrategyInput): Accuracy | null {
  const values = input.series.units;
  const minimum = forecaster.minLength(input.period);
  // Non-overlapping windows of at most the requested horizon; shorter when history is short.
  for (let horizon = input.horizon; horizon >= 1; horizon -= 1) {
    const firstTrain = values.length - BACKTEST_ORIGINS * horizon;
    if (firstTrain < minimum) continue;
    const result = rollingOriginBacktest(forecaster, values, {
      period: input.period,
      horizon,
      origins: BACKTEST_ORIGINS,
      step: horizon,
      levels: input.levels,
      truncateAtZero: true,
    });
    const { metrics } = result;
    let error = 0;
    let volume = 0;
    for (const origin of result.perOrigin) {
      origin.actual.forEach((actual, index) => {
        if (Number.isNaN(actual)) return;
        error += (origin.forecast[index] as number) - actual;
        volume += actual;
      });
    }
    return {
      origins: BACKTEST_ORIGINS,
      horizon,
      wape: finiteOrNull(metrics.wape),
      mase: finiteOrNull(metrics.mase),
      bias: finiteOrNull(metrics.bias),
      biasPercent: volume > 0 ? (error / volume) * 100 : null,
      smape: finiteOrNull(metrics.smape),
      coverage: Object.fromEntries(
        Object.entries(metrics.coverage).map(([level, share]) => [String(level), share]),
      ),
    };
  }
  return null;
}

/** The registry's method, or an input error naming the method field (e.g. 'auto' before it exists). */
function forecasterByName(method: string): Forecaster {
  try {
    return getForecaster(method);
  } catch (error) {
    if (error instanceof RangeError)
      throw new ToolInputError('method', error.message.replace(/^method: /, ''));
    throw error;
  }
}

export const aggregateSeriesStrategy: DemandForecastStrategy = {
  name: 'aggregate-series',
  applies: () => true,
  run(input) {
    const forecaster = forecasterByName(input.method);
    const length = input.series.units.length;
    const minimum = forecaster.minLength(input.period);
    if (length < minimum) {
      throw new ToolInputError(
        'method',
        `"${input.method}" needs at least ${minimum} complete ${input.series.grain}s of history, and ${input.scope.label} has ${length}; use a finer grain or a simpler method such as "naive"`,
      );
    }
    if (input.horizon > length) {
      throw new ToolInputError(
        'horizon',
        `${input.horizon} ${input.series.grain}s ahead is more than the ${length} complete ${input.series.grain}s of history of ${input.scope.label}; ask for at most ${length} or use a finer grain`,
      );
    }
    const result = forecaster.forecast({
      values: input.series.units,
      period: input.period,
      horizon: input.horizon,
      levels: input.levels,
    });
    const notes = [...result.notes];
    const accuracy = input.backtest ? backtestForecaster(forecaster, input) : null;
    if (!input.backtest) notes.push('Backtest skipped on request: no accuracy figures.');
    else if (accuracy === null) {
      notes.push(
        `Not backtested: ${length} ${input.series.grain}s are too few to hold out three origins.`,
      );
    }
    if (result.mean.some((value) => value < 0)) {
      notes.push('Negative forecasts were set to zero (demand cannot be negative).');
    }
    return {
      strategy: this.name,
      method: result.method,
      mean: clip(result.mean),
      intervals: result.intervals.map((interval) => ({
        level: interval.level,
        lower: clip(interval.lower),
        upper: clip(interval.upper),
      })),
      // NaN (e.g. a variance from one value) would not survive JSON: say null instead.
      parameters: Object.fromEntries(
        Object.entries(result.parameters).map(([key, value]) => [
          key,
          typeof value === 'number' && !Number.isFinite(value) ? null : value,
        ]),
      ),
      notes,
      accuracy,
    };
  },
};

export function chooseStrategy(
  input: StrategyInput,
  strategies: readonly DemandForecastStrategy[],
): DemandForecastStrategy {
  const strategy = strategies.find((candidate) => candidate.applies(input));
  if (strategy === undefined) {
    throw new RangeError(
      `strategies: none of ${strategies.map((item) => item.name).join(', ')} applies`,
    );
  }
  return strategy;
}
