// Rule: recorded sales that did not leave the location's stock. On a day no delivery could come
// (nothing was on order), the closing count should fall by what was sold; when a day
// sells several times its usual and the count falls by much less, the units were shipped from
// elsewhere (a bulk order served from the plant) or keyed wrong, and either way they are not
// this location's demand (stock reconciliation).
import { parseIsoDate } from '../../calendar/dates';
import { median } from '../../stats/descriptive';
import { formatAmount, formatSoles } from './format';
import type { RuleAlert, RuleDay } from './types';

export interface UnreconciledSettings {
  /** units not matched by the stock's fall, at least */
  minimumGap: number;
  /** and at least this share of the day's units */
  minimumShare: number;
  /**
   * only days selling this many times the median of the 4 weeks before: a small delivery sold
   * the same day looks the same on an ordinary day, but it does not multiply the day's sales
   */
  minimumMultiple: number;
}

function medianUnitsBefore(days: readonly RuleDay[], index: number): number {
  const first = parseIsoDate(days[index]!.date) - 28;
  const units: number[] = [];
  for (let at = index - 1; at >= 0 && parseIsoDate(days[at]!.date) >= first; at -= 1) {
    if (!days[at]!.promo && !days[at]!.stockout) units.push(days[at]!.units);
  }
  return units.length < 7 ? Number.NaN : median(units);
}

interface Gap {
  index: number;
  gap: number;
}

function gapOf(days: readonly RuleDay[], index: number, settings: UnreconciledSettings): number {
  const previous = days[index - 1];
  const day = days[index]!;
  if (previous === undefined || parseIsoDate(previous.date) !== parseIsoDate(day.date) - 1)
    return 0;
  if (previous.onHand === null || day.onHand === null) return 0;
  // judged only on days nothing could be received (nothing was on order the evening before;
  // a delivery and a new order of the same size on one day leave on-order unchanged, so that
  // is not enough) and the shelf did not end empty
  if (previous.onOrder !== 0) return 0;
  const left = previous.onHand - day.onHand;
  if (left < 0 || day.onHand <= 0) return 0;
  const gap = day.units - Math.max(left, 0);
  if (gap < settings.minimumGap || gap < settings.minimumShare * day.units) return 0;
  const typical = medianUnitsBefore(days, index);
  return typical >= 1 && day.units >= settings.minimumMultiple * typical ? gap : 0;
}

/** Runs of consecutive days whose recorded units exceed what left the stock. */
export function unreconciledSales(
  sku: string,
  location: string,
  days: readonly RuleDay[],
  settings: UnreconciledSettings,
  price: number | null,
): RuleAlert[] {
  const gaps: Gap[] = [];
  days.forEach((_, index) => {
    const gap = gapOf(days, index, settings);
    if (gap > 0) gaps.push({ index, gap });
  });
  const alerts: RuleAlert[] = [];
  for (let at = 0; at < gaps.length;) {
    let end = at;
    while (end + 1 < gaps.length && gaps[end + 1]!.index === gaps[end]!.index + 1) end += 1;
    const run = gaps.slice(at, end + 1);
    const units = run.reduce((total, item) => total + days[item.index]!.units, 0);
    const unmatched = run.reduce((total, item) => total + item.gap, 0);
    const start = days[run[0]!.index]!.date;
    const last = days[run[run.length - 1]!.index]!.date;
    const value = price !== null && price >= 0 ? unmatched * price : null;
    alerts.push({
      rule: 'unreconciled_sales',
      sku,
      location,
      start,
      end: last,
      severity: unmatched >= units * 0.8 ? 'high' : 'medium',
      figures: { days: run.length, units, unmatched },
      valueAtRisk: value,
      explanation:
        `${formatAmount(unmatched)} of the ${formatAmount(units)} units recorded ${start === last ? `on ${start}` : `from ${start} to ${last}`} did not leave this location's stock (the count fell by less, with nothing received)` +
        `${value !== null ? `, ${formatSoles(value)} at list price` : ''}: ` +
        "a shipment from elsewhere (e.g. a bulk order served from the plant) or units keyed wrong; check the order and keep those units out of this location's demand history",
    });
    at = end + 1;
  }
  return alerts;
}
