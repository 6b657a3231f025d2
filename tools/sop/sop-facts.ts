// The S&OP summary's computed facts (issue 9): every number the report, the narrative and the UI
// show comes from here, computed from the store, never from the model. The narrative model gets
// this JSON; the grounding check compares its figures with these. A section that cannot be
// computed is `not_available` with the reason — never filled with invented numbers.
import { z } from 'zod';

/** YYYY-MM */
export const sopMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM, e.g. 2026-10');

export const sopScope = z.object({
  categories: z.array(z.string()).optional(),
  regions: z.array(z.string()).optional(),
  locations: z.array(z.string()).optional(),
});
export type SopScope = z.infer<typeof sopScope>;

function section<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('available'), data }),
    z.object({ status: z.literal('not_available'), reason: z.string() }),
  ]);
}

const accuracy = z.object({
  actualUnits: z.number(),
  forecastUnits: z.number(),
  /** sum |actual - forecast| / sum actual, as a fraction */
  wape: z.number().nullable(),
  /** mean of |actual - forecast| / actual over listings with actual > 0, as a fraction */
  mape: z.number().nullable(),
  /** (sum forecast - sum actual) / sum actual: positive = over-forecast */
  bias: z.number().nullable(),
});

export const demandReview = z.object({
  /** how "the forecast made before the month" was obtained */
  forecastSource: z.enum(['snapshot', 'backtest']),
  /** the last day of data the forecast saw (ISO date) */
  forecastOrigin: z.string(),
  overall: accuracy,
  byCategory: z.array(accuracy.extend({ category: z.string() })),
  byRegion: z.array(accuracy.extend({ region: z.string() })),
  /** largest absolute errors first (at most 10) */
  worstItems: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      location: z.string(),
      actualUnits: z.number(),
      forecastUnits: z.number(),
      absErrorUnits: z.number(),
      errorValue: z.number().nullable(),
    }),
  ),
  /** the next 3 months vs the same months a year earlier */
  outlook: z.array(
    z.object({
      month: z.string(),
      forecastUnits: z.number(),
      lowerUnits: z.number().nullable(),
      upperUnits: z.number().nullable(),
      lastYearUnits: z.number().nullable(),
      changePct: z.number().nullable(),
    }),
  ),
  /** what moved demand in the month or will in the outlook */
  drivers: z.array(
    z.object({
      kind: z.enum(['holiday', 'event', 'promotion', 'launch']),
      month: z.string(),
      description: z.string(),
      sku: z.string().optional(),
      upliftPct: z.number().nullable().optional(),
    }),
  ),
});
export type DemandReview = z.infer<typeof demandReview>;

export const supplyReview = z.object({
  /** the stock counts' date the review used */
  stockDate: z.string(),
  daysOfCover: z.array(
    z.object({
      category: z.string(),
      location: z.string(),
      onHandUnits: z.number(),
      averageDailyUnits: z.number(),
      days: z.number().nullable(),
    }),
  ),
  belowSafetyStock: z.array(
    z.object({
      sku: z.string(),
      location: z.string(),
      onHandUnits: z.number(),
      safetyStockUnits: z.number(),
    }),
  ),
  projectedStockouts: z.array(
    z.object({
      sku: z.string(),
      location: z.string(),
      daysUntilStockout: z.number(),
      leadTimeDays: z.number(),
      /** what to order now to cover the lead time and the safety stock */
      orderUnits: z.number(),
      lostSalesValue: z.number(),
    }),
  ),
  excess: z.object({
    totalValue: z.number(),
    items: z.array(
      z.object({
        sku: z.string(),
        location: z.string(),
        onHandUnits: z.number(),
        /** order-up-to level of the recommended policy */
        recommendedMaxUnits: z.number(),
        excessUnits: z.number(),
        excessValue: z.number(),
      }),
    ),
  }),
  expiryRisk: z.object({
    units: z.number(),
    value: z.number(),
    co2eKg: z.number().nullable(),
    items: z.array(
      z.object({
        sku: z.string(),
        location: z.string(),
        units: z.number(),
        value: z.number(),
        daysLeft: z.number(),
      }),
    ),
  }),
  expectedWaste: z.object({ units: z.number(), value: z.number(), co2eKg: z.number().nullable() }),
  serviceLevel: z.object({
    /** units sold / (units sold + estimated units lost on stockout days) */
    fillRate: z.number().nullable(),
    stockoutDays: z.number(),
    listingDays: z.number(),
  }),
});
export type SupplyReview = z.infer<typeof supplyReview>;

export const anomalyReview = z.object({
  /** where the findings come from: the nightly scan kept in the store, or a scan run now */
  source: z.enum(['nightly_scan', 'live']).optional(),
  /** the day of the nightly scan, when source is nightly_scan */
  scannedOn: z.string().optional(),
  anomalies: z.array(
    z.object({
      sku: z.string(),
      location: z.string(),
      date: z.string(),
      kind: z.string(),
      units: z.number(),
      expectedUnits: z.number(),
      valueAtRisk: z.number(),
      explanation: z.string(),
    }),
  ),
  explained: z.array(
    z.object({ sku: z.string(), location: z.string(), date: z.string(), reason: z.string() }),
  ),
  incidents: z.array(
    z.object({ label: z.string(), from: z.string(), to: z.string(), anomalies: z.number() }),
  ),
  rules: z.array(
    z.object({ rule: z.string(), sku: z.string(), location: z.string(), message: z.string() }),
  ),
});
export type AnomalyReview = z.infer<typeof anomalyReview>;

