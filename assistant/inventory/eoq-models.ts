// Registry entries of the EOQ family (Snyder & Shen 2nd ed., chapter 3): eoq, eoq_cost,
// eoq_backorders, epq and the two quantity-discount models.
import { z } from 'zod';
import { eoq, eoqBackorders, eoqCost, epq } from '../../models/inventory/eoq';
import { eoqAllUnitsDiscount, eoqIncrementalDiscount } from '../../models/inventory/eoq-discounts';
import {
  defineInventoryModel,
  nonNegative,
  positive,
  type InventoryModel,
} from './define-inventory-model';

const fixed_cost = nonNegative('K, fixed cost per order');
const holding_cost = positive('h, holding cost per unit per unit time');
const stockout_cost = positive('p, stockout (backorder) cost per unit');
const demand_rate = nonNegative('λ, demand per unit time');
const eoqShape = { fixed_cost, holding_cost, demand_rate };

const discountShape = {
  fixed_cost,
  holding_cost_rate: positive('i, holding cost per unit time as a fraction of the unit cost'),
  demand_rate: positive('λ, demand per unit time'),
  breakpoints: z.array(z.number()).describe('b0 = 0 < b1 < ... quantities where a price starts'),
  unit_costs: z.array(z.number()).describe('c_j, unit cost in region j (one per breakpoint)'),
};
const discountInput = (params: z.output<z.ZodObject<typeof discountShape>>) => ({
  fixedCost: params.fixed_cost,
  holdingCostRate: params.holding_cost_rate,
  demandRate: params.demand_rate,
  breakpoints: params.breakpoints,
  unitCosts: params.unit_costs,
});

export const eoqModels: Record<string, InventoryModel> = {
  eoq: defineInventoryModel({
    description: 'Economic order quantity (Snyder & Shen eq. 3.4-3.5)',
    params: z.strictObject(eoqShape),
    solve: (params) => {
      const result = eoq({
        fixedCost: params.fixed_cost,
        holdingCost: params.holding_cost,
        demandRate: params.demand_rate,
      });
      return { order_quantity: result.orderQuantity, cost: result.cost };
    },
  }),
  eoq_cost: defineInventoryModel({
    description: 'Cost per unit time of an order quantity in the EOQ model (eq. 3.3)',
    params: z.strictObject({
      ...eoqShape,
      order_quantity: positive('Q, the order quantity to evaluate'),
    }),
    solve: (params) => ({
      cost: eoqCost({
        fixedCost: params.fixed_cost,
        holdingCost: params.holding_cost,
        demandRate: params.demand_rate,
        orderQuantity: params.order_quantity,
      }),
    }),
  }),
  eoq_backorders: defineInventoryModel({
    description: 'EOQ with planned backorders (eq. 3.27-3.29)',
    params: z.strictObject({ ...eoqShape, stockout_cost }),
    solve: (params) => {
      const result = eoqBackorders({
        fixedCost: params.fixed_cost,
        holdingCost: params.holding_cost,
        stockoutCost: params.stockout_cost,
        demandRate: params.demand_rate,
      });
      return {
        order_quantity: result.orderQuantity,
        stockout_fraction: result.stockoutFraction,
        cost: result.cost,
      };
    },
  }),
  epq: defineInventoryModel({
    description: 'Economic production quantity, finite production rate (eq. 3.31-3.32)',
    params: z.strictObject({
      ...eoqShape,
      production_rate: positive('μ, production per unit time (> demand_rate)'),
    }),
    solve: (params) => {
      const result = epq({
        fixedCost: params.fixed_cost,
        holdingCost: params.holding_cost,
        demandRate: params.demand_rate,
        productionRate: params.production_rate,
      });
      return { order_quantity: result.orderQuantity, cost: result.cost };
    },
  }),
  eoq_all_units_discount: defineInventoryModel({
    description: 'EOQ with all-units quantity discounts; cost includes purchase (section 3.4)',
    params: z.strictObject(discountShape),
    solve: (params) => {
      const result = eoqAllUnitsDiscount(discountInput(params));
      return { order_quantity: result.orderQuantity, region: result.region, cost: result.cost };
    },
  }),
  eoq_incremental_discount: defineInventoryModel({
    description: 'EOQ with incremental quantity discounts; cost includes purchase (section 3.4)',
    params: z.strictObject(discountShape),
    solve: (params) => {
      const result = eoqIncrementalDiscount(discountInput(params));
      return { order_quantity: result.orderQuantity, region: result.region, cost: result.cost };
    },
  }),
};
