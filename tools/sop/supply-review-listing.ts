// One SKU x location's supply facts as of its last stock count in the month (issue 9): the
// position, the recent demand, the recommended policy at the company's fill-rate target, what it
// implies (below safety stock, projected stockout, excess) and the stock at risk of expiry.
//
// Demand here is deliberately cheap (one pass, no model fit) so the monthly pack scales to tens of
// thousands of listings: the policy's fallback rate of niveles-de-servicio.md, the mean and sd of
// the units sold on the last 28 days up to the count without promotion or stockout.
import { parseIsoDate } from '../../models/calendar/dates';
import { serviceTargetFor } from '../../models/inventory/service-targets';
import { DEFAULT_HOLDING_COST_RATE } from '../inventory/analyze-listing';
import type { DailyDemandEstimate } from '../inventory/listing-demand';
import {
  lifeOnArrivalDays,
  recommendPolicy,
  type ListingFacts,
  type ServiceGoal,
} from '../inventory/recommend-policy';
import type { CatalogProduct, ListingHistory, SupplyTerms } from '../tool-context';
import { estimateStockBatches, projectExpiry, type ExpiryProjection } from './stock-age';

export const DEMAND_WINDOW_DAYS = 28;
/** Lead time assumed where the supply file has none (as optimize_inventory does). */
export const DEFAULT_LEAD_TIME_DAYS = 7;
/** Expected waste counts the units that expire unsold within this many days of the count. */
export const WASTE_HORIZON_DAYS = 30;
const POLICY_HORIZON_DAYS = 56;
const SIMULATION = { replications: 10, seed: 20_261_009 };

export interface ListingSupplyFacts {
  sku: string;
  location: string;
  category: string;
  /** day number of the listing's last stock count in the month */
  stockDay: number;
  onHand: number;
  onOrder: number;
  /** units sold over the 28 days ending on the count / 28 (days without a row sell 0) */
  averageDailyUnits: number;
  /** the policy's demand rate: mean of the 28 days without promotion or stockout */
  demandRate: number;
  leadTimeDays: number;
  safetyStock: number;
  orderUpToLevel: number;
  /** on hand + on order below the lead-time demand: an order placed now arrives too late */
  stockout: { daysUntilStockout: number; orderUnits: number; lostUnits: number } | null;
  excessUnits: number;
  expiry: ExpiryProjection | null;
}

export interface ListingService {
  soldUnits: number;
  /** units not sold on stockout days: the usual demand less what sold */
  lostUnits: number;
  stockoutDays: number;
  listingDays: number;
}

interface NumberedDay {
  day: number;
  units: number;
  promo: boolean;
  stockout: boolean;
  onHand: number | null;
  onOrder: number | null;
}

function numbered(listing: ListingHistory): NumberedDay[] {
  return listing.days.map((entry) => ({
    day: parseIsoDate(entry.date),
    units: entry.units,
    promo: entry.promo,
    stockout: entry.stockout,
    onHand: entry.onHand ?? null,
    onOrder: entry.onOrder ?? null,
  }));
}

function constantDemand(rate: number, sd: number): DailyDemandEstimate {
  return {
    mean: new Array<number>(POLICY_HORIZON_DAYS).fill(rate),
    sd: new Array<number>(POLICY_HORIZON_DAYS).fill(sd),
    dailyMean: rate,
    dailySd: sd,
    method: 'recent-mean',
    note: null,
  };
}

function usualDemand(values: readonly number[]): { rate: number; sd: number } {
  if (values.length === 0) return { rate: 0, sd: 0 };
  const rate = values.reduce((total, value) => total + value, 0) / values.length;
  if (values.length < 2) return { rate, sd: Math.sqrt(rate) };
  const squares = values.reduce((total, value) => total + (value - rate) ** 2, 0);
  return { rate, sd: Math.sqrt(squares / (values.length - 1)) };
}

/**
 * The recommended policy's inputs of one listing as plain data (structured-cloneable), so the
 * policy search (a simulation for perishables, the costly part of the review) can run in worker
 * threads: recommendSupplyPolicy gives the outcome, the plan's `finish` the listing's facts.
 */
export interface SupplyPolicyJob {
  /** caller's identifier, returned unchanged */
  id: string;
  facts: ListingFacts;
  goal: ServiceGoal;
}

export interface SupplyPolicyOutcome {
  id: string;
  safetyStock: number;
  orderUpToLevel: number;
}

/** Runs policy jobs and returns one outcome per job (any order; matched by id). */
export type SupplyPolicyFunction = (jobs: readonly SupplyPolicyJob[]) => SupplyPolicyOutcome[];

/** The recommended policy of one job, with the review's fixed simulation seed. */
export function recommendSupplyPolicy(job: SupplyPolicyJob): SupplyPolicyOutcome {
  const recommendation = recommendPolicy(job.facts, job.goal, SIMULATION);
  return {
    id: job.id,
    safetyStock: recommendation.safetyStock,
    orderUpToLevel: recommendation.policy.orderUpToLevel,
  };
}

export interface ListingSupplyPlan {
  job: SupplyPolicyJob;
  /** the listing's facts once its policy is known */
  finish(policy: Pick<SupplyPolicyOutcome, 'safetyStock' | 'orderUpToLevel'>): ListingSupplyFacts;
}

