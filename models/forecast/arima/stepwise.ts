// Automatic ARIMA order selection by the stepwise search of Hyndman & Khandakar (2008, Journal
// of Statistical Software 27(3)), with the choices of forecast::auto.arima 8.20: KPSS for d,
// the seasonal-strength heuristic for D, AICc, start at (2,d,2)(1,D,1), mean or drift only with
// d + D <= 1, CSS approximation for long or high-period series and a final exact refit.
import { fitCandidate } from './candidate';
import type { Candidate, CandidateContext, InformationCriterion } from './candidate';
import { countPresent, difference, isConstant } from './difference';
import { fitConstant, fitDeterministic } from './deterministic-fit';
import { fitArima, differenceSeries } from './estimate';
import { ndiffs } from './kpss';
import { nsdiffs } from './seasonal-strength';
import type { ArimaFit, ArimaOrder } from './specification';
import { ArimaFitError } from './specification';

export interface AutoArimaOptions {
  maxP?: number;
  maxQ?: number;
  maxSeasonalP?: number;
  maxSeasonalQ?: number;
  maxD?: number;
  maxSeasonalD?: number;
  /** Force d or D instead of testing. */
  d?: number;
  seasonalD?: number;
  criterion?: InformationCriterion;
  /** CSS during the search; default as R: more than 150 values or a period above 12. */
  approximation?: boolean;
  allowDrift?: boolean;
  allowMean?: boolean;
  /** Largest number of models the search may fit (R's nmodels). */
  maxModels?: number;
}

export interface AutoArimaResult {
  fit: ArimaFit;
  /** Every model the search scored, in the order fitted. */
  candidates: Candidate[];
  /** True when the search ran with CSS scores and the winner was refitted by ML. */
  approximation: boolean;
  /** Plain-language notes about the choices made. */
  notes: string[];
}

/**
 * Selects and fits a (seasonal) ARIMA model for `values` (NaN = missing; leading missing values
 * must already be removed) with seasonal period `period`, as forecast::auto.arima.
 */
