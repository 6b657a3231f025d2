// Training windows for a global (cross-series) forecaster: each window is the last `inputLength`
// values before an origin (the input) and the next `horizon` values (the target), both divided by
// the input's mean absolute value so that series of any level share one model (per-window mean
// scaling as in DeepAR, Salinas, Flunkert, Gasthaus & Januschowski 2020, IJF 36(3), sec. 3.3).
// Only the most recent `windowsPerSeries` origins of each series are used, as N-BEATS samples its
// training windows from a limited recent history of each series (Oreshkin et al. 2020, ICLR, sec. 3.4).

export interface WindowOptions {
  inputLength: number;
  horizon: number;
  /** Most recent origins taken from each series (default: all). */
  windowsPerSeries?: number;
}

export interface WindowSet {
  /** count x inputLength, row-major, scaled. */
  inputs: Float32Array;
  /** count x horizon, row-major, scaled. */
  targets: Float32Array;
  count: number;
  inputLength: number;
  horizon: number;
}

export function checkWholeNumber(value: number, name: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name}: must be a whole number >= ${minimum}, got ${value}`);
  }
}

/**
 * The scale of an input window: the mean absolute value of `values[start .. start + length)`.
 * NaN when a value there is not finite (the window cannot be used); 0 when all are 0.
 */
export function windowScale(values: readonly number[], start: number, length: number): number {
  let sum = 0;
  for (let index = start; index < start + length; index += 1) {
    const value = values[index] as number;
    if (!Number.isFinite(value)) return Number.NaN;
    sum += Math.abs(value);
  }
  return sum / length;
}

/** Origins (index of the first target value) of the usable windows of one series, newest first. */
function originsOf(values: readonly number[], options: Required<WindowOptions>): number[] {
  const { inputLength, horizon, windowsPerSeries } = options;
  const origins: number[] = [];
  for (let origin = values.length - horizon; origin >= inputLength; origin -= 1) {
    if (origins.length >= windowsPerSeries) break;
    const scale = windowScale(values, origin - inputLength, inputLength);
    // a window with a missing value, or a flat-zero input (no scale), teaches nothing usable
    if (!(scale > 0)) continue;
    let targetFinite = true;
    for (let step = 0; step < horizon; step += 1) {
      if (!Number.isFinite(values[origin + step] as number)) targetFinite = false;
    }
    if (targetFinite) origins.push(origin);
  }
  return origins;
}

/**
 * Scaled windows of every series. Series too short for one window (fewer than inputLength +
 * horizon values) contribute none; a RangeError names `series` when no window at all results.
 */
export function buildWindows(
  series: readonly (readonly number[])[],
  options: WindowOptions,
): WindowSet {
  if (!Array.isArray(series)) throw new TypeError('series: expected an array of number arrays');
  const { inputLength, horizon } = options;
  checkWholeNumber(inputLength, 'inputLength', 1);
  checkWholeNumber(horizon, 'horizon', 1);
  const windowsPerSeries = options.windowsPerSeries ?? Number.MAX_SAFE_INTEGER;
  checkWholeNumber(windowsPerSeries, 'windowsPerSeries', 1);
  const resolved = { inputLength, horizon, windowsPerSeries };
  const originLists = series.map((values, index) => {
    if (!Array.isArray(values))
      throw new TypeError(`series[${index}]: expected an array of numbers`);
    return originsOf(values, resolved);
  });
  const count = originLists.reduce((total, origins) => total + origins.length, 0);
  if (count === 0) {
    throw new RangeError(
      `series: no series has ${inputLength + horizon} consecutive finite values with a non-zero ` +
        `input (inputLength ${inputLength} + horizon ${horizon}); pass longer series or a shorter inputLength`,
    );
  }
  const inputs = new Float32Array(count * inputLength);
  const targets = new Float32Array(count * horizon);
  let row = 0;
  originLists.forEach((origins, seriesIndex) => {
    const values = series[seriesIndex] as readonly number[];
    for (const origin of origins) {
      const start = origin - inputLength;
      const scale = windowScale(values, start, inputLength);
      for (let step = 0; step < inputLength; step += 1) {
        inputs[row * inputLength + step] = (values[start + step] as number) / scale;
      }
      for (let step = 0; step < horizon; step += 1) {
        targets[row * horizon + step] = (values[origin + step] as number) / scale;
      }
      row += 1;
    }
  });
  return { inputs, targets, count, inputLength, horizon };
}
