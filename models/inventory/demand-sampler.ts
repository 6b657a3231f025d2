// Daily demand and lead-time distributions for the inventory simulator, compiled once into flat
// per-day parameter arrays so that drawing a replication's path allocates nothing.
import type { Random } from '../stats/random';

/** A parameter given once for every day, or per day (an array of `horizonDays` values). */
export type PerDay = number | readonly number[];

export type DemandDistribution =
  /** Normal per day; a negative draw counts as zero demand (censored at 0). */
  | { distribution: 'normal'; mean: PerDay; sd: PerDay }
  /** Gamma with the given mean and sd per day (shape (mean/sd)^2, scale sd^2/mean). */
  | { distribution: 'gamma'; mean: PerDay; sd: PerDay }
  | { distribution: 'poisson'; mean: PerDay }
  /** Gamma-Poisson mixture: variance = mean + mean^2 / dispersion (R's `size`). */
  | { distribution: 'negative-binomial'; mean: PerDay; dispersion: PerDay }
  /** Resampled uniformly: one pool for every day, or one pool per day. */
  | { distribution: 'empirical'; samples: readonly number[] | readonly (readonly number[])[] }
  /**
   * A forecast's quantiles: `values[k]` is the quantile at `probabilities[k]` (one row for every
   * day, or one row per day). A draw interpolates linearly between them; beyond the outermost
   * probabilities it takes the outermost value, so the tails are cut there.
   */
  | {
      distribution: 'quantiles';
      probabilities: readonly number[];
      values: readonly number[] | readonly (readonly number[])[];
    };

export type LeadTimeDistribution =
  | { distribution: 'fixed'; days: number }
  /** Normal, rounded to the nearest whole day and floored at 0. */
  | { distribution: 'normal'; mean: number; sd: number }
  /** Resampled uniformly from observed whole-day lead times. */
  | { distribution: 'empirical'; days: readonly number[] };

const NORMAL = 0;
const GAMMA = 1;
const POISSON = 2;
const NEGATIVE_BINOMIAL = 3;
const EMPIRICAL = 4;
const QUANTILES = 5;

/** A compiled demand distribution: fills one replication's daily demands into a buffer. */
export interface DemandSampler {
  readonly horizonDays: number;
  fill(random: Random, target: Float64Array): void;
}

function perDay(value: PerDay, horizonDays: number, name: string, minimum: number): Float64Array {
  const values = new Float64Array(horizonDays);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < minimum) {
      throw new RangeError(`${name}: must be a finite number >= ${minimum}, got ${value}`);
    }
    values.fill(value);
    return values;
  }
  if (!Array.isArray(value) || value.length !== horizonDays) {
    throw new RangeError(
      `${name}: give one number for every day or an array of horizonDays (${horizonDays}) numbers`,
    );
  }
  for (let day = 0; day < horizonDays; day += 1) {
    const entry = value[day];
    if (typeof entry !== 'number' || !Number.isFinite(entry) || entry < minimum) {
      throw new RangeError(`${name}[${day}]: must be a finite number >= ${minimum}, got ${entry}`);
    }
    values[day] = entry;
  }
  return values;
}

function checkedRow(row: readonly number[], name: string): Float64Array {
  if (!Array.isArray(row) || row.length === 0) {
    throw new RangeError(`${name}: needs at least one value`);
  }
  const values = Float64Array.from(row);
  for (let index = 0; index < values.length; index += 1) {
    const entry = values[index] as number;
    if (!Number.isFinite(entry) || entry < 0) {
      throw new RangeError(`${name}[${index}]: demand must be a finite number >= 0, got ${entry}`);
    }
  }
  return values;
}

/** One row for every day (a single row returned) or a row per day (horizonDays rows). */
function rows(
  source: readonly number[] | readonly (readonly number[])[],
  horizonDays: number,
  name: string,
): Float64Array[] {
  if (!Array.isArray(source) || source.length === 0) {
    throw new RangeError(`${name}: needs at least one value`);
  }
  if (typeof source[0] === 'number') return [checkedRow(source as readonly number[], name)];
  if (source.length !== horizonDays) {
    throw new RangeError(
      `${name}: give one list for every day or exactly horizonDays (${horizonDays}) lists, got ${source.length}`,
    );
  }
  return (source as readonly (readonly number[])[]).map((row, day) =>
    checkedRow(row, `${name}[${day}]`),
  );
}

function checkedProbabilities(probabilities: readonly number[]): Float64Array {
  if (!Array.isArray(probabilities) || probabilities.length === 0) {
    throw new RangeError('demand.probabilities: needs at least one probability');
  }
  const values = Float64Array.from(probabilities);
  for (let index = 0; index < values.length; index += 1) {
    const p = values[index] as number;
    const previous = index === 0 ? 0 : (values[index - 1] as number);
    if (!(p > 0 && p < 1) || (index > 0 && !(p > previous))) {
      throw new RangeError(
        `demand.probabilities[${index}]: must be strictly increasing inside (0, 1), got ${p}`,
      );
    }
  }
  return values;
}

/** Linear interpolation of the quantile function at u, flat beyond the outer quantiles. */
function interpolateQuantile(probabilities: Float64Array, values: Float64Array, u: number): number {
  const last = probabilities.length - 1;
  if (u <= (probabilities[0] as number)) return values[0] as number;
  if (u >= (probabilities[last] as number)) return values[last] as number;
  let index = 1;
  while ((probabilities[index] as number) < u) index += 1;
  const p0 = probabilities[index - 1] as number;
  const p1 = probabilities[index] as number;
  const v0 = values[index - 1] as number;
  const v1 = values[index] as number;
  return v0 + ((v1 - v0) * (u - p0)) / (p1 - p0);
}

