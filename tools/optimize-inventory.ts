// optimize_inventory (ARCHITECTURE.md 3.4, issue 5): for each SKU x location of a product or
// category, the position today, the demand forecast over the lead time, the recommended policy at
// the company's service target (closed forms; simulation for perishables), the order to place now,
// and the current policy inferred from the stock history, both simulated over the horizon from
// today's stock on the same random streams. With a budget, the orders go through the replenishment
// MIP (HiGHS) with its binding constraints and shadow prices in words.
import { z } from 'zod';
import { formatIsoDate, parseIsoDate } from '../models/calendar/dates';
import {
  InfeasiblePlanError,
  planReplenishment,
  type ReplenishmentItem,
} from '../models/inventory/replenishment-plan';
import { defineTool } from './define-tool';
import { analyzeListing, type ListingAnalysis } from './inventory/analyze-listing';
import { comparisonTotals } from './inventory/comparison-totals';
import {
  optimizeInventoryOutput,
  type OptimizeInventoryOutput,
} from './inventory/optimize-inventory-output';
import { productOrCategory, resolveScope, scopeFields } from './scope-input';
import type { ToolContext } from './tool-context';
import { ToolInputError } from './tool-errors';

const SEED = 20_261_126;

export const optimizeInventoryInput = z
  .strictObject({
    ...scopeFields,
    service_level: z
      .number()
      .min(50)
      .max(99.9)
      .optional()
      .describe(
        'target in percent for every item; omit to use the company policy by category and DC class',
      ),
    service_measure: z
      .enum(['fill_rate', 'cycle_service_level'])
      .default('fill_rate')
      .describe(
        'fill_rate: share of units served from stock (what S&OP reports); cycle_service_level: share of replenishment cycles without a stockout',
      ),
    stockout_cost: z
      .number()
      .min(0)
      .optional()
      .describe('cost per unit short in soles; default the lost margin (price - unit cost)'),
    holding_cost_rate: z
      .number()
      .min(0)
      .max(2)
      .optional()
      .describe('yearly holding cost as a share of unit cost; default 0.2'),
    at_least_current_service: z
      .boolean()
      .default(false)
      .describe(
        "raise each item's target to the service its current policy delivers in simulation, to compare stock at equal service",
      ),
    horizon_days: z
      .number()
      .int()
      .min(14)
      .max(365)
      .default(90)
      .describe('days simulated to compare the recommended and the current policy'),
    budget: z
      .number()
      .positive()
      .optional()
      .describe('purchasing budget in soles for the orders now; plans them with a MIP when given'),
    replications: z
      .number()
      .int()
      .min(2)
      .max(200)
      .default(20)
      .describe('simulated replications per policy (more: narrower intervals, slower)'),
  })
  .refine(...productOrCategory);

export type OptimizeInventoryInput = z.output<typeof optimizeInventoryInput>;

function lastDataDay(context: ToolContext): number {
  const range = context.sales.dateRange();
  if (range === undefined) {
    throw new ToolInputError('product', 'the store has no sales yet; import sales first');
  }
  const yesterday = parseIsoDate(context.now().toISOString().slice(0, 10)) - 1;
  return Math.min(parseIsoDate(range.last), yesterday);
}

