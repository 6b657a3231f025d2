// Seeded synthetic daily demand for the scale benchmark: per series a level (log-uniform from
// 0.5 to 500 units a day, so slow movers are intermittent), a yearly growth or decline, a weekly
// profile, a yearly cycle and negative-binomial noise. The same seed and index give the same
// series in any worker, so series are generated where they are forecast and never travel.
import { createRandom } from '../../models/stats/random';

const DAYS_PER_YEAR = 365.25;

export function syntheticDailySeries(seed: number, index: number, days: number): number[] {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days: ${days} must be a whole number >= 1`);
  const random = createRandom(seed).fork(`series-${index}`);
  const level = Math.exp(random.uniform(Math.log(0.5), Math.log(500)));
  const growthPerDay = Math.log(1 + random.uniform(-0.2, 0.3)) / DAYS_PER_YEAR;
  const weeklyAmplitude = random.uniform(0.05, 0.4);
  const weekly = Array.from({ length: 7 }, () =>
    Math.max(0.05, 1 + weeklyAmplitude * random.normal()),
  );
  const weeklyMean = weekly.reduce((sum, factor) => sum + factor, 0) / 7;
  const yearlyAmplitude = random.uniform(0, 0.4);
  const yearlyPhase = random.uniform(0, DAYS_PER_YEAR);
  const dispersion = random.uniform(3, 50);
  const startWeekday = random.int(0, 6);
  const values = new Array<number>(days);
  for (let day = 0; day < days; day += 1) {
    const mean =
      level *
      Math.exp(growthPerDay * day) *
      ((weekly[(day + startWeekday) % 7] as number) / weeklyMean) *
      (1 + yearlyAmplitude * Math.cos((2 * Math.PI * (day - yearlyPhase)) / DAYS_PER_YEAR));
    values[day] = random.negativeBinomial(mean, dispersion);
  }
  return values;
}
