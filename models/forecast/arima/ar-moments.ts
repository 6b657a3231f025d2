// For a pure AR model the CSS sum of squares is a quadratic form in (1, -phi, -c) over the
// lagged cross-products of the series (the normal-equations view of conditional least squares,
// Box & Jenkins 1970, section 7.1.3): computing the products once makes each evaluation
// O(p^2) instead of O(n). The series is centred first to avoid cancellation.

export class ArCrossProducts {
  /** Largest lag L; the matrix is (L + 2) x (L + 2) over (w_t, w_{t-1}, ..., w_{t-L}, 1). */
  readonly lags: number;
  readonly count: number;
  private readonly products: Float64Array;
  private readonly centre: number;
  private readonly vector: Float64Array;

  constructor(w: Float64Array, lags: number, conditioning: number) {
    this.lags = lags;
    const size = lags + 2;
    const n = w.length;
    this.count = n - conditioning;
    let centre = 0;
    for (let t = 0; t < n; t += 1) centre += w[t]!;
    centre /= n;
    this.centre = centre;
    const products = new Float64Array(size * size);
    const row = new Float64Array(size);
    for (let t = conditioning; t < n; t += 1) {
      for (let j = 0; j <= lags; j += 1) row[j] = w[t - j]! - centre;
      row[lags + 1] = 1;
      for (let i = 0; i < size; i += 1) {
        const value = row[i]!;
        for (let j = i; j < size; j += 1) products[i * size + j]! += value * row[j]!;
      }
    }
    for (let i = 0; i < size; i += 1)
      for (let j = 0; j < i; j += 1) products[i * size + j] = products[j * size + i]!;
    this.products = products;
    this.vector = new Float64Array(size);
  }

  /** Mean square of w_t - mean (1 - sum phi) - sum_j phi_j w_{t-j} over t >= conditioning. */
  meanSquare(phi: Float64Array, mean: number): number {
    const size = this.lags + 2;
    const vector = this.vector;
    vector[0] = 1;
    let arSum = 0;
    for (let j = 1; j <= this.lags; j += 1) {
      vector[j] = -phi[j - 1]!;
      arSum += phi[j - 1]!;
    }
    vector[size - 1] = -(mean - this.centre) * (1 - arSum);
    const products = this.products;
    let total = 0;
    for (let i = 0; i < size; i += 1) {
      const value = vector[i]!;
      if (value === 0) continue;
      let inner = 0;
      for (let j = 0; j < size; j += 1) inner += products[i * size + j]! * vector[j]!;
      total += value * inner;
    }
    return total / this.count;
  }
}
