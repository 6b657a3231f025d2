// Labelled anomalies injected into the demo data, the ground truth for the anomaly detectors.
// Demand-side ones (drop, level shift) change what customers want before the inventory simulation;
// recording-side ones (spike served direct from the plant, 10x typo, feed outage) change only the
// recorded sales. Each is placed on a steady listing, away from promotions and big events, so
// that it stands out against its neighbours.
import { formatIsoDate } from '../../../models/calendar/dates';
import type { Random } from '../../../models/stats/random';
import type { AnomalyKind } from '../types';
import { POST_PROMO_DAYS, type DemandContext } from './demand-model';
import type { DemoAnomaly, DemoListing, DemoPromotion, PlannedAnomaly } from './types';

const KINDS: readonly AnomalyKind[] = ['typo', 'spike', 'feed_outage', 'drop', 'level_shift'];
/** expected units a day a listing needs for each kind to be visible */
const MINIMUM_LEVEL: Record<AnomalyKind, number> = {
  typo: 3,
  spike: 3,
  feed_outage: 6,
  drop: 10,
  level_shift: 6,
};
const MAXIMUM_COUNT = 80;
const SHARE_OF_LISTINGS = 0.07;
/** days around an anomaly kept free of promotions and strong events */
const QUIET_MARGIN = 14;
/** event multipliers tolerated near an anomaly: single-day holidays yes, Fiestas Patrias no */
const QUIET_RANGE = [0.75, 1.3] as const;

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The listing's typical daily units before effects: what decides if an anomaly can show. */
export function typicalLevel(listing: DemoListing): number {
  return listing.product.model.level * listing.location.sizeFactor * listing.affinity;
}

function isQuiet(
  listing: DemoListing,
  promotions: readonly DemoPromotion[],
  context: DemandContext,
  from: number,
  to: number,
): boolean {
  const events = context.events(listing.product.category, listing.location.region);
  for (let day = from; day <= to; day += 1) {
    const factor = events[day - context.startDay] ?? 1;
    if (factor < QUIET_RANGE[0] || factor > QUIET_RANGE[1]) return false;
  }
  return !promotions.some(
    (promotion) =>
      (promotion.location === null || promotion.location === listing.location.code) &&
      promotion.startDay <= to &&
      promotion.endDay + POST_PROMO_DAYS >= from,
  );
}

function shape(kind: AnomalyKind, random: Random): { length: number; magnitude: number } {
  switch (kind) {
    case 'typo':
      return { length: 1, magnitude: 10 };
    case 'spike':
      return { length: random.int(1, 3), magnitude: round1(random.uniform(3, 6)) };
    case 'feed_outage':
      return { length: random.int(3, 7), magnitude: 0 };
    case 'drop':
      return { length: random.int(5, 10), magnitude: round1(random.uniform(0.15, 0.35)) };
    case 'level_shift':
      return {
        length: 1,
        magnitude: random.chance(0.5)
          ? round1(random.uniform(1.7, 2.3))
          : Math.round(random.uniform(0.4, 0.55) * 100) / 100,
      };
  }
}

function noteOf(kind: AnomalyKind, magnitude: number, length: number): string {
  switch (kind) {
    case 'typo':
      return 'units keyed 10x too high (data-entry error)';
    case 'spike':
      return `one-off bulk order from an institutional buyer, shipped direct from the plant: about ${magnitude}x the usual units`;
    case 'feed_outage':
      return `the location's sales feed sent zeros for ${length} days (sales happened; stock kept falling)`;
    case 'drop':
      return `a key retailer paused its orders: demand about ${magnitude}x usual for ${length} days`;
    case 'level_shift':
      return magnitude > 1
        ? `listed by a new supermarket chain: demand x${magnitude} from this day on`
        : `delisted by a supermarket chain: demand x${magnitude} from this day on`;
  }
}

/**
 * Chooses about 7% of the listings (5 to 80) and places one anomaly on each, cycling through the
 * kinds; fills `listing.anomalies`. Only mature, non-seasonal listings with enough volume qualify.
 */
