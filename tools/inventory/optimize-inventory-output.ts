// The structured result of optimize_inventory: what the UI shows and POST /api/tools returns.
import { z } from 'zod';

const outcome = z.object({
  averageOnHand: z.number(),
  averageInventoryValue: z.number(),
  /** mean units above the company's maximum days of cover, and their value at cost */
  averageExcessUnits: z.number(),
  averageExcessValue: z.number(),
  fillRate: z.number(),
  fillRateHalfWidth: z.number(),
  cycleServiceLevel: z.number(),
  stockoutDays: z.number(),
  wasteUnits: z.number(),
  wasteValue: z.number(),
  wasteCo2eKg: z.number(),
  ordersPlaced: z.number(),
});

const sSPolicy = z.object({
  type: z.literal('s-S'),
  reorderPoint: z.number(),
  orderUpToLevel: z.number(),
  reviewPeriodDays: z.number().optional(),
});

export const inventoryItem = z.object({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  location: z.string(),
  perishable: z.boolean(),
  shelfLifeDays: z.number().nullable(),
  unitCost: z.number(),
  position: z.object({
    date: z.string(),
    onHand: z.number(),
    onOrder: z.number(),
    daysOfCover: z.number().nullable(),
  }),
  /** the company's maximum days of cover (null: none) and the rule that set it */
  maximumCover: z.object({ days: z.number().nullable(), rule: z.string() }),
  demand: z.object({
    dailyMean: z.number(),
    dailySd: z.number(),
    method: z.enum(['daily-model', 'recent-mean']),
    note: z.string().nullable(),
    leadTimeDays: z.number(),
    leadTimeSdDays: z.number(),
  }),
  target: z.object({
    measure: z.enum(['fill-rate', 'cycle-service-level']),
    level: z.number(),
    source: z.string(),
  }),
  recommendation: z.object({
    policy: sSPolicy,
    method: z.enum(['closed-form', 'simulation']),
    safetyStock: z.number(),
    orderQuantity: z.number(),
    orderCoverDays: z.number(),
    why: z.string(),
  }),
  orderNow: z.number(),
  orderNowValue: z.number(),
  current: z
    .object({
      reorderPointDays: z.number(),
      orderUpToDays: z.number(),
      orders: z.number(),
      windowDays: z.number(),
      policy: sSPolicy,
    })
    .nullable(),
  comparison: z.object({ recommended: outcome, current: outcome.nullable() }),
});

const totals = z.object({
  averageInventoryValue: z.number(),
  averageExcessValue: z.number(),
  fillRate: z.number(),
  wasteUnits: z.number(),
  wasteValue: z.number(),
  wasteCo2eKg: z.number(),
});

export const optimizeInventoryOutput = z.object({
  scope: z.string(),
  dataThrough: z.string(),
  horizonDays: z.number(),
  replications: z.number(),
  items: z.array(inventoryItem),
  /** listings with no stock count or no demand, left out */
  skipped: z.array(z.object({ sku: z.string(), location: z.string(), reason: z.string() })),
  orders: z.object({ count: z.number(), units: z.number(), value: z.number() }),
  plan: z
    .object({
      status: z.string(),
      budget: z.number(),
      orderValue: z.number(),
      explanations: z.array(z.string()),
      orders: z.array(
        z.object({ sku: z.string(), location: z.string(), orderQuantity: z.number() }),
      ),
    })
    .nullable(),
  comparison: z.object({
    /** the items with an inferred current policy, both simulated on the same random streams */
    items: z.number(),
    recommended: totals,
    current: totals,
    inventoryValueChangePercent: z.number().nullable(),
    excessValueChangePercent: z.number().nullable(),
    fillRateChangePoints: z.number(),
    wasteValueChange: z.number(),
    note: z.string(),
  }),
  notes: z.array(z.string()),
});

export type OptimizeInventoryOutput = z.input<typeof optimizeInventoryOutput>;
export type InventoryItem = z.input<typeof inventoryItem>;
