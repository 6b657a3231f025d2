// forecast_demand (ARCHITECTURE.md 3.4): demand of a product or category, at a location, a
// region or everywhere, by day/week/month, with intervals, backtest accuracy and an explanation.
import { z } from 'zod';
import { formatIsoDate, parseIsoDate } from '../models/calendar/dates';
import { forecasterNames } from '../models/forecast/registry';
import { defineTool } from './define-tool';
import { eventsInHorizon, explain, seasonalityFinding, trendFinding } from './forecast/explain';
import { explainEffects } from './forecast/explain-effects';
import {
  buildPeriodSeries,
  followingStarts,
  periodEndOf,
  periodStartOf,
} from './forecast/period-series';
import { analogyStrategy } from './forecast/analogy-strategy';
import { dailyModelStrategy } from './forecast/daily-model-strategy';
import {
  aggregateSeriesStrategy,
  chooseStrategy,
  type DemandForecastStrategy,
  type DemandScope,
  type StrategyInput,
} from './forecast/strategy';
import { resolveCategory, resolveLocationScope, resolveProduct } from './resolve';
import type { SalesGrain, ToolContext } from './tool-context';
import { ToolInputError } from './tool-errors';
import { forecastDemandOutput, type ForecastDemandOutput } from './forecast-demand-output';

const grains = ['day', 'week', 'month'] as const;
/** Seasonal period at each grain: day-of-week, week-of-year, month-of-year. */
export const seasonalPeriods: Record<SalesGrain, number> = { day: 7, week: 52, month: 12 };
export const defaultHorizons: Record<SalesGrain, number> = { day: 28, week: 12, month: 6 };
export const maxHorizons: Record<SalesGrain, number> = { day: 366, week: 104, month: 36 };
const methods = forecasterNames as readonly [string, ...string[]];

/** Tried in order; the first that applies forecasts (new products, then daily models, then the rest). */
export const demandStrategies: readonly DemandForecastStrategy[] = [
  analogyStrategy,
  dailyModelStrategy,
  aggregateSeriesStrategy,
];

export const forecastDemandInput = z
  .strictObject({
    product: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('SKU code or product name, e.g. "GRA-005" or "quinoa blanca 500 g"'),
    category: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('product category, instead of product, e.g. "dairy"'),
    location: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('location code or name, or a region name; omit for all locations'),
    grain: z.enum(grains).default('week').describe('period length of history and forecast'),
    horizon: z
      .number()
      .int()
      .min(1)
      .max(maxHorizons.day)
      .optional()
      .describe('periods ahead; default 28 days, 12 weeks or 6 months; at most 366, 104, 36'),
    method: z
      .enum(methods)
      .default('auto')
      .describe('forecasting method; "auto" picks one by the data'),
    levels: z
      .array(z.number().min(50).max(99.9))
      .min(1)
      .max(4)
      .default([80, 95])
      .describe('prediction-interval levels in percent'),
    backtest: z
      .boolean()
      .default(true)
      .describe('score the method on the last periods from 3 origins; false skips it (faster)'),
    reconciliation: z
      .enum(['bottom-up', 'mint-shrink'])
      .default('bottom-up')
      .describe(
        'how SKU x location daily forecasts are made to add up to the scope: "bottom-up" sums them; "mint-shrink" also weighs Theta forecasts of the totals (MinT with shrinkage)',
      ),
  })
  .refine((input) => (input.product === undefined) !== (input.category === undefined), {
    message: 'give exactly one of product or category',
    path: ['product'],
  })
  .refine((input) => input.horizon === undefined || input.horizon <= maxHorizons[input.grain], {
    error: (issue) => {
      const input = issue.input as { grain: SalesGrain; horizon: number };
      return `horizon ${input.horizon} is more than the ${maxHorizons[input.grain]} ${input.grain}s allowed; ask for fewer periods or a coarser grain`;
    },
    path: ['horizon'],
  });

export type ForecastDemandInput = z.output<typeof forecastDemandInput>;

