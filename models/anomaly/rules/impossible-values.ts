// Rule: values no real day can have: negative stock, negative or non-numeric sales, more sold than
// the stock there was to sell, and a day's units far beyond anything the listing has sold.
import { parseIsoDate } from '../../calendar/dates';
import { quantile } from '../../stats/descriptive';
import { formatAmount } from './format';
import type { RuleAlert, RuleDay } from './types';

/** Fewest valid days before a listing's own 99th percentile is trusted as its scale. */
const MINIMUM_DAYS_FOR_SCALE = 30;
/** Sales above the available stock by less than this are rounding, not an error. */
const STOCK_TOLERANCE = 0.5;

export interface ImpossibleValueSettings {
  /** a day above this multiple of the listing's 99th percentile is implausible */
  implausibleMultiple: number;
}

/**
 * The listing's 99th percentile of daily units with its top 1% (at least one day) set aside, so
 * that a typo cannot raise its own bar; undefined below 30 valid days.
 */
export function plausibleScale(days: readonly RuleDay[]): number | undefined {
  const units = days
    .map((day) => day.units)
    .filter((value) => Number.isFinite(value) && value >= 0)
    .sort((left, right) => left - right);
  if (units.length < MINIMUM_DAYS_FOR_SCALE) return undefined;
  const kept = units.slice(0, units.length - Math.max(1, Math.ceil(units.length / 100)));
  return quantile(kept, 0.99);
}

function alertOf(
  sku: string,
  location: string,
  start: string,
  end: string,
  figures: Record<string, number>,
  valueAtRisk: number | null,
  explanation: string,
): RuleAlert {
  return {
    rule: 'impossible_value',
    sku,
    location,
    start,
    end,
    severity: 'high',
    figures,
    valueAtRisk,
    explanation,
  };
}

export function impossibleValues(
  sku: string,
  location: string,
  days: readonly RuleDay[],
  settings: ImpossibleValueSettings,
  price: number | null,
): RuleAlert[] {
  const alerts: RuleAlert[] = [];
  const scale = plausibleScale(days);
  const limit = scale === undefined ? undefined : settings.implausibleMultiple * Math.max(scale, 1);
  const valued = (units: number) => (price !== null && price >= 0 ? units * price : null);

  let negativeFrom = -1;
  const closeNegativeRun = (last: number) => {
    if (negativeFrom < 0) return;
    const run = days.slice(negativeFrom, last + 1);
    const lowest = Math.min(...run.map((day) => day.onHand as number));
    const start = (days[negativeFrom] as RuleDay).date;
    const end = (days[last] as RuleDay).date;
    alerts.push(
      alertOf(
        sku,
        location,
        start,
        end,
        { onHand: lowest, days: run.length },
        null,
        `on-hand recorded as ${formatAmount(lowest)}${run.length > 1 ? ` (${run.length} days, ${start} to ${end})` : ` on ${start}`}: ` +
          'stock cannot be negative; recount it and book the missing receipt or correct the sales that overdrew it',
      ),
    );
    negativeFrom = -1;
  };

  for (let index = 0; index < days.length; index += 1) {
    const day = days[index] as RuleDay;
    const previous = days[index - 1];
    const negative = day.onHand !== null && day.onHand < 0;
    const continues =
      previous !== undefined && parseIsoDate(previous.date) === parseIsoDate(day.date) - 1;
    if (!negative || !continues) closeNegativeRun(index - 1);
    if (negative && negativeFrom < 0) negativeFrom = index;

    if (!Number.isFinite(day.units) || day.units < 0) {
      alerts.push(
        alertOf(
          sku,
          location,
          day.date,
          day.date,
          Number.isFinite(day.units) ? { units: day.units } : {},
          null,
          `units recorded as ${String(day.units)} on ${day.date}: sales must be a number >= 0; correct the sales row`,
        ),
      );
      continue;
    }
    if (limit !== undefined && scale !== undefined && day.units > limit) {
      alerts.push(
        alertOf(
          sku,
          location,
          day.date,
          day.date,
          { units: day.units, percentile99: scale, limit },
          valued(day.units - scale),
          `${formatAmount(day.units)} units recorded on ${day.date}, over ${formatAmount(settings.implausibleMultiple)}x ` +
            `the listing's 99th percentile of ${formatAmount(scale)} a day: almost surely a data-entry error; ` +
            'check the source document and correct the row before it reaches forecasts',
        ),
      );
      continue;
    }
    if (
      continues &&
      previous.onHand !== null &&
      previous.onOrder !== null &&
      Number.isFinite(previous.onHand) &&
      Number.isFinite(previous.onOrder) &&
      previous.onHand >= 0
    ) {
      const available = previous.onHand + Math.max(0, previous.onOrder);
      if (day.units > available + STOCK_TOLERANCE) {
        alerts.push(
          alertOf(
            sku,
            location,
            day.date,
            day.date,
            {
              units: day.units,
              available,
              onHandBefore: previous.onHand,
              onOrderBefore: previous.onOrder,
            },
            valued(day.units - available),
            `${formatAmount(day.units)} units sold on ${day.date} but only ${formatAmount(available)} could have been ` +
              `there (on-hand ${formatAmount(previous.onHand)} + ${formatAmount(previous.onOrder)} on order the day before): ` +
              "the sales or the stock record is wrong; check the day's invoices and the receipt log",
          ),
        );
      }
    }
  }
  closeNegativeRun(days.length - 1);
  return alerts;
}
