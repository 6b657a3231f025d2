// Automatic choice of the ETS form: fit every admissible candidate by maximum likelihood and
// keep the smallest information criterion (AICc by default), as in Hyndman & Khandakar (2008,
// J. Stat. Softw. 27(3), section 2.1) and R forecast's ets().
import { type EtsModel, type FitSettings, type SpecEstimate, estimateSpec, modelOf } from './fit';
import {
  type CandidateRules,
  type EtsSpec,
  type ModelPattern,
  candidateSpecs,
  formatSpec,
} from './model-spec';

export type InformationCriterion = 'aicc' | 'aic' | 'bic';

export interface CandidateScore {
  method: string;
  /** The criterion value, or undefined when the form could not be fitted. */
  score: number | undefined;
  failure?: string;
}

export interface Selection {
  model: EtsModel | undefined;
  candidates: CandidateScore[];
}

function criterionOf(estimate: SpecEstimate, criterion: InformationCriterion): number {
  return criterion === 'aic' ? estimate.aic : criterion === 'bic' ? estimate.bic : estimate.aicc;
}

/** Fits each candidate form of `pattern` and returns the best by `criterion` (first wins ties, as R). */
export function selectModel(
  y: Float64Array,
  period: number,
  pattern: ModelPattern,
  rules: CandidateRules,
  settings: FitSettings,
  criterion: InformationCriterion,
): Selection {
  const specs: EtsSpec[] = candidateSpecs(pattern, rules);
  const candidates: CandidateScore[] = [];
  let best: SpecEstimate | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const spec of specs) {
    const outcome = estimateSpec(y, spec, period, settings);
    if ('failure' in outcome) {
      candidates.push({ method: formatSpec(spec), score: undefined, failure: outcome.failure });
      continue;
    }
    const score = criterionOf(outcome.estimate, criterion);
    candidates.push({ method: formatSpec(spec), score: Number.isNaN(score) ? undefined : score });
    if (score < bestScore) {
      best = outcome.estimate;
      bestScore = score;
    }
  }
  // Only the chosen form needs its fitted values, residuals and final state.
  return { model: best === undefined ? undefined : modelOf(y, best), candidates };
}
