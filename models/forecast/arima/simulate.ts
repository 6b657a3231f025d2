// Simulation of ARMA series from a seeded generator, for tests and examples (Box, Jenkins &
// Reinsel 2008, section 3.4): recursion from zero starting values, with a burn-in discarded.
import type { Random } from '../../stats/random';

export interface ArmaSimulation {
  /** AR coefficients: x_t = sum ar_j x_{t-j} + e_t + sum ma_j e_{t-j}. */
  ar?: readonly number[];
  ma?: readonly number[];
  /** Innovation standard deviation (default 1). */
  sd?: number;
  /** Values discarded at the start so the series is near its stationary distribution (default 200). */
  burnIn?: number;
}

/** n values of a zero-mean ARMA process with Gaussian innovations drawn from `random`. */
export function simulateArma(n: number, spec: ArmaSimulation, random: Random): number[] {
  const ar = spec.ar ?? [];
  const ma = spec.ma ?? [];
  const sd = spec.sd ?? 1;
  const burnIn = spec.burnIn ?? 200;
  const total = n + burnIn;
  const x = new Array<number>(total).fill(0);
  const e = new Array<number>(total).fill(0);
  for (let t = 0; t < total; t += 1) {
    e[t] = random.normal(0, sd);
    let value = e[t]!;
    for (let j = 1; j <= ar.length; j += 1) if (t - j >= 0) value += ar[j - 1]! * x[t - j]!;
    for (let j = 1; j <= ma.length; j += 1) if (t - j >= 0) value += ma[j - 1]! * e[t - j]!;
    x[t] = value;
  }
  return x.slice(burnIn);
}
