// MinT-shrink reconciliation of a scope's daily models (Wickramasuriya, Athanasopoulos & Hyndman
// 2019, JASA 114(526)): the hierarchy total / SKU / location / SKU x location gets base forecasts
// at the grain (bottom: each listing's daily model summed into the periods; aggregates: Theta on
// the node's summed history), one-step in-sample residuals at the grain for every node, and
// reconcileForecasts combines them with the shrunk residual covariance.
import { reconcileForecasts } from '../../models/forecast/hierarchy/reconcile';
import { buildHierarchy, type BottomSeries } from '../../models/forecast/hierarchy/summing-matrix';
import { thetaForecaster } from '../../models/forecast/theta';
import type { SalesGrain } from '../tool-context';
import type { BottomListingForecast, BottomUpDailyResult } from './bottom-up-daily';
import { periodEndOf } from './period-series';

/**
 * Fewest history periods with a non-zero residual for a listing to enter the MinT hierarchy: a
 * listing launched a few days ago has residuals of zero before its launch and none after, and a
 * series of zeros has no correlation with the others (the covariance estimate is undefined).
 */
export const MINIMUM_RESIDUAL_PERIODS = 4;

export const dailyReconciliations = ['bottom-up', 'mint-shrink'] as const;
export type DailyReconciliation = (typeof dailyReconciliations)[number];

export interface MintShrinkDailyRequest {
  /** The bottom-up result, with every modelled listing in `bottom`. */
  result: BottomUpDailyResult;
  /** First days of the complete history periods: the time points of the residuals. */
  historyStarts: readonly number[];
  grain: SalesGrain;
  /** Seasonal period at the grain, used by Theta when the history holds two cycles. */
  period: number;
}

export interface ReconciledNode {
  /** The hierarchy's key: 'total', 'sku=...', 'location=...' or 'SKU @ LOCATION'. */
  key: string;
  /** 'total', 'sku', 'location' or 'bottom'. */
  level: string;
  base: number[];
  reconciled: number[];
}

export interface MintShrinkDailyResult {
  result: BottomUpDailyResult;
  /** The nodes of the MinT hierarchy (empty when too few listings had residuals to use it). */
  nodes: ReconciledNode[];
  /** Listings ('SKU @ LOCATION') added bottom-up outside the hierarchy for want of residuals. */
  outside: string[];
}

/** A listing's actual units and one-step residuals (fitted - actual) per history period. */
function periodSums(
  listing: BottomListingForecast,
  historyStarts: readonly number[],
  grain: SalesGrain,
): { actual: number[]; residual: number[] } {
  const actual: number[] = [];
  const residual: number[] = [];
  for (const start of historyStarts) {
    const end = periodEndOf(start, grain);
    let units = 0;
    let error = 0;
    let incomplete = false;
    // Days before the listing's first sale count as 0 sold and 0 forecast.
    for (let day = Math.max(start, listing.firstDay); day <= end; day += 1) {
      const row = day - listing.firstDay;
      if (row >= listing.actual.length) break;
      const sold = listing.actual[row]!;
      if (Number.isNaN(sold)) continue;
      units += sold;
      const fitted = listing.fitted[row]!;
      if (Number.isNaN(fitted)) incomplete = true;
      else error += fitted - sold;
    }
    actual.push(units);
    residual.push(incomplete ? Number.NaN : error);
  }
  return { actual, residual };
}

/** Theta's forecast and one-step residuals on a node's summed history. */
function thetaBase(
  history: readonly number[],
  seasonalPeriod: number,
  horizon: number,
): { forecast: number[]; residual: number[] } | undefined {
  const period = history.length >= 2 * seasonalPeriod ? seasonalPeriod : 1;
  if (history.length < thetaForecaster.minLength(period)) return undefined;
  const result = thetaForecaster.forecast({ values: history, period, horizon, levels: [] });
  const fitted = result.fitted ?? history.map(() => Number.NaN);
  return {
    forecast: result.mean.map((value) => Math.max(0, value)),
    residual: history.map((value, index) => fitted[index]! - value),
  };
}