const passRate = z.object({
  inspected: z.number(),
  passed: z.number(),
  failed: z.number(),
  needsReview: z.number(),
  retake: z.number(),
  /** passed / (inspected - retake) */
  passRate: z.number().nullable(),
});

export const qualityReview = z.object({
  overall: passRate,
  bySku: z.array(passRate.extend({ sku: z.string() })),
  byLine: z.array(passRate.extend({ line: z.string() })),
});
export type QualityReview = z.infer<typeof qualityReview>;

export const lifecycleReview = z.object({
  launches: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      launchDate: z.string(),
      actualUnits: z.number(),
      /** what the analogue forecast expected over the same days */
      analogueForecastUnits: z.number().nullable(),
      /** actual / analogue forecast */
      ratio: z.number().nullable(),
    }),
  ),
  declining: z.array(
    z.object({ sku: z.string(), name: z.string(), changePct: z.number(), onHandUnits: z.number() }),
  ),
  discontinued: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      onHandUnits: z.number(),
      onHandValue: z.number().nullable(),
    }),
  ),
});
export type LifecycleReview = z.infer<typeof lifecycleReview>;

export const sopDecision = z.object({
  rank: z.number().int().min(1),
  action: z.enum([
    'raise_order',
    'reduce_order',
    'transfer_stock',
    'markdown_or_donate',
    'review_forecast',
    'investigate_anomaly',
    'quality_hold',
  ]),
  sku: z.string().optional(),
  location: z.string().optional(),
  /** transfer_stock: the location the units go to (`location` is where they come from) */
  toLocation: z.string().optional(),
  units: z.number().optional(),
  /** soles at risk if nothing is done */
  valueAtRisk: z.number(),
  /** which section and row support it, e.g. { section: 'supplyReview', path: 'projectedStockouts[3]' } */
  evidence: z.object({ section: z.string(), path: z.string() }),
});
export type SopDecision = z.infer<typeof sopDecision>;

export const sopKpi = z.object({
  id: z.enum([
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
  ]),
  unit: z.enum(['fraction', 'days', 'soles', 'units', 'kg', 'count']),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** which direction is good */
  better: z.enum(['higher', 'lower']),
});
export type SopKpi = z.infer<typeof sopKpi>;

export const sopFacts = z.object({
  month: sopMonth,
  scope: sopScope,
  /** "Lima, dairy" or "whole company" */
  scopeLabel: z.string(),
  currency: z.literal('PEN'),
  /** the last day of data in the store when the facts were computed */
  dataThrough: z.string(),
  kpis: z.array(sopKpi),
  demandReview: section(demandReview),
  supplyReview: section(supplyReview),
  anomalies: section(anomalyReview),
  quality: section(qualityReview),
  lifecycle: section(lifecycleReview),
  decisions: z.array(sopDecision),
  /** names of the SKUs and locations the facts mention, by code (the narrative writes names) */
  labels: z
    .object({
      products: z.record(z.string(), z.string()),
      locations: z.record(z.string(), z.string()),
    })
    .optional(),
});
export type SopFacts = z.infer<typeof sopFacts>;
export type SopSection<T> =
  { status: 'available'; data: T } | { status: 'not_available'; reason: string };

/** The stored forecasts and scans the nightly jobs write (the store implements it). */
export interface PlanningRecords {
  /** Monthly forecasts made on the latest day <= madeOnOrBefore for the target month. */
  forecastSnapshots(
    month: string,
    madeOnOrBefore: string,
  ): {
    madeOn: string;
    sku: string;
    location: string;
    units: number;
    lower: number | null;
    upper: number | null;
    method: string;
  }[];
  /** The month's findings from the latest nightly anomaly scan over it, when one was kept. */
  anomalyScan?(month: string): StoredAnomalyScan | undefined;
}

interface StoredFinding {
  sku: string;
  location: string;
  start: string;
  kind: string;
  observed: number;
  expected: number;
  valueAtRisk: number | null;
  explanation: string;
}

/**
 * detect_anomalies' output for one month (medium sensitivity, every listing, no row limit) as the
 * nightly scan ran it: from the month's first day to `to`, the last day of sales it saw in the month.
 */
export interface StoredAnomalyScan {
  scannedOn: string;
  from: string;
  to: string;
  sensitivity: string;
  anomalies: StoredFinding[];
  explained: StoredFinding[];
  incidents: {
    start: string;
    end: string;
    skus: string[];
    locations: string[];
    anomalies: number;
    valueAtRisk: number | null;
    summary: string;
  }[];
  rules: {
    rule: string;
    sku: string;
    location: string;
    valueAtRisk: number | null;
    explanation: string;
  }[];
}

/** The executive narrative (the model's structured output, or the deterministic template's). */
export const sopNarrative = z.object({
  headline: z.string().min(1).max(300),
  keyIssues: z.array(z.string().min(1).max(600)).max(8),
  decisions: z.array(z.string().min(1).max(600)).max(10),
});
export type SopNarrative = z.infer<typeof sopNarrative>;
