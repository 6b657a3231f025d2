// The structured result of forecast_demand: what the UI draws and POST /api/tools returns.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nullableNumber = z.number().nullable();

const lift = z.object({ name: z.string(), multiplier: z.number(), significant: z.boolean() });

/** What the daily model found in one SKU x location series (null for other strategies). */
const dailyEffects = z
  .object({
    transform: z.enum(['log1p', 'none']),
    weekdays: z.array(
      z.object({ weekday: z.number().int(), name: z.string(), multiplier: z.number() }),
    ),
    yearly: z
      .object({
        harmonics: z.number().int(),
        monthMultipliers: z.array(z.number()),
        peakMonth: z.number().int(),
        troughMonth: z.number().int(),
      })
      .optional(),
    trendForm: z.string(),
    trendPerYear: z.number(),
    events: z.array(lift.extend({ yearsObserved: z.number().int() })),
    promotion: lift.optional(),
    priceElasticity: z.object({ elasticity: z.number(), significant: z.boolean() }).optional(),
    arOrder: z.number().int(),
    censoredDays: z.number().int(),
    missingDays: z.number().int(),
  })
  .nullable();

export const forecastDemandOutput = z.object({
  scope: z.object({
    label: z.string(),
    /** the first 50 products of the scope */
    products: z.array(z.object({ sku: z.string(), name: z.string() })),
    productCount: z.number().int(),
    category: z.string().nullable(),
    location: z
      .object({
        kind: z.enum(['location', 'region']),
        code: z.string(),
        name: z.string(),
        codes: z.array(z.string()),
      })
      .nullable(),
  }),
  grain: z.enum(['day', 'week', 'month']),
  horizon: z.number().int(),
  seasonalPeriod: z.number().int(),
  model: z.object({
    strategy: z.string(),
    requested: z.string(),
    method: z.string(),
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    notes: z.array(z.string()),
  }),
  history: z.object({
    start: isoDate,
    end: isoDate,
    periods: z.number().int(),
    tail: z.array(z.object({ start: isoDate, units: z.number() })),
    currentPeriod: z
      .object({ start: isoDate, end: isoDate, unitsSoFar: z.number(), dataThrough: isoDate })
      .nullable(),
    dropped: z.array(
      z.object({ start: isoDate, end: isoDate, units: z.number(), reason: z.string() }),
    ),
  }),
  forecast: z.array(
    z.object({
      start: isoDate,
      end: isoDate,
      mean: z.number(),
      intervals: z.array(z.object({ level: z.number(), lower: z.number(), upper: z.number() })),
    }),
  ),
  accuracy: z
    .object({
      origins: z.number().int(),
      horizon: z.number().int(),
      wape: nullableNumber,
      mase: nullableNumber,
      bias: nullableNumber,
      biasPercent: nullableNumber,
      smape: nullableNumber,
      coverage: z.record(z.string(), z.number()),
    })
    .nullable(),
  findings: z.object({
    trend: z.object({
      direction: z.enum(['up', 'down', 'flat']),
      changePercent: nullableNumber,
      comparedWith: z.enum(['same periods a season earlier', 'the most recent periods']).nullable(),
      yearOverYearPercent: nullableNumber,
      yearOverYearWindow: z.number().int(),
    }),
    seasonality: z.object({
      period: z.number().int(),
      strength: nullableNumber,
      significant: z.boolean(),
      label: z.enum(['none', 'weak', 'moderate', 'strong', 'not measured']),
      peak: z.string().nullable(),
      trough: z.string().nullable(),
    }),
    events: z.array(
      z.object({
        date: isoDate,
        name: z.string(),
        kind: z.enum(['holiday', 'event']),
        region: z.string().nullable(),
        periodStart: isoDate,
      }),
    ),
  }),
  effects: dailyEffects,
  explanation: z.array(z.string()),
});

export type ForecastDemandOutput = z.input<typeof forecastDemandOutput>;
