// detect_anomalies (ARCHITECTURE.md 3.4): unexplained spikes, drops and level shifts in daily
// sales per SKU x location, with what the calendar, promotions, prices and stock explain set
// apart, and anomalies that share a place or a SKU and days grouped into incidents.
import { z } from 'zod';
import { getDetector } from '../models/anomaly/registry';
import { STL_THRESHOLDS } from '../models/anomaly/stl-residual';
import { parseIsoDate } from '../models/calendar/dates';
import type { PeerTotals } from './anomaly/explain-anomaly';
import { groupIncidents } from './anomaly/incidents';
import { findMultivariateOutliers } from './anomaly/multivariate-outliers';
import { findRuleAlerts } from './anomaly/rule-alerts';
import { scanListings } from './anomaly/scan-listings';
import { defineTool } from './define-tool';
import {
  fromNotAfterTo,
  isoDate,
  productOrCategory,
  resolveScope,
  scopeFields,
} from './scope-input';
import type { ToolContext } from './tool-context';

export const detectAnomaliesInput = z
  .strictObject({
    ...scopeFields,
    from: isoDate
      .optional()
      .describe(
        'report anomalies from this day (YYYY-MM-DD); default 90 days before the last sales day',
      ),
    to: isoDate.optional().describe('report anomalies up to this day, inclusive'),
    sensitivity: z
      .enum(['low', 'medium', 'high'])
      .default('medium')
      .describe('high finds more, with more false alarms'),
    limit: z.number().int().min(1).max(500).default(50).describe('most anomalies returned'),
  })
  .refine(...productOrCategory)
  .refine(...fromNotAfterTo);

export type DetectAnomaliesInput = z.output<typeof detectAnomaliesInput>;

const anomaly = z.object({
  sku: z.string(),
  product: z.string(),
  location: z.string(),
  region: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(['spike', 'drop', 'level_shift', 'outlier']),
  score: z.number(),
  severity: z.enum(['low', 'medium', 'high']),
  expected: z.number(),
  expectedLower: z.number(),
  expectedUpper: z.number(),
  observed: z.number(),
  unitsOff: z.number(),
  valueAtRisk: z.number().nullable(),
  explanation: z.string(),
});

export const detectAnomaliesOutput = z.object({
  scope: z.string(),
  from: z.string(),
  to: z.string(),
  sensitivity: z.enum(['low', 'medium', 'high']),
  detector: z.string(),
  listingsScanned: z.number().int(),
  anomalies: z.array(anomaly),
  anomalyCount: z.number().int(),
  explained: z.array(anomaly),
  explainedCount: z.number().int(),
  incidents: z.array(
    z.object({
      scope: z.string(),
      start: z.string(),
      end: z.string(),
      kinds: z.array(z.string()),
      skus: z.array(z.string()),
      locations: z.array(z.string()),
      anomalies: z.number().int(),
      valueAtRisk: z.number().nullable(),
      summary: z.string(),
    }),
  ),
  rules: z.array(
    z.object({
      rule: z.string(),
      sku: z.string(),
      product: z.string(),
      location: z.string(),
      start: z.string(),
      end: z.string(),
      severity: z.enum(['low', 'medium', 'high']),
      figures: z.record(z.string(), z.number().nullable()),
      valueAtRisk: z.number().nullable(),
      explanation: z.string(),
    }),
  ),
  ruleCount: z.number().int(),
  outliers: z.array(
    z.object({
      sku: z.string(),
      location: z.string(),
      date: z.string(),
      score: z.number(),
      units: z.number(),
      features: z.record(z.string(), z.number()),
      explanation: z.string(),
    }),
  ),
  skipped: z.number().int(),
});

export type DetectAnomaliesOutput = z.input<typeof detectAnomaliesOutput>;

const DEFAULT_DAYS = 90;

function severityOf(score: number, threshold: number): 'low' | 'medium' | 'high' {
  if (score >= 2 * threshold) return 'high';
  return score >= 1.3 * threshold ? 'medium' : 'low';
}

