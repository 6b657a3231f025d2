// The company's maximum days of cover and the excess stock it defines (niveles-de-servicio.md,
// "Coberturas", version 2026-01; politica-sop.md "Exceso de inventario"; glosario.md "Exceso"):
// excess = units above the maximum cover, valued at unit cost, where days of cover = stock on hand
// / the forecast daily demand of the next 28 days. maximum-cover.test.ts parses the document's
// table and checks it equals MAXIMUM_COVER_DAYS, so the policy and the code cannot drift apart.
import {
  distributionCentreClass,
  PERISHABLE_SHELF_LIFE_DAYS,
} from '../../models/inventory/service-targets';
import { maximumPerishableCoverDays } from './recommend-policy';

/** Days of demand the cover is measured against: the forecast of the next 28 days. */
export const COVER_DEMAND_WINDOW_DAYS = 28;

/** No non-perishable may hold more cover than this share of its shelf life. */
export const NON_PERISHABLE_SHELF_LIFE_SHARE = 0.25;

/** Maximum cover of non-perishables by category: Lima and province DCs, and Iquitos. */
export const MAXIMUM_COVER_DAYS: Readonly<
  Record<string, { readonly limaAndProvince: number; readonly iquitos: number }>
> = {
  grains: { limaAndProvince: 45, iquitos: 75 },
  canned_fish: { limaAndProvince: 60, iquitos: 90 },
  condiments: { limaAndProvince: 45, iquitos: 75 },
  beverages: { limaAndProvince: 30, iquitos: 60 },
  snacks: { limaAndProvince: 30, iquitos: 60 },
};

export interface MaximumCoverQuery {
  category: string;
  locationCode: string;
  shelfLifeDays: number | null;
  leadTimeDays: number;
}

export interface MaximumCover {
  /** null where the policy sets no maximum (then nothing counts as excess) */
  days: number | null;
  /** which rule set it, in words */
  rule: string;
}

/**
 * The maximum days of cover of one SKU x DC. Perishables (shelf life <= 45 days): 50 % of the
 * shelf life, never below L + 1. Non-perishables: their category's row (Iquitos' column at IQT),
 * capped at 25 % of the shelf life; non-perishable dairy takes canned fish's row, as it takes its
 * service target (rule 2). A category without a row keeps only the shelf-life cap.
 */
export function maximumCoverDays(query: MaximumCoverQuery): MaximumCover {
  const { shelfLifeDays, leadTimeDays } = query;
  if (shelfLifeDays !== null && !(shelfLifeDays > 0)) {
    throw new RangeError(`shelfLifeDays: must be > 0 days or null, got ${shelfLifeDays}`);
  }
  if (!(leadTimeDays >= 0)) {
    throw new RangeError(`leadTimeDays: must be >= 0, got ${leadTimeDays}`);
  }
  if (shelfLifeDays !== null && shelfLifeDays <= PERISHABLE_SHELF_LIFE_DAYS) {
    const days = maximumPerishableCoverDays(shelfLifeDays, leadTimeDays);
    return {
      days,
      rule:
        days > shelfLifeDays / 2
          ? `perishable: lead time + 1 day (${days} days), above 50 % of the shelf life`
          : `perishable: 50 % of the ${shelfLifeDays}-day shelf life`,
    };
  }
  const rowName =
    query.category === 'dairy' && shelfLifeDays !== null ? 'canned_fish' : query.category;
  const row = MAXIMUM_COVER_DAYS[rowName];
  const remote = distributionCentreClass(query.locationCode) === 'remote';
  const shelfCap =
    shelfLifeDays === null ? Infinity : shelfLifeDays * NON_PERISHABLE_SHELF_LIFE_SHARE;
  const fromRow = row === undefined ? Infinity : remote ? row.iquitos : row.limaAndProvince;
  if (fromRow === Infinity && shelfCap === Infinity) {
    return { days: null, rule: `no maximum cover for category ${query.category}` };
  }
  if (shelfCap < fromRow) {
    return { days: shelfCap, rule: `25 % of the ${shelfLifeDays}-day shelf life` };
  }
  return {
    days: fromRow,
    rule: `${rowName === query.category ? query.category : `${rowName} (non-perishable dairy)`}, ${remote ? 'Iquitos' : 'Lima and province'}`,
  };
}

/**
 * Units above which each day's end-of-day stock is excess: the maximum cover x the mean forecast
 * of the following 28 days (fewer where the forecast ends sooner; the last day's where none is
 * left). `forecast[k]` is the expected demand of day k (day 0 the first simulated day).
 */
export function excessThresholdUnits(
  forecast: readonly number[],
  horizonDays: number,
  maximumDays: number,
): number[] {
  if (!(maximumDays >= 0) || !Number.isFinite(maximumDays)) {
    throw new RangeError(`maximumDays: must be a finite number >= 0, got ${maximumDays}`);
  }
  if (forecast.length < horizonDays || forecast.length === 0) {
    throw new RangeError(
      `forecast: needs at least horizonDays (${horizonDays}) days, got ${forecast.length}`,
    );
  }
  // prefix sums make every window's mean O(1)
  const prefix = new Float64Array(forecast.length + 1);
  forecast.forEach((value, day) => {
    prefix[day + 1] = (prefix[day] as number) + Math.max(0, value);
  });
  const last = forecast.length - 1;
  return Array.from({ length: horizonDays }, (_unused, day) => {
    const from = Math.min(day + 1, last);
    const to = Math.min(day + COVER_DEMAND_WINDOW_DAYS, last);
    const mean = ((prefix[to + 1] as number) - (prefix[from] as number)) / (to - from + 1);
    return maximumDays * mean;
  });
}