function resolveScope(input: ForecastDemandInput, context: ToolContext) {
  const products = context.catalog.products();
  const categories = [...new Set(products.map((product) => product.category))].sort();
  const category =
    input.category === undefined ? null : resolveCategory(input.category, categories);
  const chosen =
    category === null
      ? [resolveProduct(input.product ?? '', products)]
      : products.filter((product) => product.category === category);
  const place =
    input.location === undefined
      ? undefined
      : resolveLocationScope(input.location, context.catalog.locations());
  const what =
    input.product !== undefined
      ? `${chosen[0]?.name} (${chosen[0]?.sku})`
      : `category ${chosen[0]?.category} (${chosen.length} products)`;
  const where = place === undefined ? 'all locations' : place.label;
  const scope: DemandScope = {
    products: chosen,
    locationCodes: place?.codes ?? null,
    label: `${what} at ${where}`,
  };
  const regions =
    place === undefined ? null : place.kind === 'region' ? [place.region] : [place.location.region];
  return { scope, category, place, regions };
}

/** The last day whose sales are complete: the data's last day, but never today or later. */
function coverageEnd(last: string, now: Date): string {
  const yesterday = formatIsoDate(parseIsoDate(now.toISOString().slice(0, 10)) - 1);
  return last < yesterday ? last : yesterday;
}

export async function forecastDemand(
  input: ForecastDemandInput,
  context: ToolContext,
): Promise<ForecastDemandOutput> {
  const { scope, category, place, regions } = resolveScope(input, context);
  const range = context.sales.dateRange();
  if (range === undefined) {
    throw new ToolInputError('product', 'the store has no sales yet; import sales first');
  }
  const end = coverageEnd(range.last, context.now());
  const daily = context.sales.daily({
    ...(category === null
      ? { skus: scope.products.map((product) => product.sku) }
      : { categories: [category] }),
    ...(scope.locationCodes !== null && { locations: scope.locationCodes }),
    from: range.first,
    to: end,
  });
  if (daily.length === 0) {
    throw new ToolInputError(
      input.product !== undefined ? 'product' : 'category',
      `${scope.label} has no sales up to ${end}`,
    );
  }
  const grain = input.grain;
  const series = buildPeriodSeries(daily, { grain, coverageStart: range.first, coverageEnd: end });
  const length = series.units.length;
  const horizon = input.horizon ?? defaultHorizons[grain];
  const nominalPeriod = seasonalPeriods[grain];
  const period = length >= 2 * nominalPeriod ? nominalPeriod : 1;
  const dataEnd = parseIsoDate(end);
  const firstForecastStart =
    length > 0
      ? followingStarts(series.starts[length - 1] as number, grain, 1)[0]!
      : periodStartOf(dataEnd + 1, grain);
  const futureStarts = [
    firstForecastStart,
    ...followingStarts(firstForecastStart, grain, horizon - 1),
  ];
  const strategyInput: StrategyInput = {
    scope,
    daily,
    series,
    period,
    horizon,
    levels: input.levels,
    method: input.method,
    backtest: input.backtest,
    context,
    dataEnd,
    firstSalesDay: parseIsoDate((daily[0] as { date: string }).date),
    periodStarts: futureStarts,
    reconciliation: input.reconciliation,
  };
  context.signal.throwIfAborted();
  const strategy = chooseStrategy(strategyInput, demandStrategies);
  if (length === 0 && strategy !== analogyStrategy) {
    throw new ToolInputError(
      'grain',
      `${scope.label} has no complete ${grain} of sales yet (data through ${end}); use a finer grain`,
    );
  }
  const result = strategy.run(strategyInput);
  context.logger.debug(
    { tool: 'forecast_demand', strategy: strategy.name, method: result.method },
    'forecast computed',
  );

  const events = eventsInHorizon(futureStarts, grain, regions);
  const trend = trendFinding(series.units, result.mean, period, grain);
  const seasonality = seasonalityFinding(series.units, series.starts, nominalPeriod, grain);
  const totalRows = series.rows.reduce((total, value) => total + value, 0);
  const share = (values: number[]) =>
    totalRows > 0 ? values.reduce((total, value) => total + value, 0) / totalRows : 0;
  const notes = [...result.notes];
  if (period === 1 && nominalPeriod > 1 && result.strategy === aggregateSeriesStrategy.name) {
    notes.push(
      `Seasonality of period ${nominalPeriod} was not modelled: it needs ${2 * nominalPeriod} complete ${grain}s of history, there are ${length}.`,
    );
  }
  const tailLength = Math.min(length, 120, Math.max(2 * horizon, Math.min(nominalPeriod, 52), 8));
  const current = series.dropped.find((dropped) => dropped.end > end);
  return {
    scope: {
      label: scope.label,
      products: scope.products
        .slice(0, 50)
        .map((product) => ({ sku: product.sku, name: product.name })),
      productCount: scope.products.length,
      category,
      location:
        place === undefined
          ? null
          : place.kind === 'location'
            ? {
                kind: 'location',
                code: place.location.code,
                name: place.location.name,
                codes: place.codes,
              }
            : { kind: 'region', code: place.region, name: place.region, codes: place.codes },
    },
    grain,
    horizon,
    seasonalPeriod: period,
    model: {
      strategy: result.strategy,
      requested: input.method,
      method: result.method,
      parameters: result.parameters,
      notes,
    },
    history: {
      start: formatIsoDate(length > 0 ? (series.starts[0] as number) : strategyInput.firstSalesDay),
      end:
        length > 0 ? formatIsoDate(periodEndOf(series.starts[length - 1] as number, grain)) : end,
      periods: length,
      tail: series.starts.slice(-tailLength).map((start, index) => ({
        start: formatIsoDate(start),
        units: series.units[length - tailLength + index] as number,
      })),
      currentPeriod: current
        ? { start: current.start, end: current.end, unitsSoFar: current.units, dataThrough: end }
        : null,
      dropped: series.dropped,
    },
    forecast: futureStarts.map((start, index) => ({
      start: formatIsoDate(start),
      end: formatIsoDate(periodEndOf(start, grain)),
      mean: result.mean[index] as number,
      intervals: result.intervals.map((interval) => ({
        level: interval.level,
        lower: interval.lower[index] as number,
        upper: interval.upper[index] as number,
      })),
    })),
    accuracy: result.accuracy,
    findings: { trend, seasonality, events },
    effects: result.effects ?? null,
    explanation: [
      ...explain({
        grain,
        method: result.method,
        trend,
        seasonality,
        events,
        stockoutShare: share(series.stockoutRows),
        promoShare: share(series.promoRows),
        historyDays: parseIsoDate(end) - parseIsoDate((daily[0] as { date: string }).date) + 1,
        strategy: result.strategy,
      }),
      ...(result.effects ? explainEffects(result.effects) : []),
    ],
  };
}

