// A short plain-language account of a forecast: trend, seasonality, the holidays and events
// inside the horizon, and data caveats. Numbers come from the series and the fitted method.
import { formatIsoDate, MONTH_NAMES, partsOf } from '../../models/calendar/dates';
import { peruEvents } from '../../models/calendar/peru-calendar';
import { classicalDecomposition, seasonalityTest } from '../../models/forecast/decompose';
import { sum, variance } from '../../models/stats/descriptive';
import type { SalesGrain } from '../tool-context';
import { periodEndOf } from './period-series';

export interface TrendFinding {
  direction: 'up' | 'down' | 'flat';
  /** forecast total vs `comparedWith`, in percent */
  changePercent: number | null;
  comparedWith: 'same periods a season earlier' | 'the most recent periods' | null;
  /** the last `yearOverYearWindow` periods vs the same periods a year earlier, in percent */
  yearOverYearPercent: number | null;
  yearOverYearWindow: number;
}

/** Year-on-year comparison at each grain: the last 28 days / 52 weeks / 12 months, a year back. */
export const yearOverYear: Record<SalesGrain, { window: number; lag: number }> = {
  day: { window: 28, lag: 364 },
  week: { window: 52, lag: 52 },
  month: { window: 12, lag: 12 },
};

export interface SeasonalityFinding {
  period: number;
  /** Wang-Smith-Hyndman strength in [0, 1]; null when it cannot be measured */
  strength: number | null;
  /** the 90% autocorrelation test at the seasonal lag (M4) found seasonality */
  significant: boolean;
  label: 'none' | 'weak' | 'moderate' | 'strong' | 'not measured';
  peak: string | null;
  trough: string | null;
}

export interface HorizonEvent {
  date: string;
  name: string;
  kind: 'holiday' | 'event';
  region: string | null;
  /** start of the forecast period it falls in */
  periodStart: string;
}

const flatBand = 5;
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const percentChange = (now: number, before: number) =>
  before > 0 ? ((now - before) / before) * 100 : null;

export function trendFinding(
  history: readonly number[],
  forecast: readonly number[],
  period: number,
  grain: SalesGrain,
): TrendFinding {
  const horizon = forecast.length;
  // With seasonality, compare like with like: the same periods one season earlier.
  const seasonal = period > 1 && history.length >= period && horizon <= period;
  const basis = seasonal
    ? history.slice(history.length - period, history.length - period + horizon)
    : history.slice(-horizon);
  const changePercent = basis.length === horizon ? percentChange(sum(forecast), sum(basis)) : null;
  const { window, lag } = yearOverYear[grain];
  const length = history.length;
  const yearOverYearPercent =
    length >= window + lag
      ? percentChange(
          sum(history.slice(-window)),
          sum(history.slice(length - lag - window, length - lag)),
        )
      : null;
  const signal = changePercent ?? yearOverYearPercent ?? 0;
  const direction = signal > flatBand ? 'up' : signal < -flatBand ? 'down' : 'flat';
  return {
    direction,
    changePercent,
    comparedWith:
      changePercent === null
        ? null
        : seasonal
          ? 'same periods a season earlier'
          : 'the most recent periods',
    yearOverYearPercent,
    yearOverYearWindow: window,
  };
}

/**
 * Strength of seasonality F_S = max(0, 1 - Var(R) / Var(S + R)) from an additive classical
 * decomposition (Wang, Smith & Hyndman 2006; Hyndman & Athanasopoulos, FPP3 section 4.3).
 */
export function seasonalStrength(values: readonly number[], period: number): number | null {
  if (period < 2 || values.length < 2 * period) return null;
  const decomposition = classicalDecomposition(values, period, 'additive');
  const remainder: number[] = [];
  const seasonalPlusRemainder: number[] = [];
  decomposition.remainder.forEach((value, index) => {
    if (!Number.isFinite(value)) return;
    remainder.push(value);
    seasonalPlusRemainder.push(value + (decomposition.seasonal[index] as number));
  });
  const total = variance(seasonalPlusRemainder);
  if (!(total > 0)) return null;
  return Math.max(0, 1 - variance(remainder) / total);
}

function cycleLabel(day: number, grain: SalesGrain): string {
  if (grain === 'day') return `${weekdayNames[partsOf(day).weekday]}s`;
  const month = MONTH_NAMES[partsOf(day).month - 1] as string;
  return grain === 'month' ? month : `the week of ${month} ${partsOf(day).day}`;
}

/**
 * The M4 90% test at the seasonal lag, on the series less its moving-average trend when that
 * leaves more than two cycles (a trend swamps the autocorrelations), else on the series itself.
 */
function seasonalitySignificant(values: readonly number[], period: number): boolean {
  const { trend } = classicalDecomposition(values, period, 'additive');
  const detrended = values
    .map((value, index) => value - (trend[index] as number))
    .filter((value) => Number.isFinite(value));
  return detrended.length > 2 * period
    ? seasonalityTest(detrended, period, 'thetaf').seasonal
    : seasonalityTest(values, period, 'm4').seasonal;
}

