// Registry entries of the reorder-point policies: (r, Q) for normal and Poisson demand (Snyder &
// Shen 2nd ed., chapter 5), (s, S) for Poisson demand, Wagner-Whitin lot sizing, safety stock for a
// cycle service level or a fill rate, and periodic review (R, S).
import { z } from 'zod';
import { periodicReviewOrderUpTo } from '../../models/inventory/periodic-review';
import {
  rqEoqPlusSafetyStock,
  rqNormalCost,
  rqNormalOptimal,
  rqPoissonOptimal,
} from '../../models/inventory/rq';
import {
  safetyStockForCycleServiceLevel,
  safetyStockForFillRate,
} from '../../models/inventory/safety-stock';
import { ssPoissonOptimal } from '../../models/inventory/ss-poisson';
import { wagnerWhitin } from '../../models/inventory/wagner-whitin';
import {
  defineInventoryModel,
  finite,
  nonNegative,
  positive,
  probability,
  wholeNumber,
  type InventoryModel,
} from './define-inventory-model';

const rqShape = {
  holding_cost: positive('h, per unit per unit time'),
  stockout_cost: positive('p, per unit short per unit time'),
  fixed_cost: positive('K, per order'),
  demand_mean: positive('λ, mean demand per unit time'),
  demand_sd: positive('τ, standard deviation of demand per unit time'),
  lead_time: positive('L, in the same unit of time'),
};
const rqInput = (params: z.output<z.ZodObject<typeof rqShape>>) => ({
  holdingCost: params.holding_cost,
  stockoutCost: params.stockout_cost,
  fixedCost: params.fixed_cost,
  demandMean: params.demand_mean,
  demandSd: params.demand_sd,
  leadTime: params.lead_time,
});

const leadTimeDemandShape = {
  demand_mean: nonNegative('d, mean demand per period'),
  demand_sd: nonNegative('σ_d, forecast error standard deviation per period'),
  lead_time_mean: positive('L, mean lead time in periods'),
  lead_time_sd: nonNegative('σ_L, lead time standard deviation in periods (default 0)').optional(),
};
const leadTimeDemandInput = (params: z.output<z.ZodObject<typeof leadTimeDemandShape>>) => ({
  demandMean: params.demand_mean,
  demandSd: params.demand_sd,
  leadTimeMean: params.lead_time_mean,
  ...(params.lead_time_sd !== undefined && { leadTimeSd: params.lead_time_sd }),
});
const safetyStockOutput = (result: ReturnType<typeof safetyStockForCycleServiceLevel>) => ({
  safety_stock: result.safetyStock,
  reorder_point: result.reorderPoint,
  safety_factor: result.safetyFactor,
  lead_time_demand_mean: result.leadTimeDemandMean,
  lead_time_demand_sd: result.leadTimeDemandSd,
});

