// The ETS model forms (error A/M x trend N/A/Ad/M/Md x season N/A/M: 30 forms), which of them
// the automatic search may use, and the parameter space: R forecast's default bounds and the
// admissible (forecastable) region of Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with
// Exponential Smoothing", ch. 10 (as in R forecast's `admissible`).

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'M';
export type SeasonType = 'N' | 'A' | 'M';

/** One model form: ETS(error, trend[d], season). */
export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  damped: boolean;
}

/** A model code as R's ets() takes it: three letters, Z = choose automatically. */
export interface ModelPattern {
  error: ErrorType | 'Z';
  trend: TrendType | 'Z';
  season: SeasonType | 'Z';
  /** true/false fixes damping; undefined tries both (R's damped = NULL). */
  damped: boolean | undefined;
}

/** Numeric codes used by the recursions (as in R's C code). */
export const NONE = 0;
export const ADDITIVE = 1;
export const MULTIPLICATIVE = 2;

export function componentCode(component: 'N' | 'A' | 'M'): number {
  return component === 'N' ? NONE : component === 'A' ? ADDITIVE : MULTIPLICATIVE;
}

/** R's default lower bounds for alpha, beta, gamma, phi. */
export const DEFAULT_LOWER: readonly number[] = [1e-4, 1e-4, 1e-4, 0.8];
/** R's default upper bounds for alpha, beta, gamma, phi. */
export const DEFAULT_UPPER: readonly number[] = [0.9999, 0.9999, 0.9999, 0.98];

export type BoundsRule = 'both' | 'usual' | 'admissible';