/**
 * The listing's policy job and the rest of its facts as of its last count in
 * [monthStartDay, monthEndDay]; undefined when it has no count there.
 */
export function planListingSupply(
  listing: ListingHistory,
  product: CatalogProduct,
  supply: SupplyTerms | undefined,
  month: { startDay: number; endDay: number },
  id: string,
): ListingSupplyPlan | undefined {
  const days = numbered(listing).filter((entry) => entry.day <= month.endDay);
  let count: NumberedDay | undefined;
  for (let index = days.length - 1; index >= 0; index -= 1) {
    const entry = days[index]!;
    if (entry.day < month.startDay) break;
    if (entry.onHand !== null) {
      count = entry;
      break;
    }
  }
  if (count === undefined) return undefined;
  const stockDay = count.day;
  const window = days.filter((entry) => entry.day > stockDay - DEMAND_WINDOW_DAYS);
  const averageDailyUnits =
    window.reduce((total, entry) => total + entry.units, 0) / DEMAND_WINDOW_DAYS;
  const { rate, sd } = usualDemand(
    window.filter((entry) => !entry.promo && !entry.stockout).map((entry) => entry.units),
  );
  const onHand = Math.max(0, count.onHand as number);
  const onOrder = Math.max(0, count.onOrder ?? 0);
  const leadTimeDays = supply?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS;
  const moq = Math.max(1, supply?.moq ?? 1);
  const shelfLifeDays = product.shelfLifeDays ?? null;
  const unitCost = product.unitCost ?? 0;
  const margin = (product.price ?? 0) - unitCost;
  const job: SupplyPolicyJob = {
    id,
    facts: {
      demand: constantDemand(rate, sd),
      leadTimeDays,
      leadTimeSdDays: supply?.leadTimeSdDays ?? 0,
      moq,
      shelfLifeDays,
      locationCode: listing.location,
      costs: {
        holdingCost: (unitCost * DEFAULT_HOLDING_COST_RATE) / 365,
        stockoutCost: margin > 0 ? margin : unitCost * 0.3,
        wasteCost: unitCost,
        co2ePerWastedUnit: product.co2eKgPerUnit ?? 0,
      },
    },
    goal: {
      measure: 'fill-rate',
      level: serviceTargetFor({
        category: product.category,
        locationCode: listing.location,
        shelfLifeDays,
      }).fillRate,
    },
  };
  const expiry =
    shelfLifeDays === null
      ? null
      : projectExpiry(estimateStockBatches(days, stockDay), {
          stockDay,
          lifeOnArrivalDays: lifeOnArrivalDays(shelfLifeDays, leadTimeDays),
          dailyDemand: rate,
          withinDays: WASTE_HORIZON_DAYS,
        });
  return {
    job,
    finish(policy) {
      const position = onHand + onOrder;
      const leadTimeDemand = rate * leadTimeDays;
      const stockout =
        rate > 0 && position < leadTimeDemand
          ? {
              daysUntilStockout: position / rate,
              orderUnits: Math.max(moq, Math.ceil(leadTimeDemand + policy.safetyStock - position)),
              lostUnits: leadTimeDemand - position,
            }
          : null;
      return {
        sku: listing.sku,
        location: listing.location,
        category: product.category,
        stockDay,
        onHand,
        onOrder,
        averageDailyUnits,
        demandRate: rate,
        leadTimeDays,
        safetyStock: policy.safetyStock,
        orderUpToLevel: policy.orderUpToLevel,
        stockout,
        excessUnits: Math.max(0, onHand - policy.orderUpToLevel),
        expiry,
      };
    },
  };
}

/** The listing's facts as of its last count in [monthStartDay, monthEndDay]; undefined when none. */
export function reviewListingSupply(
  listing: ListingHistory,
  product: CatalogProduct,
  supply: SupplyTerms | undefined,
  month: { startDay: number; endDay: number },
): ListingSupplyFacts | undefined {
  const plan = planListingSupply(listing, product, supply, month, 'listing');
  return plan?.finish(recommendSupplyPolicy(plan.job));
}

/**
 * Units sold and lost in the month: on a stockout day the loss is the listing's usual demand (mean
 * of its days without promotion or stockout over the month and the 28 days before) less what sold.
 */
export function listingService(
  listing: ListingHistory,
  month: { startDay: number; endDay: number },
): ListingService {
  const days = numbered(listing).filter(
    (entry) => entry.day >= month.startDay - DEMAND_WINDOW_DAYS && entry.day <= month.endDay,
  );
  const { rate } = usualDemand(
    days.filter((entry) => !entry.promo && !entry.stockout).map((entry) => entry.units),
  );
  const service: ListingService = { soldUnits: 0, lostUnits: 0, stockoutDays: 0, listingDays: 0 };
  for (const entry of days) {
    if (entry.day < month.startDay) continue;
    service.listingDays += 1;
    service.soldUnits += entry.units;
    if (entry.stockout) {
      service.stockoutDays += 1;
      service.lostUnits += Math.max(0, rate - entry.units);
    }
  }
  return service;
}
