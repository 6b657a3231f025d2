// Safety stock and reorder point for a continuous-review reorder point under normal lead-time
// demand. Demand per period has mean d and forecast-error sd σ_d; the lead time has mean L and sd
// σ_L periods, so the lead-time demand has mean dL and sd σ_LTD = √(Lσ_d² + d²σ_L²) (Silver, Pyke
// & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6).
import { normalQuantile } from '../stats/normal';
import { requireNonNegative, requirePositive, requireProbability } from './inventory-arguments';
import { inverseStandardNormalLoss } from './loss-functions';

export interface DemandOverLeadTime {
  demandMean: number;
  /** Standard deviation of the forecast error per period. */
  demandSd: number;
  leadTimeMean: number;
  /** Standard deviation of the lead time, in periods (default 0). */
  leadTimeSd?: number;
}

export interface SafetyStockResult {
  safetyStock: number;
  reorderPoint: number;
  /** z: the safety stock in lead-time-demand standard deviations. */
  safetyFactor: number;
  leadTimeDemandMean: number;
  leadTimeDemandSd: number;
}

export function leadTimeDemand(input: DemandOverLeadTime): { mean: number; sd: number } {
  requireNonNegative('demand_mean', input.demandMean);
  requireNonNegative('demand_sd', input.demandSd);
  requirePositive('lead_time_mean', input.leadTimeMean);
  const leadTimeSd = input.leadTimeSd ?? 0;
  requireNonNegative('lead_time_sd', leadTimeSd);
  const sd = Math.sqrt(
    input.leadTimeMean * input.demandSd ** 2 + input.demandMean ** 2 * leadTimeSd ** 2,
  );
  if (!(sd > 0))
    throw new RangeError(
      'demand_sd: with no demand or lead-time variability there is nothing to buffer; give demand_sd > 0 or lead_time_sd > 0',
    );
  return { mean: input.demandMean * input.leadTimeMean, sd };
}

function result(mean: number, sd: number, safetyFactor: number): SafetyStockResult {
  const safetyStock = safetyFactor * sd;
  return {
    safetyStock,
    reorderPoint: mean + safetyStock,
    safetyFactor,
    leadTimeDemandMean: mean,
    leadTimeDemandSd: sd,
  };
}

/** Cycle service level α = P(no stockout in a cycle): SS = z_α σ_LTD, z_α = Φ⁻¹(α). */
export function safetyStockForCycleServiceLevel(
  input: DemandOverLeadTime & { cycleServiceLevel: number },
): SafetyStockResult {
  requireProbability('cycle_service_level', input.cycleServiceLevel);
  const demand = leadTimeDemand(input);
  return result(demand.mean, demand.sd, normalQuantile(input.cycleServiceLevel));
}

/**
 * Fill rate β = 1 - E[units short per cycle]/Q: the z with σ_LTD·L(z) = (1 - β)Q, L the standard
 * normal loss function. When the order quantity alone already gives β (z < 0) the safety stock is
 * 0, not negative: a negative buffer would plan to be short before the order arrives.
 */
export function safetyStockForFillRate(
  input: DemandOverLeadTime & { fillRate: number; orderQuantity: number },
): SafetyStockResult {
  requireProbability('fill_rate', input.fillRate);
  requirePositive('order_quantity', input.orderQuantity);
  const demand = leadTimeDemand(input);
  const z = inverseStandardNormalLoss(((1 - input.fillRate) * input.orderQuantity) / demand.sd);
  return result(demand.mean, demand.sd, Math.max(0, z));
}
