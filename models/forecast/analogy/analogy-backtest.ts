// Backtest of forecasting by analogy on seeded synthetic launches: for each new product and
// each number of observed weeks, forecast the next weeks and score against its actual units,
// next to two simple rivals: the mean of the observed weeks carried flat ("naive") and, with no
// observed weeks, the unscaled mean launch curve of the category ("category mean").
import type { Random } from '../../stats/random';
import { forecastByAnalogy } from './forecast-by-analogy';
import { simulateLaunches } from './synthetic-launches';

export interface BacktestOptions {
  analoguesPerCategory: number;
  targetsPerCategory: number;
  observedWeeks: readonly number[];
  horizonWeeks: number;
  k?: number;
}

export interface BacktestRow {
  observedWeeks: number;
  /** Weighted absolute percentage error: sum |actual - forecast| / sum actual, in percent. */
  analogyWape: number;
  /** Mean of observed weeks (n > 0) or the category's mean curve (n = 0). */
  rivalWape: number;
  rival: 'naive' | 'category mean';
  /** Share of actual weeks inside the 80% interval, in percent. */
  coverage80: number;
}

export function backtestAnalogy(random: Random, options: BacktestOptions): BacktestRow[] {
  const longest = Math.max(...options.observedWeeks) + options.horizonWeeks;
  const analogues = simulateLaunches(
    random.fork('analogues'),
    options.analoguesPerCategory,
    longest,
    'a',
  );
  const targets = simulateLaunches(
    random.fork('targets'),
    options.targetsPerCategory,
    longest,
    't',
  );
  return options.observedWeeks.map((weeks) => {
    let analogyError = 0;
    let rivalError = 0;
    let actualTotal = 0;
    let inside = 0;
    let count = 0;
    for (const target of targets) {
      const observed = target.weeklySinceLaunch.slice(0, weeks);
      const actual = target.weeklySinceLaunch.slice(weeks, weeks + options.horizonWeeks);
      const result = forecastByAnalogy({
        target: {
          category: target.category,
          price: target.price,
          launchDay: target.launchDay,
          observedWeekly: observed,
        },
        analogues,
        horizonWeeks: options.horizonWeeks,
        levels: [80],
        k: options.k,
      });
      const sameCategory = analogues.filter((analogue) => analogue.category === target.category);
      const rival = actual.map((_, step) =>
        weeks > 0
          ? observed.reduce((sum, value) => sum + value, 0) / weeks
          : sameCategory.reduce(
              (sum, analogue) => sum + analogue.weeklySinceLaunch[weeks + step]!,
              0,
            ) / sameCategory.length,
      );
      actual.forEach((value, step) => {
        analogyError += Math.abs(value - result.mean[step]!);
        rivalError += Math.abs(value - rival[step]!);
        actualTotal += value;
        const interval = result.intervals[0]!;
        if (value >= interval.lower[step]! && value <= interval.upper[step]!) inside += 1;
        count += 1;
      });
    }
    return {
      observedWeeks: weeks,
      analogyWape: (100 * analogyError) / actualTotal,
      rivalWape: (100 * rivalError) / actualTotal,
      rival: weeks > 0 ? 'naive' : 'category mean',
      coverage80: (100 * inside) / count,
    };
  });
}