export function seasonalityFinding(
  values: readonly number[],
  starts: readonly number[],
  period: number,
  grain: SalesGrain,
): SeasonalityFinding {
  const strength = seasonalStrength(values, period);
  if (strength === null) {
    return {
      period,
      strength: null,
      significant: false,
      label: 'not measured',
      peak: null,
      trough: null,
    };
  }
  // A 52-week figure from a few years partly fits noise: without a significant seasonal
  // autocorrelation the pattern is reported as none, whatever the strength.
  const significant = seasonalitySignificant(values, period);
  const label = !significant
    ? 'none'
    : strength < 0.1
      ? 'none'
      : strength < 0.3
        ? 'weak'
        : strength < 0.6
          ? 'moderate'
          : 'strong';
  const { figure } = classicalDecomposition(values, period, 'additive');
  const peakPosition = figure.indexOf(Math.max(...figure));
  const troughPosition = figure.indexOf(Math.min(...figure));
  // The last history index at each cycle position dates the label.
  const lastAt = (position: number) => {
    const offset = (values.length - 1 - position) % period;
    return starts[values.length - 1 - offset] as number;
  };
  return {
    period,
    strength,
    significant,
    label,
    peak: label === 'none' ? null : cycleLabel(lastAt(peakPosition), grain),
    trough: label === 'none' ? null : cycleLabel(lastAt(troughPosition), grain),
  };
}

/** National events, plus regional ones where `regions` includes their region (null = any). */
export function eventsInHorizon(
  periodStarts: readonly number[],
  grain: SalesGrain,
  regions: readonly string[] | null,
): HorizonEvent[] {
  const first = periodStarts[0];
  const lastStart = periodStarts[periodStarts.length - 1];
  if (first === undefined || lastStart === undefined) return [];
  const last = periodEndOf(lastStart, grain);
  const found: HorizonEvent[] = [];
  for (let year = partsOf(first).year; year <= partsOf(last).year; year += 1) {
    for (const event of peruEvents(year)) {
      if (event.date < formatIsoDate(first) || event.date > formatIsoDate(last)) continue;
      if (event.region !== undefined && regions !== null && !regions.includes(event.region))
        continue;
      const periodStart = [...periodStarts]
        .reverse()
        .find((start) => formatIsoDate(start) <= event.date);
      found.push({
        date: event.date,
        name: event.name,
        kind: event.kind,
        region: event.region ?? null,
        periodStart: formatIsoDate(periodStart as number),
      });
    }
  }
  return found;
}

const round = (value: number) => Math.round(value);

export interface ExplanationInput {
  grain: SalesGrain;
  method: string;
  trend: TrendFinding;
  seasonality: SeasonalityFinding;
  events: readonly HorizonEvent[];
  /** share of sales rows flagged out of stock in the history */
  stockoutShare: number;
  /** share of sales rows on promotion in the history */
  promoShare: number;
  /** days from the scope's first sale to the end of the data */
  historyDays: number;
  /** the strategy that forecast: 'daily-model' estimates holiday, promotion and stockout effects */
  strategy: string;
}

export function explain(input: ExplanationInput): string[] {
  const { trend, seasonality, grain } = input;
  const sentences: string[] = [];
  const horizonChange =
    trend.changePercent === null
      ? ''
      : ` (${trend.changePercent >= 0 ? '+' : ''}${round(trend.changePercent)}% vs ${trend.comparedWith})`;
  sentences.push(
    trend.direction === 'flat'
      ? `Demand is expected to stay about level${horizonChange}.`
      : `Demand is expected to go ${trend.direction}${horizonChange}.`,
  );
  if (trend.yearOverYearPercent !== null) {
    sentences.push(
      `The last ${trend.yearOverYearWindow} ${grain}s sold ${trend.yearOverYearPercent >= 0 ? '+' : ''}${round(trend.yearOverYearPercent)}% vs the same ${grain}s a year earlier.`,
    );
  }
  if (seasonality.strength === null) {
    if (seasonality.period > 1) {
      sentences.push(
        `Seasonality (period ${seasonality.period}) was not measured: it needs two full cycles of history.`,
      );
    }
  } else if (seasonality.label === 'none') {
    sentences.push(
      `No clear ${grain === 'day' ? 'weekly' : 'yearly'} seasonality in the history (not significant at 90%).`,
    );
  } else {
    const on = grain === 'day' ? 'on' : 'in';
    sentences.push(
      `${seasonality.label[0]?.toUpperCase()}${seasonality.label.slice(1)} ${grain === 'day' ? 'weekly' : 'yearly'} seasonality (strength ${seasonality.strength.toFixed(2)}): highest ${on} ${seasonality.peak}, lowest ${on} ${seasonality.trough}.`,
    );
  }
  const names = [...new Set(input.events.map((event) => event.name))];
  if (names.length > 0) {
    const listed = names.slice(0, 6).join(', ');
    const more = names.length > 6 ? ` and ${names.length - 6} more` : '';
    sentences.push(
      input.strategy === 'daily-model'
        ? `The horizon includes ${listed}${more}; the daily model applies the effect each had in past years (where it saw them in two years or more).`
        : `The horizon includes ${listed}${more}; the method sees them only through past seasonality, not as holiday effects.`,
    );
  }
  const daily = input.strategy === 'daily-model';
  if (input.stockoutShare >= 0.02) {
    sentences.push(
      daily
        ? `${round(input.stockoutShare * 100)}% of the history's sales rows were out of stock; those days were left out of the fit, so lost sales do not lower the forecast.`
        : `${round(input.stockoutShare * 100)}% of the history's sales rows were out of stock, so sales understate demand there.`,
    );
  }
  if (input.promoShare >= 0.05) {
    sentences.push(
      daily
        ? `${round(input.promoShare * 100)}% of the history's sales rows were on promotion; the daily model estimates the promotion lift and applies it to planned promotions.`
        : `${round(input.promoShare * 100)}% of the history's sales rows were on promotion; the method does not separate the promotion lift.`,
    );
  }
  if (input.historyDays < 56) {
    sentences.push(
      input.strategy === 'analogy'
        ? 'Fewer than 8 weeks of history: forecast from the launch curves of similar products; treat it as a guide and compare with the first weeks as they come in.'
        : 'Fewer than 8 weeks of history: treat this forecast as a rough guide.',
    );
  }
  return sentences;
}
