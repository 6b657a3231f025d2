// The real section builders of the S&OP summary, wired for assembleSopFacts (kept apart from the
// assembly so its tests can pass doubles without loading the forecasting and anomaly engines).
import { buildAnomalyReview } from './anomaly-review';
import type { SopSectionBuilders, SopSections } from './build-sop-facts';
import { rankDecisions } from './decisions';
import { buildDemandReview } from './demand-review';
import { buildLifecycleReview } from './lifecycle-review';
import { buildQualityReview } from './quality-review';
import type { SopSection } from './sop-facts';
import { buildSupplyReview } from './supply-review';

const dataOf = <T>(section: SopSection<T>): T | undefined =>
  section.status === 'available' ? section.data : undefined;

export const defaultSopBuilders: SopSectionBuilders = {
  demandReview: (context, month, scope) => buildDemandReview(context, month, scope),
  supplyReview: buildSupplyReview,
  anomalies: buildAnomalyReview,
  quality: buildQualityReview,
  lifecycle: (context, month, scope) => buildLifecycleReview(context, month, scope),
  rankDecisions: (sections: SopSections) =>
    rankDecisions({
      demand: dataOf(sections.demandReview),
      supply: dataOf(sections.supplyReview),
      anomalies: dataOf(sections.anomalies),
      quality: dataOf(sections.quality),
    }),
};
