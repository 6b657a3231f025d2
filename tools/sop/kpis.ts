// The S&OP report card: each KPI of the month beside the previous month's. The month's values
// come from the sections already built (a section not available gives null); the previous
// month's are computed cheaply here from what the store answers in one scoped query each
// (sales totals, the daily rows with stock counts, inspections, stored forecasts), with the
// supply review's definitions. KPIs whose previous value would need a whole section again
// (policy-based excess, expiry risk, waste, anomaly detection) get previous = null rather than an
// expensive or approximate number.
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type { SalesScope, ToolContext } from '../tool-context';
import { monthEnd, monthStart, lastDayBefore, previousMonth } from './months';
import { DEMAND_WINDOW_DAYS, listingService } from './supply-review-listing';
import { readStockListings, type StockListingsSource } from './stock-listings';
import type {
  AnomalyReview,
  DemandReview,
  QualityReview,
  SopKpi,
  SopSection,
  SupplyReview,
} from './sop-facts';

export type KpiId = SopKpi['id'];
type KpiValues = Record<KpiId, number | null>;

export interface KpiSections {
  demandReview: SopSection<DemandReview>;
  supplyReview: SopSection<SupplyReview>;
  anomalies: SopSection<AnomalyReview>;
  quality: SopSection<QualityReview>;
}

const definitions: readonly Omit<SopKpi, 'value' | 'previous'>[] = [
  { id: 'revenue', unit: 'soles', better: 'higher' },
  { id: 'units', unit: 'units', better: 'higher' },
  { id: 'wape', unit: 'fraction', better: 'lower' },
  { id: 'bias', unit: 'fraction', better: 'lower' },
  { id: 'fill_rate', unit: 'fraction', better: 'higher' },
  { id: 'stockout_days', unit: 'days', better: 'lower' },
  { id: 'days_of_cover', unit: 'days', better: 'lower' },
  { id: 'excess_value', unit: 'soles', better: 'lower' },
  { id: 'expiry_risk_value', unit: 'soles', better: 'lower' },
  { id: 'waste_co2e_kg', unit: 'kg', better: 'lower' },
  { id: 'anomalies', unit: 'count', better: 'lower' },
  { id: 'qc_pass_rate', unit: 'fraction', better: 'higher' },
];

const emptyValues = (): KpiValues => ({
  revenue: null,
  units: null,
  wape: null,
  bias: null,
  fill_rate: null,
  stockout_days: null,
  days_of_cover: null,
  excess_value: null,
  expiry_risk_value: null,
  waste_co2e_kg: null,
  anomalies: null,
  qc_pass_rate: null,
});

function dataOf<T>(section: SopSection<T>): T | undefined {
  return section.status === 'available' ? section.data : undefined;
}

/** Units and revenue (soles as recorded on the sales rows) of the month in scope. */
function salesOfMonth(context: ToolContext, month: string, scope: SalesScope) {
  const rows = context.sales.totals({
    ...scope,
    grain: 'month',
    from: monthStart(month),
    to: monthEnd(month),
  });
  if (rows.length === 0) return undefined;
  return {
    units: rows.reduce((total, row) => total + row.units, 0),
    revenue: rows.reduce((total, row) => total + row.revenue, 0),
    stockoutDays: rows.reduce((total, row) => total + row.stockoutRows, 0),
  };
}

/** Total stock over total average daily sales: the scope's days of cover as one figure. */
export function overallDaysOfCover(supply: SupplyReview): number | null {
  const onHand = supply.daysOfCover.reduce((total, row) => total + row.onHandUnits, 0);
  const daily = supply.daysOfCover.reduce((total, row) => total + row.averageDailyUnits, 0);
  return daily > 0 ? onHand / daily : null;
}

/** passed / (inspected - retake) over the month's inspections; null without inspections. */
function qcPassRate(context: ToolContext, month: string): number | null {
  if (!context.inspections) return null;
  const days = context.inspections.qcSummary(monthStart(month), monthEnd(month));
  const passed = days.reduce((total, day) => total + day.passed, 0);
  const judged = days.reduce((total, day) => total + day.inspected - day.retake, 0);
  return judged > 0 ? passed / judged : null;
}

/**
 * Fill rate (sold / (sold + lost on stockout days)) and days of cover (stock at each listing's
 * last count in the month over its units sold in the 28 days to the count / 28, summed) as the
 * supply review defines them, from one scoped read of the daily rows with their stock counts.
 */
