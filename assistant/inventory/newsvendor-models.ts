// Registry entries of the newsvendor models (Snyder & Shen 2nd ed., chapter 4; stockpyl's
// conventions: with lead_time L the base-stock level covers the demand of L + 1 periods).
import { z } from 'zod';
import { discreteDistribution } from '../../models/inventory/loss-functions';
import {
  newsvendorDiscrete,
  newsvendorLognormal,
  newsvendorNormal,
  newsvendorNormalCost,
  newsvendorNormalExplicit,
  newsvendorPoisson,
} from '../../models/inventory/newsvendor';
import {
  defineInventoryModel,
  finite,
  nonNegative,
  positive,
  type InventoryModel,
} from './define-inventory-model';

const newsvendorShape = {
  holding_cost: positive('h, cost per unit left over per period'),
  stockout_cost: positive('p, cost per unit short per period'),
  demand_mean: positive('mean demand per period'),
  demand_sd: positive('standard deviation of demand per period'),
  lead_time: nonNegative('L periods (default 0): the level covers L + 1 periods').optional(),
};
const newsvendorInput = (params: z.output<z.ZodObject<typeof newsvendorShape>>) => ({
  holdingCost: params.holding_cost,
  stockoutCost: params.stockout_cost,
  demandMean: params.demand_mean,
  demandSd: params.demand_sd,
  ...(params.lead_time !== undefined && { leadTime: params.lead_time }),
});

export const newsvendorModels: Record<string, InventoryModel> = {
  newsvendor_normal: defineInventoryModel({
    description:
      'Newsvendor, normal demand; with lead_time L the demand of L + 1 periods (eq. 4.30)',
    params: z.strictObject(newsvendorShape),
    solve: (params) => {
      const result = newsvendorNormal(newsvendorInput(params));
      return { base_stock_level: result.baseStockLevel, cost: result.cost };
    },
  }),
  newsvendor_normal_cost: defineInventoryModel({
    description: 'Expected cost of a base-stock level, normal demand (eq. 4.24)',
    params: z.strictObject({
      ...newsvendorShape,
      base_stock_level: finite('S, the level to evaluate'),
    }),
    solve: (params) => ({
      cost: newsvendorNormalCost({
        ...newsvendorInput(params),
        baseStockLevel: params.base_stock_level,
      }),
    }),
  }),
  newsvendor_normal_explicit: defineInventoryModel({
    description: 'Profit-maximising newsvendor with revenue, purchase cost and salvage value',
    params: z.strictObject({
      revenue: finite('r, revenue per unit sold'),
      purchase_cost: finite('c, cost per unit bought (r > c > v)'),
      salvage_value: finite('v, value per unit left over'),
      holding_cost: nonNegative('h beyond c and v (default 0)').optional(),
      stockout_cost: nonNegative('p beyond lost revenue (default 0)').optional(),
      demand_mean: positive('mean demand'),
      demand_sd: positive('standard deviation of demand'),
    }),
    solve: (params) => {
      const result = newsvendorNormalExplicit({
        revenue: params.revenue,
        purchaseCost: params.purchase_cost,
        salvageValue: params.salvage_value,
        demandMean: params.demand_mean,
        demandSd: params.demand_sd,
        ...(params.holding_cost !== undefined && { holdingCost: params.holding_cost }),
        ...(params.stockout_cost !== undefined && { stockoutCost: params.stockout_cost }),
      });
      return { base_stock_level: result.baseStockLevel, profit: result.profit };
    },
  }),
  newsvendor_poisson: defineInventoryModel({
    description: 'Newsvendor, Poisson demand; integer base-stock level',
    params: z.strictObject({
      holding_cost: newsvendorShape.holding_cost,
      stockout_cost: newsvendorShape.stockout_cost,
      demand_mean: positive('λ, mean demand per period'),
      lead_time: newsvendorShape.lead_time,
    }),
    solve: (params) => {
      const result = newsvendorPoisson({
        holdingCost: params.holding_cost,
        stockoutCost: params.stockout_cost,
        demandMean: params.demand_mean,
        ...(params.lead_time !== undefined && { leadTime: params.lead_time }),
      });
      return { base_stock_level: result.baseStockLevel, cost: result.cost };
    },
  }),
  newsvendor_discrete: defineInventoryModel({
    description: 'Newsvendor, any discrete demand given as {value: probability}',
    params: z.strictObject({
      holding_cost: newsvendorShape.holding_cost,
      stockout_cost: newsvendorShape.stockout_cost,
      demand_pmf: z
        .record(z.string().regex(/^-?\d+(\.\d+)?$/, 'each key must be a demand value'), z.number())
        .describe('{"value": probability, ...}, summing to 1'),
    }),
    solve: (params) => {
      const pmf = Object.entries(params.demand_pmf).map(
        ([value, p]) => [Number(value), p] as const,
      );
      const result = newsvendorDiscrete({
        holdingCost: params.holding_cost,
        stockoutCost: params.stockout_cost,
        demand: discreteDistribution(pmf),
      });
      return { base_stock_level: result.baseStockLevel, cost: result.cost };
    },
  }),
  newsvendor_continuous: defineInventoryModel({
    description: 'Newsvendor, continuous demand (lognormal: ln D ~ N(mu, sigma²))',
    params: z.strictObject({
      holding_cost: newsvendorShape.holding_cost,
      stockout_cost: newsvendorShape.stockout_cost,
      demand_distribution: z.literal('lognormal').describe('"lognormal"'),
      log_mean_mu: finite('mu, mean of ln D'),
      log_sd_sigma: positive('sigma, standard deviation of ln D'),
    }),
    solve: (params) => {
      const result = newsvendorLognormal({
        holdingCost: params.holding_cost,
        stockoutCost: params.stockout_cost,
        logMean: params.log_mean_mu,
        logSd: params.log_sd_sigma,
      });
      return { base_stock_level: result.baseStockLevel, cost: result.cost };
    },
  }),
};