async function planOrders(
  analyses: readonly ListingAnalysis[],
  budget: number,
): Promise<NonNullable<OptimizeInventoryOutput['plan']>> {
  const items: ReplenishmentItem[] = analyses
    .filter((analysis) => analysis.demand.dailyMean > 0 && analysis.unitCost > 0)
    .map((analysis) => {
      const position = analysis.position.onHand + analysis.position.onOrder;
      const holdingPerDay = (analysis.unitCost * 0.2) / 365;
      return {
        sku: analysis.sku,
        location: analysis.location,
        onHand: analysis.position.onHand,
        onOrder: analysis.position.onOrder,
        demandForecast: [analysis.demand.dailyMean * analysis.demand.leadTimeDays],
        orderUpToLevel:
          analysis.orderNow > 0 ? analysis.recommendation.policy.orderUpToLevel : position,
        unitCost: analysis.unitCost,
        shortageCost: analysis.unitCost,
        holdingCost: holdingPerDay * analysis.recommendation.orderCoverDays,
        minimumOrderQuantity: Math.min(
          analysis.recommendation.orderQuantity,
          Math.max(1, analysis.orderNow > 0 ? analysis.orderNow : 1),
        ),
      };
    });
  try {
    const plan = await planReplenishment({ items, budget });
    return {
      status: plan.status,
      budget,
      orderValue: plan.totals.orderValue,
      explanations: plan.explanations,
      orders: plan.orders
        .filter((order) => order.orderQuantity > 0)
        .map((order) => ({
          sku: order.sku,
          location: order.location,
          orderQuantity: order.orderQuantity,
        })),
    };
  } catch (error) {
    if (error instanceof InfeasiblePlanError) throw new ToolInputError('budget', error.message);
    throw error;
  }
}

