// Classification metrics for cross-validated predictions.

/**
 * ROC AUC in its Mann-Whitney form: the probability that a random positive scores above a random
 * negative, ties counting one half (Hanley & McNeil 1982, Radiology 143(1)). Uses mid-ranks.
 */
export function rocAuc(scores: readonly number[], positives: readonly boolean[]): number {
  if (scores.length !== positives.length)
    throw new RangeError(
      `scores, positives: lengths differ (${scores.length} vs ${positives.length})`,
    );
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score);
  const ranks = new Float64Array(scores.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.score === order[start]!.score) end += 1;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k]!.index] = midRank;
    start = end + 1;
  }
  let positiveCount = 0;
  let positiveRankSum = 0;
  positives.forEach((positive, index) => {
    if (positive) {
      positiveCount += 1;
      positiveRankSum += ranks[index]!;
    }
  });
  const negativeCount = scores.length - positiveCount;
  if (positiveCount === 0 || negativeCount === 0)
    throw new RangeError('positives: ROC AUC needs at least one positive and one negative');
  return (
    (positiveRankSum - (positiveCount * (positiveCount + 1)) / 2) / (positiveCount * negativeCount)
  );
}

/** matrix[actual][predicted] counts. */
export function confusionMatrix(
  actual: readonly number[],
  predicted: readonly number[],
  classCount: number,
): number[][] {
  if (actual.length !== predicted.length)
    throw new RangeError(
      `actual, predicted: lengths differ (${actual.length} vs ${predicted.length})`,
    );
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  actual.forEach((label, index) => {
    const guess = predicted[index]!;
    if (!(label >= 0 && label < classCount && guess >= 0 && guess < classCount))
      throw new RangeError(
        `actual/predicted[${index}]: class ${label}/${guess} outside 0..${classCount - 1}`,
      );
    matrix[label]![guess]! += 1;
  });
  return matrix;
}

export interface ClassSummary {
  accuracy: number;
  /** Mean of the per-class recalls over classes present. */
  balancedAccuracy: number;
  /** Mean of the per-class F1 over classes present. */
  macroF1: number;
  confusion: number[][];
}

export function summariseConfusion(confusion: number[][]): ClassSummary {
  const classCount = confusion.length;
  let total = 0;
  let correct = 0;
  const recalls: number[] = [];
  const f1s: number[] = [];
  for (let k = 0; k < classCount; k += 1) {
    const actualK = confusion[k]!.reduce((sum, value) => sum + value, 0);
    const predictedK = confusion.reduce((sum, row) => sum + row[k]!, 0);
    const hits = confusion[k]![k]!;
    total += actualK;
    correct += hits;
    if (actualK === 0) continue;
    recalls.push(hits / actualK);
    f1s.push(actualK + predictedK === 0 ? 0 : (2 * hits) / (actualK + predictedK));
  }
  const mean = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    accuracy: total === 0 ? 0 : correct / total,
    balancedAccuracy: mean(recalls),
    macroF1: mean(f1s),
    confusion,
  };
}
