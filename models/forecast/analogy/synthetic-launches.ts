// Seeded synthetic product launches for testing and benchmarking forecasts by analogy. Each
// category has its own launch curve (a ramp-up to a peak, then decay to a floor) and month-of-year
// seasonality; each product's level falls with its price (constant elasticity) times a log-normal
// product effect, and weekly units are Poisson around the curve.
import { dayNumberOf, partsOf } from '../../calendar/dates';
import type { Random } from '../../stats/random';
import type { LaunchedProduct } from './forecast-by-analogy';

interface CategoryShape {
  name: string;
  referencePrice: number;
  /** Units per week at the reference price once ramped up. */
  level: number;
  rampWeeks: number;
  decayWeeks: number;
  floor: number;
  /** Multiplier by calendar month (January first). */
  season: readonly number[];
}

const categories: readonly CategoryShape[] = [
  {
    name: 'grains',
    referencePrice: 6,
    level: 120,
    rampWeeks: 2,
    decayWeeks: 10,
    floor: 0.6,
    season: [0.8, 0.8, 0.9, 1, 1.1, 1.3, 1.4, 1.3, 1.1, 0.9, 0.8, 0.8],
  },
  {
    name: 'dairy',
    referencePrice: 4,
    level: 200,
    rampWeeks: 1,
    decayWeeks: 6,
    floor: 0.8,
    season: [1, 1, 1, 1, 1, 0.95, 0.95, 1, 1, 1.05, 1.05, 1.1],
  },
  {
    name: 'snacks',
    referencePrice: 3,
    level: 90,
    rampWeeks: 3,
    decayWeeks: 5,
    floor: 0.4,
    season: [1.1, 1, 0.9, 0.9, 0.9, 0.9, 1, 1, 1, 1.1, 1.2, 1.6],
  },
];

export interface SyntheticLaunch extends LaunchedProduct {
  /** The noise-free expected units by week since launch. */
  expectedWeekly: number[];
}

/** Expected units of a product by week since launch, for `weeks` weeks. */
function expectedCurve(
  shape: CategoryShape,
  scale: number,
  rampWeeks: number,
  launchDay: number,
  weeks: number,
): number[] {
  return Array.from({ length: weeks }, (_, index) => {
    const week = index + 1;
    const ramp = 1 - Math.exp(-week / rampWeeks);
    const decay = shape.floor + (1 - shape.floor) * Math.exp(-(week - 1) / shape.decayWeeks);
    const month = partsOf(launchDay + index * 7 + 3).month;
    return shape.level * scale * ramp * decay * shape.season[month - 1]!;
  });
}

/** `count` launches per category over 2025-2026, each with `weeks` weeks since launch. */
export function simulateLaunches(
  random: Random,
  count: number,
  weeks: number,
  idPrefix = 'p',
): SyntheticLaunch[] {
  const first = dayNumberOf(2025, 1, 1);
  const launches: SyntheticLaunch[] = [];
  for (const shape of categories) {
    for (let index = 0; index < count; index += 1) {
      const price = shape.referencePrice * Math.exp(random.normal(0, 0.3));
      const launchDay = first + random.int(0, 729);
      const scale = (price / shape.referencePrice) ** -0.8 * Math.exp(random.normal(0, 0.25));
      const rampWeeks = shape.rampWeeks * Math.exp(random.normal(0, 0.2));
      const expectedWeekly = expectedCurve(shape, scale, rampWeeks, launchDay, weeks);
      launches.push({
        id: `${idPrefix}-${shape.name}-${index}`,
        category: shape.name,
        price,
        launchDay,
        weeklySinceLaunch: expectedWeekly.map((mean) => random.poisson(mean)),
        expectedWeekly,
      });
    }
  }
  return launches;
}
