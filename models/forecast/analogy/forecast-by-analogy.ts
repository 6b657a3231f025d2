// Forecasting a new product by analogy: the launch curves (weekly units since launch) of the k
// most similar launched products (similarity.ts), each scaled to the new product's observed
// first weeks (ratio of totals over those weeks), or, before any sales, to its price band by a
// constant price elasticity; the point forecast is their similarity-weighted mean and the
// prediction intervals are weighted quantiles across the scaled analogues (Goodwin,
// Dyussekeneva & Meeran 2013; Hyndman & Athanasopoulos FPP3 6.2).
import { formatIsoDate, MONTH_NAMES, partsOf } from '../../calendar/dates';
import type { PredictionInterval } from '../forecaster';
import {
  kernelWeight,
  similarity,
  type ProductAttributes,
  type SimilarityScales,
} from './similarity';
import { checkLevels, checkProduct, checkWeekly } from './validate';
import { weightedQuantile } from './weighted-quantile';

export interface NewProduct extends ProductAttributes {
  /** Units in its weeks since launch so far (week 1 first; 0 to 7 weeks; NaN = missing week). */
  observedWeekly: readonly number[];
}

export interface LaunchedProduct extends ProductAttributes {
  id: string;
  /** Units by week since launch (weeklySinceLaunch of its daily history). */
  weeklySinceLaunch: readonly number[];
}

export interface AnalogyOptions {
  target: NewProduct;
  analogues: readonly LaunchedProduct[];
  /** Weeks to forecast after the observed ones. */
  horizonWeeks: number;
  /** Interval levels in percent (default [80, 95]). */
  levels?: readonly number[];
  /** How many analogues to use at most (default 10: the spread of k exchangeable curves covers about (k-1)/(k+1) of outcomes, so few analogues give narrow intervals). */
  k?: number;
  /** Used only with no observed weeks: units scale by (price ratio)^-elasticity (default 0.5). */
  priceElasticity?: number;
  /** Borrow analogues from other categories when the target's has none (default true). */
  allowOtherCategories?: boolean;
  scales?: SimilarityScales;
}

export interface AnalogueUsed {
  id: string;
  category: string;
  price: number;
  launchDate: string;
  /** Normalised similarity weight (the weights sum to 1). */
  weight: number;
  /** Squared scaled distance from the target (0 = same price and launch month). */
  distance: number;
  /** Factor its launch curve was multiplied by. */
  scale: number;
}

export interface AnalogyForecast {
  method: 'analogy';
  /** Point forecasts for weeks since launch observed+1 ... observed+horizonWeeks. */
  mean: number[];
  /** Week-since-launch numbers of `mean` (week 1 = launch week). */
  weeks: number[];
  intervals: PredictionInterval[];
  analogues: AnalogueUsed[];
  /** Target's level relative to the weighted analogue curve (observed total / analogue total). */
  scaleFactor: number;
  basis: 'observed-weeks' | 'price-band';
  notes: string[];
}

/** "March–May": the shortest run of months on the circle covering every launch month. */
export function launchSeason(launchDays: readonly number[]): string {
  const months = new Set(launchDays.map((day) => partsOf(day).month - 1));
  let best = { start: 0, span: 12 };
  for (const start of months) {
    let span = 0;
    for (const month of months) span = Math.max(span, (month - start + 12) % 12);
    if (span < best.span) best = { start, span };
  }
  const first = MONTH_NAMES[best.start]!;
  return best.span === 0 ? first : `${first}–${MONTH_NAMES[(best.start + best.span) % 12]!}`;
}

