// The periodic-review order-up-to policy (R, S): every R periods order up to S. An order must cover
// the demand of the protection interval R + L, with mean d(R + L) and sd
// √((R + L)σ_d² + d²σ_L²) (Silver, Pyke & Thomas, Inventory and Production Management in Supply
// Chains, 4th ed., ch. 6: S = d(R + L) + zσ_{R+L}).
import { normalQuantile } from '../stats/normal';
import { requireNonNegative, requirePositive, requireProbability } from './inventory-arguments';
import { inverseStandardNormalLoss } from './loss-functions';

export interface PeriodicReviewInput {
  reviewPeriod: number;
  leadTime: number;
  demandMean: number;
  demandSd: number;
  leadTimeSd?: number;
  /** Give exactly one of cycleServiceLevel (α) and fillRate (β). */
  cycleServiceLevel?: number;
  fillRate?: number;
}

export interface PeriodicReviewResult {
  orderUpToLevel: number;
  safetyStock: number;
  safetyFactor: number;
  protectionMean: number;
  protectionSd: number;
}

export function periodicReviewOrderUpTo(input: PeriodicReviewInput): PeriodicReviewResult {
  requirePositive('review_period', input.reviewPeriod);
  requireNonNegative('lead_time', input.leadTime);
  requireNonNegative('demand_mean', input.demandMean);
  requireNonNegative('demand_sd', input.demandSd);
  const leadTimeSd = input.leadTimeSd ?? 0;
  requireNonNegative('lead_time_sd', leadTimeSd);
  const interval = input.reviewPeriod + input.leadTime;
  const protectionMean = input.demandMean * interval;
  const protectionSd = Math.sqrt(
    interval * input.demandSd ** 2 + input.demandMean ** 2 * leadTimeSd ** 2,
  );
  if (!(protectionSd > 0))
    throw new RangeError(
      'demand_sd: give demand_sd > 0 or lead_time_sd > 0; without variability there is nothing to buffer',
    );
  const hasAlpha = input.cycleServiceLevel !== undefined;
  const hasBeta = input.fillRate !== undefined;
  if (hasAlpha === hasBeta)
    throw new RangeError(
      'cycle_service_level, fill_rate: give exactly one of the two service targets',
    );
  let safetyFactor: number;
  if (input.cycleServiceLevel !== undefined) {
    requireProbability('cycle_service_level', input.cycleServiceLevel);
    safetyFactor = normalQuantile(input.cycleServiceLevel);
  } else {
    const fillRate = input.fillRate!;
    requireProbability('fill_rate', fillRate);
    requirePositive('demand_mean', input.demandMean);
    // units short per review cycle σ·L(z) = (1 - β) × the demand of one review period dR
    const target = ((1 - fillRate) * input.demandMean * input.reviewPeriod) / protectionSd;
    safetyFactor = Math.max(0, inverseStandardNormalLoss(target));
  }
  const safetyStock = safetyFactor * protectionSd;
  return {
    orderUpToLevel: protectionMean + safetyStock,
    safetyStock,
    safetyFactor,
    protectionMean,
    protectionSd,
  };
}
