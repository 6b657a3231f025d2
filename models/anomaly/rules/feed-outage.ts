// Rule: several consecutive days with no units recorded while the stock count kept falling: the
// goods left, the sales were not recorded, so the sales feed (not demand) probably failed.
import { formatIsoDate, parseIsoDate } from '../../calendar/dates';
import { formatAmount, formatSoles } from './format';
import type { RuleAlert, RuleDay } from './types';

export interface FeedOutageSettings {
  /** fewest consecutive zero days */
  minimumDays: number;
  /** the stock must fall by more than this over the run */
  minimumFall: number;
}

/**
 * Runs of consecutive calendar days recorded with 0 units in which the closing stock fell by more
 * than `minimumFall` units in all, on at least two of the days (a single fall is more likely a
 * write-off or an expired batch than sales), valued at `price` when known.
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
  let before: number | undefined;
  let after: number | undefined;
  for (let index = first; index <= last; index += 1) {
    const day = days[index] as RuleDay;
    const previous = days[index - 1];
    const adjacent =
      previous !== undefined && parseIsoDate(previous.date) === parseIsoDate(day.date) - 1;
    if (!adjacent || previous.onHand === null || day.onHand === null) continue;
    if (!Number.isFinite(previous.onHand) || !Number.isFinite(day.onHand)) continue;
    before ??= previous.onHand;
    after = day.onHand;
    const change = previous.onHand - day.onHand;
    if (change > 0) {
      fall += change;
      fallingDays += 1;
    }
  }
  if (fallingDays < 2 || !(fall > settings.minimumFall)) return undefined;
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
    figures: { days: length, stockFall: fall, fallingDays },
    valueAtRisk: value,
    explanation:
      `the sales feed probably failed: 0 units recorded for ${length} days ` +
      `(${start} to ${end}) while stock fell by ${formatAmount(fall)} units${stockText}` +
      `${value !== null ? `, about ${formatSoles(value)} of sales unrecorded` : ''}; ` +
      `check the location's point-of-sale export, reload those days and keep them out of forecasts until then`,
  };
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
