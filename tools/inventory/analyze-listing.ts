// One SKU x location from its history to the answer: demand forecast, today's position, the
// recommended policy at the service target, the order to place now, the current policy inferred
// from the stock history, and both simulated from today's stock on the same random streams.
import { serviceTargetFor } from '../../models/inventory/service-targets';
import type { InventoryPolicy } from '../../models/inventory/simulate-policy';
import type { SimulationCosts } from '../../models/inventory/simulation-options';
import type { CatalogProduct, ListingHistory, StockPosition, SupplyTerms } from '../tool-context';
import { simulateFromToday, type PolicyComparison, type PolicyOutcome } from './compare-policies';
import { inferCurrentPolicy, INFERENCE_WINDOW_DAYS, type InferredPolicy } from './current-policy';
import { estimateListingDemand, type DailyDemandEstimate } from './listing-demand';
import { matchCurrentService } from './match-current-service';
import {
  COVER_DEMAND_WINDOW_DAYS,
  excessThresholdUnits,
  maximumCoverDays,
  type MaximumCover,
} from './maximum-cover';
import {
  isPerishable,
  recommendPolicy,
  type ListingFacts,
  type Recommendation,
  type ServiceGoal,
  type ServiceMeasure,
} from './recommend-policy';

/** Holding cost per year as a share of the unit cost, when the data gives none. */
export const DEFAULT_HOLDING_COST_RATE = 0.2;

export interface AnalysisSettings {
  /** day number of the last day of data */
  dataEnd: number;
  horizonDays: number;
  replications: number;
  seed: number;
  measure: ServiceMeasure;
  /** overrides the policy's target for every listing */
  serviceLevel?: number;
  /** overrides the cost per unit short (default: the lost margin) */
  stockoutCostPerUnit?: number;
  holdingCostRate?: number;
  /**
   * raise each item's reorder point, by simulation, until its fill rate and cycle service level
   * reach the current policy's (compare at equal service; match-current-service.ts)
   */
  atLeastCurrentService?: boolean;
}

export interface ListingAnalysis {
  sku: string;
  name: string;
  category: string;
  location: string;
  perishable: boolean;
  shelfLifeDays: number | null;
  unitCost: number;
  position: { date: string; onHand: number; onOrder: number; daysOfCover: number | null };
  /** the company's maximum days of cover: stock above it is excess */
  maximumCover: MaximumCover;
  demand: Pick<DailyDemandEstimate, 'dailyMean' | 'dailySd' | 'method' | 'note'> & {
    leadTimeDays: number;
    leadTimeSdDays: number;
  };
  target: ServiceGoal & { source: string };
  recommendation: Recommendation;
  orderNow: number;
  orderNowValue: number;
  current: (InferredPolicy & { policy: Extract<InventoryPolicy, { type: 's-S' }> }) | null;
  comparison: PolicyComparison | { recommended: PolicyOutcome; current: null };
}

export interface ListingInputs {
  listing: ListingHistory;
  product: CatalogProduct;
  supply: SupplyTerms | undefined;
  latest: StockPosition | undefined;
}

function costs(product: ListingInputs['product'], settings: AnalysisSettings): SimulationCosts {
  const unitCost = product.unitCost ?? 0;
  const margin = (product.price ?? 0) - unitCost;
  return {
    holdingCost: (unitCost * (settings.holdingCostRate ?? DEFAULT_HOLDING_COST_RATE)) / 365,
    stockoutCost: settings.stockoutCostPerUnit ?? (margin > 0 ? margin : unitCost * 0.3),
    wasteCost: unitCost,
    co2ePerWastedUnit: product.co2eKgPerUnit ?? 0,
  };
}

