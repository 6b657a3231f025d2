// Totals of the policy comparison over many listings: inventory value, excess value (units above the
// maximum cover x unit cost) and waste add up; the fill rate is weighted by each listing's expected
// demand (units served / units demanded overall).
import type { ListingAnalysis } from './analyze-listing';
import type { PolicyOutcome } from './compare-policies';

export interface OutcomeTotals {
  averageInventoryValue: number;
  averageExcessValue: number;
  fillRate: number;
  wasteUnits: number;
  wasteValue: number;
  wasteCo2eKg: number;
}

export interface ComparisonTotals {
  items: number;
  recommended: OutcomeTotals;
  current: OutcomeTotals;
  inventoryValueChangePercent: number | null;
  excessValueChangePercent: number | null;
  fillRateChangePoints: number;
  wasteValueChange: number;
}

function total(entries: readonly { outcome: PolicyOutcome; demand: number }[]): OutcomeTotals {
  let value = 0;
  let excess = 0;
  let served = 0;
  let demanded = 0;
  let wasteUnits = 0;
  let wasteValue = 0;
  let wasteCo2eKg = 0;
  for (const { outcome, demand } of entries) {
    value += outcome.averageInventoryValue;
    excess += outcome.averageExcessValue;
    served += outcome.fillRate * demand;
    demanded += demand;
    wasteUnits += outcome.wasteUnits;
    wasteValue += outcome.wasteValue;
    wasteCo2eKg += outcome.wasteCo2eKg;
  }
  return {
    averageInventoryValue: value,
    averageExcessValue: excess,
    fillRate: demanded > 0 ? served / demanded : 1,
    wasteUnits,
    wasteValue,
    wasteCo2eKg,
  };
}

/** Recommended vs current over the analyses that have an inferred current policy. */
export function comparisonTotals(analyses: readonly ListingAnalysis[]): ComparisonTotals {
  const compared = analyses.filter((analysis) => analysis.comparison.current !== null);
  const recommended = total(
    compared.map((analysis) => ({
      outcome: analysis.comparison.recommended,
      demand: analysis.demand.dailyMean,
    })),
  );
  const current = total(
    compared.map((analysis) => ({
      outcome: analysis.comparison.current as PolicyOutcome,
      demand: analysis.demand.dailyMean,
    })),
  );
  return {
    items: compared.length,
    recommended,
    current,
    inventoryValueChangePercent:
      current.averageInventoryValue > 0
        ? (recommended.averageInventoryValue / current.averageInventoryValue - 1) * 100
        : null,
    excessValueChangePercent:
      current.averageExcessValue > 0
        ? (recommended.averageExcessValue / current.averageExcessValue - 1) * 100
        : null,
    fillRateChangePoints: (recommended.fillRate - current.fillRate) * 100,
    wasteValueChange: recommended.wasteValue - current.wasteValue,
  };
}
