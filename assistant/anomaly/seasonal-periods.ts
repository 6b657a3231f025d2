// The seasonal periods (in steps) a detector is given for a series, from its step and length: the
// daily cycle of sub-daily data (5-minute data: 288 steps), also the weekly one from hourly steps
// on ([24, 168]; a week of 5-minute steps, 2016, costs the decomposition much and rarely fits
// three times in such files), the week of daily data, the year of weekly (52), monthly (12) and
// quarterly (4) data. A cycle is used only when the series covers at least three of them, so that
// its shape can be told from noise.

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Full cycles a series must span before the cycle is used as a seasonal period. */
export const MIN_CYCLES = 3;

function keep(periods: number[], length: number): number[] {
  return periods.filter((period) => period >= 2 && length >= MIN_CYCLES * period);
}

/** Periods of a series sampled every `stepMs` milliseconds with `length` steps. */
export function periodsForStep(stepMs: number, length: number): number[] {
  if (!(stepMs > 0)) throw new RangeError(`stepMs: ${stepMs} must be > 0`);
  if (stepMs < DAY) {
    if (DAY % stepMs !== 0) return [];
    return keep(stepMs >= HOUR ? [DAY / stepMs, WEEK / stepMs] : [DAY / stepMs], length);
  }
  if (stepMs === DAY) return keep([7], length);
  if (stepMs === WEEK) return keep([52], length);
  return [];
}

/** Periods of calendar-spaced series (the tidy files' frequencies). */
export function periodsForFrequency(
  frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly',
  length: number,
): number[] {
  const period = { daily: 7, weekly: 52, monthly: 12, quarterly: 4, yearly: 1 }[frequency];
  return keep([period], length);
}