function orderNow(recommendation: Recommendation, position: number, moq: number): number {
  const { policy } = recommendation;
  if (position > policy.reorderPoint) return 0;
  return Math.max(moq, Math.ceil(policy.orderUpToLevel - position));
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function analyzeListing(inputs: ListingInputs, settings: AnalysisSettings): ListingAnalysis {
  const { listing, product, supply, latest } = inputs;
  // the forecast runs 28 days past the horizon: each simulated day's cover is measured against
  // the demand of the 28 days after it
  const forecast = estimateListingDemand(
    listing,
    settings.dataEnd,
    settings.horizonDays + COVER_DEMAND_WINDOW_DAYS,
  );
  const demand: DailyDemandEstimate = {
    ...forecast,
    mean: forecast.mean.slice(0, settings.horizonDays),
    sd: forecast.sd.slice(0, settings.horizonDays),
  };
  const leadTimeDays = supply?.leadTimeDays ?? 7;
  const leadTimeSdDays = supply?.leadTimeSdDays ?? 0;
  const moq = Math.max(1, supply?.moq ?? 1);
  const shelfLifeDays = product.shelfLifeDays ?? null;
  const policyTarget = serviceTargetFor({
    category: product.category,
    locationCode: listing.location,
    shelfLifeDays,
  });
  const facts: ListingFacts = {
    demand,
    leadTimeDays,
    leadTimeSdDays,
    moq,
    shelfLifeDays,
    locationCode: listing.location,
    costs: costs(product, settings),
  };
  const onHand = Math.max(0, latest?.onHand ?? 0);
  const onOrder = Math.max(0, latest?.onOrder ?? 0);
  const position = onHand + onOrder;
  const unitCost = product.unitCost ?? 0;
  const maximumCover = maximumCoverDays({
    category: product.category,
    locationCode: listing.location,
    shelfLifeDays,
    leadTimeDays,
  });
  const plan = {
    horizonDays: settings.horizonDays,
    replications: settings.replications,
    seed: settings.seed,
    unitCost,
    excessThresholdUnits:
      maximumCover.days === null
        ? null
        : excessThresholdUnits(forecast.mean, settings.horizonDays, maximumCover.days),
  };
  const stock = { onHand, onOrder };

  const inferred =
    inferCurrentPolicy(listing.days, settings.dataEnd, INFERENCE_WINDOW_DAYS) ??
    inferCurrentPolicy(listing.days, settings.dataEnd, 365);
  let current: ListingAnalysis['current'] = null;
  if (inferred !== undefined && demand.dailyMean > 0) {
    const reorderPoint = Math.round(inferred.reorderPointDays * demand.dailyMean);
    // scaled to today's demand the gap may fall below the MOQ the planner had to order: both
    // policies are simulated under the same supplier minimum
    const orderUpToLevel = Math.max(
      reorderPoint + moq,
      Math.round(inferred.orderUpToDays * demand.dailyMean),
    );
    current = {
      ...inferred,
      policy: { type: 's-S', reorderPoint, orderUpToLevel, reviewPeriodDays: 1 },
    };
  }
  const currentOutcome =
    current === null ? null : simulateFromToday(current.policy, facts, stock, plan);

  const level =
    settings.serviceLevel ??
    (settings.measure === 'fill-rate' ? policyTarget.fillRate : policyTarget.cycleServiceLevel);
  let target = {
    measure: settings.measure,
    level,
    source: settings.serviceLevel === undefined ? policyTarget.source : 'asked for',
  };
  let recommendation = recommendPolicy(facts, target, settings);
  if (settings.atLeastCurrentService && current !== null && demand.dailyMean > 0) {
    const matched = matchCurrentService({
      facts,
      stock,
      plan,
      current: current.policy,
      recommended: recommendation.policy,
      maximumCoverDays: maximumCover.days,
    });
    const { floor, reached } = matched;
    const delivered = settings.measure === 'fill-rate' ? floor.fillRate : floor.cycleServiceLevel;
    const both = `fill rate ${percent(floor.fillRate)} and cycle service ${percent(floor.cycleServiceLevel)}`;
    if (delivered > level) {
      target = {
        ...target,
        level: delivered,
        source: `raised to the service the current policy delivers in simulation (${both})`,
      };
    }
    const raisedBy = matched.policy.reorderPoint - recommendation.policy.reorderPoint;
    if (raisedBy > 0) {
      recommendation = {
        ...recommendation,
        policy: matched.policy,
        method: 'simulation',
        safetyStock: recommendation.safetyStock + raisedBy,
        why: `${recommendation.why} Raised to reorder point ${matched.policy.reorderPoint} by simulation (${matched.simulations} runs on streams independent of the comparison's) to ${matched.met ? 'reach' : 'come as close as the maximum cover allows to'} the current policy's ${both}: ${percent(reached.fillRate)} and ${percent(reached.cycleServiceLevel)}.`,
      };
    }
  }
  const now = demand.dailyMean > 0 ? orderNow(recommendation, position, moq) : 0;
  const comparison = {
    recommended: simulateFromToday(recommendation.policy, facts, stock, plan),
    current: currentOutcome,
  };
  return {
    sku: product.sku,
    name: product.name,
    category: product.category,
    location: listing.location,
    perishable: isPerishable(shelfLifeDays),
    shelfLifeDays,
    unitCost,
    position: {
      date: latest?.date ?? '',
      onHand,
      onOrder,
      daysOfCover: demand.dailyMean > 0 ? onHand / demand.dailyMean : null,
    },
    maximumCover,
    demand: {
      dailyMean: demand.dailyMean,
      dailySd: demand.dailySd,
      method: demand.method,
      note: demand.note,
      leadTimeDays,
      leadTimeSdDays,
    },
    target,
    recommendation,
    orderNow: now,
    orderNowValue: now * unitCost,
    current,
    comparison,
  };
}
