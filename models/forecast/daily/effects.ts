// Planner-facing effects of a fitted daily model: weekday multipliers, yearly peak and trough
// months, trend per year, calendar-event lifts, promotion lift and price elasticity. On the
// log1p scale a coefficient b is a multiplier exp(b) on (1 + demand), close to a multiplier on
// demand when demand is well above 1; on the raw scale b is converted to a multiplier relative
// to the mean fitted level of the last year.
import { dayNumberOf } from '../../calendar/dates';
import type { FittedModel, Transform, TrendForm } from './daily-model';
import { YEAR_DAYS } from './design';

export interface EffectLift {
  name: string;
  /** Demand multiplier on the affected days (1.4 = +40%). */
  multiplier: number;
  /** Whether the lift differs from 1 at the 5% level (|t| > 1.96, AR-inflated standard error). */
  significant: boolean;
}

export interface DailyEffects {
  transform: Transform;
  /** Multiplier per weekday, Sunday (0) to Saturday (6); they average to about 1. */
  weekdays: { weekday: number; name: string; multiplier: number }[];
  /** Yearly seasonality by month (1-12), or undefined when not fitted. */
  yearly?: {
    harmonics: number;
    monthMultipliers: number[];
    peakMonth: number;
    troughMonth: number;
  };
  trendForm: TrendForm;
  /** Relative change of demand per year at the end of the history (0.04 = +4% a year). */
  trendPerYear: number;
  events: (EffectLift & { yearsObserved: number })[];
  promotion?: EffectLift;
  /** d log(demand) / d log(price); negative when a higher price sells less. */
  priceElasticity?: { elasticity: number; significant: boolean };
  arOrder: number;
  /** Days left out of the fit because of a stockout (censored demand). */
  censoredDays: number;
  /** Days left out because the value is missing (NaN). */
  missingDays: number;
}

const WEEKDAY_NAMES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const SIGNIFICANT_T = 1.959964;

function fourierSum(
  model: FittedModel,
  role: 'cycle' | 'yearly',
  period: number,
  time: number,
): number {
  let total = 0;
  for (const { column, coefficient } of model.used) {
    if (column.role !== role) continue;
    const angle = (2 * Math.PI * column.harmonic * (time % period)) / period;
    total += coefficient * (column.wave === 'sin' ? Math.sin(angle) : Math.cos(angle));
  }
  return total;
}

export interface EffectContext {
  model: FittedModel;
  count: number;
  cyclePeriod: number;
  yearsObserved: ReadonlyMap<string, number>;
  censoredDays: number;
  missingDays: number;
}

export function dailyEffects(context: EffectContext): DailyEffects {
  const { model, count } = context;
  // Mean regression level over the last year of history: the base for raw-scale multipliers.
  const from = Math.max(0, count - 365);
  let level = 0;
  for (let row = from; row < count; row += 1) {
    for (const { column, coefficient } of model.used) level += coefficient * column.values[row]!;
  }
  level /= Math.max(1, count - from);
  const log = model.transform === 'log1p';
  const multiplier = (difference: number) =>
    log ? Math.exp(difference) : level > 0 ? 1 + difference / level : Number.NaN;
  const lift = (coefficient: number, standardError: number) => ({
    multiplier: multiplier(coefficient),
    significant: standardError > 0 && Math.abs(coefficient / standardError) > SIGNIFICANT_T,
  });

  // 1970-01-04 (day 3) was a Sunday; the cycle terms are in day numbers for dated series.
  const weekly = Array.from({ length: 7 }, (_, weekday) =>
    fourierSum(model, 'cycle', context.cyclePeriod, 3 + weekday),
  );
  const weeklyMean = weekly.reduce((total, value) => total + value, 0) / 7;
  const weekdays = weekly.map((value, weekday) => ({
    weekday,
    name: WEEKDAY_NAMES[weekday]!,
    multiplier: multiplier(value - weeklyMean),
  }));

  const effects: DailyEffects = {
    transform: model.transform,
    weekdays,
    trendForm: model.trend,
    trendPerYear: 0,
    events: [],
    arOrder: model.ar.coefficients.length,
    censoredDays: context.censoredDays,
    missingDays: context.missingDays,
  };

  if (model.yearlyHarmonics > 0) {
    const monthly: number[] = [];
    for (let month = 1; month <= 12; month += 1) {
      const start = dayNumberOf(2023, month, 1);
      const end = dayNumberOf(month === 12 ? 2024 : 2023, month === 12 ? 1 : month + 1, 1);
      let total = 0;
      for (let day = start; day < end; day += 1)
        total += fourierSum(model, 'yearly', YEAR_DAYS, day);
      monthly.push(total / (end - start));
    }
    const monthlyMean = monthly.reduce((total, value) => total + value, 0) / 12;
    const monthMultipliers = monthly.map((value) => multiplier(value - monthlyMean));
    const peak = monthMultipliers.indexOf(Math.max(...monthMultipliers));
    const trough = monthMultipliers.indexOf(Math.min(...monthMultipliers));
    effects.yearly = {
      harmonics: model.yearlyHarmonics,
      monthMultipliers,
      peakMonth: peak + 1,
      troughMonth: trough + 1,
    };
  }

  let slope = 0;
  for (const { column, coefficient, standardError } of model.used) {
    if (column.role === 'trend' || column.role === 'knot') slope += coefficient;
    if (column.role === 'event') {
      effects.events.push({
        name: column.name,
        ...lift(coefficient, standardError),
        yearsObserved: context.yearsObserved.get(column.name) ?? 0,
      });
    }
    if (column.role === 'promotion')
      effects.promotion = { name: 'promotion', ...lift(coefficient, standardError) };
    if (column.role === 'price') {
      effects.priceElasticity = {
        elasticity: log ? coefficient : level > 0 ? coefficient / level : Number.NaN,
        significant: standardError > 0 && Math.abs(coefficient / standardError) > SIGNIFICANT_T,
      };
    }
  }
  effects.trendPerYear = log ? Math.expm1(slope) : level > 0 ? slope / level : 0;
  return effects;
}
