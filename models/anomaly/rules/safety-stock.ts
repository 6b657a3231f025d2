// Safety stock for a cycle service level under normal lead-time demand, with a random lead time:
// ss = z(CSL) * sqrt(L * sd_d^2 + mean_d^2 * sd_L^2) (Silver, Pyke & Thomas 2017, Inventory and
// Production Management in Supply Chains, 4th ed., ch. 6, variable lead time; Chopra & Meindl,
// Supply Chain Management, ch. 12, safety inventory with lead-time uncertainty).
import { normalQuantile } from '../../stats/normal';

export interface SafetyStockInput {
  /** cycle service level: probability of no stockout in a replenishment cycle, in (0, 1) */
  serviceLevel: number;
  /** mean demand per period (a day) */
  demandMean: number;
  /** standard deviation of demand per period */
  demandStandardDeviation: number;
  /** mean lead time in periods */
  leadTime: number;
  /** standard deviation of the lead time in periods (0 for a fixed lead time) */
  leadTimeStandardDeviation: number;
}

export interface SafetyStock {
  safetyStock: number;
  /** the standard normal quantile of the service level */
  z: number;
  /** standard deviation of demand over the lead time */
  leadTimeDemandStandardDeviation: number;
}

function checkNonNegative(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name}: ${String(value)} must be a finite number >= 0`);
  }
}

export function safetyStock(input: SafetyStockInput): SafetyStock {
  const { serviceLevel } = input;
  if (typeof serviceLevel !== 'number' || !(serviceLevel > 0 && serviceLevel < 1)) {
    throw new RangeError(
      `serviceLevel: ${String(serviceLevel)} must be a probability strictly between 0 and 1, e.g. 0.95`,
    );
  }
  checkNonNegative(input.demandMean, 'demandMean');
  checkNonNegative(input.demandStandardDeviation, 'demandStandardDeviation');
  checkNonNegative(input.leadTime, 'leadTime');
  checkNonNegative(input.leadTimeStandardDeviation, 'leadTimeStandardDeviation');
  const z = normalQuantile(serviceLevel);
  const leadTimeDemandStandardDeviation = Math.sqrt(
    input.leadTime * input.demandStandardDeviation ** 2 +
      input.demandMean ** 2 * input.leadTimeStandardDeviation ** 2,
  );
  return { safetyStock: z * leadTimeDemandStandardDeviation, z, leadTimeDemandStandardDeviation };
}
