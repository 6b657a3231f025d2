// Launch curves: a product's units by week since launch, week 1 being the launch day and the
// six days after it (7-day blocks from the launch day, so every week is a whole week whatever
// weekday the product launched on).

export interface LaunchCurveOptions {
  /** Fewest observed (non-NaN) days for a week to count; its total is scaled up to 7 days (default 4). */
  minimumDaysPerWeek?: number;
}

/**
 * Weekly units since launch from daily units. `daily[0]` is day `firstDay` and `launchDay` the
 * launch (both day numbers as in models/calendar/dates). Days before the launch are ignored;
 * the last week is kept only when all its 7 days lie inside the data. A week with NaN days is
 * scaled up from its observed days, or NaN when fewer than `minimumDaysPerWeek` were observed.
 */
export function weeklySinceLaunch(
  daily: readonly number[],
  firstDay: number,
  launchDay: number,
  options: LaunchCurveOptions = {},
): number[] {
  if (!Number.isInteger(firstDay)) {
    throw new TypeError(`firstDay: expected an integer day number, got ${String(firstDay)}`);
  }
  if (!Number.isInteger(launchDay)) {
    throw new TypeError(`launchDay: expected an integer day number, got ${String(launchDay)}`);
  }
  const minimumDays = options.minimumDaysPerWeek ?? 4;
  if (!Number.isInteger(minimumDays) || minimumDays < 1 || minimumDays > 7) {
    throw new RangeError(`minimumDaysPerWeek: ${minimumDays} must be an integer from 1 to 7`);
  }
  daily.forEach((value, index) => {
    if (
      typeof value !== 'number' ||
      (!Number.isNaN(value) && (!Number.isFinite(value) || value < 0))
    ) {
      throw new RangeError(
        `daily[${index}]: ${String(value)} is not a non-negative number of units (NaN marks a missing day)`,
      );
    }
  });
  const offset = launchDay - firstDay;
  if (offset < 0) {
    throw new RangeError(
      `launchDay: the launch is ${-offset} days before the first daily value; pass the history from the launch day on`,
    );
  }
  const weeks: number[] = [];
  for (let start = offset; start + 7 <= daily.length; start += 7) {
    let total = 0;
    let observed = 0;
    for (let day = start; day < start + 7; day += 1) {
      const value = daily[day] as number;
      if (!Number.isNaN(value)) {
        total += value;
        observed += 1;
      }
    }
    weeks.push(observed >= minimumDays ? (total * 7) / observed : Number.NaN);
  }
  return weeks;
}
