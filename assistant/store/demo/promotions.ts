// Promotions of a product: past ones spread over its selling life without overlapping (nor their
// post-promotion dips), national or at one location, and a few planned in the next eight weeks.
import type { Random } from '../../../models/stats/random';
import { CATEGORY_PROFILES } from './categories';
import { POST_PROMO_DAYS } from './demand-model';
import type { DemoProduct, DemoPromotion } from './types';

const DISCOUNTS = [10, 15, 20, 25, 30] as const;
const TIER_RATE = { A: 1, B: 0.8, C: 0.5, S: 0 } as const;
/** days between one promotion's dip and the next promotion */
const GAP_DAYS = 14;
/** how far ahead planned promotions may start */
export const PLANNED_HORIZON_DAYS = 56;

function overlaps(candidate: DemoPromotion, others: readonly DemoPromotion[]): boolean {
  const margin = POST_PROMO_DAYS + GAP_DAYS;
  return others.some(
    (other) =>
      candidate.startDay <= other.endDay + margin && other.startDay <= candidate.endDay + margin,
  );
}

/**
 * The promotions of one product (sorted by start). `carriedCodes` are the locations that sell it
 * (all of them, before any subset is taken, so a subset does not change the draws).
 */
export function planPromotions(
  product: DemoProduct,
  carriedCodes: readonly string[],
  random: Random,
  startDay: number,
  endDay: number,
): DemoPromotion[] {
  const { model } = product;
  const rate = CATEGORY_PROFILES[product.category].promotionsPerYear * TIER_RATE[model.tier];
  const years = (endDay - startDay + 1) / 365.25;
  const wanted = rate > 0 ? random.poisson(rate * years) : 0;
  const first = Math.max(startDay, model.launchDay + 45);
  const last = Math.min(endDay - 7, (model.discontinueDay ?? endDay) - 60);
  const promotions: DemoPromotion[] = [];
  const draw = (from: number, to: number, local: boolean): DemoPromotion | undefined => {
    const length = random.int(7, 14);
    if (to - length < from) return undefined;
    const startAt = random.int(from, to - length);
    const location = local && carriedCodes.length > 0 ? random.pick(carriedCodes) : null;
    return {
      sku: product.sku,
      location,
      startDay: startAt,
      endDay: startAt + length - 1,
      discountPct: random.pick(DISCOUNTS),
    };
  };
  for (let made = 0; made < wanted; made += 1) {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const candidate = draw(first, last, random.chance(0.3));
      if (candidate && !overlaps(candidate, promotions)) {
        promotions.push(candidate);
        break;
      }
    }
  }
  const plannedChance = model.tier === 'C' ? 0.08 : model.tier === 'S' ? 0 : 0.15;
  if (model.discontinueDay === null && random.chance(plannedChance)) {
    const candidate = draw(endDay + 3, endDay + PLANNED_HORIZON_DAYS, false);
    if (candidate && !overlaps(candidate, promotions)) promotions.push(candidate);
  }
  return promotions.sort((a, b) => a.startDay - b.startDay);
}
