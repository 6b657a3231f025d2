// Shrinkage estimate of the one-step forecast-error covariance used by MinT: the sample
// (uncentred) covariance shrunk towards its diagonal with the Schäfer & Strimmer (2005, "A
// shrinkage approach to large-scale covariance matrix estimation", Stat. Appl. Genet. Mol. Biol.,
// target D) intensity, exactly as R's hts::shrink.estim / fabletools min_trace("mint_shrink")
// used by Wickramasuriya, Athanasopoulos & Hyndman (2019, JASA).

export interface ShrinkageCovariance {
  /** Row-major size x size covariance, lambda * diag(sample) + (1 - lambda) * sample. */
  covariance: Float64Array;
  size: number;
  /** Shrinkage intensity lambda in [0, 1] (1 = diagonal only). */
  intensity: number;
  /** Residual rows used (rows where every series has a finite residual). */
  observations: number;
}

/** Rows (time points) where every series has a finite residual. */
export function completeResidualRows(residuals: readonly (readonly number[])[]): number[] {
  const length = residuals[0]?.length ?? 0;
  residuals.forEach((series, index) => {
    if (series.length !== length) {
      throw new RangeError(
        `residuals[${index}]: has ${series.length} values, expected ${length} like residuals[0] (align them in time)`,
      );
    }
  });
  const rows: number[] = [];
  for (let t = 0; t < length; t += 1) {
    if (residuals.every((series) => Number.isFinite(series[t]))) rows.push(t);
  }
  return rows;
}

/**
 * The shrinkage covariance of residuals given as one array per series (series x time). Needs
 * at least 2 complete rows and a non-zero residual in every series; throws RangeError otherwise.
 */
export function shrinkageCovariance(
  residuals: readonly (readonly number[])[],
): ShrinkageCovariance {
  const size = residuals.length;
  if (size === 0) throw new RangeError('residuals: needs at least one series');
  const rows = completeResidualRows(residuals);
  const count = rows.length;
  if (count < 2) {
    throw new RangeError(
      `residuals: ${count} time points where every series has a residual; shrinkage needs at least 2`,
    );
  }
  const data = residuals.map((series) => Float64Array.from(rows, (t) => series[t] as number));
  const sample = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let total = 0;
      const left = data[i] as Float64Array;
      const right = data[j] as Float64Array;
      for (let t = 0; t < count; t += 1) total += left[t]! * right[t]!;
      sample[i * size + j] = total / count;
      sample[j * size + i] = total / count;
    }
  }
  const scale = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const varianceOfSeries = sample[i * size + i] as number;
    if (!(varianceOfSeries > 0)) {
      throw new RangeError(
        `residuals[${i}]: all residuals are zero, so its correlations are undefined; drop or perturb that series`,
      );
    }
    scale[i] = Math.sqrt(varianceOfSeries);
  }
  const standardised = data.map((series, i) => series.map((value) => value / scale[i]!));
  // lambda = sum_{i != j} Var(r_ij) / sum_{i != j} r_ij^2 (Schäfer & Strimmer 2005, target D).
  let varianceSum = 0;
  let squaredCorrelationSum = 0;
  for (let i = 0; i < size; i += 1) {
    const left = standardised[i] as Float64Array;
    for (let j = 0; j < i; j += 1) {
      const right = standardised[j] as Float64Array;
      let products = 0;
      let squaredProducts = 0;
      for (let t = 0; t < count; t += 1) {
        const product = left[t]! * right[t]!;
        products += product;
        squaredProducts += product * product;
      }
      varianceSum +=
        2 * ((squaredProducts - (products * products) / count) / (count * (count - 1)));
      const correlation = sample[i * size + j]! / (scale[i]! * scale[j]!);
      squaredCorrelationSum += 2 * correlation * correlation;
    }
  }
  const raw = squaredCorrelationSum > 0 ? varianceSum / squaredCorrelationSum : 1;
  const intensity = Math.max(0, Math.min(1, raw));
  const covariance = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j < size; j += 1) {
      const value = sample[i * size + j] as number;
      covariance[i * size + j] = i === j ? value : (1 - intensity) * value;
    }
  }
  return { covariance, size, intensity, observations: count };
}