export function reconcileDailyMintShrink(request: MintShrinkDailyRequest): MintShrinkDailyResult {
  const { result, historyStarts, grain } = request;
  if (result.bottom.length < 2) {
    throw new RangeError(
      `result.bottom: has ${result.bottom.length} listings; MinT needs at least two to reconcile`,
    );
  }
  const periods = result.mean.length;
  const allSums = result.bottom.map((listing) => periodSums(listing, historyStarts, grain));
  const informative = allSums.map(
    (sums) =>
      sums.residual.filter((value) => Number.isFinite(value) && value !== 0).length >=
      MINIMUM_RESIDUAL_PERIODS,
  );
  const listings = result.bottom.filter((_, index) => informative[index]);
  const sums = allSums.filter((_, index) => informative[index]);
  const outsideListings = result.bottom.filter((_, index) => !informative[index]);
  const outside = outsideListings.map((listing) => `${listing.sku} @ ${listing.location}`);
  if (listings.length < 2) {
    return {
      result: {
        ...result,
        parameters: { ...result.parameters, reconciliationRequested: 'mint-shrink' },
        notes: [
          `MinT-shrink needs at least two SKU x location series with ${MINIMUM_RESIDUAL_PERIODS} ${grain}s of non-zero residuals; ${listings.length} had them: kept bottom-up.`,
          ...result.notes,
        ],
      },
      nodes: [],
      outside,
    };
  }
  const skus = new Set(listings.map((listing) => listing.sku));
  const locations = new Set(listings.map((listing) => listing.location));
  const levels: string[][] = [[]];
  // A level equal to the total or to the bottom would only repeat those rows.
  if (skus.size > 1 && locations.size > 1) levels.push(['sku'], ['location']);
  const bottomSeries: BottomSeries[] = listings.map((listing) => ({
    id: `${listing.sku} @ ${listing.location}`,
    attributes: { sku: listing.sku, location: listing.location },
  }));
  const hierarchy = buildHierarchy(bottomSeries, levels);
  const baseForecasts: number[][] = [];
  const residuals: number[][] = [];
  let thetaMissing = 0;
  for (const node of hierarchy.nodes) {
    if (node.level[0] === 'bottom') {
      const member = node.members[0]!;
      baseForecasts.push(listings[member]!.periodMean.slice());
      residuals.push(sums[member]!.residual);
      continue;
    }
    const history = historyStarts.map((_, index) =>
      node.members.reduce((total, member) => total + sums[member]!.actual[index]!, 0),
    );
    const theta = thetaBase(history, request.period, periods);
    if (theta) {
      baseForecasts.push(theta.forecast);
      residuals.push(theta.residual);
    } else {
      thetaMissing += 1;
      baseForecasts.push(
        Array.from({ length: periods }, (_, step) =>
          node.members.reduce((total, member) => total + listings[member]!.periodMean[step]!, 0),
        ),
      );
      residuals.push(history.map(() => Number.NaN));
    }
  }
  const reconciled = reconcileForecasts({
    hierarchy,
    baseForecasts,
    method: 'mint-shrink',
    residuals,
  });
  const totalRow = hierarchy.nodes.findIndex((node) => node.level.length === 0);
  const notes = result.notes.filter((note) => !/bottom-up reconciliation/.test(note));
  notes.unshift(
    `Reconciled ${listings.length} SKU x location daily models (summed into ${grain}s) with Theta on the summed history of ${hierarchy.bottomOffset} aggregate node(s) (${levels.map((level) => (level.length === 0 ? 'total' : level[0])).join(', ')}) by ${reconciled.method}.`,
    ...reconciled.notes,
  );
  if (thetaMissing > 0) {
    notes.push(
      `${thetaMissing} aggregate node(s) had too short a history for Theta: their base forecast is the sum of their parts, with no residuals.`,
    );
  }
  if (outside.length > 0) {
    notes.push(
      `${outside.length} SKU x location series with under ${MINIMUM_RESIDUAL_PERIODS} ${grain}s of non-zero residuals (new or sparse) were added to the total bottom-up, outside the MinT hierarchy: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', ...' : ''}.`,
    );
  }
  const coherentTotal = reconciled.forecasts[totalRow]!.map(
    (value, step) =>
      value + outsideListings.reduce((total, listing) => total + listing.periodMean[step]!, 0),
  );
  const mean = coherentTotal.map((value, step) => Math.max(value, result.soldSoFar[step]!, 0));
  if (mean.some((value, step) => value !== coherentTotal[step])) {
    notes.push(
      'The reconciled total fell below units already sold (or zero) in some period: raised to them.',
    );
  }
  const intervals = result.intervals.map((interval) => ({
    level: interval.level,
    lower: interval.lower.map((lower, step) => {
      const shifted = lower + mean[step]! - result.mean[step]!;
      return Math.min(mean[step]!, Math.max(shifted, result.soldSoFar[step]!, 0));
    }),
    upper: interval.upper.map((upper, step) =>
      Math.max(mean[step]!, upper + mean[step]! - result.mean[step]!),
    ),
  }));
  if (intervals.length > 0) {
    notes.push(
      'Intervals: the bottom-up simulated bands, shifted to centre on the reconciled forecast.',
    );
  }
  return {
    result: {
      ...result,
      mean,
      intervals,
      parameters: {
        ...result.parameters,
        reconciliation: reconciled.method,
        reconciliationRequested: 'mint-shrink',
        hierarchyNodes: hierarchy.nodes.length,
        shrinkageIntensity: reconciled.shrinkageIntensity ?? null,
        listingsOutsideHierarchy: outside.length,
      },
      notes,
    },
    nodes: hierarchy.nodes.map((node, row) => ({
      key: node.key,
      level: node.level.length === 0 ? 'total' : node.level.join(' x '),
      base: baseForecasts[row]!,
      reconciled: reconciled.forecasts[row]!,
    })),
    outside,
  };
}
