// What moved demand in the month or will in the outlook: Peru's holidays and events, promotions
// (with their measured uplift once they are over) and product launches.
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { peruEvents } from '../../models/calendar/peru-calendar';
import type {
  CatalogLocation,
  CatalogProduct,
  PlannedPromotion,
  ToolContext,
} from '../tool-context';
import { addMonths, monthEnd, monthOf, monthStart } from './months';
import type { DemandReview } from './sop-facts';

export type Driver = DemandReview['drivers'][number];

/** Days before a promotion whose mean daily units are its baseline. */
export const PROMOTION_BASELINE_DAYS = 28;
/** Fewest baseline days with sales rows for an uplift to count as measured. */
const MINIMUM_BASELINE_DAYS = 14;
/** Promotions listed at most (the earliest first), so a big catalogue keeps the section short. */
const MAXIMUM_PROMOTIONS = 25;

export interface DriverScope {
  products: readonly CatalogProduct[];
  /** locations in scope; null = every location */
  locations: readonly CatalogLocation[] | null;
  dataThrough: string;
}

function calendarDrivers(months: readonly string[], scope: DriverScope): Driver[] {
  const places =
    scope.locations === null
      ? null
      : new Set(scope.locations.flatMap((location) => [location.region, location.city ?? '']));
  const years = [...new Set(months.map((month) => Number(month.slice(0, 4))))];
  const wanted = new Set(months);
  return years
    .flatMap((year) => peruEvents(year))
    .filter((event) => wanted.has(event.date.slice(0, 7)))
    .filter((event) => event.region === undefined || places === null || places.has(event.region))
    .sort((left, right) => left.date.localeCompare(right.date))
    .map((event) => ({
      kind: event.kind,
      month: event.date.slice(0, 7),
      description: `${event.name} (${event.date}${event.region ? `, ${event.region}` : ''})`,
    }));
}

/**
 * Mean daily units during the promotion over the mean of the PROMOTION_BASELINE_DAYS before it,
 * minus 1, as a fraction (0.5 = 50% more); null while it runs, or when the baseline is too thin
 * or zero.
 */
function measuredUplift(
  context: ToolContext,
  promotion: PlannedPromotion,
  scope: DriverScope,
): number | null {
  if (promotion.endDate > scope.dataThrough) return null;
  const start = parseIsoDate(promotion.startDate);
  const baselineFrom = formatIsoDate(start - PROMOTION_BASELINE_DAYS);
  const locations =
    promotion.location !== null
      ? [promotion.location]
      : scope.locations?.map((location) => location.code);
  const daily = context.sales.daily({
    skus: [promotion.sku],
    ...(locations !== undefined && { locations }),
    from: baselineFrom,
    to: promotion.endDate,
  });
  let baselineUnits = 0;
  let baselineDays = 0;
  let promotionUnits = 0;
  for (const day of daily) {
    if (day.date < promotion.startDate) {
      baselineUnits += day.units;
      baselineDays += 1;
    } else promotionUnits += day.units;
  }
  if (baselineDays < MINIMUM_BASELINE_DAYS || baselineUnits <= 0) return null;
  const promotionDays = parseIsoDate(promotion.endDate) - start + 1;
  const ratio = promotionUnits / promotionDays / (baselineUnits / PROMOTION_BASELINE_DAYS);
  return ratio - 1;
}

function promotionDrivers(
  context: ToolContext,
  month: string,
  lastMonth: string,
  scope: DriverScope,
): Driver[] {
  const skus = scope.products.map((product) => product.sku);
  if (skus.length === 0) return [];
  const codes = scope.locations === null ? null : new Set(scope.locations.map((l) => l.code));
  return context.promotions
    .overlapping(skus, monthStart(month), monthEnd(lastMonth))
    .filter(
      (promotion) => promotion.location === null || codes === null || codes.has(promotion.location),
    )
    .sort(
      (left, right) =>
        left.startDate.localeCompare(right.startDate) || left.sku.localeCompare(right.sku),
    )
    .slice(0, MAXIMUM_PROMOTIONS)
    .map((promotion) => ({
      kind: 'promotion' as const,
      month: monthOf(
        promotion.startDate < monthStart(month) ? monthStart(month) : promotion.startDate,
      ),
      sku: promotion.sku,
      description: `${promotion.sku} ${promotion.discountPct}% off ${promotion.startDate}..${promotion.endDate}${promotion.location ? ` at ${promotion.location}` : ' everywhere'}`,
      upliftPct: measuredUplift(context, promotion, scope),
    }));
}

function launchDrivers(months: readonly string[], scope: DriverScope): Driver[] {
  const wanted = new Set(months);
  return scope.products
    .filter((product) => product.launchDate !== null && wanted.has(product.launchDate.slice(0, 7)))
    .sort((left, right) => (left.launchDate as string).localeCompare(right.launchDate as string))
    .map((product) => ({
      kind: 'launch' as const,
      month: (product.launchDate as string).slice(0, 7),
      sku: product.sku,
      description: `${product.name} launches ${product.launchDate as string}`,
    }));
}

/** Drivers of `month` and the `outlookMonths` after it, holidays first, then promotions, launches. */
export function demandDrivers(
  context: ToolContext,
  month: string,
  outlookMonths: number,
  scope: DriverScope,
): Driver[] {
  const months = Array.from({ length: outlookMonths + 1 }, (_, index) => addMonths(month, index));
  return [
    ...calendarDrivers(months, scope),
    ...promotionDrivers(context, month, months[months.length - 1] as string, scope),
    ...launchDrivers(months, scope),
  ];
}
