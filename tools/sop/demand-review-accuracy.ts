// Accuracy of the forecast made before the month against its actuals, summed over listings:
// WAPE = sum |a - f| / sum a, MAPE = mean |a - f| / a over listings with a > 0, bias =
// (sum f - sum a) / sum a (Hyndman & Athanasopoulos, FPP3 5.8; Kolassa & Schütz 2007 for WAPE).
import type { DemandReview } from './sop-facts';

export interface ScoredListing {
  sku: string;
  location: string;
  category: string;
  region: string;
  actualUnits: number;
  forecastUnits: number;
}

export type Accuracy = DemandReview['overall'];

/** WAPE, MAPE and bias of a group of listings (null where the actual total is 0). */
export function accuracyOf(listings: readonly ScoredListing[]): Accuracy {
  let actualUnits = 0;
  let forecastUnits = 0;
  let absoluteError = 0;
  let percentageTotal = 0;
  let percentageCount = 0;
  for (const listing of listings) {
    actualUnits += listing.actualUnits;
    forecastUnits += listing.forecastUnits;
    const error = Math.abs(listing.actualUnits - listing.forecastUnits);
    absoluteError += error;
    if (listing.actualUnits > 0) {
      percentageTotal += error / listing.actualUnits;
      percentageCount += 1;
    }
  }
  return {
    actualUnits,
    forecastUnits,
    wape: actualUnits > 0 ? absoluteError / actualUnits : null,
    mape: percentageCount > 0 ? percentageTotal / percentageCount : null,
    bias: actualUnits > 0 ? (forecastUnits - actualUnits) / actualUnits : null,
  };
}

/** Accuracy per value of `key`, largest actual volume first. */
export function accuracyBy(
  listings: readonly ScoredListing[],
  key: (listing: ScoredListing) => string,
): Array<{ key: string; accuracy: Accuracy }> {
  const groups = new Map<string, ScoredListing[]>();
  for (const listing of listings) {
    const group = groups.get(key(listing));
    if (group) group.push(listing);
    else groups.set(key(listing), [listing]);
  }
  return [...groups]
    .map(([value, group]) => ({ key: value, accuracy: accuracyOf(group) }))
    .sort(
      (left, right) =>
        right.accuracy.actualUnits - left.accuracy.actualUnits || left.key.localeCompare(right.key),
    );
}