function stockKpis(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  stockListings: StockListingsSource,
) {
  const startDay = parseIsoDate(monthStart(month));
  const endDay = parseIsoDate(monthEnd(month));
  const catalog = new Set(context.catalog.products().map((product) => product.sku));
  const listings = stockListings(
    context,
    scope,
    formatIsoDate(startDay - DEMAND_WINDOW_DAYS),
    monthEnd(month),
  );
  let sold = 0;
  let lost = 0;
  let onHand = 0;
  let daily = 0;
  for (const listing of listings) {
    if (!catalog.has(listing.sku)) continue;
    const service = listingService(listing, { startDay, endDay });
    sold += service.soldUnits;
    lost += service.lostUnits;
    const count = listing.days.findLast(
      (day) => day.date >= monthStart(month) && day.onHand !== null && day.onHand !== undefined,
    );
    if (count === undefined) continue;
    const countDay = parseIsoDate(count.date);
    const windowUnits = listing.days
      .filter((day) => {
        const number = parseIsoDate(day.date);
        return number > countDay - DEMAND_WINDOW_DAYS && number <= countDay;
      })
      .reduce((total, day) => total + day.units, 0);
    onHand += Math.max(0, count.onHand as number);
    daily += windowUnits / DEMAND_WINDOW_DAYS;
  }
  return {
    fillRate: sold + lost > 0 ? sold / (sold + lost) : null,
    daysOfCover: daily > 0 ? onHand / daily : null,
  };
}

/** WAPE and bias of the forecasts stored before the month, against its actual sales. */
function snapshotAccuracy(context: ToolContext, month: string, scope: SalesScope) {
  if (!context.planning) return undefined;
  const snapshots = context.planning.forecastSnapshots(month, lastDayBefore(month));
  if (snapshots.length === 0) return undefined;
  const actualByListing = new Map<string, number>();
  for (const row of context.sales.totals({
    ...scope,
    grain: 'month',
    groupBy: ['sku', 'location'],
    from: monthStart(month),
    to: monthEnd(month),
  })) {
    actualByListing.set(`${row.sku}\u0000${row.location}`, row.units);
  }
  const inScope = new Set(actualByListing.keys());
  let actual = 0;
  let forecast = 0;
  let absoluteError = 0;
  const seen = new Set<string>();
  for (const snapshot of snapshots) {
    const key = `${snapshot.sku}\u0000${snapshot.location}`;
    if (!inScope.has(key)) continue;
    seen.add(key);
    const units = actualByListing.get(key) ?? 0;
    forecast += snapshot.units;
    absoluteError += Math.abs(units - snapshot.units);
  }
  for (const key of seen) actual += actualByListing.get(key) ?? 0;
  if (actual <= 0) return undefined;
  return { wape: absoluteError / actual, bias: (forecast - actual) / actual };
}

/** The KPIs of `month` read from its sections and sales. */
export function kpiValuesOfMonth(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  sections: KpiSections,
): KpiValues {
  const values = emptyValues();
  const sales = salesOfMonth(context, month, scope);
  values.units = sales?.units ?? null;
  values.revenue = sales?.revenue ?? null;
  const demand = dataOf(sections.demandReview);
  values.wape = demand?.overall.wape ?? null;
  values.bias = demand?.overall.bias ?? null;
  const supply = dataOf(sections.supplyReview);
  if (supply) {
    values.fill_rate = supply.serviceLevel.fillRate;
    values.stockout_days = supply.serviceLevel.stockoutDays;
    values.days_of_cover = overallDaysOfCover(supply);
    values.excess_value = supply.excess.totalValue;
    values.expiry_risk_value = supply.expiryRisk.value;
    values.waste_co2e_kg = supply.expectedWaste.co2eKg;
  }
  const anomalies = dataOf(sections.anomalies);
  values.anomalies = anomalies ? anomalies.anomalies.length : null;
  const quality = dataOf(sections.quality);
  values.qc_pass_rate = quality?.overall.passRate ?? null;
  return values;
}

/** The previous month's KPIs that one scoped query each can give; the rest null. */
export function previousKpiValues(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  stockListings: StockListingsSource = readStockListings,
): KpiValues {
  const previous = previousMonth(month);
  const values = emptyValues();
  const sales = salesOfMonth(context, previous, scope);
  values.units = sales?.units ?? null;
  values.revenue = sales?.revenue ?? null;
  values.stockout_days = sales?.stockoutDays ?? null;
  values.qc_pass_rate = qcPassRate(context, previous);
  const stock = stockKpis(context, previous, scope, stockListings);
  values.fill_rate = stock.fillRate;
  values.days_of_cover = stock.daysOfCover;
  const accuracy = snapshotAccuracy(context, previous, scope);
  values.wape = accuracy?.wape ?? null;
  values.bias = accuracy?.bias ?? null;
  return values;
}

/** The report card: every KPI with its unit, its value, the previous month's and which way is good. */
export function buildKpiCard(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  sections: KpiSections,
  stockListings: StockListingsSource = readStockListings,
): SopKpi[] {
  const current = kpiValuesOfMonth(context, month, scope, sections);
  const previous = previousKpiValues(context, month, scope, stockListings);
  return definitions.map((definition) => ({
    ...definition,
    value: finite(current[definition.id]),
    previous: finite(previous[definition.id]),
  }));
}

const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
