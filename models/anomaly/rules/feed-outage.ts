// Rule: several consecutive days with no units recorded while the stock count kept falling: the
// goods left, the sales were not recorded, so the sales feed (not demand) probably failed.
import { formatIsoDate, parseIsoDate } from '../../calendar/dates';
import { formatAmount, formatSoles } from './format';
import type { RuleAlert, RuleDay } from './types';

/** Days before a run whose zero-sales share says how ordinary a run of zeros is for the listing. */
const PRIOR_DAYS = 28;
/** A run is unusual when (share of zero days before it)^(run length) is below this. */
const UNUSUAL_RUN_PROBABILITY = 0.01;

export interface FeedOutageSettings {
  /** fewest consecutive zero days */
  minimumDays: number;
  /** the stock must fall by more than this over the run */
  minimumFall: number;
}

/**
 * Runs of consecutive calendar days recorded with 0 units in which the closing stock fell by more
 * than `minimumFall` units in all, on at least two days and more than half of the days with counts
 * (a fall now and then is more likely a write-off or an expired batch than sales), in a listing
 * whose recent zero-sales share makes such a run unusual, valued at `price` when known.
 */
export function feedOutages(
  sku: string,
  location: string,
  days: readonly RuleDay[],
  settings: FeedOutageSettings,
  price: number | null,
): RuleAlert[] {
  const alerts: RuleAlert[] = [];
  let index = 0;
  while (index < days.length) {
    if ((days[index] as RuleDay).units !== 0) {
      index += 1;
      continue;
    }
    let end = index;
    while (
      end + 1 < days.length &&
      (days[end + 1] as RuleDay).units === 0 &&
      parseIsoDate((days[end + 1] as RuleDay).date) ===
        parseIsoDate((days[end] as RuleDay).date) + 1
    ) {
      end += 1;
    }
    const alert = judgeRun(sku, location, days, index, end, settings, price);
    if (alert) alerts.push(alert);
    index = end + 1;
  }
  return alerts;
}

function judgeRun(
  sku: string,
  location: string,
  days: readonly RuleDay[],
  first: number,
  last: number,
  settings: FeedOutageSettings,
  price: number | null,
): RuleAlert | undefined {
  const length = last - first + 1;
  if (length < settings.minimumDays) return undefined;
  let fall = 0;
  let fallingDays = 0;
  let judgedDays = 0;
  let before: number | undefined;
  let after: number | undefined;
  for (let index = first; index <= last; index += 1) {
    const day = days[index] as RuleDay;
    const previous = days[index - 1];
    const adjacent =
      previous !== undefined && parseIsoDate(previous.date) === parseIsoDate(day.date) - 1;
    if (!adjacent || previous.onHand === null || day.onHand === null) continue;
    if (!Number.isFinite(previous.onHand) || !Number.isFinite(day.onHand)) continue;
    judgedDays += 1;
    before ??= previous.onHand;
    after = day.onHand;
    const change = previous.onHand - day.onHand;
    if (change > 0) {
      fall += change;
      fallingDays += 1;
    }
  }
  // sales leave every day; expired batches and write-offs leave now and then
  if (fallingDays < 2 || fallingDays * 2 <= judgedDays || !(fall > settings.minimumFall)) {
    return undefined;
  }
  const zeroShare = zeroShareBefore(days, first);
  if (zeroShare !== undefined && zeroShare ** length >= UNUSUAL_RUN_PROBABILITY) return undefined;
  const start = (days[first] as RuleDay).date;
  const end = (days[last] as RuleDay).date;
  const value = price !== null && price >= 0 ? fall * price : null;
  const stockText =
    before !== undefined && after !== undefined
      ? ` (on-hand ${formatAmount(before)} before, ${formatAmount(after)} after)`
      : '';
  return {
    rule: 'feed_outage',
    sku,
    location,
    start,
    end,
    severity: length >= 4 ? 'high' : 'medium',
    figures: {
      days: length,
      stockFall: fall,
      fallingDays,
      ...(zeroShare !== undefined && { zeroShareBefore: zeroShare }),
    },
    valueAtRisk: value,
    explanation:
      `the sales feed probably failed: 0 units recorded for ${length} days ` +
      `(${start} to ${end}) while stock fell by ${formatAmount(fall)} units${stockText}` +
      (zeroShare !== undefined
        ? `, though sales were recorded on ${Math.round((1 - zeroShare) * 100)}% of the 4 weeks before`
        : '') +
      `${value !== null ? `, about ${formatSoles(value)} of sales unrecorded` : ''}; ` +
      `check the location's point-of-sale export, reload those days and keep them out of forecasts until then`,
  };
}

/**
 * Share of days with 0 units among the recorded, in-stock days of the PRIOR_DAYS before `first`;
 * undefined with fewer than 7 such days. A slow seller with many zero days (and a perishable's
 * stock thrown away now and then) makes zero runs ordinary; a listing that sells daily does not.
 */
function zeroShareBefore(days: readonly RuleDay[], first: number): number | undefined {
  const runStart = parseIsoDate((days[first] as RuleDay).date);
  let zeros = 0;
  let counted = 0;
  for (let index = first - 1; index >= 0; index -= 1) {
    const day = days[index] as RuleDay;
    if (parseIsoDate(day.date) < runStart - PRIOR_DAYS) break;
    if (day.stockout || !Number.isFinite(day.units)) continue;
    counted += 1;
    if (day.units === 0) zeros += 1;
  }
  return counted >= 7 ? zeros / counted : undefined;
}

/** Every date a run covers (to set those days aside from demand estimates). */
export function datesOf(alerts: readonly RuleAlert[]): Set<string> {
  const dates = new Set<string>();
  for (const alert of alerts) {
    for (let day = parseIsoDate(alert.start); day <= parseIsoDate(alert.end); day += 1) {
      dates.add(formatIsoDate(day));
    }
  }
  return dates;
}
