// Standardisation of feature columns (mean 0, SD 1), fitted on the training rows only so that a
// cross-validation fold never sees its test rows' statistics.

export interface Standardiser {
  means: number[];
  scales: number[];
}

/** Column means and SDs of rows (a constant column gets scale 1, so it maps to 0). */
export function fitStandardiser(rows: readonly Float64Array[]): Standardiser {
  if (rows.length === 0) throw new RangeError('rows: need at least one row to standardise');
  const width = rows[0]!.length;
  const means = new Array<number>(width).fill(0);
  const scales = new Array<number>(width).fill(0);
  rows.forEach((row, index) => {
    if (row.length !== width)
      throw new RangeError(`rows[${index}]: has ${row.length} values, expected ${width}`);
    for (let column = 0; column < width; column += 1) means[column]! += row[column]! / rows.length;
  });
  for (const row of rows)
    for (let column = 0; column < width; column += 1)
      scales[column]! += (row[column]! - means[column]!) ** 2 / rows.length;
  return {
    means,
    scales: scales.map((variance) => (variance > 1e-24 ? Math.sqrt(variance) : 1)),
  };
}

export function standardise(standardiser: Standardiser, row: Float64Array): Float64Array {
  if (row.length !== standardiser.means.length)
    throw new RangeError(
      `row: has ${row.length} values, the standardiser expects ${standardiser.means.length}`,
    );
  return row.map(
    (value, column) => (value - standardiser.means[column]!) / standardiser.scales[column]!,
  );
}
