// Seeded simulated daily demand with known effects, for the daily model's tests and benchmark.
import { dayNumberOf, partsOf, weekdayOf } from '../../calendar/dates';
import { createRandom } from '../../stats/random';

export interface SimulatedDaily {
  values: number[];
  firstDay: number;
  promotion: number[];
  price: number[];
  /** Log-scale mean without noise, per day (history then horizon). */
  logMean: number[];
}

export interface SimulationOptions {
  seed: number;
  days: number;
  horizon?: number;
  base?: number;
  /** Multipliers Sunday..Saturday. */
  weekdays?: readonly number[];
  /** Amplitude of the yearly log-cycle (peak in late December). */
  yearlyAmplitude?: number;
  /** Multiplier on 28-29 July. */
  fiestasPatriasLift?: number;
  promotionLift?: number;
  priceElasticity?: number;
  /** AR(1) coefficient and innovation sd of the log-scale noise. */
  phi?: number;
  noise?: number;
  firstDay?: number;
  /** Log growth per year (0.1 = about +10.5% a year). */
  logTrendPerYear?: number;
}

export const WEEKDAYS = [0.8, 0.9, 0.85, 0.95, 1.05, 1.2, 1.3] as const;

export function simulateDaily(options: SimulationOptions): SimulatedDaily {
  const random = createRandom(options.seed);
  const horizon = options.horizon ?? 0;
  const total = options.days + horizon;
  const firstDay = options.firstDay ?? dayNumberOf(2022, 1, 1);
  const weekdays = options.weekdays ?? WEEKDAYS;
  const base = options.base ?? 100;
  const phi = options.phi ?? 0.5;
  const noise = options.noise ?? 0.1;
  const values: number[] = [];
  const promotion: number[] = [];
  const price: number[] = [];
  const logMean: number[] = [];
  let error = 0;
  for (let row = 0; row < total; row += 1) {
    const day = firstDay + row;
    const { month, day: date } = partsOf(day);
    const onPromotion = random.chance(0.08) ? 1 : 0;
    const dayPrice = 10 * Math.exp(random.normal(0, 0.08));
    let log = Math.log(base) + Math.log(weekdays[weekdayOf(day)]!);
    log += ((options.logTrendPerYear ?? 0) * row) / 365.25;
    log +=
      (options.yearlyAmplitude ?? 0) *
      Math.cos((2 * Math.PI * (day - dayNumberOf(2021, 12, 24))) / 365.25);
    if (month === 7 && (date === 28 || date === 29))
      log += Math.log(options.fiestasPatriasLift ?? 1);
    log += onPromotion * Math.log(options.promotionLift ?? 1);
    log += (options.priceElasticity ?? 0) * Math.log(dayPrice / 10);
    error = phi * error + random.normal(0, noise);
    values.push(Math.max(0, Math.expm1(log + error)));
    promotion.push(onPromotion);
    price.push(dayPrice);
    logMean.push(log);
  }
  return { values, firstDay, promotion, price, logMean };
}
