// The S&OP summary's "decisions required" (issue 9): one recommended action per row of evidence,
// valued in soles at risk if nothing is done, ranked by that value. Each decision points at the
// section and row that supports it, so the report links to its evidence and the narrative's
// figures can be checked against the facts.
import type {
  AnomalyReview,
  DemandReview,
  QualityReview,
  SopDecision,
  SupplyReview,
} from './sop-facts';

/** Most decisions listed. */
export const MAXIMUM_DECISIONS = 15;
/** A SKU whose packaging passes less often than this (with enough judged photos) is held. */
export const QUALITY_HOLD_PASS_RATE = 0.9;
export const QUALITY_HOLD_MINIMUM_JUDGED = 5;
/** An item whose forecast missed by more than this share of its actuals gets a forecast review. */
export const FORECAST_REVIEW_ERROR_SHARE = 0.25;

export interface DecisionInputs {
  supply?: SupplyReview;
  anomalies?: AnomalyReview;
  quality?: QualityReview;
  demand?: DemandReview;
}

type Unranked = Omit<SopDecision, 'rank'>;

const money = (value: number) => Math.round(value * 100) / 100;

function supplyDecisions(supply: SupplyReview): Unranked[] {
  const decisions: Unranked[] = [];
  const shortfalls = supply.projectedStockouts.map((row) => ({
    ...row,
    remaining: row.orderUnits,
  }));
  supply.excess.items.forEach((row, index) => {
    const evidence = { section: 'supplyReview', path: `excess.items[${index}]` };
    // the same SKU short at another place: move the excess there instead of buying more
    const short = shortfalls.find(
      (item) => item.sku === row.sku && item.location !== row.location && item.remaining > 0,
    );
    if (short !== undefined) {
      const units = Math.min(Math.floor(row.excessUnits), short.remaining);
      const saved = (short.lostSalesValue * units) / short.orderUnits;
      short.remaining -= units;
      decisions.push({
        action: 'transfer_stock',
        sku: row.sku,
        location: row.location,
        toLocation: short.location,
        units,
        valueAtRisk: money(saved),
        evidence,
      });
      const left = row.excessUnits - units;
      if (left <= 0) return;
      decisions.push({
        action: 'reduce_order',
        sku: row.sku,
        location: row.location,
        units: left,
        valueAtRisk: money((row.excessValue * left) / row.excessUnits),
        evidence,
      });
      return;
    }
    decisions.push({
      action: 'reduce_order',
      sku: row.sku,
      location: row.location,
      units: row.excessUnits,
      valueAtRisk: row.excessValue,
      evidence,
    });
  });
  shortfalls.forEach((row, index) => {
    if (row.remaining <= 0) return;
    decisions.push({
      action: 'raise_order',
      sku: row.sku,
      location: row.location,
      units: row.remaining,
      valueAtRisk: money((row.lostSalesValue * row.remaining) / row.orderUnits),
      evidence: { section: 'supplyReview', path: `projectedStockouts[${index}]` },
    });
  });
  supply.expiryRisk.items.forEach((row, index) => {
    decisions.push({
      action: 'markdown_or_donate',
      sku: row.sku,
      location: row.location,
      units: row.units,
      valueAtRisk: row.value,
      evidence: { section: 'supplyReview', path: `expiryRisk.items[${index}]` },
    });
  });
  return decisions;
}

function demandDecisions(demand: DemandReview): Unranked[] {
  return demand.worstItems.flatMap((row, index) =>
    row.errorValue !== null &&
    row.absErrorUnits > FORECAST_REVIEW_ERROR_SHARE * Math.max(row.actualUnits, 1)
      ? [
          {
            action: 'review_forecast' as const,
            sku: row.sku,
            location: row.location,
            units: row.absErrorUnits,
            valueAtRisk: row.errorValue,
            evidence: { section: 'demandReview', path: `worstItems[${index}]` },
          },
        ]
      : [],
  );
}

function anomalyDecisions(anomalies: AnomalyReview): Unranked[] {
  return anomalies.anomalies.map((row, index) => ({
    action: 'investigate_anomaly' as const,
    sku: row.sku,
    location: row.location,
    units: Math.abs(row.units - row.expectedUnits),
    valueAtRisk: row.valueAtRisk,
    evidence: { section: 'anomalies', path: `anomalies[${index}]` },
  }));
}

/** Quality holds are not valued in soles (inspections count photos, not units): valueAtRisk 0. */
function qualityDecisions(quality: QualityReview): Unranked[] {
  return quality.bySku
    .map((row, index) => ({ row, index }))
    .filter(
      ({ row }) =>
        row.passRate !== null &&
        row.passRate < QUALITY_HOLD_PASS_RATE &&
        row.inspected - row.retake >= QUALITY_HOLD_MINIMUM_JUDGED,
    )
    .sort((left, right) => (left.row.passRate ?? 0) - (right.row.passRate ?? 0))
    .map(({ row, index }) => ({
      action: 'quality_hold' as const,
      sku: row.sku,
      valueAtRisk: 0,
      evidence: { section: 'quality', path: `bySku[${index}]` },
    }));
}

/**
 * The ranked decisions, largest value at risk first, at most MAXIMUM_DECISIONS; quality holds
 * (unvalued) are listed after the valued actions but always kept (up to 3), since a failing pack is
 * a food-safety matter whatever its value.
 */
export function rankDecisions(input: DecisionInputs): SopDecision[] {
  const valued = [
    ...(input.supply ? supplyDecisions(input.supply) : []),
    ...(input.demand ? demandDecisions(input.demand) : []),
    ...(input.anomalies ? anomalyDecisions(input.anomalies) : []),
  ]
    .filter((decision) => decision.valueAtRisk > 0)
    .sort((left, right) => right.valueAtRisk - left.valueAtRisk);
  const holds = (input.quality ? qualityDecisions(input.quality) : []).slice(0, 3);
  return [...valued.slice(0, MAXIMUM_DECISIONS - holds.length), ...holds].map(
    (decision, index) => ({ rank: index + 1, ...decision }),
  );
}