export function autoArima(
  values: ArrayLike<number>,
  period: number,
  options: AutoArimaOptions = {},
): AutoArimaResult {
  const x = Float64Array.from(values);
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`period: ${period} must be a whole number >= 1`);
  if (x.length === 0 || Number.isNaN(x[0]!))
    throw new RangeError('values: must start with an observation (drop leading missing values)');
  let last = x.length - 1;
  while (Number.isNaN(x[last]!)) last -= 1;
  const observations = countPresent(x.subarray(0, last + 1));
  const notes: string[] = [];
  const order = (
    p: number,
    d: number,
    q: number,
    sp: number,
    sd: number,
    sq: number,
    m: number,
  ): ArimaOrder => ({
    p,
    d,
    q,
    seasonalP: sp,
    seasonalD: sd,
    seasonalQ: sq,
    period: m,
  });
  if (isConstant(x)) {
    const fit = fitConstant(x);
    notes.push('The series is constant: forecasting that constant.');
    return { fit, candidates: [], approximation: false, notes };
  }
  const m = period;
  let maxP = Math.min(options.maxP ?? 5, Math.floor(observations / 3));
  let maxQ = Math.min(options.maxQ ?? 5, Math.floor(observations / 3));
  let maxSP = Math.min(options.maxSeasonalP ?? 2, Math.floor(observations / 3 / m));
  let maxSQ = Math.min(options.maxSeasonalQ ?? 2, Math.floor(observations / 3 / m));
  const criterion: InformationCriterion = observations <= 3 ? 'aic' : (options.criterion ?? 'aicc');

  let seasonalD: number;
  if (m === 1) {
    seasonalD = 0;
    maxSP = 0;
    maxSQ = 0;
  } else if (options.seasonalD !== undefined) {
    seasonalD = options.seasonalD;
  } else if (x.length <= 2 * m) {
    seasonalD = 0;
  } else {
    seasonalD = nsdiffs(x, m, options.maxSeasonalD ?? 1);
    if (seasonalD > 0 && countPresent(difference(x, m, seasonalD)) === 0) seasonalD -= 1;
  }
  const seasonallyDifferenced = seasonalD > 0 ? difference(x, m, seasonalD) : x;
  let d = options.d ?? ndiffs(seasonallyDifferenced, { maxD: options.maxD ?? 2 });
  if (
    options.d === undefined &&
    d > 0 &&
    countPresent(difference(seasonallyDifferenced, 1, d)) === 0
  )
    d -= 1;
  const dx = differenceSeries(x, order(0, d, 0, 0, seasonalD, 0, m));
  if (dx.length === 0) throw new ArimaFitError('not enough data to proceed');
  if (isConstant(dx)) {
    notes.push('The differenced series is constant: using the matching deterministic model.');
    return {
      fit: fitDeterministic(x, dx, d, seasonalD, m),
      candidates: [],
      approximation: false,
      notes,
    };
  }
  if (m > 1) {
    if (maxSP > 0) maxP = Math.min(maxP, m - 1);
    if (maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
  }
  const approximation = options.approximation ?? (x.length > 150 || m > 12);
  let offset = 0;
  if (approximation) {
    try {
      const base = fitArima(x, order(0, d, 0, 0, seasonalD, 0, m), {
        constant: d + seasonalD === 0,
        method: 'CSS-ML',
      });
      offset = -2 * base.logLikelihood - observations * Math.log(base.sigma2);
    } catch (error) {
      if (!(error instanceof ArimaFitError)) throw error;
    }
  }
  const allowDrift = (options.allowDrift ?? true) && d + seasonalD === 1;
  const allowMean = (options.allowMean ?? true) && d + seasonalD === 0;
  let constant = allowDrift || allowMean;
  const context: CandidateContext = { criterion, approximation, offset, observations };
  const maxModels = options.maxModels ?? 94;
  const results: Candidate[] = [];
  const key = (o: ArimaOrder, c: boolean): string =>
    `${o.p},${o.q},${o.seasonalP},${o.seasonalQ},${c ? 1 : 0}`;
  const seen = new Set<string>();
  const evaluate = (
    p: number,
    q: number,
    sp: number,
    sq: number,
    withConstant: boolean,
  ): Candidate => {
    const candidateOrder = order(p, d, q, sp, seasonalD, sq, m);
    const candidate = fitCandidate(x, candidateOrder, withConstant, context, true);
    results.push(candidate);
    seen.add(key(candidateOrder, withConstant));
    return candidate;
  };
  const isNew = (p: number, q: number, sp: number, sq: number, withConstant: boolean): boolean =>
    !seen.has(key(order(p, d, q, sp, seasonalD, sq, m), withConstant));

  const short = x.length < 10;
  let p = Math.min(short ? 1 : 2, maxP);
  let q = Math.min(short ? 1 : 2, maxQ);
  let sp = Math.min(short ? 0 : 1, maxSP);
  let sq = Math.min(short ? 0 : 1, maxSQ);
  let best = evaluate(p, q, sp, sq, constant);
  best.confirm();
  let fit = evaluate(0, 0, 0, 0, constant);
  if (fit.score < best.score && fit.confirm() < best.score) {
    best = fit;
    p = q = sp = sq = 0;
  }
  if (maxP > 0 || maxSP > 0) {
    const arP = maxP > 0 ? 1 : 0;
    const arSP = m > 1 && maxSP > 0 ? 1 : 0;
    fit = evaluate(arP, 0, arSP, 0, constant);
    if (fit.score < best.score && fit.confirm() < best.score) {
      best = fit;
      p = arP;
      sp = arSP;
      q = sq = 0;
    }
  }
  if (maxQ > 0 || maxSQ > 0) {
    const maQ = maxQ > 0 ? 1 : 0;
    const maSQ = m > 1 && maxSQ > 0 ? 1 : 0;
    fit = evaluate(0, maQ, 0, maSQ, constant);
    if (fit.score < best.score && fit.confirm() < best.score) {
      best = fit;
      p = sp = 0;
      q = maQ;
      sq = maSQ;
    }
  }
  if (constant) {
    fit = evaluate(0, 0, 0, 0, false);
    if (fit.score < best.score && fit.confirm() < best.score) {
      best = fit;
      p = q = sp = sq = 0;
    }
  }
  // Neighbour moves in R's order: seasonal first, then non-seasonal, then the constant.
  const moves: Array<[number, number, number, number]> = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let count = results.length;
  let startCount = 0;
  while (startCount < count && count < maxModels) {
    startCount = count;
    let improved = false;
    for (const [dp, dq, dsp, dsq] of moves) {
      const np = p + dp;
      const nq = q + dq;
      const nsp = sp + dsp;
      const nsq = sq + dsq;
      if (
        np < 0 ||
        nq < 0 ||
        nsp < 0 ||
        nsq < 0 ||
        np > maxP ||
        nq > maxQ ||
        nsp > maxSP ||
        nsq > maxSQ
      )
        continue;
      if (!isNew(np, nq, nsp, nsq, constant)) continue;
      count += 1;
      if (count > maxModels) continue;
      fit = evaluate(np, nq, nsp, nsq, constant);
      if (fit.score < best.score && fit.confirm() < best.score) {
        best = fit;
        p = np;
        q = nq;
        sp = nsp;
        sq = nsq;
        improved = true;
        break;
      }
    }
    if (improved) continue;
    if ((allowDrift || allowMean) && isNew(p, q, sp, sq, !constant)) {
      count += 1;
      if (count > maxModels) continue;
      fit = evaluate(p, q, sp, sq, !constant);
      if (fit.score < best.score && fit.confirm() < best.score) {
        best = fit;
        constant = !constant;
      }
    }
  }
  if (count > maxModels)
    notes.push(`The stepwise search stopped at its limit of ${maxModels} models.`);

  const refit = (candidate: Candidate): Candidate | null => {
    const result = fitCandidate(x, candidate.order, candidate.constant, {
      ...context,
      approximation: false,
    });
    return result.score < Infinity ? result : null;
  };
  let chosen = best;
  if (approximation && best.fit !== null) {
    // Refit by ML in order of score, as R does (ties and rejected models in fitting order).
    // Checking a candidate's variances now is the same as having checked it when fitted: a
    // rejected one simply moves to the infinite end of the ranking.
    const finite = results
      .map((candidate, index) => ({ candidate, index }))
      .filter(({ candidate }) => candidate.score < Infinity)
      .sort(
        (left, right) => left.candidate.score - right.candidate.score || left.index - right.index,
      );
    const rejected = new Set(results.filter((candidate) => candidate.score === Infinity));
    let refitted: Candidate | null = null;
    for (const { candidate } of finite) {
      if (candidate.confirm() === Infinity) {
        rejected.add(candidate);
        continue;
      }
      refitted = refit(candidate);
      if (refitted) break;
    }
    for (const candidate of results) {
      if (refitted) break;
      if (rejected.has(candidate)) refitted = refit(candidate);
    }
    if (refitted) chosen = refitted;
  }
  if (chosen.fit === null || chosen.score === Infinity) {
    throw new ArimaFitError('no suitable ARIMA model found');
  }
  return { fit: chosen.fit, candidates: results, approximation, notes };
}
