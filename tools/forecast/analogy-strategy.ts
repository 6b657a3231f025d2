// The 'analogy' strategy: a product with under 8 weeks of sales in the scope is forecast from
// the launch curves of similar products launched within the data (models/forecast/analogy),
// scaled to its first weeks; weekly-since-launch figures are spread evenly over their days and
// summed into the requested periods, with the units already sold in a period in progress added.
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import {
  forecastByAnalogy,
  type LaunchedProduct,
} from '../../models/forecast/analogy/forecast-by-analogy';
import { weeklySinceLaunch } from '../../models/forecast/analogy/launch-curve';
import type { CatalogProduct, DailySales } from '../tool-context';
import { ToolInputError } from '../tool-errors';
import { DAILY_STRATEGY_MINIMUM_DAYS } from './daily-model-strategy';
import { periodEndOf, periodIndexOf } from './period-series';
import type { DemandForecastStrategy, StrategyInput, StrategyResult } from './strategy';

/** Days before the data's first day a product must first sell to count as launched in the data. */
const LAUNCH_MARGIN_DAYS = 7;

/** Daily units from `firstDay` to `lastDay`, days without a row as 0 (a listed product). */
function dailyUnits(daily: readonly DailySales[], firstDay: number, lastDay: number): number[] {
  const values = new Array<number>(lastDay - firstDay + 1).fill(0);
  for (const row of daily) {
    const index = parseIsoDate(row.date) - firstDay;
    if (index >= 0 && index < values.length) values[index] = row.units;
  }
  return values;
}

function firstSale(daily: readonly DailySales[]): number | undefined {
  const row = daily.find((day) => day.units > 0);
  return row === undefined ? undefined : parseIsoDate(row.date);
}

function launchedAnalogues(
  input: StrategyInput,
  target: CatalogProduct,
  dataStart: number,
): LaunchedProduct[] {
  const analogues: LaunchedProduct[] = [];
  for (const product of input.context.catalog.products()) {
    if (product.sku === target.sku || !(product.price && product.price > 0)) continue;
    const daily = input.context.sales.daily({
      skus: [product.sku],
      ...(input.scope.locationCodes !== null && { locations: input.scope.locationCodes }),
      to: formatIsoDate(input.dataEnd),
    });
    const launch = firstSale(daily);
    if (launch === undefined || launch < dataStart + LAUNCH_MARGIN_DAYS) continue;
    const curve = weeklySinceLaunch(dailyUnits(daily, launch, input.dataEnd), launch, launch);
    analogues.push({
      id: product.sku,
      category: product.category,
      price: product.price,
      launchDay: launch,
      weeklySinceLaunch: curve,
    });
  }
  return analogues;
}

export const analogyStrategy: DemandForecastStrategy = {
  name: 'analogy',
  applies: (input) =>
    input.method === 'auto' &&
    input.scope.products.length === 1 &&
    input.dataEnd - input.firstSalesDay + 1 < DAILY_STRATEGY_MINIMUM_DAYS,
  run(input): StrategyResult {
    const target = input.scope.products[0]!;
    if (!(target.price && target.price > 0)) {
      throw new ToolInputError(
        'product',
        `${target.sku} has ${input.dataEnd - input.firstSalesDay + 1} days of sales, too few for a statistical model, and no list price to find similar products by; add its price to the product file, or ask for method "naive"`,
      );
    }
    const dataStart = parseIsoDate(
      input.context.sales.dateRange()?.first ?? formatIsoDate(input.firstSalesDay),
    );
    const launch = input.firstSalesDay;
    const lastDay = periodEndOf(
      input.periodStarts[input.periodStarts.length - 1]!,
      input.series.grain,
    );
    const observedWeekly = weeklySinceLaunch(
      dailyUnits(input.daily, launch, input.dataEnd),
      launch,
      launch,
    );
    const horizonWeeks = Math.ceil((lastDay - launch + 1) / 7) - observedWeekly.length;
    const forecast = forecastByAnalogy({
      target: { category: target.category, price: target.price, launchDay: launch, observedWeekly },
      analogues: launchedAnalogues(input, target, dataStart),
      horizonWeeks,
      levels: input.levels,
    });
    const firstForecastDay = launch + 7 * observedWeekly.length;
    const periods = input.periodStarts.length;
    const periodOfDay = (day: number) => periodIndexOf(day, input.periodStarts);
    const mean = new Array<number>(periods).fill(0);
    const lower = input.levels.map(() => new Array<number>(periods).fill(0));
    const upper = input.levels.map(() => new Array<number>(periods).fill(0));
    // Days of a partial last observed week are actuals; forecast weeks start after the full ones.
    for (const row of input.daily) {
      const day = parseIsoDate(row.date);
      const period = periodOfDay(day);
      if (period < 0 || day > input.dataEnd) continue;
      mean[period] = mean[period]! + row.units;
      lower.forEach((bounds) => (bounds[period] = bounds[period]! + row.units));
      upper.forEach((bounds) => (bounds[period] = bounds[period]! + row.units));
    }
    for (let day = Math.max(firstForecastDay, input.dataEnd + 1); day <= lastDay; day += 1) {
      const week = Math.floor((day - firstForecastDay) / 7);
      const period = periodOfDay(day);
      if (period < 0 || week >= forecast.mean.length) continue;
      mean[period] = mean[period]! + forecast.mean[week]! / 7;
      forecast.intervals.forEach((interval, index) => {
        lower[index]![period] = lower[index]![period]! + interval.lower[week]! / 7;
        upper[index]![period] = upper[index]![period]! + interval.upper[week]! / 7;
      });
    }
    const top = forecast.analogues
      .slice(0, 5)
      .map((analogue) => `${analogue.id} (${(analogue.weight * 100).toFixed(0)}%)`)
      .join(', ');
    return {
      strategy: this.name,
      method: 'analogy',
      mean,
      intervals: input.levels.map((level, index) => ({
        level,
        lower: lower[index]!,
        upper: upper[index]!,
      })),
      parameters: {
        launchDate: formatIsoDate(launch),
        weeksObserved: observedWeekly.length,
        analogues: forecast.analogues.length,
        scaleFactor: forecast.scaleFactor,
        basis: forecast.basis,
        topAnalogues: top,
      },
      notes: [
        `${target.sku} first sold on ${formatIsoDate(launch)}: under 8 weeks of history, so it is forecast by analogy with similar launched products.`,
        ...forecast.notes,
        'Weekly figures since launch are spread evenly over their days to fill the requested periods; interval bounds are added the same way (the analogues move together from week to week).',
      ],
      accuracy: null,
    };
  },
};
