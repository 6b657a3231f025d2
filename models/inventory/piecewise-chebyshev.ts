// Piecewise Chebyshev interpolation of a smooth function on an interval, with panels split
// adaptively until the trailing coefficients are negligible (the splitting rule of Chebfun:
// Trefethen, "Approximation Theory and Approximation Practice", 2013, ch. 3 and 8), and
// Gauss-Legendre quadrature nodes by Newton's method on P_n (Press et al., Numerical Recipes,
// 3rd ed., section 4.6.1, `gauleg`).

/** Interpolation points per panel (degree POINTS - 1). */
const POINTS = 24;

export interface PiecewiseChebyshev {
  readonly lower: number;
  readonly upper: number;
  /** Panel edges, increasing, from lower to upper (panels + 1 values). */
  readonly breaks: Float64Array;
  /** Chebyshev coefficients, POINTS per panel, panel after panel. */
  readonly coefficients: Float64Array;
}

export interface FitOptions {
  /** Panels start no wider than this; they are halved until the series converges. */
  initialWidth: number;
  /** Points inside (lower, upper) where the function may have a kink: always panel edges. */
  forcedBreaks?: readonly number[];
  /** Relative tolerance on the trailing coefficients (against the largest sample); default 1e-13. */
  tolerance?: number;
  /** Most panels before giving up; default 20000. */
  maxPanels?: number;
  /**
   * Panels this narrow are accepted as they are: the floor for functions known to vary no faster
   * than this, whose trailing coefficients then only measure rounding noise. Default 0.
   */
  minimumWidth?: number;
}

const CHEBYSHEV_ANGLES = Array.from({ length: POINTS }, (_, k) => (Math.PI * (k + 0.5)) / POINTS);
const CHEBYSHEV_NODES = CHEBYSHEV_ANGLES.map((angle) => Math.cos(angle));

function chebyshevCoefficients(samples: Float64Array): Float64Array {
  const coefficients = new Float64Array(POINTS);
  for (let degree = 0; degree < POINTS; degree += 1) {
    let total = 0;
    for (let k = 0; k < POINTS; k += 1) {
      total += samples[k]! * Math.cos(degree * CHEBYSHEV_ANGLES[k]!);
    }
    coefficients[degree] = ((degree === 0 ? 1 : 2) * total) / POINTS;
  }
  return coefficients;
}

function sampleOn(
  fn: (x: number) => number,
  left: number,
  right: number,
): { samples: Float64Array; largest: number } {
  const samples = new Float64Array(POINTS);
  let largest = 0;
  for (let k = 0; k < POINTS; k += 1) {
    const x = 0.5 * (left + right) + 0.5 * (right - left) * CHEBYSHEV_NODES[k]!;
    const value = fn(x);
    if (!Number.isFinite(value)) {
      throw new RangeError(`function value at ${x} is not finite (${String(value)})`);
    }
    samples[k] = value;
    largest = Math.max(largest, Math.abs(value));
  }
  return { samples, largest };
}

/** Fit `fn` on [lower, upper] by Chebyshev panels; throws if it cannot reach the tolerance. */
export function fitPiecewiseChebyshev(
  fn: (x: number) => number,
  lower: number,
  upper: number,
  options: FitOptions,
): PiecewiseChebyshev {
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) {
    throw new RangeError(`interval [${lower}, ${upper}] must be finite and non-empty`);
  }
  if (!(options.initialWidth > 0)) {
    throw new RangeError(`initialWidth: ${options.initialWidth} must be positive`);
  }
  const tolerance = options.tolerance ?? 1e-13;
  const maxPanels = options.maxPanels ?? 20000;
  const minimumWidth = options.minimumWidth ?? 0;
  const edges = [lower, upper];
  for (const point of options.forcedBreaks ?? []) {
    if (point > lower && point < upper) edges.push(point);
  }
  edges.sort((a, b) => a - b);

  let pending: Array<[number, number]> = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const left = edges[index]!;
    const right = edges[index + 1]!;
    if (!(right > left)) continue;
    const count = Math.ceil((right - left) / options.initialWidth);
    for (let piece = 0; piece < count; piece += 1) {
      pending.push([
        left + ((right - left) * piece) / count,
        piece === count - 1 ? right : left + ((right - left) * (piece + 1)) / count,
      ]);
    }
  }

  const sampled = pending.map(([left, right]) => ({ left, right, ...sampleOn(fn, left, right) }));
  const scale = Math.max(Number.MIN_VALUE, ...sampled.map((panel) => panel.largest));
  const accepted: Array<{ left: number; coefficients: Float64Array }> = [];
  let queue = sampled;
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const panel of queue) {
      const coefficients = chebyshevCoefficients(panel.samples);
      const tail =
        Math.abs(coefficients[POINTS - 1]!) +
        Math.abs(coefficients[POINTS - 2]!) +
        Math.abs(coefficients[POINTS - 3]!);
      const width = panel.right - panel.left;
      if (
        tail <= tolerance * scale ||
        width <= minimumWidth ||
        width <= 1e-12 * Math.max(1, Math.abs(panel.left))
      ) {
        accepted.push({ left: panel.left, coefficients });
        continue;
      }
      const middle = panel.left + width / 2;
      next.push({ left: panel.left, right: middle, ...sampleOn(fn, panel.left, middle) });
      next.push({ left: middle, right: panel.right, ...sampleOn(fn, middle, panel.right) });
    }
    if (accepted.length + next.length > maxPanels) {
      throw new Error(
        `piecewise Chebyshev fit on [${lower}, ${upper}] needs more than ${maxPanels} panels`,
      );
    }
    queue = next;
  }
  pending = [];
  accepted.sort((a, b) => a.left - b.left);
  const breaks = new Float64Array(accepted.length + 1);
  const coefficients = new Float64Array(accepted.length * POINTS);
  accepted.forEach((panel, index) => {
    breaks[index] = panel.left;
    coefficients.set(panel.coefficients, index * POINTS);
  });
  breaks[accepted.length] = upper;
  return { lower, upper, breaks, coefficients };
}

