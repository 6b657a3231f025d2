// The regression design of the daily model: level, trend (linear, or linear with a hinge
// knot near the end: piecewise-linear trend, FPP3 7.7), short-cycle and yearly Fourier terms,
// calendar groups, promotion and log price. Each column covers history and horizon rows.
import type { CalendarGroup } from './calendar-regressors';
import { fourierColumns } from './fourier';

export type ColumnRole =
  'intercept' | 'trend' | 'knot' | 'cycle' | 'yearly' | 'event' | 'promotion' | 'price';

export interface DesignColumn {
  name: string;
  role: ColumnRole;
  /** Harmonic number (1..) for Fourier columns, else 0. */
  harmonic: number;
  /** Sine or cosine for Fourier columns. */
  wave?: 'sin' | 'cos';
  values: Float64Array;
}

export interface DesignSpec {
  /** Rows in the history. */
  count: number;
  horizon: number;
  /** Time of row 0 for the Fourier terms (day number for dated series, else 0). */
  firstTime: number;
  /** Short cycle (7 for daily data) and its number of harmonics. */
  cyclePeriod: number;
  cycleHarmonics: number;
  /** Largest number of yearly harmonics a candidate may use (0: no yearly terms). */
  yearlyHarmonics: number;
  /** Row of the trend's hinge knot; undefined for no knot column. */
  knotRow: number | undefined;
  events: readonly CalendarGroup[];
  /** Promotion intensity per row (history then horizon), when given. */
  promotion?: Float64Array;
  /** Log price per row, centred, when given. */
  logPrice?: Float64Array;
}

/** Row of the knot: about a sixth of the history before its end, between 4 weeks and 6 months. */
export function knotRowFor(count: number): number {
  return count - Math.min(182, Math.max(28, Math.round(count / 6)));
}

export const YEAR_DAYS = 365.25;

/**
 * Daily damping of the trend beyond the history (Gardner & McKenzie 1985 damped trend): day h
 * ahead moves the trend by phi + phi^2 + ... + phi^h days' worth, at most phi / (1 - phi) = 99
 * days, so a steep slope fitted on a launch ramp or a short series cannot grow without bound.
 */
export const TREND_DAMPING = 0.99;

/** The trend's time for a row: itself in the history, damped elapsed days beyond it. */
export function trendRow(row: number, count: number): number {
  if (row < count) return row;
  const ahead = row - (count - 1);
  return count - 1 + (TREND_DAMPING * (1 - TREND_DAMPING ** ahead)) / (1 - TREND_DAMPING);
}

export function buildDesign(spec: DesignSpec): DesignColumn[] {
  const rows = spec.count + spec.horizon;
  const make = (at: (row: number) => number) => {
    const values = new Float64Array(rows);
    for (let row = 0; row < rows; row += 1) values[row] = at(row);
    return values;
  };
  const columns: DesignColumn[] = [
    { name: 'level', role: 'intercept', harmonic: 0, values: make(() => 1) },
    // Time in years relative to the end of the history keeps the Gram matrix well scaled.
    {
      name: 'trend',
      role: 'trend',
      harmonic: 0,
      values: make((row) => (trendRow(row, spec.count) - spec.count) / YEAR_DAYS),
    },
  ];
  if (spec.knotRow !== undefined) {
    const knot = spec.knotRow;
    columns.push({
      name: 'trend change',
      role: 'knot',
      harmonic: 0,
      values: make((row) => Math.max(0, trendRow(row, spec.count) - knot) / YEAR_DAYS),
    });
  }
  if (spec.cycleHarmonics > 0) {
    const cycle = fourierColumns(
      spec.cyclePeriod,
      spec.cycleHarmonics,
      spec.firstTime,
      rows,
      'cycle',
    );
    for (const column of cycle) {
      columns.push({ ...column, role: 'cycle' });
    }
  }
  if (spec.yearlyHarmonics > 0) {
    const yearly = fourierColumns(YEAR_DAYS, spec.yearlyHarmonics, spec.firstTime, rows, 'yearly');
    for (const column of yearly) {
      columns.push({ ...column, role: 'yearly' });
    }
  }
  for (const group of spec.events) {
    columns.push({
      name: group.name,
      role: 'event',
      harmonic: 0,
      values: make((row) => (group.days.has(spec.firstTime + row) ? 1 : 0)),
    });
  }
  if (spec.promotion) {
    columns.push({ name: 'promotion', role: 'promotion', harmonic: 0, values: spec.promotion });
  }
  if (spec.logPrice) {
    columns.push({ name: 'log price', role: 'price', harmonic: 0, values: spec.logPrice });
  }
  return columns;
}
