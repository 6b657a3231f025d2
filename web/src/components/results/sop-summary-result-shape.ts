// sop_summary's result shape as the view needs it (mirrors tools/sop/sop-facts.ts and the tool's
// output { facts, narrative, narrativeSource }), checked at the boundary: a result that does not
// match is shown as JSON.
import {
  arrayOf,
  isRecord,
  literal,
  nullable,
  num,
  object,
  optional,
  recordOf,
  str,
  type Guard,
  type Guarded,
} from '../../lib/api/shape';

const accuracy = {
  actualUnits: num,
  forecastUnits: num,
  wape: nullable(num),
  mape: nullable(num),
  bias: nullable(num),
};

const demandData = object({
  forecastSource: str,
  forecastOrigin: str,
  overall: object(accuracy),
  byCategory: arrayOf(object({ ...accuracy, category: str })),
  byRegion: arrayOf(object({ ...accuracy, region: str })),
  worstItems: arrayOf(
    object({
      sku: str,
      name: str,
      location: str,
      actualUnits: num,
      forecastUnits: num,
      absErrorUnits: num,
      errorValue: nullable(num),
    }),
  ),
  outlook: arrayOf(
    object({
      month: str,
      forecastUnits: num,
      lowerUnits: nullable(num),
      upperUnits: nullable(num),
      lastYearUnits: nullable(num),
      changePct: nullable(num),
    }),
  ),
});
export type DemandData = Guarded<typeof demandData>;

const listing = { sku: str, location: str };
const supplyData = object({
  stockDate: str,
  daysOfCover: arrayOf(
    object({ category: str, location: str, onHandUnits: num, days: nullable(num) }),
  ),
  belowSafetyStock: arrayOf(object({ ...listing, onHandUnits: num, safetyStockUnits: num })),
  projectedStockouts: arrayOf(
    object({
      ...listing,
      daysUntilStockout: num,
      leadTimeDays: num,
      orderUnits: num,
      lostSalesValue: num,
    }),
  ),
  excess: object({
    totalValue: num,
    items: arrayOf(
      object({
        ...listing,
        onHandUnits: num,
        recommendedMaxUnits: num,
        excessUnits: num,
        excessValue: num,
      }),
    ),
  }),
  expiryRisk: object({
    units: num,
    value: num,
    co2eKg: nullable(num),
    items: arrayOf(object({ ...listing, units: num, value: num, daysLeft: num })),
  }),
  expectedWaste: object({ units: num, value: num, co2eKg: nullable(num) }),
  serviceLevel: object({ fillRate: nullable(num), stockoutDays: num, listingDays: num }),
});
export type SupplyData = Guarded<typeof supplyData>;

const anomalyData = object({
  anomalies: arrayOf(
    object({
      ...listing,
      date: str,
      kind: str,
      units: num,
      expectedUnits: num,
      valueAtRisk: num,
      explanation: str,
    }),
  ),
  explained: arrayOf(object({ ...listing, date: str, reason: str })),
  incidents: arrayOf(object({ label: str, from: str, to: str, anomalies: num })),
  rules: arrayOf(object({ rule: str, ...listing, message: str })),
});
export type AnomalyData = Guarded<typeof anomalyData>;

const passRate = {
  inspected: num,
  passed: num,
  failed: num,
  needsReview: num,
  retake: num,
  passRate: nullable(num),
};
const qualityData = object({
  overall: object(passRate),
  bySku: arrayOf(object({ ...passRate, sku: str })),
  byLine: arrayOf(object({ ...passRate, line: str })),
});
export type QualityData = Guarded<typeof qualityData>;

const lifecycleData = object({
  launches: arrayOf(
    object({
      sku: str,
      name: str,
      launchDate: str,
      actualUnits: num,
      analogueForecastUnits: nullable(num),
      ratio: nullable(num),
    }),
  ),
  declining: arrayOf(object({ sku: str, name: str, changePct: num, onHandUnits: num })),
  discontinued: arrayOf(
    object({ sku: str, name: str, onHandUnits: num, onHandValue: nullable(num) }),
  ),
});
export type LifecycleData = Guarded<typeof lifecycleData>;

export type Section<T> =
  { status: 'available'; data: T } | { status: 'not_available'; reason: string };

function section<T>(data: Guard<T>): Guard<Section<T>> {
  return (value): value is Section<T> =>
    isRecord(value) &&
    ((value.status === 'available' && data(value.data)) ||
      (value.status === 'not_available' && typeof value.reason === 'string'));
}

export const kpiIds = [
  'wape',
  'bias',
  'fill_rate',
  'stockout_days',
  'days_of_cover',
  'excess_value',
  'expiry_risk_value',
  'waste_co2e_kg',
  'anomalies',
  'qc_pass_rate',
  'revenue',
  'units',
] as const;
export type KpiId = (typeof kpiIds)[number];
const kpiUnit = literal('fraction', 'days', 'soles', 'units', 'kg', 'count');
export type KpiUnit = Guarded<typeof kpiUnit>;

const kpi = object({
  id: literal(...kpiIds),
  unit: kpiUnit,
  value: nullable(num),
  previous: nullable(num),
  better: literal('higher', 'lower'),
});
export type Kpi = Guarded<typeof kpi>;

const decision = object({
  rank: num,
  action: str,
  sku: optional(str),
  location: optional(str),
  toLocation: optional(str),
  units: optional(num),
  valueAtRisk: num,
  evidence: object({ section: str, path: str }),
});
export type Decision = Guarded<typeof decision>;

const facts = object({
  month: str,
  scopeLabel: str,
  dataThrough: str,
  kpis: arrayOf(kpi),
  demandReview: section(demandData),
  supplyReview: section(supplyData),
  anomalies: section(anomalyData),
  quality: section(qualityData),
  lifecycle: section(lifecycleData),
  decisions: arrayOf(decision),
  labels: optional(object({ products: recordOf(str), locations: recordOf(str) })),
});
export type SopFactsData = Guarded<typeof facts>;

export const isSopSummaryResult = object({
  facts,
  narrative: object({ headline: str, keyIssues: arrayOf(str), decisions: arrayOf(str) }),
  narrativeSource: literal('model', 'template'),
});
export type SopSummaryData = Guarded<typeof isSopSummaryResult>;
