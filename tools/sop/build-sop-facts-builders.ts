// The real section builders of the S&OP summary, wired for assembleSopFacts (kept apart from the
// assembly, whose tests pass doubles instead).
import { buildAnomalyReview } from './anomaly-review';
import type { SopSectionBuilders, SopSections } from './build-sop-facts';
import { rankDecisions } from './decisions';
import { buildDemandReview } from './demand-review';
import { buildLifecycleReview } from './lifecycle-review';
import { createMonthlyListingsCache, type MonthlyListingsSource } from './monthly-listings';
import { buildQualityReview } from './quality-review';
import type { SopSection } from './sop-facts';
import { createStockListingsCache } from './stock-listings';
import { buildSupplyReview } from './supply-review';

const dataOf = <T>(section: SopSection<T>): T | undefined =>
  section.status === 'available' ? section.data : undefined;

/**
 * Builders for one pack: the demand and lifecycle reviews share one read of the monthly sales
 * (`listings`, default a new cache; pass one a caller already filled to share it too), the supply
 * review and the KPI card one read of the daily rows with stock.
 */
export function createSopBuilders(
  listings: MonthlyListingsSource = createMonthlyListingsCache(),
): SopSectionBuilders {
  const stockListings = createStockListingsCache();
  return {
    demandReview: (context, month, scope) => buildDemandReview(context, month, scope, { listings }),
    supplyReview: (context, month, scope) =>
      buildSupplyReview(context, month, scope, { stockListings: stockListings(month) }),
    stockListings,
    anomalies: buildAnomalyReview,
    quality: buildQualityReview,
    lifecycle: (context, month, scope) => buildLifecycleReview(context, month, scope, { listings }),
    rankDecisions: (sections: SopSections) =>
      rankDecisions({
        demand: dataOf(sections.demandReview),
        supply: dataOf(sections.supplyReview),
        anomalies: dataOf(sections.anomalies),
        quality: dataOf(sections.quality),
      }),
  };
}

/**
 * Builders without the shared monthly-sales read (each section reads its own): correct but slower;
 * prefer buildSopFacts, or createSopBuilders() once per pack.
 */
export const defaultSopBuilders: SopSectionBuilders = {
  demandReview: (context, month, scope) => buildDemandReview(context, month, scope),
  supplyReview: buildSupplyReview,
  anomalies: buildAnomalyReview,
  quality: buildQualityReview,
  lifecycle: (context, month, scope) => buildLifecycleReview(context, month, scope),
  rankDecisions: (sections) => createSopBuilders().rankDecisions(sections),
};
