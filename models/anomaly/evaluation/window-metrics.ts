// Window-level precision, recall and F1 on labelled anomaly windows, as the NAB data README's
// reference section defines them: a run of consecutive flagged points is one alert at its first
// point; an alert inside a labelled window makes that window a true positive (each window once);
// an alert outside every window is a false positive; alerts in the probationary period (the first
// 15 % of the points, at most 750; Lavin & Ahmad 2015, section 4) are ignored.

/** A labelled window: first and last index, both inclusive. */
export interface IndexWindow {
  start: number;
  end: number;
}

export interface WindowCounts {
  /** Windows with at least one alert inside. */
  truePositives: number;
  /** Alerts outside every window (after the probationary period). */
  falsePositives: number;
  /** Windows with no alert inside. */
  falseNegatives: number;
  /** Alerts scored (after the probationary period). */
  alerts: number;
  windows: number;
}

export interface WindowScores {
  /** null when nothing was alerted. */
  precision: number | null;
  /** null when there are no windows. */
  recall: number | null;
  /** null when precision or recall is undefined; 0 when both are 0. */
  f1: number | null;
}

/** NAB's probationary length: floor(15 % of the points), at most 750 (0.15 x 5000). */
export function probationaryLength(length: number): number {
  if (!Number.isInteger(length) || length < 0)
    throw new RangeError(`length: ${length} must be a whole number >= 0`);
  return Math.min(Math.floor(0.15 * length), 750);
}

/** Indices where a run of flagged points starts (one alert per run). */
export function alertsFromFlags(flags: ArrayLike<boolean>): number[] {
  const alerts: number[] = [];
  for (let index = 0; index < flags.length; index += 1)
    if (flags[index] && (index === 0 || !flags[index - 1])) alerts.push(index);
  return alerts;
}

/** Checks windows are inside [0, length), ordered and disjoint; throws RangeError naming the window. */
export function checkWindows(windows: readonly IndexWindow[], length: number): void {
  windows.forEach((window, position) => {
    const { start, end } = window;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end >= length)
      throw new RangeError(
        `windows[${position}]: [${start}, ${end}] must be whole indices inside [0, ${length - 1}]`,
      );
    if (end < start)
      throw new RangeError(`windows[${position}]: end ${end} is before start ${start}`);
    const before = windows[position - 1];
    if (before !== undefined && start <= before.end)
      throw new RangeError(
        `windows[${position}]: [${start}, ${end}] overlaps or precedes windows[${position - 1}] [${before.start}, ${before.end}]; sort the windows and merge overlaps`,
      );
  });
}

/**
 * Counts of one series: `alerts` are alert indices (any order), `windows` ordered and disjoint,
 * `length` the number of points (for the probationary period).
 */
export function countWindowHits(
  alerts: readonly number[],
  windows: readonly IndexWindow[],
  length: number,
): WindowCounts {
  checkWindows(windows, length);
  const probation = probationaryLength(length);
  const hit = new Array<boolean>(windows.length).fill(false);
  let falsePositives = 0;
  let scored = 0;
  for (const alert of alerts) {
    if (!Number.isInteger(alert) || alert < 0 || alert >= length)
      throw new RangeError(`alerts: ${alert} must be a whole index inside [0, ${length - 1}]`);
    if (alert < probation) continue;
    scored += 1;
    const inside = windowContaining(windows, alert);
    if (inside < 0) falsePositives += 1;
    else hit[inside] = true;
  }
  const truePositives = hit.filter(Boolean).length;
  return {
    truePositives,
    falsePositives,
    falseNegatives: windows.length - truePositives,
    alerts: scored,
    windows: windows.length,
  };
}

/** Index of the window holding `index` (binary search over ordered windows), or -1. */
function windowContaining(windows: readonly IndexWindow[], index: number): number {
  let low = 0;
  let high = windows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const window = windows[middle] as IndexWindow;
    if (index < window.start) high = middle - 1;
    else if (index > window.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** Sum of counts over several series (a corpus is scored on the summed counts). */
export function addWindowCounts(counts: readonly WindowCounts[]): WindowCounts {
  const total: WindowCounts = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    alerts: 0,
    windows: 0,
  };
  for (const count of counts) {
    total.truePositives += count.truePositives;
    total.falsePositives += count.falsePositives;
    total.falseNegatives += count.falseNegatives;
    total.alerts += count.alerts;
    total.windows += count.windows;
  }
  return total;
}

/** precision = TP / (TP + FP), recall = TP / windows, F1 their harmonic mean. */
export function windowScores(counts: WindowCounts): WindowScores {
  const { truePositives, falsePositives, windows } = counts;
  const precision =
    truePositives + falsePositives === 0 ? null : truePositives / (truePositives + falsePositives);
  const recall = windows === 0 ? null : truePositives / windows;
  let f1: number | null = null;
  if (precision !== null && recall !== null)
    f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
