// Key performance indicators of one simulated replication, and their means with Student-t
// confidence intervals over independent replications (replications are i.i.d. because each has
// its own demand and lead-time streams, so the t interval of the mean applies exactly for normal
// outcomes and asymptotically otherwise).
import { studentTQuantile } from '../stats/student-t';

/** What one replication measured over its measured days (after the warm-up). */
export interface ReplicationKpis {
  /**
   * Fraction of replenishment cycles without a stockout. A cycle runs from one receipt of stock to
   * the next (the first from the start, the last to the end of the horizon); a stockout can only
   * happen just before a receipt, so this is the textbook alpha / type-1 service level, and for a
   * daily base-stock policy (every day a receipt) it is the fraction of days without a stockout.
   */
  cycleServiceLevel: number;
  /** Units served from stock on the day they were demanded / units demanded (1 with no demand). */
  fillRate: number;
  /** Mean end-of-day on-hand stock (after expired units are discarded). */
  averageOnHand: number;
  /**
   * Mean over the measured days of max(0, end-of-day on hand - that day's excess threshold): the
   * units held above the maximum cover. Present only when the simulation was given thresholds.
   */
  averageExcessUnits?: number;
  /** Days on which some demand could not be served from stock. */
  stockoutDays: number;
  ordersPlaced: number;
  unitsOrdered: number;
  unitsDemanded: number;
  /** Units not served on the day demanded: lost (lost sales) or added to the backorders. */
  unitsShort: number;
  wasteUnits: number;
  /** wasteUnits x wasteCost. */
  wasteValue: number;
  wasteCo2e: number;
  holdingCost: number;
  stockoutCost: number;
  fixedOrderingCost: number;
  purchaseCost: number;
  /** Equal to wasteValue; listed again as a cost component of totalCost. */
  wasteCost: number;
  totalCost: number;
  /** totalCost / measured days. */
  averageCostPerDay: number;
}

/** The KPIs every replication reports (averageExcessUnits only with excess thresholds). */
export type KpiName = Exclude<keyof ReplicationKpis, 'averageExcessUnits'>;

export const KPI_NAMES: readonly KpiName[] = [
  'cycleServiceLevel',
  'fillRate',
  'averageOnHand',
  'stockoutDays',
  'ordersPlaced',
  'unitsOrdered',
  'unitsDemanded',
  'unitsShort',
  'wasteUnits',
  'wasteValue',
  'wasteCo2e',
  'holdingCost',
  'stockoutCost',
  'fixedOrderingCost',
  'purchaseCost',
  'wasteCost',
  'totalCost',
  'averageCostPerDay',
];

/** The mean over replications with a two-sided Student-t confidence interval. */
export interface Estimate {
  mean: number;
  standardError: number;
  lower: number;
  upper: number;
}

export type KpiSummary = Record<KpiName, Estimate> & { averageExcessUnits?: Estimate };

/** Mean, standard error and t confidence interval of a sample of at least two values. */
export function estimateMean(values: ArrayLike<number>, confidenceLevel: number): Estimate {
  const count = values.length;
  if (count < 2) throw new RangeError(`values: a confidence interval needs >= 2, got ${count}`);
  let total = 0;
  for (let index = 0; index < count; index += 1) total += values[index] as number;
  const mean = total / count;
  let squares = 0;
  for (let index = 0; index < count; index += 1) {
    const gap = (values[index] as number) - mean;
    squares += gap * gap;
  }
  const standardError = Math.sqrt(squares / (count - 1) / count);
  const multiplier = studentTQuantile(0.5 + confidenceLevel / 2, count - 1);
  return {
    mean,
    standardError,
    lower: mean - multiplier * standardError,
    upper: mean + multiplier * standardError,
  };
}

/** Every KPI's estimate over the replications. */
export function summarizeReplications(
  replications: readonly ReplicationKpis[],
  confidenceLevel: number,
): KpiSummary {
  const summary = {} as KpiSummary;
  const column = new Float64Array(replications.length);
  for (const name of KPI_NAMES) {
    replications.forEach((replication, index) => {
      column[index] = replication[name];
    });
    summary[name] = estimateMean(column, confidenceLevel);
  }
  const excess = replications.map((replication) => replication.averageExcessUnits);
  if (excess.length > 0 && excess.every((value): value is number => value !== undefined)) {
    summary.averageExcessUnits = estimateMean(excess, confidenceLevel);
  }
  return summary;
}
