// Turning the rows of one series (dates or indexes in any order, with gaps) into a regular series:
// the time axis, and values with NaN for every missing period.
import { formatIsoDate } from '../../models/calendar/dates';
import { TidyFileError } from './tidy-errors';
import {
  inferFrequency,
  positionOfDay,
  type Frequency,
  type InferredFrequency,
  type SeriesTime,
} from './tidy-time';

/** One series read from a tidy file, regular in time; NaN marks a missing period. */
export interface TidySeries {
  id: string;
  time: SeriesTime;
  values: number[];
  /** The file line of the series' first row. */
  line: number;
}

export interface TidyRow {
  /** Day number (dates) or the integer index. */
  key: number;
  value: number;
  line: number;
}

/** Longest regular series accepted (a gap this wide is a typo in a date or an index). */
export const MAX_SERIES_LENGTH = 1_000_000;

export interface AssembleContext {
  file: string;
  dateColumn: string;
  kind: 'date' | 'index';
  /** The frequency given by the user, if any. */
  frequency?: Frequency;
  /** The frequency of the previous dated series: used when this one's dates do not show it. */
  previous?: { frequency: Frequency; monthEnd: boolean };
}

function keyText(kind: 'date' | 'index', key: number): string {
  return kind === 'date' ? formatIsoDate(key) : String(key);
}

/** The series with rows placed on its time axis; throws TidyFileError naming the row at fault. */
export function assembleSeries(id: string, rows: TidyRow[], context: AssembleContext): TidySeries {
  const { file, dateColumn, kind } = context;
  const sorted = rows.slice().sort((a, b) => a.key - b.key || a.line - b.line);
  for (let index = 1; index < sorted.length; index += 1) {
    const row = sorted[index] as TidyRow;
    const before = sorted[index - 1] as TidyRow;
    if (row.key === before.key)
      throw new TidyFileError(
        file,
        Math.max(row.line, before.line),
        dateColumn,
        keyText(kind, row.key),
        `appears twice for series "${id}" (also on line ${Math.min(row.line, before.line)})`,
        'keep one row per series and period',
      );
  }
  const firstRow = sorted[0] as TidyRow;
  const line = Math.min(...rows.map((row) => row.line));
  let time: SeriesTime;
  let positions: number[];
  if (kind === 'index') {
    time = { kind: 'index', first: firstRow.key };
    positions = sorted.map((row) => row.key - firstRow.key);
  } else {
    const days = sorted.map((row) => row.key);
    let spacing: InferredFrequency = context.frequency
      ? { frequency: context.frequency, monthEnd: inferMonthEnd(days) }
      : inferFrequency(days);
    if ('problem' in spacing && context.previous) spacing = context.previous;
    if ('problem' in spacing)
      throw new TidyFileError(
        file,
        line,
        dateColumn,
        keyText(kind, firstRow.key),
        `series "${id}": cannot tell its frequency: ${spacing.problem}`,
        'give --frequency daily|weekly|monthly|quarterly|yearly',
      );
    const dated: SeriesTime & { kind: 'date' } = {
      kind: 'date',
      frequency: spacing.frequency,
      first: firstRow.key,
      monthEnd: spacing.monthEnd,
    };
    time = dated;
    positions = sorted.map((row) => {
      const position = positionOfDay(dated, row.key);
      if (position === undefined)
        throw new TidyFileError(
          file,
          row.line,
          dateColumn,
          keyText(kind, row.key),
          `is off the ${spacing.frequency} spacing of series "${id}", which starts on ${formatIsoDate(firstRow.key)}`,
          `use one date per period, all on the same ${spacing.frequency === 'weekly' ? 'weekday' : 'day of the period'}`,
        );
      return position;
    });
  }
  const length = (positions[positions.length - 1] as number) + 1;
  if (length > MAX_SERIES_LENGTH) {
    const last = sorted[sorted.length - 1] as TidyRow;
    throw new TidyFileError(
      file,
      last.line,
      dateColumn,
      keyText(kind, last.key),
      `makes series "${id}" ${length.toLocaleString('en')} periods long (from ${keyText(kind, firstRow.key)})`,
      `check this ${kind === 'date' ? 'date' : 'index'} for a typo; a series may span at most ${MAX_SERIES_LENGTH.toLocaleString('en')} periods`,
    );
  }
  const values = new Array<number>(length).fill(Number.NaN);
  sorted.forEach((row, index) => {
    values[positions[index] as number] = row.value;
  });
  return { id, time, values, line };
}

function inferMonthEnd(days: readonly number[]): boolean {
  const inferred = inferFrequency(days);
  return 'monthEnd' in inferred ? inferred.monthEnd : false;
}
