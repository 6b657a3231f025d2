// Launches of the last months against what an analogue forecast made at launch expected: the
// launch curves of the products launched before it (forecastByAnalogy, models/forecast/analogy),
// at its price band since no weeks were observed at launch, over the same whole weeks since launch.
import { parseIsoDate } from '../../models/calendar/dates';
import {
  forecastByAnalogy,
  type LaunchedProduct,
} from '../../models/forecast/analogy/forecast-by-analogy';
import { weeklySinceLaunch } from '../../models/forecast/analogy/launch-curve';
import type { CatalogLocation, CatalogProduct, ToolContext } from '../tool-context';
import type { LifecycleReview } from './sop-facts';

/** Days after the data's first day a product must launch for its curve to count from launch. */
const LAUNCH_MARGIN_DAYS = 7;

export interface LaunchScope {
  /** every product in the catalogue (analogues may come from outside the scope's categories) */
  catalogue: readonly CatalogProduct[];
  /** launched products in scope to review */
  launched: readonly CatalogProduct[];
  locations: readonly CatalogLocation[] | null;
  dataFirst: string;
  /** last day of data the review uses (ISO) */
  through: string;
}

/** Daily units from `firstDay` to `lastDay` (day numbers), days without a row as 0. */
function dailyUnits(
  context: ToolContext,
  sku: string,
  locations: readonly CatalogLocation[] | null,
  firstDay: number,
  lastDay: number,
  from: string,
  to: string,
): number[] {
  const values = new Array<number>(Math.max(0, lastDay - firstDay + 1)).fill(0);
  const rows = context.sales.daily({
    skus: [sku],
    ...(locations !== null && { locations: locations.map((location) => location.code) }),
    from,
    to,
  });
  for (const row of rows) {
    const index = parseIsoDate(row.date) - firstDay;
    if (index >= 0 && index < values.length) values[index] = row.units;
  }
  return values;
}

export function reviewLaunches(
  context: ToolContext,
  scope: LaunchScope,
): LifecycleReview['launches'] {
  const dataStart = parseIsoDate(scope.dataFirst);
  const lastDay = parseIsoDate(scope.through);
  // Products launched within the data, with their daily units from launch (read once).
  const histories = scope.catalogue
    .filter(
      (product) =>
        product.launchDate !== null &&
        product.price != null &&
        product.price > 0 &&
        parseIsoDate(product.launchDate) >= dataStart + LAUNCH_MARGIN_DAYS &&
        product.launchDate <= scope.through,
    )
    .map((product) => {
      const launchDay = parseIsoDate(product.launchDate as string);
      return {
        product,
        launchDay,
        daily: dailyUnits(
          context,
          product.sku,
          scope.locations,
          launchDay,
          lastDay,
          product.launchDate as string,
          scope.through,
        ),
      };
    });
  const historyBySku = new Map(histories.map((history) => [history.product.sku, history]));

  return scope.launched.map((product) => {
    const launchDate = product.launchDate as string;
    const launchDay = parseIsoDate(launchDate);
    const weeks = Math.floor((lastDay - launchDay + 1) / 7);
    const daily =
      historyBySku.get(product.sku)?.daily ??
      dailyUnits(
        context,
        product.sku,
        scope.locations,
        launchDay,
        lastDay,
        launchDate,
        scope.through,
      );
    // Whole weeks since launch, the analogue curves' unit (all days when under a week).
    const counted = weeks > 0 ? daily.slice(0, weeks * 7) : daily;
    const actualUnits = counted.reduce((sum, units) => sum + units, 0);
    const analogueForecastUnits = analogueForecast(product, launchDay, weeks, histories);
    return {
      sku: product.sku,
      name: product.name,
      launchDate,
      actualUnits,
      analogueForecastUnits,
      ratio:
        analogueForecastUnits !== null && analogueForecastUnits > 0
          ? actualUnits / analogueForecastUnits
          : null,
    };
  });
}

/** Units the analogues launched before it predicted for its first `weeks` weeks; null if none fit. */
function analogueForecast(
  product: CatalogProduct,
  launchDay: number,
  weeks: number,
  histories: ReadonlyArray<{ product: CatalogProduct; launchDay: number; daily: number[] }>,
): number | null {
  if (weeks < 1 || product.price == null || !(product.price > 0)) return null;
  const analogues: LaunchedProduct[] = histories
    .filter((history) => history.launchDay < launchDay && history.product.sku !== product.sku)
    .map((history) => ({
      id: history.product.sku,
      category: history.product.category,
      price: history.product.price as number,
      launchDay: history.launchDay,
      // only what was known on the target's launch day
      weeklySinceLaunch: weeklySinceLaunch(
        history.daily.slice(0, launchDay - history.launchDay),
        history.launchDay,
        history.launchDay,
      ),
    }))
    .filter((analogue) => analogue.weeklySinceLaunch.length >= weeks);
  if (analogues.length === 0) return null;
  const forecast = forecastByAnalogy({
    target: { category: product.category, price: product.price, launchDay, observedWeekly: [] },
    analogues,
    horizonWeeks: weeks,
    levels: [80],
  });
  return forecast.mean.reduce((sum, units) => sum + units, 0);
}
