// One candidate model of the automatic search, scored as forecast's myarima(): the chosen
// information criterion, set to infinity when the fit fails, when an AR or MA root lies within
// 1.01 of the unit circle, or when a coefficient variance is negative (Hyndman & Khandakar 2008).
import { rootsOutsideCircle } from './polynomial-roots';
import { fitArimaDeferred } from './estimate';
import { ArimaFitError } from './specification';
import type { ArimaFit, ArimaOrder } from './specification';

export type InformationCriterion = 'aicc' | 'aic' | 'bic';

export interface Candidate {
  order: ArimaOrder;
  constant: boolean;
  fit: ArimaFit | null;
  aic: number;
  aicc: number;
  bic: number;
  /**
   * The criterion the search compares (Infinity when the model is rejected). Before confirm(),
   * it omits the coefficient-variance check, which can only raise it to Infinity.
   */
  score: number;
  /** Runs the deferred variance check (once) and returns the final score. */
  confirm: () => number;
}

export interface CandidateContext {
  criterion: InformationCriterion;
  /** Fit by CSS and score with `offset` (R's approximation = TRUE). */
  approximation: boolean;
  /** -2 loglik - n log sigma2 of the ARIMA(0,d,0)(0,D,0) fit, used with CSS scores. */
  offset: number;
  /** Non-missing observations from the first to the last present value. */
  observations: number;
}

/** Smallest modulus allowed for an AR or MA root. */
const MINIMUM_ROOT = 1.01;
/** Trailing polynomial coefficients this small are ignored in the root check. */
const NEGLIGIBLE = 1e-8;

/**
 * Fits and scores one candidate; never throws for estimation failures. With `deferCheck`, the
 * Hessian-based variance check waits for confirm() (a candidate that cannot beat the current
 * best never needs it).
 */
export function fitCandidate(
  values: ArrayLike<number>,
  order: ArimaOrder,
  constant: boolean,
  context: CandidateContext,
  deferCheck = false,
): Candidate {
  const rejected: Candidate = {
    order,
    constant,
    fit: null,
    aic: Infinity,
    aicc: Infinity,
    bic: Infinity,
    score: Infinity,
    confirm: () => Infinity,
  };
  let fit: ArimaFit;
  let confirmFit: () => boolean;
  try {
    const deferred = fitArimaDeferred(values, order, {
      constant,
      method: context.approximation ? 'CSS' : 'CSS-ML',
    });
    fit = deferred.fit;
    confirmFit = deferred.confirm;
  } catch (error) {
    if (error instanceof ArimaFitError) return rejected;
    throw error;
  }
  const effective = context.observations - order.d - order.seasonalD * order.period;
  const parameters = fit.estimatedCount + 1;
  const aic =
    fit.method === 'CSS'
      ? context.offset + effective * Math.log(fit.sigma2) + 2 * parameters
      : fit.aic;
  if (Number.isNaN(aic)) return { ...rejected, fit };
  const bic = aic + parameters * (Math.log(effective) - 2);
  const aicc = aic + (2 * parameters * (parameters + 1)) / (effective - parameters - 1);
  let score = context.criterion === 'aic' ? aic : context.criterion === 'bic' ? bic : aicc;
  if (order.p + order.seasonalP > 0 && !rootsOutsideCircle(fit.phi, MINIMUM_ROOT, NEGLIGIBLE)) {
    score = Infinity;
  }
  if (order.q + order.seasonalQ > 0 && score < Infinity) {
    const negated = fit.theta.map((value) => -value);
    if (!rootsOutsideCircle(negated, MINIMUM_ROOT, NEGLIGIBLE)) score = Infinity;
  }
  let confirmed = false;
  const candidate: Candidate = {
    order,
    constant,
    fit,
    aic,
    aicc,
    bic,
    score,
    confirm: () => {
      if (!confirmed) {
        confirmed = true;
        if (candidate.score < Infinity && !confirmFit()) candidate.score = Infinity;
      }
      return candidate.score;
    },
  };
  if (!deferCheck) candidate.confirm();
  return candidate;
}