/** Validates a demand distribution over `horizonDays` and compiles it into a sampler. */
export function compileDemand(demand: DemandDistribution, horizonDays: number): DemandSampler {
  if (demand === null || typeof demand !== 'object') {
    throw new TypeError('demand: expected an object with a `distribution` field');
  }
  const first = new Float64Array(horizonDays);
  const second = new Float64Array(horizonDays);
  let kind: number;
  let pools: Float64Array[] = [];
  let probabilities: Float64Array = new Float64Array(0);
  switch (demand.distribution) {
    case 'normal':
    case 'gamma':
      kind = demand.distribution === 'normal' ? NORMAL : GAMMA;
      first.set(perDay(demand.mean, horizonDays, 'demand.mean', 0));
      second.set(perDay(demand.sd, horizonDays, 'demand.sd', 0));
      break;
    case 'poisson':
      kind = POISSON;
      first.set(perDay(demand.mean, horizonDays, 'demand.mean', 0));
      break;
    case 'negative-binomial':
      kind = NEGATIVE_BINOMIAL;
      first.set(perDay(demand.mean, horizonDays, 'demand.mean', 0));
      second.set(perDay(demand.dispersion, horizonDays, 'demand.dispersion', Number.MIN_VALUE));
      break;
    case 'empirical':
      kind = EMPIRICAL;
      pools = rows(demand.samples, horizonDays, 'demand.samples');
      break;
    case 'quantiles':
      kind = QUANTILES;
      probabilities = checkedProbabilities(demand.probabilities);
      pools = rows(demand.values, horizonDays, 'demand.values');
      pools.forEach((row, index) => {
        if (row.length !== probabilities.length) {
          throw new RangeError(
            `demand.values${pools.length > 1 ? `[${index}]` : ''}: needs one value per probability (${probabilities.length}), got ${row.length}`,
          );
        }
        for (let k = 1; k < row.length; k += 1) {
          if ((row[k] as number) < (row[k - 1] as number)) {
            throw new RangeError(
              `demand.values: quantiles must not decrease with the probability (row ${index}, position ${k})`,
            );
          }
        }
      });
      break;
    default:
      throw new RangeError(
        `demand.distribution: unknown "${String((demand as { distribution: unknown }).distribution)}"; use normal, gamma, poisson, negative-binomial, empirical or quantiles`,
      );
  }
  const fill = (random: Random, target: Float64Array): void => {
    for (let day = 0; day < horizonDays; day += 1) {
      const a = first[day] as number;
      const b = second[day] as number;
      let draw: number;
      if (kind === NORMAL) {
        draw = b === 0 ? a : random.normal(a, b);
        if (draw < 0) draw = 0;
      } else if (kind === GAMMA) {
        draw = a === 0 || b === 0 ? a : random.gamma((a / b) * (a / b), (b * b) / a);
      } else if (kind === POISSON) {
        draw = random.poisson(a);
      } else if (kind === NEGATIVE_BINOMIAL) {
        draw = random.negativeBinomial(a, b);
      } else {
        const pool = (pools.length === 1 ? pools[0] : pools[day]) as Float64Array;
        draw =
          kind === EMPIRICAL
            ? (pool[Math.floor(random.next() * pool.length)] as number)
            : interpolateQuantile(probabilities, pool, random.next());
      }
      target[day] = draw;
    }
  };
  return { horizonDays, fill };
}

/** A compiled lead-time distribution: fills the lead time of an order placed on each day. */
export interface LeadTimeSampler {
  /** The fixed lead time, or -1 when lead times are random. */
  readonly fixedDays: number;
  fill(random: Random, target: Int32Array): void;
}

function checkedDays(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name}: must be a whole number of days >= 0, got ${value}`);
  }
  return value;
}

/** Validates a lead-time distribution and compiles it into a sampler of whole days. */
export function compileLeadTime(leadTime: LeadTimeDistribution): LeadTimeSampler {
  if (leadTime === null || typeof leadTime !== 'object') {
    throw new TypeError('leadTime: expected an object with a `distribution` field');
  }
  switch (leadTime.distribution) {
    case 'fixed': {
      const days = checkedDays(leadTime.days, 'leadTime.days');
      return { fixedDays: days, fill: (_random, target) => target.fill(days) };
    }
    case 'normal': {
      const { mean, sd } = leadTime;
      if (!Number.isFinite(mean) || mean < 0) {
        throw new RangeError(`leadTime.mean: must be a finite number >= 0, got ${mean}`);
      }
      if (!Number.isFinite(sd) || sd < 0) {
        throw new RangeError(`leadTime.sd: must be a finite number >= 0, got ${sd}`);
      }
      return {
        fixedDays: -1,
        fill: (random, target) => {
          for (let day = 0; day < target.length; day += 1) {
            target[day] = Math.max(0, Math.round(random.normal(mean, sd)));
          }
        },
      };
    }
    case 'empirical': {
      if (!Array.isArray(leadTime.days) || leadTime.days.length === 0) {
        throw new RangeError('leadTime.days: needs at least one observed lead time');
      }
      const pool = Int32Array.from(
        leadTime.days.map((days, index) => checkedDays(days, `leadTime.days[${index}]`)),
      );
      return {
        fixedDays: -1,
        fill: (random, target) => {
          for (let day = 0; day < target.length; day += 1) {
            target[day] = pool[Math.floor(random.next() * pool.length)] as number;
          }
        },
      };
    }
    default:
      throw new RangeError(
        `leadTime.distribution: unknown "${String((leadTime as { distribution: unknown }).distribution)}"; use fixed, normal or empirical`,
      );
  }
}