export async function optimizeInventory(
  input: OptimizeInventoryInput,
  context: ToolContext,
): Promise<OptimizeInventoryOutput> {
  if (input.product === undefined && input.category === undefined) {
    throw new ToolInputError('product', 'give a product or a category');
  }
  const resolved = resolveScope(input, context);
  const dataEnd = lastDataDay(context);
  const products = new Map(context.catalog.products().map((product) => [product.sku, product]));
  const listings = context.sales.listings(
    { ...resolved.scope, to: formatIsoDate(dataEnd) },
    { stock: true },
  );
  if (listings.length === 0) {
    throw new ToolInputError(
      input.product !== undefined ? 'product' : 'category',
      `${resolved.label} has no sales up to ${formatIsoDate(dataEnd)}`,
    );
  }
  const settings = {
    dataEnd,
    horizonDays: input.horizon_days,
    replications: input.replications,
    seed: SEED,
    measure:
      input.service_measure === 'fill_rate'
        ? ('fill-rate' as const)
        : ('cycle-service-level' as const),
    ...(input.service_level !== undefined && { serviceLevel: input.service_level / 100 }),
    ...(input.stockout_cost !== undefined && { stockoutCostPerUnit: input.stockout_cost }),
    ...(input.holding_cost_rate !== undefined && { holdingCostRate: input.holding_cost_rate }),
    atLeastCurrentService: input.at_least_current_service,
  };
  const analyses: ListingAnalysis[] = [];
  const skipped: OptimizeInventoryOutput['skipped'] = [];
  for (const listing of listings) {
    context.signal.throwIfAborted();
    const product = products.get(listing.sku);
    const latest = context.inventory.latest(listing.sku, listing.location);
    const lastSale = listing.days.at(-1)?.date;
    if (product === undefined) continue;
    if (latest === undefined) {
      skipped.push({ sku: listing.sku, location: listing.location, reason: 'no stock count' });
      continue;
    }
    if (lastSale === undefined || parseIsoDate(lastSale) < dataEnd - 28) {
      skipped.push({
        sku: listing.sku,
        location: listing.location,
        reason: 'no sales in the last 28 days (delisted?)',
      });
      continue;
    }
    analyses.push(
      analyzeListing(
        {
          listing,
          product,
          supply: context.supply.forListing(listing.sku, listing.location),
          latest,
        },
        settings,
      ),
    );
  }
  const ordering = analyses.filter((analysis) => analysis.orderNow > 0);
  const totals = comparisonTotals(analyses);
  const notes = [
    'The current policy is inferred from the stock history (position before and after each order in the last 120 days, as days of cover); it is not on record.',
    `Both policies are simulated ${input.replications} times over ${input.horizon_days} days from today's stock with the same demand and lead-time draws; stock on order is taken to arrive after half the lead time.`,
  ];
  if (analyses.some((analysis) => analysis.perishable)) {
    notes.push(
      "Perishables: a unit's shelf life is taken to start when it ships (life on arrival = shelf life - lead time); stock on hand today is taken to be half-way through it.",
    );
  }
  return {
    scope: resolved.label,
    dataThrough: formatIsoDate(dataEnd),
    horizonDays: input.horizon_days,
    replications: input.replications,
    items: analyses,
    skipped,
    orders: {
      count: ordering.length,
      units: ordering.reduce((sum, analysis) => sum + analysis.orderNow, 0),
      value: ordering.reduce((sum, analysis) => sum + analysis.orderNowValue, 0),
    },
    plan: input.budget === undefined ? null : await planOrders(analyses, input.budget),
    comparison: {
      ...totals,
      note:
        totals.items === 0
          ? 'No item has enough stock history to infer its current policy.'
          : `Over the ${totals.items} items whose current policy could be inferred; fill rate weighted by expected demand.`,
    },
    notes,
  };
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

export const optimizeInventoryTool = defineTool({
  name: 'optimize_inventory',
  description:
    'Recommend inventory policies for a product or a whole category at one location, a region or all locations: for each SKU x location the current stock and days of cover, the reorder point and order-up-to level at the company service target (or a given one), the order to place now, expected service level and waste; and a simulated comparison with the current policy (inferred from the stock history): change in inventory value, fill rate and waste. With a budget, the orders are planned by a MIP. Products and locations may be given by code or name.',
  input: optimizeInventoryInput,
  output: optimizeInventoryOutput,
  execute: optimizeInventory,
  toModelOutput(output) {
    const atRisk = [...output.items]
      .sort(
        (a, b) =>
          b.orderNowValue +
          b.comparison.recommended.averageInventoryValue -
          (a.orderNowValue + a.comparison.recommended.averageInventoryValue),
      )
      .slice(0, 10);
    const { comparison } = output;
    return {
      scope: output.scope,
      dataThrough: output.dataThrough,
      items: output.items.length,
      topItems: atRisk.map((item) => ({
        sku: item.sku,
        location: item.location,
        onHand: round(item.position.onHand),
        daysOfCover:
          item.position.daysOfCover === null ? null : round(item.position.daysOfCover, 1),
        reorderPoint: item.recommendation.policy.reorderPoint,
        orderUpTo: item.recommendation.policy.orderUpToLevel,
        orderNow: item.orderNow,
        expectedFillRatePercent: round(item.comparison.recommended.fillRate * 100, 1),
        expectedWasteUnits: round(item.comparison.recommended.wasteUnits, 1),
        why: item.recommendation.why,
      })),
      ordersNow: {
        count: output.orders.count,
        units: output.orders.units,
        value: round(output.orders.value),
      },
      ...(output.plan && {
        plan: {
          status: output.plan.status,
          orderValue: round(output.plan.orderValue),
          explanations: output.plan.explanations.slice(0, 3),
        },
      }),
      comparisonWithCurrent: {
        items: comparison.items,
        inventoryValueChangePercent:
          comparison.inventoryValueChangePercent === null
            ? null
            : round(comparison.inventoryValueChangePercent, 1),
        // the company's excess: stock above the maximum days of cover, at cost (politica-sop.md)
        excessValue: {
          recommended: round(comparison.recommended.averageExcessValue),
          current: round(comparison.current.averageExcessValue),
          changePercent:
            comparison.excessValueChangePercent === null
              ? null
              : round(comparison.excessValueChangePercent, 1),
        },
        fillRatePercent: {
          recommended: round(comparison.recommended.fillRate * 100, 1),
          current: round(comparison.current.fillRate * 100, 1),
        },
        wasteValue: {
          recommended: round(comparison.recommended.wasteValue),
          current: round(comparison.current.wasteValue),
        },
        note: comparison.note,
      },
      notes: output.notes.join(' '),
    };
  },
});