function checkOptions(options: AnalogyOptions): {
  k: number;
  levels: readonly number[];
  elasticity: number;
} {
  checkProduct(options.target, 'target');
  checkWeekly(options.target.observedWeekly, 'target.observedWeekly', true);
  if (!Array.isArray(options.analogues)) throw new TypeError('analogues: expected an array');
  const ids = new Set<string>();
  options.analogues.forEach((analogue, index) => {
    checkProduct(analogue, `analogues[${index}]`);
    if (typeof analogue.id !== 'string' || analogue.id === '' || ids.has(analogue.id)) {
      throw new TypeError(`analogues[${index}].id: expected a unique non-empty string`);
    }
    ids.add(analogue.id);
    checkWeekly(analogue.weeklySinceLaunch, `analogues[${index}].weeklySinceLaunch`, true);
  });
  if (!Number.isInteger(options.horizonWeeks) || options.horizonWeeks < 1) {
    throw new RangeError(`horizonWeeks: ${String(options.horizonWeeks)} must be an integer >= 1`);
  }
  const k = options.k ?? 10;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`k: ${String(k)} must be an integer >= 1`);
  const levels = options.levels ?? [80, 95];
  checkLevels(levels);
  const elasticity = options.priceElasticity ?? 0.5;
  if (!Number.isFinite(elasticity) || elasticity < 0) {
    throw new RangeError(`priceElasticity: ${String(elasticity)} must be a finite number >= 0`);
  }
  return { k, levels, elasticity };
}