const rounded = (value: number | null, digits = 0) =>
  value === null ? null : Number(value.toFixed(digits));

export const forecastDemandTool = defineTool({
  name: 'forecast_demand',
  description:
    'Forecast unit demand for one product or a whole category, at one location, a region or all locations, by day, week or month. Returns the forecast per period with prediction intervals, the model chosen, its backtest accuracy (WAPE, MASE, bias) and a plain-language explanation of trend, seasonality and holidays in the horizon. Products and locations may be given by code or name.',
  input: forecastDemandInput,
  output: forecastDemandOutput,
  execute: forecastDemand,
  toModelOutput(output) {
    const shown = output.forecast.slice(0, 36);
    const level = output.forecast[0]?.intervals[0]?.level;
    return {
      scope: output.scope.label,
      grain: output.grain,
      method: output.model.method,
      historyThrough: output.history.end,
      forecast: shown.map((point) => ({
        start: point.start,
        units: Math.round(point.mean),
        ...(level !== undefined && {
          [`low${level}`]: Math.round(point.intervals[0]?.lower ?? Number.NaN),
          [`high${level}`]: Math.round(point.intervals[0]?.upper ?? Number.NaN),
        }),
      })),
      ...(output.forecast.length > shown.length && {
        periodsNotShown: output.forecast.length - shown.length,
      }),
      totalUnits: Math.round(output.forecast.reduce((total, point) => total + point.mean, 0)),
      accuracy:
        output.accuracy === null
          ? 'not backtested: history too short'
          : {
              wapePercent: rounded(
                output.accuracy.wape === null ? null : output.accuracy.wape * 100,
                1,
              ),
              mase: rounded(output.accuracy.mase, 2),
              biasPercent: rounded(output.accuracy.biasPercent, 1),
              origins: output.accuracy.origins,
            },
      explanation: output.explanation.join(' '),
    };
  },
});
