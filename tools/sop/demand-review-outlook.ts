// The next months' forecast summed over listings, beside the same months a year earlier.
import type { MonthlyForecastOutcome } from './demand-review-forecasts';
import { type MonthlyListing, unitsInMonth } from './monthly-listings';
import { addMonths } from './months';
import type { DemandReview } from './sop-facts';

export interface OutlookInput {
  month: string;
  months: number;
  /** forecast steps before the first outlook month (1 when the origin is the month before) */
  skipSteps: number;
  outcomes: readonly MonthlyForecastOutcome[];
  /** every listing in scope, for last year's actuals */
  listings: readonly MonthlyListing[];
}

/**
 * One row per month after `month`; changePct is a fraction (0.05 = 5% above last year), as the
 * report's other ratios. The interval adds the listings' bounds: exact when their
 * errors move together, wider than the truth otherwise (a conservative range for the total);
 * null when any listing's method gave none.
 */
export function outlookRows(input: OutlookInput): DemandReview['outlook'] {
  return Array.from({ length: input.months }, (_, index) => {
    const month = addMonths(input.month, index + 1);
    const step = input.skipSteps + index;
    let forecastUnits = 0;
    let lowerUnits: number | null = 0;
    let upperUnits: number | null = 0;
    for (const outcome of input.outcomes) {
      forecastUnits += outcome.mean[step] ?? 0;
      const lower = outcome.lower?.[step];
      const upper = outcome.upper?.[step];
      lowerUnits = lowerUnits === null || lower === undefined ? null : lowerUnits + lower;
      upperUnits = upperUnits === null || upper === undefined ? null : upperUnits + upper;
    }
    const lastYearMonth = addMonths(month, -12);
    const lastYear = input.listings.reduce(
      (sum, listing) => sum + unitsInMonth(listing, lastYearMonth),
      0,
    );
    const lastYearUnits = input.listings.some((listing) => listing.firstMonth <= lastYearMonth)
      ? lastYear
      : null;
    return {
      month,
      forecastUnits,
      lowerUnits: input.outcomes.length === 0 ? null : lowerUnits,
      upperUnits: input.outcomes.length === 0 ? null : upperUnits,
      lastYearUnits,
      changePct:
        lastYearUnits !== null && lastYearUnits > 0
          ? (forecastUnits - lastYearUnits) / lastYearUnits
          : null,
    };
  });
}
