// Runs a detector over each SKU x location's daily sales and keeps what no promotion, empty
// shelf, price change or recurring calendar effect explains, valued at the list price.
import type { DetectedAnomaly, Detector, Sensitivity } from '../../models/anomaly/detector';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type { ListingHistory } from '../tool-context';
import { explainAnomaly, type DenseListing, type PeerTotals } from './explain-anomaly';

/** Days after a promotion whose dip is expected (stock-up buying) and kept out of the baseline. */
const POST_PROMOTION_DAYS = 7;

export interface ScannedAnomaly {
  sku: string;
  location: string;
  region: string;
  start: string;
  end: string;
  kind: DetectedAnomaly['kind'];
  score: number;
  expected: number;
  expectedLower: number;
  expectedUpper: number;
  observed: number;
  /** units above (+) or below (-) the expected over the anomaly's days */
  unitsOff: number;
  /** |units off| x list price, when the price is known */
  valueAtRisk: number | null;
  explanation: string;
}

export interface ScanResult {
  anomalies: ScannedAnomaly[];
  /** deviations an expected effect accounts for (not anomalies), with why */
  explained: ScannedAnomaly[];
  listingsScanned: number;
  /** listings too short or too sparse to judge, with the detector's note */
  skipped: Array<{ sku: string; location: string; note: string }>;
}

export function toDenseListing(history: ListingHistory): DenseListing | undefined {
  if (history.days.length === 0) return undefined;
  const firstDay = parseIsoDate(history.days[0]!.date);
  const lastDay = parseIsoDate(history.days[history.days.length - 1]!.date);
  const length = lastDay - firstDay + 1;
  const listing: DenseListing = {
    firstDay,
    region: history.region,
    units: new Float64Array(length).fill(Number.NaN),
    price: new Float64Array(length).fill(Number.NaN),
    promo: new Uint8Array(length),
    stockout: new Uint8Array(length),
  };
  for (const day of history.days) {
    const index = parseIsoDate(day.date) - firstDay;
    listing.units[index] = day.units;
    listing.price[index] = day.price ?? Number.NaN;
    listing.promo[index] = day.promo ? 1 : 0;
    listing.stockout[index] = day.stockout ? 1 : 0;
  }
  return listing;
}

/** Promotion days, the week after each and stockout days: effects known in advance. */
export function explainedSteps(listing: DenseListing): boolean[] {
  const explained = new Array<boolean>(listing.units.length).fill(false);
  listing.promo.forEach((flag, index) => {
    if (!flag) return;
    for (let day = index; day <= index + POST_PROMOTION_DAYS && day < explained.length; day += 1) {
      explained[day] = true;
    }
  });
  listing.stockout.forEach((flag, index) => {
    if (flag) explained[index] = true;
  });
  return explained;
}

export interface ScanOptions {
  detector: Detector;
  sensitivity: Sensitivity;
  /** ISO dates: only anomalies that touch [from, to] are returned (the whole history is used) */
  from?: string;
  to?: string;
  prices: ReadonlyMap<string, number>;
  /**
   * daily units of every listing of the SKU's category (in one region when given), this one
   * included (it is taken out)
   */
  categoryTotals?: (sku: string, region?: string) => PeerTotals | undefined;
  signal?: AbortSignal;
}

/** The category's totals less this listing's own units: what its peers sold each day. */
function peersOf(totals: PeerTotals, listing: DenseListing): PeerTotals {
  const units = Float64Array.from(totals.units);
  listing.units.forEach((value, index) => {
    const at = listing.firstDay + index - totals.firstDay;
    if (Number.isFinite(value) && at >= 0 && at < units.length) units[at] = units[at]! - value;
  });
  return { firstDay: totals.firstDay, units, listings: totals.listings - 1 };
}

