// Quantiles of a weighted sample: the inverse of the piecewise-linear CDF through the points
// (x_(i), cumulative weight up to x_(i) minus half its own weight), i.e. Hyndman & Fan (1996)
// type 5 generalised to weights; equal weights give type 5 exactly.

export function weightedQuantile(
  values: readonly number[],
  weights: readonly number[],
  probability: number,
): number {
  if (values.length === 0) throw new RangeError('values: needs at least one value');
  if (weights.length !== values.length) {
    throw new RangeError(`weights: has ${weights.length} entries, expected ${values.length}`);
  }
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`probability: ${probability} must lie in [0, 1]`);
  }
  const order = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw new RangeError('weights: must sum to a positive number');
  const positions: number[] = [];
  let cumulative = 0;
  for (const index of order) {
    const weight = weights[index]! / total;
    positions.push(cumulative + weight / 2);
    cumulative += weight;
  }
  const sorted = order.map((index) => values[index]!);
  if (probability <= positions[0]!) return sorted[0]!;
  const last = sorted.length - 1;
  if (probability >= positions[last]!) return sorted[last]!;
  let upper = 1;
  while (positions[upper]! < probability) upper += 1;
  const lower = upper - 1;
  const span = positions[upper]! - positions[lower]!;
  const fraction = span > 0 ? (probability - positions[lower]!) / span : 0;
  return sorted[lower]! + fraction * (sorted[upper]! - sorted[lower]!);
}
