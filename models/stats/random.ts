// A seeded pseudo-random generator with the distributions the simulations need. The generator is
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand 0.94), seeded by
// expanding the seed key with splitmix32 (Steele, Lea & Flood 2014, "Fast splittable PRNGs",
// 32-bit variant). fork(label) derives a stream from the seed key and the label only, never from
// the draws made so far, so streams are independent of the order in which they are used.

const TWO_TO_32 = 4_294_967_296;

/** 32-bit integer hash finaliser (the splitmix32 / murmur3 fmix32 style mix). */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** The next splitmix32 output from a state; returns [output, next state]. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  return [mix32(next), next];
}

/** Seed key (four 32-bit words) of a numeric seed: both 32-bit halves of a safe integer count. */
function keyOfSeed(seed: number): Uint32Array {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new TypeError(`seed: expected a safe integer, got ${String(seed)}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_TO_32) | 0;
  let state = mix32(low ^ 0x5bd1e995) ^ mix32(high + 0x27d4eb2f);
  const key = new Uint32Array(4);
  for (let index = 0; index < 4; index += 1) {
    const [output, next] = splitmix32(state);
    key[index] = output;
    state = next;
  }
  return key;
}

/** A child key from a parent key and a label: every character is folded into all four words. */
function keyOfFork(parent: Uint32Array, label: string): Uint32Array {
  const key = Uint32Array.from(parent);
  for (let index = 0; index < label.length; index += 1) {
    const code = label.charCodeAt(index);
    for (let word = 0; word < 4; word += 1) {
      key[word] = mix32((key[word] ?? 0) ^ Math.imul(code + word + 1, 0x9e3779b1));
    }
  }
  // the label's length too, so that "a" + "" differs from "" + "a" along a fork path
  for (let word = 0; word < 4; word += 1) {
    key[word] = mix32((key[word] ?? 0) + label.length * 0x85ebca6b + word);
  }
  return key;
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9, as in Numerical Recipes 3rd ed. 6.1). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`x: logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  const z = x - 1;
  let series = coefficients[0] ?? 1;
  for (let index = 1; index < 9; index += 1) series += (coefficients[index] ?? 0) / (z + index);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

function checkFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${name}: expected a finite number, got ${String(value)}`);
  }
}

/** The internal seed key of a forked stream (not exported: only fork() makes one). */
class SeedKey {
  constructor(readonly words: Uint32Array) {}
}

export class Random {
  private readonly key: Uint32Array;
  private a: number;
  private b: number;
  private c: number;
  private counter: number;
  private spareNormal: number | undefined;

  /** A generator for an integer seed (any safe integer). */
  constructor(seed: number | SeedKey) {
    const key = seed instanceof SeedKey ? seed.words : keyOfSeed(seed);
    this.key = key;
    this.a = key[0] ?? 0;
    this.b = key[1] ?? 0;
    this.c = key[2] ?? 0;
    this.counter = (key[3] ?? 0) | 1;
    // sfc32 warm-up: 12 rounds, as PractRand's seeding does
    for (let round = 0; round < 12; round += 1) this.nextUint32();
  }

  /** An independent stream named by `label`; the same label always gives the same stream. */
  fork(label: string): Random {
    if (typeof label !== 'string') throw new TypeError('label: expected a string');
    return new Random(new SeedKey(keyOfFork(this.key, label)));
  }

  /** A uniformly distributed 32-bit unsigned integer (one sfc32 step). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.counter) | 0;
    this.counter = (this.counter + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / TWO_TO_32;
  }

  /** Uniform on (0, 1): never exactly 0, for logarithms. */
  private nextOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_TO_32;
  }

  /** Uniform on [min, max). */
  uniform(min: number, max: number): number {
    checkFinite(min, 'min');
    checkFinite(max, 'max');
    if (max < min) throw new RangeError(`max: must be >= min (${min}), got ${max}`);
    return min + (max - min) * this.next();
  }

  /** True with probability p. */
  chance(probability: number): boolean {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`probability: must be in [0, 1], got ${probability}`);
    }
    return this.next() < probability;
  }

  /** A uniform integer in [min, max] inclusive (rejection sampling, so unbiased). */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min)) throw new TypeError(`min: expected an integer, got ${min}`);
    if (!Number.isSafeInteger(max)) throw new TypeError(`max: expected an integer, got ${max}`);
    if (max < min) throw new RangeError(`max: must be >= min (${min}), got ${max}`);
    const range = max - min + 1;
    if (range > TWO_TO_32) throw new RangeError(`max: range ${range} exceeds 2^32`);
    const limit = TWO_TO_32 - (TWO_TO_32 % range);
    let draw = this.nextUint32();
    while (draw >= limit) draw = this.nextUint32();
    return min + (draw % range);
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (!Array.isArray(items) || items.length === 0) {
      throw new RangeError('items: pick needs a non-empty array');
    }
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A shuffled copy (Fisher-Yates / Durstenfeld 1964). */
  shuffle<T>(items: readonly T[]): T[] {
    if (!Array.isArray(items)) throw new TypeError('items: expected an array');
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = this.int(0, index);
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  }

  /** Normal(mean, sd) by the Marsaglia polar method (Marsaglia & Bray 1964), caching the spare. */
  normal(mean = 0, sd = 1): number {
    checkFinite(mean, 'mean');
    if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`sd: must be >= 0, got ${sd}`);
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + sd * u * factor;
  }

  /** Exponential with the given mean (inversion). */
  exponential(mean: number): number {
    if (!(mean > 0) || !Number.isFinite(mean))
      throw new RangeError(`mean: must be > 0, got ${mean}`);
    return -mean * Math.log(this.nextOpen());
  }

  /**
   * Poisson(lambda): Knuth's multiplication method for lambda < 10, otherwise the transformed
   * rejection method PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson
   * random variables", Insurance: Mathematics and Economics 12:39-45).
   */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) {
      throw new RangeError(`lambda: must be a finite number >= 0, got ${lambda}`);
    }
    if (lambda === 0) return 0;
    if (lambda < 10) {
      const limit = Math.exp(-lambda);
      let count = 0;
      let product = this.next();
      while (product > limit) {
        count += 1;
        product *= this.next();
      }
      return count;
    }
    const rootLambda = Math.sqrt(lambda);
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * rootLambda;
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.nextOpen();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const left = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
      if (left <= -lambda + k * logLambda - logGamma(k + 1)) return k;
    }
  }

  /**
   * Gamma(shape, scale) by Marsaglia & Tsang (2000), "A simple method for generating gamma
   * variables", ACM TOMS 26(3); shape < 1 via Gamma(shape + 1) * U^(1/shape) (their section 6).
   */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !Number.isFinite(shape))
      throw new RangeError(`shape: must be > 0, got ${shape}`);
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new RangeError(`scale: must be > 0, got ${scale}`);
    if (shape < 1) {
      return this.gamma(shape + 1, scale) * Math.pow(this.nextOpen(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextOpen();
      const squared = x * x;
      if (u < 1 - 0.0331 * squared * squared) return d * v * scale;
      if (Math.log(u) < 0.5 * squared + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /**
   * Negative binomial with the given mean and dispersion (R's `size`: the gamma mixing shape), as a
   * gamma-Poisson mixture: variance = mean + mean^2 / dispersion; dispersion = Infinity is Poisson.
   */
  negativeBinomial(mean: number, dispersion: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) {
      throw new RangeError(`mean: must be a finite number >= 0, got ${mean}`);
    }
    if (!(dispersion > 0)) throw new RangeError(`dispersion: must be > 0, got ${dispersion}`);
    if (mean === 0) return 0;
    if (dispersion === Infinity) return this.poisson(mean);
    return this.poisson(this.gamma(dispersion, mean / dispersion));
  }
}

/** A generator for an integer seed; `fork(label)` derives independent named streams. */
export function createRandom(seed: number): Random {
  return new Random(seed);
}
