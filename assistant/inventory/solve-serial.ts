// Registry entries of the multi-echelon serial models for `ayni inventory solve MODEL --params JSON`:
// serial_base_stock_ssm (Clark & Scarf 1960; Chen & Zheng 1994), its cost evaluator, and
// serial_gsm (Graves & Willems 2000). Stage 1 is downstream (it meets customer demand); per-stage
// params are arrays listed from stage 1 to stage N, or objects keyed "1".."N"; per-stage outputs
// are objects keyed "1".."N".
import { z } from 'zod';
import { serialGsm } from '../../models/inventory/serial-gsm';
import {
  serialBaseStockSsm,
  serialBaseStockSsmCost,
  type SerialSsmInput,
} from '../../models/inventory/serial-ssm';
import { defineInventoryModel, type InventoryModel } from './define-inventory-model';

/** An object keyed "1".."N" (every stage, no other key) becomes the array of its values. */
function keyedStagesToArray(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keyed = value as Record<string, unknown>;
  const count = Object.keys(keyed).length;
  const values = Array.from({ length: count }, (_, index) => keyed[String(index + 1)]);
  return values.every((entry) => entry !== undefined) ? values : value;
}

const perStage = (element: z.ZodNumber, description: string) =>
  z
    .preprocess(keyedStagesToArray, z.array(element))
    .describe(
      `${description}; an array from stage 1 (downstream) to stage N, or an object keyed "1".."N"`,
    );

/** Checks there is one value per stage. */
function stageArray(field: string, values: readonly number[], stages: number): number[] {
  if (values.length !== stages) {
    throw new RangeError(
      `${field}: has ${values.length} values but num_stages is ${stages}; list one per stage, stage 1 (downstream) first`,
    );
  }
  return [...values];
}

const byStage = (values: readonly number[]): Record<string, number> =>
  Object.fromEntries(values.map((value, index) => [String(index + 1), value]));

const num_stages = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .describe('N, number of stages');

const ssmShape = {
  num_stages,
  echelon_holding_cost: perStage(
    z.number().positive('must be greater than 0'),
    'h_j, echelon holding cost per unit per period',
  ),
  lead_time: perStage(
    z.number().nonnegative('must be 0 or more'),
    'L_j, shipment lead time into stage j in periods',
  ),
  stockout_cost: z
    .number()
    .positive('must be greater than 0')
    .describe('p, backorder cost per unit per period at stage 1'),
  demand_distribution: z.literal('normal').optional().describe('"normal" (the only one supported)'),
  demand_mean: z
    .number()
    .nonnegative('must be 0 or more')
    .describe('μ, mean demand per period at stage 1'),
  demand_sd: z
    .number()
    .positive('must be greater than 0')
    .describe('σ, standard deviation of demand per period'),
};

const ssmInput = (params: z.output<z.ZodObject<typeof ssmShape>>): SerialSsmInput => ({
  echelonHoldingCost: stageArray(
    'echelon_holding_cost',
    params.echelon_holding_cost,
    params.num_stages,
  ),
  leadTime: stageArray('lead_time', params.lead_time, params.num_stages),
  stockoutCost: params.stockout_cost,
  demandMean: params.demand_mean,
  demandStandardDeviation: params.demand_sd,
});

export const serialInventoryModels: Record<string, InventoryModel> = {
  serial_base_stock_ssm: defineInventoryModel({
    description:
      'Optimal echelon base-stock levels of a serial system, normal demand (Clark & Scarf 1960; Chen & Zheng 1994; Snyder & Shen sec. 6.2)',
    params: z.strictObject(ssmShape),
    solve: (params) => {
      const result = serialBaseStockSsm(ssmInput(params));
      return {
        echelon_base_stock: byStage(result.echelonBaseStock),
        local_base_stock: byStage(result.localBaseStock),
        cost: result.cost,
      };
    },
  }),
  serial_base_stock_ssm_cost: defineInventoryModel({
    description: 'Expected cost per period of given echelon base-stock levels in the serial SSM',
    params: z.strictObject({
      ...ssmShape,
      echelon_base_stock: perStage(z.number(), 'S_j, echelon base-stock level to evaluate'),
    }),
    solve: (params) => ({
      cost: serialBaseStockSsmCost(
        ssmInput(params),
        stageArray('echelon_base_stock', params.echelon_base_stock, params.num_stages),
      ),
    }),
  }),
  serial_gsm: defineInventoryModel({
    description:
      'Committed service times of a serial system under the guaranteed-service model, exact DP (Graves & Willems 2000; Snyder & Shen sec. 6.3)',
    params: z.strictObject({
      num_stages,
      local_holding_cost: perStage(
        z.number().nonnegative('must be 0 or more'),
        'h_j, local holding cost per unit per period',
      ),
      processing_time: perStage(
        z.number().int('must be a whole number').nonnegative('must be 0 or more'),
        'T_j, processing time in periods',
      ),
      demand_bound_constant: z
        .number()
        .nonnegative('must be 0 or more')
        .describe('z, safety factor of the demand bound z σ sqrt(τ)'),
      external_inbound_cst: z
        .number()
        .int('must be a whole number')
        .nonnegative('must be 0 or more')
        .describe('service time the supplier quotes to stage N'),
      external_outbound_cst: z
        .number()
        .int('must be a whole number')
        .nonnegative('must be 0 or more')
        .describe('service time stage 1 quotes to customers'),
      demand_mean: z
        .number()
        .nonnegative('must be 0 or more')
        .optional()
        .describe('μ (not used: safety stock depends on σ only)'),
      demand_sd: z
        .number()
        .positive('must be greater than 0')
        .describe('σ, standard deviation of demand per period'),
    }),
    solve: (params) => {
      const result = serialGsm({
        localHoldingCost: stageArray(
          'local_holding_cost',
          params.local_holding_cost,
          params.num_stages,
        ),
        processingTime: stageArray('processing_time', params.processing_time, params.num_stages),
        demandBoundConstant: params.demand_bound_constant,
        externalInboundServiceTime: params.external_inbound_cst,
        externalOutboundServiceTime: params.external_outbound_cst,
        demandStandardDeviation: params.demand_sd,
      });
      return {
        committed_service_time: byStage(result.committedServiceTime),
        net_lead_time: byStage(result.netLeadTime),
        safety_stock: byStage(result.safetyStock),
        cost: result.cost,
      };
    },
  }),
};
