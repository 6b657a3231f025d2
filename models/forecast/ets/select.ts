// Automatic choice of the ETS form: fit every admissible candidate by maximum likelihood and
// keep the smallest information criterion (AICc by default), as in Hyndman & Khandakar (2008,
// J. Stat. Softw. 27(3), section 2.1) and R forecast's ets().
import { type EtsModel, type FitSettings, fitSpec } from './fit';
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

function criterionOf(model: EtsModel, criterion: InformationCriterion): number {
  return criterion === 'aic' ? model.aic : criterion === 'bic' ? model.bic : model.aicc;
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
  let best: EtsModel | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const spec of specs) {
    const outcome = fitSpec(y, spec, period, settings);
    if ('failure' in outcome) {
      candidates.push({ method: formatSpec(spec), score: undefined, failure: outcome.failure });
      continue;
    }
    const score = criterionOf(outcome.model, criterion);
    candidates.push({
      method: outcome.model.method,
      score: Number.isNaN(score) ? undefined : score,
    });
    if (score < bestScore) {
      best = outcome.model;
      bestScore = score;
    }
  }
  return { model: best, candidates };
}