/** Index of the panel holding x (clamped to the first or last panel). */
export function panelIndex(fit: PiecewiseChebyshev, x: number): number {
  let low = 0;
  let high = fit.breaks.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fit.breaks[middle]! <= x) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Value of panel `panel` at x (Clenshaw's recurrence). */
export function evaluatePanel(fit: PiecewiseChebyshev, panel: number, x: number): number {
  const left = fit.breaks[panel]!;
  const right = fit.breaks[panel + 1]!;
  const t = (2 * x - left - right) / (right - left);
  const offset = panel * POINTS;
  let next = 0;
  let current = 0;
  for (let degree = POINTS - 1; degree >= 1; degree -= 1) {
    const previous = 2 * t * current - next + fit.coefficients[offset + degree]!;
    next = current;
    current = previous;
  }
  return t * current - next + fit.coefficients[offset]!;
}

export function evaluatePiecewise(fit: PiecewiseChebyshev, x: number): number {
  return evaluatePanel(fit, panelIndex(fit, x), x);
}

/** The exact derivative of the interpolant, as another piecewise Chebyshev series. */
export function differentiatePiecewise(fit: PiecewiseChebyshev): PiecewiseChebyshev {
  const panels = fit.breaks.length - 1;
  const coefficients = new Float64Array(fit.coefficients.length);
  for (let panel = 0; panel < panels; panel += 1) {
    const offset = panel * POINTS;
    const halfWidth = (fit.breaks[panel + 1]! - fit.breaks[panel]!) / 2;
    // c'_{k-1} = c'_{k+1} + 2 k c_k, with c'_0 halved (Chebyshev derivative recurrence).
    let above = 0;
    let twoAbove = 0;
    for (let degree = POINTS - 1; degree >= 1; degree -= 1) {
      const value = twoAbove + 2 * degree * fit.coefficients[offset + degree]!;
      coefficients[offset + degree - 1] = value;
      twoAbove = above;
      above = value;
    }
    coefficients[offset] = coefficients[offset]! / 2;
    for (let degree = 0; degree < POINTS; degree += 1) {
      coefficients[offset + degree] = coefficients[offset + degree]! / halfWidth;
    }
  }
  return { lower: fit.lower, upper: fit.upper, breaks: fit.breaks, coefficients };
}

/** Gauss-Legendre nodes and weights on [-1, 1]. */
export function gaussLegendre(count: number): { nodes: Float64Array; weights: Float64Array } {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`count: ${count} must be a positive integer`);
  }
  const nodes = new Float64Array(count);
  const weights = new Float64Array(count);
  for (let index = 0; index < Math.ceil(count / 2); index += 1) {
    let x = Math.cos((Math.PI * (index + 0.75)) / (count + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration += 1) {
      let current = 1;
      let previous = 0;
      for (let degree = 1; degree <= count; degree += 1) {
        const older = previous;
        previous = current;
        current = ((2 * degree - 1) * x * previous - (degree - 1) * older) / degree;
      }
      derivative = (count * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[index] = -x;
    nodes[count - 1 - index] = x;
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    weights[index] = weight;
    weights[count - 1 - index] = weight;
  }
  return { nodes, weights };
}
