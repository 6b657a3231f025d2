// Shared ARIMA types: the model orders, how a constant enters, and the fitted model.
import type { ArmaLayout } from './arma-parameters';

/** ARIMA(p, d, q)(P, D, Q)[period] orders. */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  seasonalP: number;
  seasonalD: number;
  seasonalQ: number;
  /** Seasonal period (1 = none). */
  period: number;
}

/** R's three estimation methods: conditional sum of squares, exact ML, or CSS then ML. */
export type ArimaMethod = 'CSS-ML' | 'ML' | 'CSS';

/** A mean (no differencing), a drift (one difference) or nothing. */
export type ConstantKind = 'none' | 'mean' | 'drift';

export interface ArimaFit {
  order: ArimaOrder;
  /** Method actually used (CSS-ML becomes ML when values are missing). */
  method: ArimaMethod;
  constant: ConstantKind;
  /** Estimates in R's order: ar1..p, ma1..q, sar1..P, sma1..Q, then intercept or drift. */
  coefficients: number[];
  coefficientNames: string[];
  /** Value of the mean or drift (0 when none). */
  constantValue: number;
  /** Expanded AR polynomial phi (length p + period P) and MA polynomial theta. */
  phi: Float64Array;
  theta: Float64Array;
  /** Differencing polynomial coefficients (R's Delta). */
  delta: Float64Array;
  /** Innovation variance: ssq / nUsed for ML, the CSS mean square for CSS. */
  sigma2: number;
  /** Gaussian log-likelihood (NaN for CSS). */
  logLikelihood: number;
  /** AIC as R's arima reports it (NaN for CSS). */
  aic: number;
  /** Non-missing observations minus the differencing order (R's nobs). */
  nUsed: number;
  /** Number of estimated coefficients. */
  estimatedCount: number;
  /** False when the optimiser hit its iteration limit. */
  converged: boolean;
  /**
   * False when the estimated coefficient variances are not all non-negative (R's checkarima);
   * undefined for a search candidate whose check was never needed.
   */
  variancesValid?: boolean;
}

export function armaLayout(order: ArimaOrder): ArmaLayout {
  return {
    p: order.p,
    q: order.q,
    seasonalP: order.seasonalP,
    seasonalQ: order.seasonalQ,
    period: order.period,
  };
}

/** "ARIMA(p,d,q)(P,D,Q)[m] with drift" style label, as forecast's arima.string. */
export function describeOrder(order: ArimaOrder, constant: ConstantKind): string {
  let label = `ARIMA(${order.p},${order.d},${order.q})`;
  if (order.seasonalP + order.seasonalD + order.seasonalQ > 0 && order.period > 1) {
    label += `(${order.seasonalP},${order.seasonalD},${order.seasonalQ})[${order.period}]`;
  }
  if (constant === 'mean') label += ' with non-zero mean';
  else if (constant === 'drift') label += ' with drift';
  else if (order.d + order.seasonalD === 0) label += ' with zero mean';
  return label;
}

/** Thrown where R's arima() stops with an error; auto.arima scores such a model as infinite. */
export class ArimaFitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArimaFitError';
  }
}