export function planAnomalies(
  listings: readonly DemoListing[],
  promotionsBySku: ReadonlyMap<string, readonly DemoPromotion[]>,
  context: DemandContext,
  random: Random,
): void {
  const candidates = random.shuffle(
    listings.filter((listing) => {
      const { model } = listing.product;
      return (
        listing.product.lifecycleStage === 'mature' &&
        model.pattern !== 'christmas' &&
        model.pattern !== 'october' &&
        listing.lastDay - listing.firstDay >= 300
      );
    }),
  );
  const target = Math.min(
    MAXIMUM_COUNT,
    Math.max(5, Math.round(listings.length * SHARE_OF_LISTINGS)),
  );
  const used = new Set<number>();
  for (let made = 0; made < target; made += 1) {
    const kind = KINDS[made % KINDS.length] ?? 'spike';
    const { length, magnitude } = shape(kind, random);
    const margin = kind === 'level_shift' ? 90 : 60;
    for (const listing of candidates) {
      if (used.has(listing.index) || typicalLevel(listing) < MINIMUM_LEVEL[kind]) continue;
      // a level shift is judged on two months each side: no strong yearly swing may blur it
      if (
        kind === 'level_shift' &&
        listing.product.model.amplitude * listing.location.climate > 0.15
      ) {
        continue;
      }
      const from = listing.firstDay + margin;
      const to = listing.lastDay - margin - length;
      if (to <= from) continue;
      const promotions = promotionsBySku.get(listing.product.sku) ?? [];
      let placed: PlannedAnomaly | undefined;
      for (let attempt = 0; attempt < 40 && !placed; attempt += 1) {
        const startDay = random.int(from, to);
        const endDay = startDay + length - 1;
        const [before, after] = kind === 'level_shift' ? [60, 75] : [QUIET_MARGIN, QUIET_MARGIN];
        if (isQuiet(listing, promotions, context, startDay - before, endDay + after)) {
          placed = { kind, startDay, endDay, magnitude, note: noteOf(kind, magnitude, length) };
        }
      }
      if (placed) {
        listing.anomalies.push(placed);
        used.add(listing.index);
        break;
      }
    }
  }
}

/** Median of the recorded units within `radius` days of `index` (the day itself excluded). */
function localMedian(units: Float64Array, index: number, radius: number): number {
  const values: number[] = [];
  for (let other = index - radius; other <= index + radius; other += 1) {
    if (other !== index && other >= 0 && other < units.length) values.push(units[other] ?? 0);
  }
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2
    ? (values[middle] ?? 0)
    : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}

/**
 * The nearest day to `index` that is typical (at least 2 units and at least 0.8x its two-week
 * median), not a stockout and not on promotion: the day a 10x typo is made on.
 */
function typoDay(index: number, units: Float64Array, stockout: Uint8Array, promo: Uint8Array) {
  for (let distance = 0; distance < 60; distance += 1) {
    for (const candidate of [index + distance, index - distance]) {
      if (candidate < 0 || candidate >= units.length) continue;
      if (stockout[candidate] !== 0 || promo[candidate] !== 0) continue;
      const value = units[candidate] ?? 0;
      if (value >= 2 && value >= 0.8 * localMedian(units, candidate, 14)) return candidate;
    }
  }
  return undefined;
}

/**
 * Applies the recording-side anomalies of a listing to its recorded units and stockout flags (in
 * place; a feed outage records neither sales nor stockouts) and returns
 * every anomaly of the listing as labelled (with the dates as finally placed).
 */
export function applyRecordedAnomalies(
  listing: DemoListing,
  mean: Float64Array,
  units: Float64Array,
  stockout: Uint8Array,
  promo: Uint8Array,
): DemoAnomaly[] {
  const labelled: DemoAnomaly[] = [];
  for (const planned of listing.anomalies) {
    let startDay = planned.startDay;
    let endDay = planned.endDay;
    const first = startDay - listing.firstDay;
    const last = endDay - listing.firstDay;
    if (planned.kind === 'typo') {
      const index = typoDay(first, units, stockout, promo);
      if (index === undefined) continue;
      units[index] = (units[index] ?? 0) * planned.magnitude;
      startDay = endDay = listing.firstDay + index;
    } else if (planned.kind === 'spike') {
      // sized on what the listing usually records (the model mean can sit above censored sales)
      const usual = Math.max(localMedian(units, first, 14), 1);
      for (let index = first; index <= last; index += 1) {
        const extra = Math.max(mean[index] ?? 0, usual) * (planned.magnitude - 1);
        units[index] = (units[index] ?? 0) + Math.round(extra);
      }
    } else if (planned.kind === 'feed_outage') {
      for (let index = first; index <= last; index += 1) {
        units[index] = 0;
        stockout[index] = 0;
      }
    }
    labelled.push({
      sku: listing.product.sku,
      location: listing.location.code,
      startDate: formatIsoDate(startDay),
      endDate: formatIsoDate(endDay),
      kind: planned.kind,
      magnitude: planned.magnitude,
      note: planned.note,
    });
  }
  return labelled;
}
