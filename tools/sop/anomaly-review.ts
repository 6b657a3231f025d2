// The S&OP summary's anomalies and incidents (issue 9): detect_anomalies' engine over the month
// (medium sensitivity), its unexplained anomalies with their value at risk, what the calendar,
// promotions, prices and stock explained, the incidents and the business-rule alerts, kept to the
// scope and to the largest rows. The nightly scan's stored findings are used when it saw the same
// days of the month (its incidents are grouped over the whole company, then kept to the scope);
// otherwise the scan runs now (~15 s on the demo company).
import { detectAnomalies, type DetectAnomaliesInput } from '../detect-anomalies';
import type { SalesScope, ToolContext } from '../tool-context';
import { monthEnd, monthStart } from './months';
import type { AnomalyReview, SopSection, StoredAnomalyScan } from './sop-facts';

/** Most rows kept in each list, the largest value at risk first. */
export const ANOMALY_REVIEW_ROWS = 20;
const DETECTOR_LIMIT = 500;

function only<T>(values: readonly T[] | undefined): T | undefined {
  return values?.length === 1 ? values[0] : undefined;
}

/** Anomalies of `month` (YYYY-MM) over `scope` (its dates are ignored). */
export function buildAnomalyReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
): SopSection<AnomalyReview> {
  const range = context.sales.dateRange();
  const from = monthStart(month);
  if (range === undefined || range.last < from || range.first > monthEnd(month)) {
    return { status: 'not_available', reason: `no sales in the store for ${month}` };
  }
  const to = range.last < monthEnd(month) ? range.last : monthEnd(month);
  // one SKU / category / place is passed to the detector to read less; the filter below keeps
  // several of each to the scope
  const product = only(scope.skus);
  const category = product === undefined ? only(scope.categories) : undefined;
  const location =
    only(scope.locations) ?? (scope.locations?.length ? undefined : only(scope.regions));
  const input: DetectAnomaliesInput = {
    from,
    to,
    sensitivity: 'medium',
    limit: DETECTOR_LIMIT,
    ...(product !== undefined && { product }),
    ...(category !== undefined && { category }),
    ...(location !== undefined && { location }),
  };
  // the nightly scan of the month, when it saw the same days of sales (else the data moved on)
  const stored = context.planning?.anomalyScan?.(month);
  const fromScan = stored !== undefined && stored.to === to && stored.sensitivity === 'medium';
  const result: Omit<StoredAnomalyScan, 'scannedOn'> = fromScan
    ? stored
    : detectAnomalies(input, context);
  const categoryOf = new Map(context.catalog.products().map((item) => [item.sku, item.category]));
  const regionOf = new Map(context.catalog.locations().map((item) => [item.code, item.region]));
  const inScope = (sku: string, place: string) =>
    (!scope.skus?.length || scope.skus.includes(sku)) &&
    (!scope.categories?.length || scope.categories.includes(categoryOf.get(sku) ?? '')) &&
    (!scope.locations?.length || scope.locations.includes(place)) &&
    (!scope.regions?.length || scope.regions.includes(regionOf.get(place) ?? ''));
  const byValue = <T extends { valueAtRisk: number | null }>(rows: T[]) =>
    rows
      .sort((left, right) => (right.valueAtRisk ?? 0) - (left.valueAtRisk ?? 0))
      .slice(0, ANOMALY_REVIEW_ROWS);
  const incidents = result.incidents.filter((incident) =>
    incident.skus.some((sku) => incident.locations.some((place) => inScope(sku, place))),
  );
  return {
    status: 'available',
    data: {
      ...(fromScan ? { source: 'nightly_scan', scannedOn: stored.scannedOn } : { source: 'live' }),
      anomalies: byValue(result.anomalies.filter((item) => inScope(item.sku, item.location))).map(
        (item) => ({
          sku: item.sku,
          location: item.location,
          date: item.start,
          kind: item.kind,
          units: item.observed,
          expectedUnits: item.expected,
          // null when the product has no price: nothing in soles is claimed
          valueAtRisk: item.valueAtRisk ?? 0,
          explanation: item.explanation,
        }),
      ),
      explained: byValue(result.explained.filter((item) => inScope(item.sku, item.location))).map(
        (item) => ({
          sku: item.sku,
          location: item.location,
          date: item.start,
          reason: item.explanation,
        }),
      ),
      incidents: byValue(incidents).map((incident) => ({
        label: incident.summary,
        from: incident.start,
        to: incident.end,
        anomalies: incident.anomalies,
      })),
      rules: byValue(result.rules.filter((item) => inScope(item.sku, item.location))).map(
        (item) => ({
          rule: item.rule,
          sku: item.sku,
          location: item.location,
          message: item.explanation,
        }),
      ),
    },
  };
}
