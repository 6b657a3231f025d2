// The nightly anomaly scan (issue 9): detect_anomalies over every SKU x location for the month of
// the last sales day and the month before it, each exactly as the S&OP anomaly review runs it
// (the month's first day to its last day of sales, medium sensitivity) but with no row limit, kept
// per month in anomaly_scans so the summary reads findings instead of scanning (~15 s on the demo
// company) while it is generated.
import { detectAnomalies, type DetectAnomaliesOutput } from '../../tools/detect-anomalies';
import { monthEnd, monthOf, monthStart, previousMonth } from '../../tools/sop/months';
import type { ToolContext } from '../../tools/tool-context';
import type { MonthScan, PlanningRepository } from '../store/repositories/planning';

export interface AnomalyScanSummary {
  scannedOn: string;
  from: string;
  to: string;
  months: {
    month: string;
    to: string;
    listings: number;
    anomalies: number;
    explained: number;
    rules: number;
  }[];
}

function scanMonth(
  context: ToolContext,
  month: string,
  lastSalesDay: string,
): DetectAnomaliesOutput {
  const end = monthEnd(month);
  return detectAnomalies(
    {
      from: monthStart(month),
      to: lastSalesDay < end ? lastSalesDay : end,
      sensitivity: 'medium',
      limit: Number.MAX_SAFE_INTEGER,
    },
    context,
  );
}

/** Scans the last two months of sales as of `scannedOn` (ISO date) and saves the findings. */
export function scanAnomalies(
  context: ToolContext,
  planning: Pick<PlanningRepository, 'saveAnomalyScan'>,
  scannedOn: string,
  clock: () => Date,
): AnomalyScanSummary {
  const range = context.sales.dateRange();
  if (range === undefined)
    throw new RangeError('the store holds no sales: import sales or load the demo data first');
  const last = range.last < scannedOn ? range.last : scannedOn;
  const current = monthOf(last);
  const months: MonthScan[] = [previousMonth(current), current]
    .filter((month) => monthEnd(month) >= range.first)
    .map((month) => ({ month, output: scanMonth(context, month, last) }));
  const from = months[0]!.output.from;
  planning.saveAnomalyScan({
    scannedOn,
    from,
    to: last,
    months,
    createdAt: clock().toISOString(),
  });
  return {
    scannedOn,
    from,
    to: last,
    months: months.map(({ month, output }) => ({
      month,
      to: output.to,
      listings: output.listingsScanned,
      anomalies: output.anomalyCount,
      explained: output.explainedCount,
      rules: output.ruleCount,
    })),
  };
}