/** "ETS(M,Ad,N)". */
export function formatSpec(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend}${spec.damped ? 'd' : ''},${spec.season})`;
}

/** "MAdN": the compact code. */
export function specCode(spec: EtsSpec): string {
  return `${spec.error}${spec.trend}${spec.damped ? 'd' : ''}${spec.season}`;
}

const CODE = /^([AMZ])([NAMZ])(d?)([NAMZ])$/;

/** Parses "ZZZ", "AAN", "AAdN", "MNM": three letters (error, trend, season), 'd' after the trend to fix damping. */
export function parseModelCode(code: string, damped?: boolean): ModelPattern {
  const match = typeof code === 'string' ? CODE.exec(code) : null;
  if (!match) {
    throw new RangeError(
      `model: ${JSON.stringify(code)} is not a model code; use three letters error/trend/season from A, M, N, Z (e.g. "ZZZ", "AAN", "MAM") or "AAdN" for a damped trend`,
    );
  }
  const [, error, trend, dampedMark, season] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (dampedMark === 'd' && (trend === 'N' || damped === false)) {
    throw new RangeError(
      `model: ${code} asks for a damped trend but ${trend === 'N' ? 'has no trend' : 'damped is false'}`,
    );
  }
  return {
    error: error as ErrorType | 'Z',
    trend: trend as TrendType | 'Z',
    season: season as SeasonType | 'Z',
    damped: dampedMark === 'd' ? true : damped,
  };
}

/** Forms with infinite forecast variance, excluded when restrict = true (R: "Forbidden model combination"). */
export function isRestrictedForm(spec: { error: string; trend: string; season: string }): boolean {
  return (
    (spec.error === 'A' && (spec.trend === 'M' || spec.season === 'M')) ||
    (spec.error === 'M' && spec.trend === 'M' && spec.season === 'A')
  );
}

export interface CandidateRules {
  /** Whether all observations are > 0 (multiplicative errors need that). */
  positive: boolean;
  /** Whether seasonal forms may be used (period > 1, <= 24, enough data). */
  seasonal: boolean;
  allowMultiplicativeTrend: boolean;
  restrict: boolean;
  additiveOnly: boolean;
}

/** The forms R's ets() tries for a pattern, in R's order (error, trend, season, damped TRUE before FALSE). */
export function candidateSpecs(pattern: ModelPattern, rules: CandidateRules): EtsSpec[] {
  const errors: ErrorType[] = pattern.error === 'Z' ? ['A', 'M'] : [pattern.error];
  const trends: TrendType[] =
    pattern.trend === 'Z'
      ? rules.allowMultiplicativeTrend
        ? ['N', 'A', 'M']
        : ['N', 'A']
      : [pattern.trend];
  let seasons: SeasonType[] = pattern.season === 'Z' ? ['N', 'A', 'M'] : [pattern.season];
  if (!rules.seasonal) seasons = ['N'];
  const dampings = pattern.damped === undefined ? [true, false] : [pattern.damped];
  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        for (const damped of dampings) {
          if (trend === 'N' && damped) continue;
          const spec: EtsSpec = { error, trend, season, damped };
          if (rules.restrict && isRestrictedForm(spec)) continue;
          if (rules.additiveOnly && (error === 'M' || trend === 'M' || season === 'M')) continue;
          if (!rules.positive && error === 'M') continue;
          specs.push(spec);
        }
      }
    }
  }
  return specs;
}

/** Number of smoothing parameters estimated for a form (alpha, beta, gamma, phi). */
export function smoothingCount(spec: EtsSpec): number {
  return 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? 1 : 0) + (spec.damped ? 1 : 0);
}

/** Number of free initial states (level, slope, m - 1 seasonal states: the last follows from the others). */
export function freeStateCount(spec: EtsSpec, period: number): number {
  return 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? period - 1 : 0);
}

/** Usual bounds: each parameter in [lower, upper], beta <= alpha, gamma <= 1 - alpha (R's check.param). */
export function withinUsualBounds(
  spec: EtsSpec,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  lower: readonly number[],
  upper: readonly number[],
): boolean {
  if (!(alpha >= (lower[0] as number) && alpha <= (upper[0] as number))) return false;
  if (
    spec.trend !== 'N' &&
    !(beta >= (lower[1] as number) && beta <= alpha && beta <= (upper[1] as number))
  ) {
    return false;
  }
  if (spec.damped && !(phi >= (lower[3] as number) && phi <= (upper[3] as number))) return false;
  if (
    spec.season !== 'N' &&
    !(gamma >= (lower[2] as number) && gamma <= 1 - alpha && gamma <= (upper[2] as number))
  ) {
    return false;
  }
  return true;
}

let scratch = new Float64Array(64);
let spare = new Float64Array(64);

/**
 * Whether every root of sum_k coefficients[k] z^k (k = 0..degree, increasing) has modulus
 * <= 1 + 1e-10, by the Schur-Cohn step-down test (Henrici 1974, "Applied and Computational
 * Complex Analysis" vol. 1, section 6.8) on p((1 + 1e-10) z). Overwrites `coefficients`.
 */
export function rootsWithinUnitCircle(coefficients: Float64Array, degree: number): boolean {
  if (scratch.length < degree + 1) {
    scratch = new Float64Array(2 * (degree + 1));
    spare = new Float64Array(2 * (degree + 1));
  }
  let current = scratch;
  let next = spare;
  let scale = 1;
  const radius = 1 + 1e-10;
  for (let index = 0; index <= degree; index += 1) {
    current[index] = (coefficients[index] as number) * scale;
    scale *= radius;
  }
  for (let size = degree; size >= 1; size -= 1) {
    const lead = current[size] as number;
    const constant = current[0] as number;
    if (!(Math.abs(constant) < Math.abs(lead))) return false;
    // q_k = lead a_{k+1} - constant a_{size-1-k}, normalised by q_{size-1} = lead^2 - constant^2 > 0.
    const inverse = 1 / (lead * lead - constant * constant);
    for (let index = 0; index < size; index += 1) {
      next[index] =
        (lead * (current[index + 1] as number) - constant * (current[size - 1 - index] as number)) *
        inverse;
    }
    const swap = current;
    current = next;
    next = swap;
  }
  return true;
}

let polynomial = new Float64Array(32);

/**
 * Whether (alpha, beta, gamma, phi) lie in the admissible region: the model forecasts stably
 * (Hyndman et al. 2008, ch. 10; R forecast's `admissible`). Pass beta = 0 without trend,
 * phi = 1 without damping; `seasonal` false ignores gamma.
 */
export function isAdmissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  period: number,
  hasTrend: boolean,
  seasonal: boolean,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!seasonal) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (period <= 1) return true;
  const m = period;
  const floor = Math.max(1 - 1 / phi - alpha, 0);
  if (gamma < floor || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Characteristic polynomial of the discount matrix (R: P <- c(phi*(1-alpha-gamma), ...)).
  if (polynomial.length < m + 2) polynomial = new Float64Array(2 * (m + 2));
  const common = alpha + beta - alpha * phi;
  const first = phi * (1 - alpha - gamma);
  const second = common + gamma - 1;
  const penultimate = alpha + beta - phi;
  polynomial[0] = first;
  polynomial[1] = second;
  for (let index = 2; index < m; index += 1) polynomial[index] = common;
  polynomial[m] = penultimate;
  polynomial[m + 1] = 1;
  let degree = m + 1;
  // z = 1 is an exact root when beta = 0 and phi = 1 (the seasonal states' sum): divide it out.
  const atOne = first + second + (m - 2) * common + penultimate + 1;
  const magnitude =
    Math.abs(first) + Math.abs(second) + (m - 2) * Math.abs(common) + Math.abs(penultimate) + 1;
  if (Math.abs(atOne) <= 1e-12 * magnitude) {
    // Synthetic division by (z - 1): q_{k-1} = a_k + q_k.
    let carry = polynomial[degree] as number;
    for (let index = degree - 1; index >= 0; index -= 1) {
      const following = (polynomial[index] as number) + carry;
      polynomial[index] = carry;
      carry = following;
    }
    // polynomial[k] now holds q_k for k = 0..degree-1; carry is the remainder (about 0).
    degree -= 1;
  }
  return rootsWithinUnitCircle(polynomial, degree);
}
