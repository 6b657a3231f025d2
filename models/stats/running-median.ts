// A centred running median, the robust smoother both the baseline and the change-point
// detector use (Tukey 1977, Exploratory Data Analysis, ch. 7).

/** Centred running median of odd `width` (shrinking at the ends), by a sorted sliding window. */
export function runningMedian(values: Float64Array, width: number): Float64Array {
  const n = values.length;
  const half = width >> 1;
  const window = new Float64Array(Math.min(n, width));
  let size = 0;
  const insert = (value: number) => {
    let at = size;
    while (at > 0 && window[at - 1]! > value) {
      window[at] = window[at - 1]!;
      at -= 1;
    }
    window[at] = value;
    size += 1;
  };
  const remove = (value: number) => {
    let at = 0;
    while (at < size - 1 && window[at] !== value) at += 1;
    window.copyWithin(at, at + 1, size);
    size -= 1;
  };
  const result = new Float64Array(n);
  for (let index = 0; index < Math.min(n, half); index += 1) insert(values[index]!);
  for (let index = 0; index < n; index += 1) {
    if (index - half - 1 >= 0) remove(values[index - half - 1]!);
    if (index + half < n) insert(values[index + half]!);
    const middle = size >> 1;
    result[index] = size % 2 ? window[middle]! : (window[middle - 1]! + window[middle]!) / 2;
  }
  return result;
}
