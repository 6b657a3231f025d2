// sop_summary (ARCHITECTURE.md 3.4, issue 9): the monthly S&OP summary of a month and scope — KPIs
// with the previous month, demand, supply, anomaly, quality and lifecycle reviews (or why each is
// not available) and the ranked decisions, all computed from the store — with the deterministic
// narrative. The agent's model writes its answer from the compact model output.
import { z } from 'zod';
import { defineTool, type JsonValue } from './define-tool';
import { assembleSopFacts, type SopSectionBuilders } from './sop/build-sop-facts';
import { createSopBuilders } from './sop/build-sop-facts-builders';
import { monthEnd, monthOf, monthStart, previousMonth } from './sop/months';
import { sopFacts, sopMonth, sopNarrative, type SopFacts, type SopScope } from './sop/sop-facts';
import { templateNarrative } from './sop/template-narrative';
import type { ToolContext } from './tool-context';
import { ToolInputError } from './tool-errors';

export const sopSummaryInput = z.strictObject({
  month: sopMonth
    .optional()
    .describe('the month YYYY-MM, e.g. "2026-10"; default: the last closed month'),
  category: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('product category by code or name, e.g. "dairy" or "lácteos"; omit for all'),
  location: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('location code or name, or a region name; omit for the whole company'),
  language: z.enum(['es', 'en']).default('es').describe('language of the narrative'),
});
export type SopSummaryInput = z.output<typeof sopSummaryInput>;

export const sopSummaryOutput = z.object({
  facts: sopFacts,
  narrative: sopNarrative,
  narrativeSource: z.literal('template'),
});
export type SopSummaryOutput = z.infer<typeof sopSummaryOutput>;

/** The month asked for, checked against the clock and the data; default the last closed month. */
export function summaryMonth(requested: string | undefined, context: ToolContext): string {
  const current = monthOf(context.now().toISOString().slice(0, 10));
  const month = requested ?? previousMonth(current);
  if (month > current) {
    throw new ToolInputError(
      'month',
      `${month} is in the future (today is in ${current}); ask for ${previousMonth(current)} or an earlier month`,
    );
  }
  const range = context.sales.dateRange();
  if (range === undefined) {
    throw new ToolInputError('month', 'the store has no sales yet; import sales first');
  }
  if (monthEnd(month) < range.first) {
    throw new ToolInputError(
      'month',
      `${month} is before the data: sales start on ${range.first}; ask for ${monthOf(range.first)} or later`,
    );
  }
  if (monthStart(month) > range.last) {
    throw new ToolInputError(
      'month',
      `${month} has no sales yet: the data runs to ${range.last}; ask for ${monthOf(range.last)} or earlier`,
    );
  }
  return month;
}

export function sopSummary(
  input: SopSummaryInput,
  context: ToolContext,
  builders: SopSectionBuilders = createSopBuilders(),
): SopSummaryOutput {
  const month = summaryMonth(input.month, context);
  const scope: SopScope = {
    ...(input.category !== undefined && { categories: [input.category] }),
    ...(input.location !== undefined && { locations: [input.location] }),
  };
  const facts = assembleSopFacts(context, { month, scope }, builders);
  return {
    facts,
    narrative: templateNarrative(facts, input.language),
    narrativeSource: 'template',
  };
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));
const percent = (fraction: number | null) => round(fraction === null ? null : fraction * 100, 1);