/** Forecasts a new product's next weeks from the launch curves of similar launched products. */
export function forecastByAnalogy(options: AnalogyOptions): AnalogyForecast {
  const { k, levels, elasticity } = checkOptions(options);
  const { target, horizonWeeks } = options;
  const observed = target.observedWeekly;
  const needed = observed.length + horizonWeeks;
  const notes: string[] = [];
  const long = options.analogues.filter(
    (analogue) =>
      analogue.weeklySinceLaunch.slice(0, needed).filter((value) => Number.isFinite(value))
        .length === needed,
  );
  if (long.length === 0) {
    const longest = Math.max(0, ...options.analogues.map((a) => a.weeklySinceLaunch.length));
    throw new RangeError(
      `analogues: none of the ${options.analogues.length} launched products has ${needed} complete weeks since launch (${observed.length} observed + ${horizonWeeks} ahead; the longest has ${longest}); shorten horizonWeeks or add products launched longer ago`,
    );
  }
  if (long.length < options.analogues.length) {
    notes.push(
      `${options.analogues.length - long.length} launched products were left out: fewer than ${needed} complete weeks since launch.`,
    );
  }
  let pool = long.filter((analogue) => analogue.category === target.category);
  let sameCategory = true;
  if (pool.length === 0) {
    if (options.allowOtherCategories === false) {
      throw new RangeError(
        `analogues: no launched product in category "${target.category}" has ${needed} weeks since launch; add one, or allow other categories (allowOtherCategories: true) for a weaker analogy`,
      );
    }
    pool = long;
    sameCategory = false;
    notes.push(
      `No launched product in category "${target.category}" has ${needed} weeks of history, so analogues come from other categories: a weaker analogy, treat with care.`,
    );
  }
  const ranked = pool
    .map((analogue) => ({
      analogue,
      distance: similarity(target, analogue, options.scales).distance,
    }))
    .sort((a, b) => a.distance - b.distance || (a.analogue.id < b.analogue.id ? -1 : 1))
    .slice(0, k);
  const rawWeights = ranked.map(({ distance }) => kernelWeight(distance));
  const weightSum = rawWeights.reduce((sum, weight) => sum + weight, 0);
  const weights = rawWeights.map((weight) => weight / weightSum);

  const observedWeeks = observed
    .map((value, index) => (Number.isNaN(value) ? -1 : index))
    .filter((index) => index >= 0);
  const observedTotal = observedWeeks.reduce((sum, index) => sum + observed[index]!, 0);
  const basis: AnalogyForecast['basis'] =
    observedWeeks.length > 0 ? 'observed-weeks' : 'price-band';
  let priceScaled = 0;
  const scales = ranked.map(({ analogue }) => {
    const analogueTotal = observedWeeks.reduce(
      (sum, index) => sum + analogue.weeklySinceLaunch[index]!,
      0,
    );
    if (basis === 'observed-weeks' && analogueTotal > 0) return observedTotal / analogueTotal;
    if (basis === 'observed-weeks') priceScaled += 1;
    return (target.price / analogue.price) ** -elasticity;
  });
  const paths = ranked.map(({ analogue }, index) =>
    Array.from(
      { length: horizonWeeks },
      (_, step) => scales[index]! * analogue.weeklySinceLaunch[observed.length + step]!,
    ),
  );
  const mean = Array.from({ length: horizonWeeks }, (_, step) =>
    paths.reduce((sum, path, index) => sum + weights[index]! * path[step]!, 0),
  );
  const intervals = levels.map((level) => {
    const tail = (1 - level / 100) / 2;
    const lower: number[] = [];
    const upper: number[] = [];
    for (let step = 0; step < horizonWeeks; step += 1) {
      const values = paths.map((path) => path[step]!);
      lower.push(Math.min(mean[step]!, weightedQuantile(values, weights, tail)));
      upper.push(Math.max(mean[step]!, weightedQuantile(values, weights, 1 - tail)));
    }
    return { level, lower, upper };
  });
  const weightedAnalogueTotal = ranked.reduce(
    (sum, { analogue }, index) =>
      sum +
      weights[index]! * observedWeeks.reduce((s, week) => s + analogue.weeklySinceLaunch[week]!, 0),
    0,
  );
  const scaleFactor =
    basis === 'observed-weeks' && weightedAnalogueTotal > 0
      ? observedTotal / weightedAnalogueTotal
      : scales.reduce((sum, scale, index) => sum + weights[index]! * scale, 0);

  const used = ranked.map(({ analogue, distance }, index) => ({
    id: analogue.id,
    category: analogue.category,
    price: analogue.price,
    launchDate: formatIsoDate(analogue.launchDay),
    weight: weights[index]!,
    distance,
    scale: scales[index]!,
  }));
  const categoryText = sameCategory
    ? `similar ${target.category}`
    : 'products from other categories';
  const prices = used.map((analogue) => analogue.price);
  const priceText = `priced ${Math.min(...prices).toFixed(2)}–${Math.max(...prices).toFixed(2)}`;
  const season = launchSeason(ranked.map(({ analogue }) => analogue.launchDay));
  const count = `${used.length} ${categoryText}`;
  if (basis === 'observed-weeks') {
    notes.unshift(
      `Scaled the launch curves of ${count} (${priceText}) launched in ${season} to this product's first ${observedWeeks.length} week${observedWeeks.length === 1 ? '' : 's'} (${scaleFactor.toFixed(2)}x their level).`,
    );
    if (observedTotal === 0)
      notes.push(
        'The observed weeks sold nothing, so the forecast is zero: check the launch date and distribution.',
      );
    if (priceScaled > 0)
      notes.push(
        `${priceScaled} analogues sold nothing in those weeks and were scaled by price instead.`,
      );
  } else {
    notes.unshift(
      `No sales yet: used the launch curves of ${count} (${priceText}) launched in ${season} at their own level, adjusted for price (elasticity ${elasticity}; ${scaleFactor.toFixed(2)}x on average).`,
    );
  }
  if (used.length < 9) {
    notes.push(
      `Only ${used.length} analogue${used.length === 1 ? '' : 's'}: intervals from their spread cover about ${Math.round((100 * (used.length - 1)) / (used.length + 1))}% of outcomes at best, so they are too narrow.`,
    );
  }
  if (observed.length >= 8)
    notes.push(
      `${observed.length} weeks of history: a time-series method may now do better than analogy.`,
    );
  return {
    method: 'analogy',
    mean,
    weeks: Array.from({ length: horizonWeeks }, (_, step) => observed.length + step + 1),
    intervals,
    analogues: used,
    scaleFactor,
    basis,
    notes,
  };
}