export function detectAnomalies(
  input: DetectAnomaliesInput,
  context: ToolContext,
): DetectAnomaliesOutput {
  const products = context.catalog.products();
  const { scope, label } = resolveScope(input, context);
  const range = context.sales.dateRange();
  const last = input.to ?? range?.last ?? '';
  const from =
    input.from ??
    (range
      ? new Date(Date.parse(`${last}T00:00:00Z`) - DEFAULT_DAYS * 86_400_000)
          .toISOString()
          .slice(0, 10)
      : '');
  const detector = getDetector('default');
  context.signal.throwIfAborted();
  const histories = range
    ? context.sales.listings({ ...scope, ...(input.to && { to: input.to }) })
    : [];
  const names = new Map(products.map((item) => [item.sku, item.name]));
  const prices = new Map(
    products.flatMap((item) => (item.price != null ? [[item.sku, item.price] as const] : [])),
  );
  const categoryOf = new Map(products.map((item) => [item.sku, item.category]));
  const totals = new Map<string, PeerTotals | undefined>();
  // each category's daily sales over all locations: what the listing's peers did those days
  const categoryTotals = (sku: string, region?: string): PeerTotals | undefined => {
    const category = categoryOf.get(sku);
    if (category === undefined) return undefined;
    const name = region === undefined ? category : `${category}|${region}`;
    if (!totals.has(name)) {
      const days = context.sales.daily({
        categories: [category],
        ...(region !== undefined && { regions: [region] }),
        to: last,
      });
      if (days.length === 0) totals.set(name, undefined);
      else {
        const firstDay = parseIsoDate(days[0]!.date);
        const units = new Float64Array(
          parseIsoDate(days[days.length - 1]!.date) - firstDay + 1,
        ).fill(Number.NaN);
        for (const day of days) units[parseIsoDate(day.date) - firstDay] = day.units;
        totals.set(name, {
          firstDay,
          units,
          listings: Math.max(...days.map((day) => day.rows)),
        });
      }
    }
    return totals.get(name);
  };
  const scan = scanListings(histories, {
    detector,
    sensitivity: input.sensitivity,
    from,
    to: last,
    prices,
    categoryTotals,
    signal: context.signal,
  });
  const rules = range
    ? findRuleAlerts(context, { ...scope, from, to: last }, { listings: histories })
    : { alerts: [] };
  const thresholds = STL_THRESHOLDS[input.sensitivity];
  const shape = (item: (typeof scan.anomalies)[number]) => ({
    ...item,
    product: names.get(item.sku) ?? item.sku,
    severity: severityOf(item.score, thresholds[item.kind]),
  });
  return {
    scope: label,
    from,
    to: last,
    sensitivity: input.sensitivity,
    detector: detector.name,
    listingsScanned: scan.listingsScanned,
    anomalies: scan.anomalies.slice(0, input.limit).map(shape),
    anomalyCount: scan.anomalies.length,
    explained: scan.explained.slice(0, input.limit).map(shape),
    explainedCount: scan.explained.length,
    incidents: groupIncidents(scan.anomalies),
    rules: rules.alerts.slice(0, input.limit).map((alert) => ({
      rule: alert.rule,
      sku: alert.sku,
      product: alert.product,
      location: alert.location,
      start: alert.start,
      end: alert.end,
      severity: alert.severity,
      figures: alert.figures,
      valueAtRisk: alert.valueAtRisk,
      explanation: alert.explanation,
    })),
    ruleCount: rules.alerts.length,
    outliers: range
      ? findMultivariateOutliers(histories, from, last, (sku, location) =>
          context.supply.forListing(sku, location),
        )
      : [],
    skipped: scan.skipped.length,
  };
}

const modelAnomalies = 15;

export const detectAnomaliesTool = defineTool({
  name: 'detect_anomalies',
  description:
    "Finds unexplained spikes, drops and level shifts in daily sales per product and location, sorted by value at risk. Promotions, stockouts, price changes, launches and holidays that move sales every year are checked first and reported apart as explained. Also groups anomalies of one place or product into incidents, checks the planners' rules (projected stockout within lead time, stock below safety stock, stock that will expire before it sells, a broken sales feed, sales that did not leave the stock, impossible values) and lists unusual days for review. Scope: a product or category, a location or region, a date range (default the last 90 days), and a sensitivity.",
  input: detectAnomaliesInput,
  output: detectAnomaliesOutput,
  execute: detectAnomalies,
  toModelOutput(output) {
    return {
      scope: output.scope,
      period: `${output.from} to ${output.to}`,
      listingsScanned: output.listingsScanned,
      anomalies: output.anomalies.slice(0, modelAnomalies).map((item) => ({
        sku: item.sku,
        location: item.location,
        dates: item.start === item.end ? item.start : `${item.start}..${item.end}`,
        kind: item.kind,
        severity: item.severity,
        expected: Math.round(item.expected * 10) / 10,
        observed: Math.round(item.observed * 10) / 10,
        ...(item.valueAtRisk !== null && { valueAtRisk: Math.round(item.valueAtRisk) }),
        explanation: item.explanation,
      })),
      ...(output.anomalyCount > modelAnomalies && {
        anomaliesNotShown: output.anomalyCount - modelAnomalies,
      }),
      explainedCount: output.explainedCount,
      incidents: output.incidents.slice(0, 5).map((incident) => incident.summary),
      rules: output.rules.slice(0, modelAnomalies).map((alert) => ({
        rule: alert.rule,
        sku: alert.sku,
        location: alert.location,
        dates: alert.start === alert.end ? alert.start : `${alert.start}..${alert.end}`,
        severity: alert.severity,
        explanation: alert.explanation,
      })),
      ...(output.ruleCount > modelAnomalies && {
        rulesNotShown: output.ruleCount - modelAnomalies,
      }),
    };
  },
});
