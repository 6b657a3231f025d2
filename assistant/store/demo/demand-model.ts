// The generative demand model: expected daily demand of a listing = base level x weekly profile x
// yearly profile x holiday/event effects x trend x lifecycle x price elasticity x promotion uplift
// (and post-promotion dip) x injected demand anomalies. Noise is added by the caller.
import { dayNumberOf, partsOf, weekdayOf } from '../../../models/calendar/dates';
import { normalisedWeekly } from './categories';
import { eventMultipliers } from './events';
import type { Category, DemoListing, DemoPromotion, YearlyPattern } from './types';

/** Days past the end of the window that the planners look ahead (longest lead time + review). */
export const LOOKAHEAD_DAYS = 45;
/** Days after a promotion over which the pantry-loading dip fades. */
export const POST_PROMO_DAYS = 14;

export interface DemandContext {
  startDay: number;
  endDay: number;
  /** days covered by the cached arrays: the window plus LOOKAHEAD_DAYS */
  length: number;
  weekly(category: Category): Float64Array;
  yearly(pattern: YearlyPattern, amplitude: number, climate: number): Float64Array;
  events(category: Category, region: string): Float64Array;
}

const TAU = 2 * Math.PI;

/** Yearly multiplier on one day (Southern hemisphere: summer peaks early February, winter mid July). */
export function yearlyFactor(
  pattern: YearlyPattern,
  amplitude: number,
  climate: number,
  dayNumber: number,
): number {
  const { year } = partsOf(dayNumber);
  const dayOfYear = dayNumber - dayNumberOf(year, 1, 1);
  switch (pattern) {
    case 'flat':
      return 1;
    case 'summer':
    case 'summer+':
      return 1 + amplitude * climate * Math.cos((TAU * (dayOfYear - 35)) / 365.25);
    case 'winter':
    case 'winter+':
      return 1 + amplitude * climate * Math.cos((TAU * (dayOfYear - 196)) / 365.25);
    case 'christmas': {
      const offset = dayNumber - dayNumberOf(year, 12, 22);
      const width = offset <= 0 ? 18 : 4;
      return 0.3 + 4.5 * Math.exp(-((offset / width) ** 2));
    }
    case 'october': {
      const offset = dayNumber - dayNumberOf(year, 10, 20);
      return 0.35 + 3 * Math.exp(-((offset / 10) ** 2));
    }
  }
}

/** Caches the shared calendar arrays of a window (one per category/pattern/region). */
export function createDemandContext(startDay: number, endDay: number): DemandContext {
  const length = endDay - startDay + 1 + LOOKAHEAD_DAYS;
  const weeklyCache = new Map<Category, Float64Array>();
  const yearlyCache = new Map<string, Float64Array>();
  const eventCache = new Map<string, Float64Array>();
  return {
    startDay,
    endDay,
    length,
    weekly(category) {
      let weekly = weeklyCache.get(category);
      if (!weekly) weeklyCache.set(category, (weekly = normalisedWeekly(category)));
      return weekly;
    },
    yearly(pattern, amplitude, climate) {
      const key = `${pattern}|${amplitude}|${climate}`;
      let factors = yearlyCache.get(key);
      if (!factors) {
        factors = new Float64Array(length);
        for (let index = 0; index < length; index += 1) {
          factors[index] = yearlyFactor(pattern, amplitude, climate, startDay + index);
        }
        yearlyCache.set(key, factors);
      }
      return factors;
    },
    events(category, region) {
      const key = `${category}|${region}`;
      let factors = eventCache.get(key);
      if (!factors)
        eventCache.set(key, (factors = eventMultipliers(category, region, startDay, length)));
      return factors;
    },
  };
}

export interface ListingDemand {
  /** expected demand per day of the listing (index 0 = firstDay) */
  mean: Float64Array;
  /** what the planner knows ahead: weekly x events x promotion effects, to lastDay + LOOKAHEAD */
  plan: Float64Array;
  /** price charged each day (list price less any promotion discount) */
  price: Float64Array;
  promo: Uint8Array;
}

