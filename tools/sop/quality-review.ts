// The S&OP summary's QC section (issue 9): packaging pass rates of the month overall, by SKU and by
// production line, from the inspection records' daily summary. A pass rate leaves retakes out (a
// photo too poor to judge says nothing about the pack): passed / (inspected - retake).
// Inspections carry no location, so a location or region scope does not narrow them.
import type { QcDaySummary } from '../inspection/inspection-records';
import type { SalesScope, ToolContext } from '../tool-context';
import { monthEnd, monthStart } from './months';
import type { QualityReview, SopSection } from './sop-facts';

type Counts = Omit<QcDaySummary, 'date' | 'sku' | 'line'>;
type PassRate = QualityReview['overall'];

function emptyCounts(): Counts {
  return { inspected: 0, passed: 0, failed: 0, needsReview: 0, retake: 0 };
}

function add(total: Counts, row: Counts): void {
  total.inspected += row.inspected;
  total.passed += row.passed;
  total.failed += row.failed;
  total.needsReview += row.needsReview;
  total.retake += row.retake;
}

function withRate(counts: Counts): PassRate {
  const judged = counts.inspected - counts.retake;
  return { ...counts, passRate: judged > 0 ? counts.passed / judged : null };
}

function grouped(rows: readonly QcDaySummary[], key: (row: QcDaySummary) => string | null) {
  const groups = new Map<string, Counts>();
  for (const row of rows) {
    const name = key(row);
    if (name === null) continue;
    const total = groups.get(name) ?? emptyCounts();
    add(total, row);
    groups.set(name, total);
  }
  return [...groups.entries()].sort(([left], [right]) => left.localeCompare(right));
}

/** Pass rates of `month` (YYYY-MM); scope narrows by SKU and category only. */
export function buildQualityReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
): SopSection<QualityReview> {
  if (context.inspections === undefined) {
    return { status: 'not_available', reason: 'inspection records are not available' };
  }
  let rows = context.inspections.qcSummary(monthStart(month), monthEnd(month));
  if (scope.skus?.length || scope.categories?.length) {
    const categories = new Set(scope.categories ?? []);
    const skus = new Set(
      context.catalog
        .products()
        .filter(
          (product) =>
            (!scope.skus?.length || scope.skus.includes(product.sku)) &&
            (categories.size === 0 || categories.has(product.category)),
        )
        .map((product) => product.sku),
    );
    rows = rows.filter((row) => row.sku !== null && skus.has(row.sku));
  }
  const overall = emptyCounts();
  for (const row of rows) add(overall, row);
  if (overall.inspected === 0) {
    return {
      status: 'not_available',
      reason: `no packaging inspections recorded in ${month}`,
    };
  }
  return {
    status: 'available',
    data: {
      overall: withRate(overall),
      bySku: grouped(rows, (row) => row.sku).map(([sku, counts]) => ({ sku, ...withRate(counts) })),
      byLine: grouped(rows, (row) => row.line).map(([line, counts]) => ({
        line,
        ...withRate(counts),
      })),
    },
  };
}
