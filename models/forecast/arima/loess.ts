// The loess pieces STL is built from (Cleveland 1979; Cleveland et al. 1990, section 3): a
// tricube-weighted local constant or line at one abscissa, a smooth evaluated every `jump`
// points with linear interpolation between them, and a running mean.

/**
 * Local (degree 0 or 1) tricube-weighted fit at abscissa `at` (1-based) over points
 * left..right of y (1-based); returns NaN when all weights vanish. `weights` is scratch.
 */
export function loessPoint(
  y: Float64Array,
  yOffset: number,
  n: number,
  span: number,
  degree: number,
  at: number,
  left: number,
  right: number,
  weights: Float64Array,
  robustness: Float64Array | null,
  robustnessOffset: number,
): number {
  const range = n - 1;
  let h = Math.max(at - left, right - at);
  if (span > n) h += Math.trunc((span - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let total = 0;
  for (let j = left; j <= right; j += 1) {
    const distance = Math.abs(j - at);
    let weight = 0;
    if (distance <= h9) {
      if (distance <= h1) weight = 1;
      else {
        const ratio = distance / h;
        const cube = 1 - ratio * ratio * ratio;
        weight = cube * cube * cube;
      }
      if (robustness) weight *= robustness[robustnessOffset + j - 1]!;
    }
    weights[j - 1] = weight;
    total += weight;
  }
  if (total <= 0) return Number.NaN;
  for (let j = left; j <= right; j += 1) weights[j - 1]! /= total;
  if (h > 0 && degree > 0) {
    let centre = 0;
    for (let j = left; j <= right; j += 1) centre += weights[j - 1]! * j;
    let slope = at - centre;
    let spread = 0;
    for (let j = left; j <= right; j += 1) spread += weights[j - 1]! * (j - centre) * (j - centre);
    if (Math.sqrt(spread) > 0.001 * range) {
      slope /= spread;
      for (let j = left; j <= right; j += 1) weights[j - 1]! *= slope * (j - centre) + 1;
    }
  }
  let fit = 0;
  for (let j = left; j <= right; j += 1) fit += weights[j - 1]! * y[yOffset + j - 1]!;
  return fit;
}

/** Loess smooth of y[yOffset .. yOffset+n) into out[outOffset ..), evaluated every `jump` points. */
export function loessSmooth(
  y: Float64Array,
  yOffset: number,
  n: number,
  span: number,
  degree: number,
  jump: number,
  robustness: Float64Array | null,
  robustnessOffset: number,
  out: Float64Array,
  outOffset: number,
  weights: Float64Array,
): void {
  if (n < 2) {
    out[outOffset] = y[yOffset]!;
    return;
  }
  const step = Math.min(jump, n - 1);
  const fitAt = (i: number, left: number, right: number): void => {
    const value = loessPoint(
      y,
      yOffset,
      n,
      span,
      degree,
      i,
      left,
      right,
      weights,
      robustness,
      robustnessOffset,
    );
    out[outOffset + i - 1] = Number.isNaN(value) ? y[yOffset + i - 1]! : value;
  };
  let left = 1;
  let right = n;
  if (span >= n) {
    for (let i = 1; i <= n; i += step) fitAt(i, left, right);
  } else if (step === 1) {
    const half = Math.trunc((span + 1) / 2);
    right = span;
    for (let i = 1; i <= n; i += 1) {
      if (i > half && right !== n) {
        left += 1;
        right += 1;
      }
      fitAt(i, left, right);
    }
  } else {
    const half = Math.trunc((span + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        left = 1;
        right = span;
      } else if (i >= n - half + 1) {
        left = n - span + 1;
        right = n;
      } else {
        left = i - half + 1;
        right = span + i - half;
      }
      fitAt(i, left, right);
    }
  }
  if (step !== 1) {
    for (let i = 1; i <= n - step; i += step) {
      const start = out[outOffset + i - 1]!;
      const slope = (out[outOffset + i + step - 1]! - start) / step;
      for (let j = i + 1; j <= i + step - 1; j += 1)
        out[outOffset + j - 1] = start + slope * (j - i);
    }
    const lastFitted = Math.trunc((n - 1) / step) * step + 1;
    if (lastFitted !== n) {
      fitAt(n, left, right);
      if (lastFitted !== n - 1) {
        const start = out[outOffset + lastFitted - 1]!;
        const slope = (out[outOffset + n - 1]! - start) / (n - lastFitted);
        for (let j = lastFitted + 1; j <= n - 1; j += 1) {
          out[outOffset + j - 1] = start + slope * (j - lastFitted);
        }
      }
    }
  }
}

/** Running mean of width `width` over x[0..n): n - width + 1 values. */
export function movingAverage(x: Float64Array, n: number, width: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < width; i += 1) sum += x[i]!;
  out[0] = sum / width;
  for (let j = 1; j < n - width + 1; j += 1) {
    sum += x[j + width - 1]! - x[j - 1]!;
    out[j] = sum / width;
  }
}