/** Promotion multipliers (uplift and the dip after) and discounts over the listing's days + lookahead. */
function promotionEffects(
  listing: DemoListing,
  promotions: readonly DemoPromotion[],
  length: number,
) {
  const { model } = listing.product;
  const factor = new Float64Array(length).fill(1);
  const discount = new Float64Array(length);
  for (const promotion of promotions) {
    if (promotion.location !== null && promotion.location !== listing.location.code) continue;
    const share = promotion.discountPct / 100;
    const uplift = Math.pow(1 - share, -model.promoElasticity);
    const dip = model.postPromoDip * Math.min(1.5, promotion.discountPct / 20);
    for (let day = promotion.startDay; day <= promotion.endDay + POST_PROMO_DAYS; day += 1) {
      const index = day - listing.firstDay;
      if (index < 0 || index >= length) continue;
      if (day <= promotion.endDay) {
        factor[index] = uplift;
        discount[index] = share;
      } else {
        factor[index] =
          (factor[index] ?? 1) * (1 - dip * Math.exp(-(day - promotion.endDay - 1) / 4));
      }
    }
  }
  return { factor, discount };
}

export function listingDemand(
  listing: DemoListing,
  promotions: readonly DemoPromotion[],
  context: DemandContext,
): ListingDemand {
  const { product, location } = listing;
  const { model } = product;
  const count = listing.lastDay - listing.firstDay + 1;
  const planLength = count + LOOKAHEAD_DAYS;
  const weekly = context.weekly(product.category);
  const yearly = context.yearly(model.pattern, model.amplitude, location.climate);
  const events = context.events(product.category, location.region);
  const effects = promotionEffects(listing, promotions, planLength);
  const base = model.level * location.sizeFactor * listing.affinity;
  const middle = (context.startDay + context.endDay) / 2;
  const referencePrice = model.priceSteps[model.priceSteps.length - 1]?.price ?? product.price;

  const mean = new Float64Array(count);
  const plan = new Float64Array(planLength);
  const price = new Float64Array(count);
  const promo = new Uint8Array(count);
  let step = 0;
  for (let index = 0; index < planLength; index += 1) {
    const day = listing.firstDay + index;
    const contextIndex = day - context.startDay;
    const calendar =
      (weekly[weekdayOf(day)] ?? 1) *
      (contextIndex < context.length ? (events[contextIndex] ?? 1) : 1);
    const known = calendar * (effects.factor[index] ?? 1);
    plan[index] = known;
    if (index >= count) continue;

    while (
      step + 1 < model.priceSteps.length &&
      (model.priceSteps[step + 1]?.day ?? Infinity) <= day
    ) {
      step += 1;
    }
    const listPrice = model.priceSteps[step]?.price ?? product.price;
    const discount = effects.discount[index] ?? 0;
    price[index] = Math.round(listPrice * (1 - discount) * 100) / 100;
    promo[index] = discount > 0 ? 1 : 0;

    let lifecycle = 1;
    if (model.rampDays > 0) {
      lifecycle = Math.max(0.03, 1 - Math.exp(-(day - model.launchDay + 1) / model.rampDays));
    }
    if (model.declineStartDay !== null && day > model.declineStartDay) {
      lifecycle *= Math.exp(-(day - model.declineStartDay) / model.declineDays);
    }
    let anomaly = 1;
    for (const planned of listing.anomalies) {
      if (planned.kind === 'drop' && day >= planned.startDay && day <= planned.endDay) {
        anomaly *= planned.magnitude;
      } else if (planned.kind === 'level_shift' && day >= planned.startDay) {
        anomaly *= planned.magnitude;
      }
    }
    mean[index] =
      base *
      known *
      (yearly[contextIndex] ?? 1) *
      Math.exp((model.trendPerYear * (day - middle)) / 365.25) *
      lifecycle *
      Math.pow(listPrice / referencePrice, -model.priceElasticity) *
      anomaly;
  }
  return { mean, plan, price, promo };
}
