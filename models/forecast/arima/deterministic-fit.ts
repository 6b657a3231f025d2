// The fixed models forecast::auto.arima uses instead of a search: the mean of a constant series,
// and the deterministic ARIMA(0,d,0)(0,D,0) with drift or mean fixed at the average difference
// when the differenced series is constant (Hyndman & Khandakar 2008, section 3.2 remarks).
import { fitArima } from './estimate';
import { ArimaFitError } from './specification';
import type { ArimaFit, ArimaOrder } from './specification';

/** ARIMA(0,0,0) with the mean fixed at the average of the present values. */
export function fitConstant(x: Float64Array): ArimaFit {
  let sum = 0;
  let count = 0;
  for (const value of x) {
    if (Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  const order: ArimaOrder = {
    p: 0,
    d: 0,
    q: 0,
    seasonalP: 0,
    seasonalD: 0,
    seasonalQ: 0,
    period: 1,
  };
  return fitArima(x, order, { constant: true, method: 'CSS-ML', fixedConstant: sum / count });
}

/** The fixed models auto.arima uses when the differenced series is constant. */
export function fitDeterministic(
  x: Float64Array,
  dx: Float64Array,
  d: number,
  seasonalD: number,
  m: number,
): ArimaFit {
  let sum = 0;
  let count = 0;
  for (const value of dx) {
    if (Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  const base: ArimaOrder = { p: 0, d, q: 0, seasonalP: 0, seasonalD, seasonalQ: 0, period: m };
  if (seasonalD > 0 && d === 0) {
    return fitArima(x, base, { constant: true, method: 'CSS-ML', fixedConstant: sum / count / m });
  }
  if (seasonalD > 0 || d === 2) return fitArima(x, base, { constant: false, method: 'CSS-ML' });
  if (d < 2)
    return fitArima(x, base, { constant: true, method: 'CSS-ML', fixedConstant: sum / count });
  throw new ArimaFitError(
    'the data follow a simple polynomial and are not suitable for ARIMA modelling',
  );
}
