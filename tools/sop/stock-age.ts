// The age of the stock on hand, estimated from its FIFO depletion (issue 9, expiry risk). The data
// has stock counts and sales but no receipts, so a receipt is inferred between two consecutive
// counts as max(0, on hand now - on hand before + units sold in between); expired units leave the
// count unseen, so a receipt that coincides with a write-off is understated (the estimate makes the
// stock look younger, never older). Issued oldest first (FIFO), the units on hand are the most
// recent receipts: walking back from the count, each receipt contributes until the count is
// reached. Units the window cannot explain are dated at the window's first count (their age is a
// lower bound).

export interface StockCountDay {
  /** day number (models/calendar/dates parseIsoDate) */
  day: number;
  /** units sold that day */
  units: number;
  /** the day's closing stock count, null when not counted */
  onHand: number | null;
}

export interface StockBatch {
  /** day number the batch was received (estimated) */
  receivedDay: number;
  units: number;
}

/**
 * The batches that make up the stock counted on `stockDay`, oldest first. `days` must be in day
 * order; days after `stockDay` are ignored.
 */
export function estimateStockBatches(
  days: readonly StockCountDay[],
  stockDay: number,
): StockBatch[] {
  const counted = days.filter((entry) => entry.day <= stockDay);
  const last = counted[counted.length - 1];
  if (last === undefined || last.day !== stockDay || last.onHand === null) {
    throw new RangeError(`stockDay: no stock count on day ${stockDay}`);
  }
  let remaining = Math.max(0, last.onHand);
  const newestFirst: StockBatch[] = [];
  let laterCount = last;
  // units sold on the days after the count being looked at, up to and including `laterCount`
  let soldSince = last.units;
  let firstCountDay = last.day;
  for (let index = counted.length - 2; index >= 0 && remaining > 0; index -= 1) {
    const entry = counted[index]!;
    if (entry.onHand === null) {
      soldSince += entry.units;
      continue;
    }
    firstCountDay = entry.day;
    const received = Math.max(0, (laterCount.onHand as number) - entry.onHand + soldSince);
    const taken = Math.min(received, remaining);
    if (taken > 0) newestFirst.push({ receivedDay: laterCount.day, units: taken });
    remaining -= taken;
    laterCount = entry;
    soldSince = entry.units;
  }
  if (remaining > 0) newestFirst.push({ receivedDay: firstCountDay, units: remaining });
  return newestFirst.reverse();
}

export interface ExpiryProjection {
  /** units expected to reach their expiry unsold, selling `dailyDemand` a day oldest first */
  atRiskUnits: number;
  /** of those, the units whose batch expires within `withinDays` of the stock date */
  atRiskWithinUnits: number;
  /** days left of the earliest-expiring batch with units at risk (0 when already expired); null when none */
  daysLeft: number | null;
}

/**
 * Sells the batches oldest first at `dailyDemand` units a day from the stock date; a batch's life
 * ends `lifeOnArrivalDays` after it was received, and what is left of it then is at risk.
 */
export function projectExpiry(
  batches: readonly StockBatch[],
  options: { stockDay: number; lifeOnArrivalDays: number; dailyDemand: number; withinDays: number },
): ExpiryProjection {
  const { stockDay, lifeOnArrivalDays, dailyDemand, withinDays } = options;
  if (!(lifeOnArrivalDays > 0)) {
    throw new RangeError(`lifeOnArrivalDays: must be > 0, got ${lifeOnArrivalDays}`);
  }
  if (!(dailyDemand >= 0)) throw new RangeError(`dailyDemand: must be >= 0, got ${dailyDemand}`);
  let clock = 0;
  let atRiskUnits = 0;
  let atRiskWithinUnits = 0;
  let daysLeft: number | null = null;
  for (const batch of batches) {
    const left = batch.receivedDay + lifeOnArrivalDays - stockDay;
    const sellable = dailyDemand * Math.max(0, left - clock);
    const sold = Math.min(batch.units, sellable);
    const unsold = batch.units - sold;
    if (unsold > 1e-9) {
      atRiskUnits += unsold;
      if (left <= withinDays) atRiskWithinUnits += unsold;
      daysLeft = Math.min(daysLeft ?? Infinity, Math.max(0, left));
      clock = Math.max(clock, left);
    } else if (dailyDemand > 0) {
      clock += sold / dailyDemand;
    }
  }
  return { atRiskUnits, atRiskWithinUnits, daysLeft };
}
