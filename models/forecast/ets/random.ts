// A small seeded random source for simulated prediction intervals: the mulberry32 generator
// (Tommy Ettinger's 32-bit mixer) for uniforms and the Marsaglia & Bray (1964) polar method
// for standard normal deviates. Deterministic for a given seed.

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function createSeededUniform(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new RangeError(`seed: ${String(seed)} must be a whole number`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates from a uniform source (polar method; the spare deviate is kept). */
export function createNormalSource(uniform: () => number): () => number {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    return u * factor;
  };
}
