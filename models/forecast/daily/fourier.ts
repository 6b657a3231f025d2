// Fourier terms for dynamic harmonic regression: pairs sin(2 pi k t / m), cos(2 pi k t / m),
// k = 1..K, for a cycle of (possibly non-integer) length m (Hyndman & Athanasopoulos,
// Forecasting: Principles and Practice, 3rd ed., 7.4 and 12.1).

export interface FourierColumn {
  name: string;
  /** Harmonic number k. */
  harmonic: number;
  wave: 'sin' | 'cos';
  values: Float64Array;
}

/**
 * The 2K columns at times firstTime, firstTime + 1, ... (rows of them) for a cycle of length
 * `period`; the sine of the k = m/2 harmonic is identically zero at integer times and is left
 * out. Harmonics come from one sin/cos per row by angle addition (de Moivre), not 2K trig calls.
 */
export function fourierColumns(
  period: number,
  harmonics: number,
  firstTime: number,
  rows: number,
  label: string,
): FourierColumn[] {
  if (!(period > 1) || !Number.isFinite(period)) {
    throw new RangeError(`period: ${period} must be a finite cycle length above 1`);
  }
  if (!Number.isInteger(harmonics) || harmonics < 0 || harmonics > period / 2) {
    throw new RangeError(
      `harmonics: ${harmonics} must be a whole number from 0 to period / 2 = ${period / 2}`,
    );
  }
  const sines = Array.from({ length: harmonics }, () => new Float64Array(rows));
  const cosines = Array.from({ length: harmonics }, () => new Float64Array(rows));
  for (let row = 0; row < rows; row += 1) {
    // Reduce the time modulo the period first so the angle stays small and exact.
    const phase = (firstTime + row) % period;
    const angle = (2 * Math.PI * phase) / period;
    const baseSin = Math.sin(angle);
    const baseCos = Math.cos(angle);
    let sin = baseSin;
    let cos = baseCos;
    for (let k = 0; k < harmonics; k += 1) {
      sines[k]![row] = sin;
      cosines[k]![row] = cos;
      const nextSin = sin * baseCos + cos * baseSin;
      cos = cos * baseCos - sin * baseSin;
      sin = nextSin;
    }
  }
  const columns: FourierColumn[] = [];
  for (let k = 1; k <= harmonics; k += 1) {
    if (2 * k !== period) {
      columns.push({ name: `${label} sin ${k}`, harmonic: k, wave: 'sin', values: sines[k - 1]! });
    }
    columns.push({ name: `${label} cos ${k}`, harmonic: k, wave: 'cos', values: cosines[k - 1]! });
  }
  return columns;
}