/** Daily units summed per category, and per category in each region, over the histories. */
export function categoryTotalsOf(
  histories: readonly ListingHistory[],
  categoryOf: ReadonlyMap<string, string>,
): (sku: string, region?: string) => PeerTotals | undefined {
  const byCategory = new Map<string, { days: Map<number, number>; listings: number }>();
  for (const history of histories) {
    const category = categoryOf.get(history.sku);
    if (category === undefined) continue;
    for (const key of [category, `${category}|${history.region}`]) {
      let entry = byCategory.get(key);
      if (!entry) byCategory.set(key, (entry = { days: new Map(), listings: 0 }));
      entry.listings += 1;
      for (const day of history.days) {
        const number = parseIsoDate(day.date);
        entry.days.set(number, (entry.days.get(number) ?? 0) + day.units);
      }
    }
  }
  const dense = new Map<string, PeerTotals>();
  for (const [category, entry] of byCategory) {
    const days = [...entry.days.keys()];
    const firstDay = Math.min(...days);
    const units = new Float64Array(Math.max(...days) - firstDay + 1).fill(Number.NaN);
    for (const [day, total] of entry.days) units[day - firstDay] = total;
    dense.set(category, { firstDay, units, listings: entry.listings });
  }
  return (sku, region) => {
    const category = categoryOf.get(sku);
    if (category === undefined) return undefined;
    return dense.get(region === undefined ? category : `${category}|${region}`);
  };
}

export function scanListings(
  histories: readonly ListingHistory[],
  options: ScanOptions,
): ScanResult {
  const result: ScanResult = { anomalies: [], explained: [], listingsScanned: 0, skipped: [] };
  const from = options.from === undefined ? -Infinity : parseIsoDate(options.from);
  const to = options.to === undefined ? Infinity : parseIsoDate(options.to);
  for (const history of histories) {
    options.signal?.throwIfAborted();
    const listing = toDenseListing(history);
    if (listing === undefined) continue;
    const totals = options.categoryTotals?.(history.sku);
    if (totals !== undefined) listing.peers = peersOf(totals, listing);
    const regional = options.categoryTotals?.(history.sku, history.region);
    if (regional !== undefined) listing.regionalPeers = peersOf(regional, listing);
    result.listingsScanned += 1;
    const detection = options.detector.detect({
      values: Array.from(listing.units),
      periods: [7],
      sensitivity: options.sensitivity,
      explained: explainedSteps(listing),
    });
    if (
      detection.anomalies.length === 0 &&
      detection.notes.some((note) => note.startsWith('too short'))
    ) {
      result.skipped.push({
        sku: history.sku,
        location: history.location,
        note: detection.notes[0]!,
      });
      continue;
    }
    const price = options.prices.get(history.sku);
    for (const anomaly of detection.anomalies) {
      const start = listing.firstDay + anomaly.start;
      const end = listing.firstDay + anomaly.end;
      if (end < from || start > to) continue;
      const why = explainAnomaly(listing, anomaly);
      // a level shift lasts from its start to the end of the history
      const days =
        anomaly.kind === 'level_shift'
          ? listing.units.length - anomaly.start
          : anomaly.end - anomaly.start + 1;
      const unitsOff = (anomaly.observed - anomaly.expected) * days;
      const scanned: ScannedAnomaly = {
        sku: history.sku,
        location: history.location,
        region: history.region,
        start: formatIsoDate(start),
        end: formatIsoDate(end),
        kind: anomaly.kind,
        score: Math.round(anomaly.score * 10) / 10,
        expected: anomaly.expected,
        expectedLower: anomaly.expectedLower,
        expectedUpper: anomaly.expectedUpper,
        observed: anomaly.observed,
        unitsOff,
        valueAtRisk: price === undefined ? null : Math.abs(unitsOff) * price,
        explanation: why.text,
      };
      (why.explained ? result.explained : result.anomalies).push(scanned);
    }
  }
  const byValue = (a: ScannedAnomaly, b: ScannedAnomaly) =>
    (b.valueAtRisk ?? Math.abs(b.unitsOff)) - (a.valueAtRisk ?? Math.abs(a.unitsOff)) ||
    b.score - a.score;
  result.anomalies.sort(byValue);
  result.explained.sort(byValue);
  return result;
}
