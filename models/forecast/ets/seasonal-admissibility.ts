// The admissibility test of isAdmissible (model-spec.ts) for seasonal forms with a fixed period,
// made once per fit: the same expressions in the same order, so the same decisions, with the
// buffers and the powers of the root radius prepared up front instead of per call. The test is
// the characteristic polynomial of the discount matrix (Hyndman, Koehler, Ord & Snyder 2008,
// "Forecasting with Exponential Smoothing", ch. 10; R forecast's `admissible`) having all its
// roots within radius 1 + 1e-10, by the Schur-Cohn step-down test (Henrici 1974, section 6.8).
// The likelihood evaluates it at every feasible point of a seasonal fit: for monthly data it
// cost more than the likelihood recursion itself.

/** (alpha, beta, gamma, phi) => admissible? for seasonal period `period` (beta = 0 without trend, phi = 1 undamped). */
export function createSeasonalAdmissibility(
  period: number,
): (alpha: number, beta: number, gamma: number, phi: number) => boolean {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`period: ${String(period)} must be a whole number >= 1`);
  }
  const m = period;
  const polynomial = new Float64Array(m + 2);
  // Two rows of the step-down table in one array: the current level at `at`, the next at `to`.
  const width = m + 2;
  const table = new Float64Array(2 * width);
  // radius^k, k = 0..m+1, by the same repeated products as rootsWithinUnitCircle.
  const powers = new Float64Array(m + 2);
  const radius = 1 + 1e-10;
  let scale = 1;
  for (let index = 0; index < m + 2; index += 1) {
    powers[index] = scale;
    scale *= radius;
  }
  return (alpha: number, beta: number, gamma: number, phi: number): boolean => {
    if (phi < 0 || phi > 1 + 1e-8) return false;
    if (m <= 1) return true;
    const floor = Math.max(1 - 1 / phi - alpha, 0);
    if (gamma < floor || gamma > 1 + 1 / phi - alpha) return false;
    if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
    if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
    const common = alpha + beta - alpha * phi;
    const first = phi * (1 - alpha - gamma);
    const second = common + gamma - 1;
    const penultimate = alpha + beta - phi;
    let degree = m + 1;
    let at = 0;
    let to = width;
    const atOne = first + second + (m - 2) * common + penultimate + 1;
    const magnitude =
      Math.abs(first) + Math.abs(second) + (m - 2) * Math.abs(common) + Math.abs(penultimate) + 1;
    if (Math.abs(atOne) <= 1e-12 * magnitude) {
      // z = 1 is a root (beta = 0, phi = 1): synthetic division by (z - 1), as isAdmissible.
      polynomial[0] = first;
      polynomial[1] = second;
      for (let index = 2; index < m; index += 1) polynomial[index] = common;
      polynomial[m] = penultimate;
      polynomial[m + 1] = 1;
      let carry = polynomial[degree] as number;
      for (let index = degree - 1; index >= 0; index -= 1) {
        const following = (polynomial[index] as number) + carry;
        polynomial[index] = carry;
        carry = following;
      }
      degree -= 1;
      for (let index = 0; index <= degree; index += 1) {
        table[at + index] = (polynomial[index] as number) * (powers[index] as number);
      }
    } else {
      table[at + 0] = first * (powers[0] as number);
      table[at + 1] = second * (powers[1] as number);
      for (let index = 2; index < m; index += 1)
        table[at + index] = common * (powers[index] as number);
      table[at + m] = penultimate * (powers[m] as number);
      table[at + m + 1] = 1 * (powers[m + 1] as number);
    }
    // Each level's leading and constant terms first, so the next level's test and division start
    // while the remaining terms are computed (the same values as isAdmissible's loop).
    let lead = table[at + degree] as number;
    let constant = table[at + 0] as number;
    if (!(Math.abs(constant) < Math.abs(lead))) return false;
    let inverse = 1 / (lead * lead - constant * constant);
    for (let size = degree; size >= 2; size -= 1) {
      const nextConstant =
        (lead * (table[at + 1] as number) - constant * (table[at + size - 1] as number)) * inverse;
      const nextLead =
        (lead * (table[at + size] as number) - constant * (table[at + 0] as number)) * inverse;
      if (!(Math.abs(nextConstant) < Math.abs(nextLead))) return false;
      const nextInverse = 1 / (nextLead * nextLead - nextConstant * nextConstant);
      for (let index = 1; index < size - 1; index += 1) {
        table[to + index] =
          (lead * (table[at + index + 1] as number) -
            constant * (table[at + size - 1 - index] as number)) *
          inverse;
      }
      table[to + 0] = nextConstant;
      table[to + size - 1] = nextLead;
      const swap = at;
      at = to;
      to = swap;
      lead = nextLead;
      constant = nextConstant;
      inverse = nextInverse;
    }
    return true;
  };
}
