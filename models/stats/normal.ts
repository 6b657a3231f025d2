// The normal distribution: CDF by Cody's rational Chebyshev approximations (Cody 1969, as in
// R's pnorm) and quantile by Wichura's algorithm AS 241 PPND16 (Wichura 1988), both to
// about 16 significant digits.
/* eslint-disable no-loss-of-precision -- coefficients quoted digit for digit from the published
   algorithms so they can be checked against them; doubles keep the first 17 digits. */

const INVERSE_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.65685424949238019520675489684;

const SMALL_NUMERATOR = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
] as const;
const SMALL_DENOMINATOR = [
  47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
] as const;
const MEDIUM_NUMERATOR = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const MEDIUM_DENOMINATOR = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const LARGE_NUMERATOR = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
] as const;
const LARGE_DENOMINATOR = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
] as const;

/** exp(-x^2/2) * factor, splitting x to keep the square exact (Cody's `do_del`). */
function gaussianTail(x: number, factor: number): number {
  const rounded = Math.trunc(x * 16) / 16;
  const remainder = (x - rounded) * (x + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-remainder * 0.5) * factor;
}

/** Lower and upper tail probabilities of the standard normal at z. */
function standardNormalTails(z: number): { lower: number; upper: number } {
  const absolute = Math.abs(z);
  if (absolute <= 0.67448975) {
    const square = absolute > 1.1e-16 ? z * z : 0;
    let numerator = SMALL_NUMERATOR[4] * square;
    let denominator = square;
    for (let index = 0; index < 3; index += 1) {
      numerator = (numerator + SMALL_NUMERATOR[index]!) * square;
      denominator = (denominator + SMALL_DENOMINATOR[index]!) * square;
    }
    const half = (z * (numerator + SMALL_NUMERATOR[3])) / (denominator + SMALL_DENOMINATOR[3]);
    return { lower: 0.5 + half, upper: 0.5 - half };
  }
  let tail: number;
  if (absolute <= SQRT_32) {
    let numerator = MEDIUM_NUMERATOR[8] * absolute;
    let denominator = absolute;
    for (let index = 0; index < 7; index += 1) {
      numerator = (numerator + MEDIUM_NUMERATOR[index]!) * absolute;
      denominator = (denominator + MEDIUM_DENOMINATOR[index]!) * absolute;
    }
    tail = gaussianTail(
      absolute,
      (numerator + MEDIUM_NUMERATOR[7]) / (denominator + MEDIUM_DENOMINATOR[7]),
    );
  } else if (absolute < 40) {
    const inverseSquare = 1 / (z * z);
    let numerator = LARGE_NUMERATOR[5] * inverseSquare;
    let denominator = inverseSquare;
    for (let index = 0; index < 4; index += 1) {
      numerator = (numerator + LARGE_NUMERATOR[index]!) * inverseSquare;
      denominator = (denominator + LARGE_DENOMINATOR[index]!) * inverseSquare;
    }
    let ratio =
      (inverseSquare * (numerator + LARGE_NUMERATOR[4])) / (denominator + LARGE_DENOMINATOR[4]);
    ratio = (INVERSE_SQRT_2PI - ratio) / absolute;
    tail = gaussianTail(absolute, ratio);
  } else {
    tail = 0;
  }
  return z > 0 ? { lower: 1 - tail, upper: tail } : { lower: tail, upper: 1 - tail };
}

function checkScale(mean: number, standardDeviation: number): void {
  if (!Number.isFinite(mean)) throw new RangeError(`mean: ${String(mean)} is not finite`);
  if (!(standardDeviation > 0) || !Number.isFinite(standardDeviation)) {
    throw new RangeError(
      `standardDeviation: ${String(standardDeviation)} must be a positive finite number`,
    );
  }
}

/** P(X <= x) for X ~ Normal(mean, standardDeviation^2). */
export function normalCdf(x: number, mean = 0, standardDeviation = 1): number {
  checkScale(mean, standardDeviation);
  if (Number.isNaN(x)) throw new RangeError('x: NaN has no probability');
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return standardNormalTails((x - mean) / standardDeviation).lower;
}

/** P(X > x), accurate far into the upper tail (no cancellation of 1 - cdf). */
export function normalSurvival(x: number, mean = 0, standardDeviation = 1): number {
  checkScale(mean, standardDeviation);
  if (Number.isNaN(x)) throw new RangeError('x: NaN has no probability');
  if (x === Infinity) return 0;
  if (x === -Infinity) return 1;
  return standardNormalTails((x - mean) / standardDeviation).upper;
}

export function normalDensity(x: number, mean = 0, standardDeviation = 1): number {
  checkScale(mean, standardDeviation);
  const z = (x - mean) / standardDeviation;
  return (INVERSE_SQRT_2PI * Math.exp(-0.5 * z * z)) / standardDeviation;
}

function polynomial(coefficients: readonly number[], x: number): number {
  let result = 0;
  for (let index = coefficients.length - 1; index >= 0; index -= 1) {
    result = result * x + coefficients[index]!;
  }
  return result;
}

// AS 241 PPND16 coefficients, lowest order first (Wichura 1988, Applied Statistics 37:477-484).
const CENTRAL_NUMERATOR = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DENOMINATOR = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const INTERMEDIATE_NUMERATOR = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
  7.7454501427834140764e-4,
];
const INTERMEDIATE_DENOMINATOR = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const TAIL_NUMERATOR = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const TAIL_DENOMINATOR = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

/** The x with P(X <= x) = probability for X ~ Normal(mean, standardDeviation^2) (AS 241). */
export function normalQuantile(probability: number, mean = 0, standardDeviation = 1): number {
  checkScale(mean, standardDeviation);
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
    throw new RangeError(`probability: ${String(probability)} is not in [0, 1]`);
  }
  if (probability === 0) return -Infinity;
  if (probability === 1) return Infinity;
  const offset = probability - 0.5;
  let z: number;
  if (Math.abs(offset) <= 0.425) {
    const r = 0.180625 - offset * offset;
    z = (offset * polynomial(CENTRAL_NUMERATOR, r)) / polynomial(CENTRAL_DENOMINATOR, r);
  } else {
    const tailProbability = offset < 0 ? probability : 1 - probability;
    let r = Math.sqrt(-Math.log(tailProbability));
    if (r <= 5) {
      r -= 1.6;
      z = polynomial(INTERMEDIATE_NUMERATOR, r) / polynomial(INTERMEDIATE_DENOMINATOR, r);
    } else {
      r -= 5;
      z = polynomial(TAIL_NUMERATOR, r) / polynomial(TAIL_DENOMINATOR, r);
    }
    if (offset < 0) z = -z;
  }
  return mean + standardDeviation * z;
}

/** Two-sided standard normal multiplier for a central interval of `level` percent. */
export function centralIntervalMultiplier(level: number): number {
  if (!(level > 0 && level < 100)) {
    throw new RangeError(`level: ${String(level)} must be a percentage strictly between 0 and 100`);
  }
  return normalQuantile(0.5 + level / 200);
}