export const reorderPolicyModels: Record<string, InventoryModel> = {
  rq_normal_optimal: defineInventoryModel({
    description: 'Optimal (r, Q), normal demand, exact (Zheng 1992 optimality conditions)',
    params: z.strictObject(rqShape),
    solve: (params) => {
      const result = rqNormalOptimal(rqInput(params));
      return { reorder_point: result.reorderPoint, order_quantity: result.orderQuantity };
    },
  }),
  rq_normal_cost: defineInventoryModel({
    description: 'Exact expected cost per unit time of (r, Q), normal demand (eq. 5.7)',
    params: z.strictObject({
      ...rqShape,
      reorder_point: finite('r, the reorder point to evaluate'),
      order_quantity: positive('Q, the order quantity to evaluate'),
    }),
    solve: (params) => ({
      cost: rqNormalCost({
        ...rqInput(params),
        reorderPoint: params.reorder_point,
        orderQuantity: params.order_quantity,
      }),
    }),
  }),
  rq_eoq_plus_safety_stock: defineInventoryModel({
    description:
      'EOQ + safety stock approximation of (r, Q): Q = EOQ, r = newsvendor level (eq. 5.21)',
    params: z.strictObject(rqShape),
    solve: (params) => {
      const result = rqEoqPlusSafetyStock(rqInput(params));
      return { reorder_point: result.reorderPoint, order_quantity: result.orderQuantity };
    },
  }),
  rq_poisson_optimal: defineInventoryModel({
    description: 'Optimal integer (r, Q), Poisson demand (Federgruen & Zheng 1992)',
    params: z.strictObject({
      holding_cost: rqShape.holding_cost,
      stockout_cost: rqShape.stockout_cost,
      fixed_cost: rqShape.fixed_cost,
      demand_mean: positive('λ, mean demand per unit time'),
      lead_time: nonNegative('L, in the same unit of time'),
    }),
    solve: (params) => {
      const result = rqPoissonOptimal({
        holdingCost: params.holding_cost,
        stockoutCost: params.stockout_cost,
        fixedCost: params.fixed_cost,
        demandMean: params.demand_mean,
        leadTime: params.lead_time,
      });
      return {
        reorder_point: result.reorderPoint,
        order_quantity: result.orderQuantity,
        cost: result.cost,
      };
    },
  }),
  ss_poisson_optimal: defineInventoryModel({
    description: 'Optimal periodic-review (s, S), Poisson demand (Zheng & Federgruen 1991)',
    params: z.strictObject({
      holding_cost: positive('h, per unit held per period'),
      stockout_cost: positive('p, per unit short per period'),
      fixed_cost: positive('K, per order'),
      demand_mean: positive('λ, mean demand per period'),
    }),
    solve: (params) => {
      const result = ssPoissonOptimal({
        holdingCost: params.holding_cost,
        stockoutCost: params.stockout_cost,
        fixedCost: params.fixed_cost,
        demandMean: params.demand_mean,
      });
      return {
        reorder_point: result.reorderPoint,
        order_up_to_level: result.orderUpToLevel,
        cost: result.cost,
      };
    },
  }),
  wagner_whitin: defineInventoryModel({
    description: 'Wagner-Whitin lot sizing for known demand per period (Algorithm 3.1)',
    params: z.strictObject({
      num_periods: wholeNumber('T, periods in the horizon'),
      holding_cost: z
        .union([z.number(), z.array(z.number())])
        .describe('h per unit per period: one value or one per period'),
      fixed_cost: z
        .union([z.number(), z.array(z.number())])
        .describe('K per order: one value or one per period'),
      demand: z.array(z.number()).describe('demand of periods 1..T'),
    }),
    solve: (params) => {
      const result = wagnerWhitin({
        numPeriods: params.num_periods,
        holdingCost: params.holding_cost,
        fixedCost: params.fixed_cost,
        demand: params.demand,
      });
      return { order_quantities: result.orderQuantities, cost: result.cost };
    },
  }),
  safety_stock_alpha: defineInventoryModel({
    description:
      'Safety stock and reorder point for a cycle service level α; σ_LTD = √(Lσ_d² + d²σ_L²)',
    params: z.strictObject({
      ...leadTimeDemandShape,
      cycle_service_level: probability('α, P(no stockout in a cycle)'),
    }),
    solve: (params) =>
      safetyStockOutput(
        safetyStockForCycleServiceLevel({
          ...leadTimeDemandInput(params),
          cycleServiceLevel: params.cycle_service_level,
        }),
      ),
  }),
  safety_stock_beta: defineInventoryModel({
    description:
      'Safety stock and reorder point for a fill rate β via the standard normal loss function',
    params: z.strictObject({
      ...leadTimeDemandShape,
      fill_rate: probability('β, fraction of demand met from stock'),
      order_quantity: positive('Q, units per replenishment'),
    }),
    solve: (params) =>
      safetyStockOutput(
        safetyStockForFillRate({
          ...leadTimeDemandInput(params),
          fillRate: params.fill_rate,
          orderQuantity: params.order_quantity,
        }),
      ),
  }),
  periodic_review_rs: defineInventoryModel({
    description:
      'Periodic review (R, S): order up to S every R periods; give cycle_service_level or fill_rate',
    params: z.strictObject({
      review_period: positive('R, periods between reviews'),
      lead_time: nonNegative('L, lead time in periods'),
      demand_mean: nonNegative('d, mean demand per period'),
      demand_sd: nonNegative('σ_d, forecast error standard deviation per period'),
      lead_time_sd: nonNegative('σ_L, lead time standard deviation (default 0)').optional(),
      cycle_service_level: probability('α (or give fill_rate)').optional(),
      fill_rate: probability('β (or give cycle_service_level)').optional(),
    }),
    solve: (params) => {
      const result = periodicReviewOrderUpTo({
        reviewPeriod: params.review_period,
        leadTime: params.lead_time,
        demandMean: params.demand_mean,
        demandSd: params.demand_sd,
        ...(params.lead_time_sd !== undefined && { leadTimeSd: params.lead_time_sd }),
        ...(params.cycle_service_level !== undefined && {
          cycleServiceLevel: params.cycle_service_level,
        }),
        ...(params.fill_rate !== undefined && { fillRate: params.fill_rate }),
      });
      return {
        order_up_to_level: result.orderUpToLevel,
        safety_stock: result.safetyStock,
        safety_factor: result.safetyFactor,
        protection_mean: result.protectionMean,
        protection_sd: result.protectionSd,
      };
    },
  }),
};