/** Each section's key figures, or "not available: <reason>". */
function sectionSummaries(facts: SopFacts): Record<string, JsonValue> {
  const product = (sku: string) => facts.labels?.products[sku] ?? sku;
  const location = (code: string) => facts.labels?.locations[code] ?? code;
  const { demandReview: demand, supplyReview: supply, anomalies, quality, lifecycle } = facts;
  const missing = (reason: string) => `not available: ${reason}`;
  return {
    demand:
      demand.status === 'available'
        ? {
            wapePercent: percent(demand.data.overall.wape),
            biasPercent: percent(demand.data.overall.bias),
            actualUnits: round(demand.data.overall.actualUnits, 0),
            forecastUnits: round(demand.data.overall.forecastUnits, 0),
            forecastSource: demand.data.forecastSource,
            worstItems: demand.data.worstItems.slice(0, 3).map((item) => ({
              product: product(item.sku),
              location: location(item.location),
              actualUnits: round(item.actualUnits, 0),
              forecastUnits: round(item.forecastUnits, 0),
            })),
            outlook: demand.data.outlook.map((month) => ({
              month: month.month,
              forecastUnits: round(month.forecastUnits, 0),
              lastYearUnits: round(month.lastYearUnits, 0),
            })),
          }
        : missing(demand.reason),
    supply:
      supply.status === 'available'
        ? {
            stockDate: supply.data.stockDate,
            fillRatePercent: percent(supply.data.serviceLevel.fillRate),
            stockoutDays: supply.data.serviceLevel.stockoutDays,
            excessValueSoles: round(supply.data.excess.totalValue, 0),
            expiryRiskSoles: round(supply.data.expiryRisk.value, 0),
            expiryRiskUnits: round(supply.data.expiryRisk.units, 0),
            expectedWasteCo2eKg: round(supply.data.expectedWaste.co2eKg, 1),
            // the lists hold the largest rows only: their first rows, not their lengths
            largestProjectedStockouts: supply.data.projectedStockouts.slice(0, 3).map((row) => ({
              product: product(row.sku),
              location: location(row.location),
              daysUntilStockout: row.daysUntilStockout,
              orderUnits: round(row.orderUnits, 0),
              lostSalesSoles: round(row.lostSalesValue, 0),
            })),
            largestBelowSafetyStock: supply.data.belowSafetyStock.slice(0, 3).map((row) => ({
              product: product(row.sku),
              location: location(row.location),
              onHandUnits: round(row.onHandUnits, 0),
              safetyStockUnits: round(row.safetyStockUnits, 0),
            })),
          }
        : missing(supply.reason),
    anomalies:
      anomalies.status === 'available'
        ? {
            largestUnexplained: anomalies.data.anomalies.slice(0, 3).map((row) => ({
              product: product(row.sku),
              location: location(row.location),
              date: row.date,
              units: round(row.units, 0),
              expectedUnits: round(row.expectedUnits, 0),
              valueAtRiskSoles: round(row.valueAtRisk, 0),
              explanation: row.explanation,
            })),
            incidents: anomalies.data.incidents.slice(0, 3).map((incident) => incident.label),
          }
        : missing(anomalies.reason),
    quality:
      quality.status === 'available'
        ? {
            passRatePercent: percent(quality.data.overall.passRate),
            inspected: quality.data.overall.inspected,
            failed: quality.data.overall.failed,
            needsReview: quality.data.overall.needsReview,
          }
        : missing(quality.reason),
    lifecycle:
      lifecycle.status === 'available'
        ? {
            launches: lifecycle.data.launches.slice(0, 3).map((row) => ({
              product: row.name,
              launchDate: row.launchDate,
              actualUnits: round(row.actualUnits, 0),
              analogueForecastUnits: round(row.analogueForecastUnits, 0),
            })),
            declining: lifecycle.data.declining.slice(0, 3).map((row) => ({
              product: row.name,
              changePercent: percent(row.changePct),
            })),
            discontinuedWithStock: lifecycle.data.discontinued
              .filter((row) => row.onHandUnits > 0)
              .slice(0, 3)
              .map((row) => ({ product: row.name, onHandUnits: round(row.onHandUnits, 0) })),
          }
        : missing(lifecycle.reason),
  };
}

export function sopSummaryModelOutput(output: SopSummaryOutput): JsonValue {
  const { facts } = output;
  const product = (sku: string | undefined) =>
    sku === undefined ? null : (facts.labels?.products[sku] ?? sku);
  const location = (code: string | undefined) =>
    code === undefined ? null : (facts.labels?.locations[code] ?? code);
  return {
    month: facts.month,
    scope: facts.scopeLabel,
    dataThrough: facts.dataThrough,
    currency: 'PEN (S/)',
    kpis: Object.fromEntries(
      facts.kpis.map((kpi): [string, JsonValue] => [
        kpi.id,
        kpi.unit === 'fraction'
          ? { percent: percent(kpi.value), previousPercent: percent(kpi.previous) }
          : { value: round(kpi.value, 1), previous: round(kpi.previous, 1) },
      ]),
    ),
    sections: sectionSummaries(facts),
    decisions: facts.decisions.slice(0, 5).map((decision) => ({
      rank: decision.rank,
      action: decision.action,
      product: product(decision.sku),
      location: location(decision.location),
      units: decision.units === undefined ? null : round(decision.units, 0),
      valueAtRiskSoles: round(decision.valueAtRisk, 0),
    })),
    decisionsNotShown: Math.max(0, facts.decisions.length - 5),
    headline: output.narrative.headline,
  };
}

export const sopSummaryTool = defineTool({
  name: 'sop_summary',
  description:
    'The monthly S&OP summary for the executive meeting: KPIs with the previous month (forecast accuracy, fill rate, stock-outs, days of cover, excess and expiring stock, anomalies, QC pass rate, sales), the demand, supply, anomaly, quality and lifecycle reviews (each says when it is not available and why) and the ranked decisions with soles at risk. Month YYYY-MM (default the last closed month); optional category and location or region by code or name.',
  input: sopSummaryInput,
  output: sopSummaryOutput,
  execute: (input, context) => sopSummary(input, context),
  toModelOutput: sopSummaryModelOutput,
});
