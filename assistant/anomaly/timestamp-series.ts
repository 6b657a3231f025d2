// Reading NAB's single-series files (`timestamp,value`): the step inferred from the timestamps,
// the rows placed on a regular grid with NaN for missing steps, and the way back from a grid
// step to the input's own timestamp text.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { periodsForStep } from './seasonal-periods';
import { formatTimestamp, parseTimestamp, type TimestampStyle } from './timestamps';

/** A regular series ready for a detector, with the way back to the input's time labels. */
export interface AnomalySeries {
  id: string;
  /** One value per step; NaN where the input had no row or no value. */
  values: number[];
  periods: number[];
  /** The input's own label of a step (computed in the input's style for steps with no row). */
  labelAt(position: number): string;
  notes: string[];
}

/** A series read from a `timestamp,value` file: rows keep their grid positions for scoring. */
export interface TimestampSeries extends AnomalySeries {
  stepMs: number;
  /** The grid step of each input row (in file order). */
  rowPositions: Int32Array;
  /** The timestamp text of each input row. */
  rowTimestamps: string[];
}

/** Longest grid accepted: a wider one means a typo in a timestamp, not a real gap. */
const MAX_STEPS = 5_000_000;

export class AnomalyInputError extends Error {}

function fail(file: string, line: number, problem: string, fix: string): never {
  throw new AnomalyInputError(`${file} line ${line}: ${problem}; ${fix}`);
}

function readValue(text: string, decimalComma: boolean): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /^(na|nan|null)$/i.test(trimmed)) return Number.NaN;
  const normal = decimalComma ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

/** The most common gap between consecutive distinct times (robust to a few irregular rows). */
function commonStep(times: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (let index = 1; index < times.length; index += 1) {
    const gap = (times[index] as number) - (times[index - 1] as number);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [gap, count] of counts)
    if (count > bestCount || (count === bestCount && gap < (best as number))) {
      best = gap;
      bestCount = count;
    }
  return best;
}

/** Parses the text of a `timestamp,value` file (`file` names it in errors). */
export function parseTimestampSeries(text: string, file: string): TimestampSeries {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(',') || !headerLine.includes(';') ? ',' : ';';
  const records = parse(body, {
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const timeColumn = header.indexOf('timestamp');
  const valueColumn = header.indexOf('value');
  if (timeColumn < 0 || valueColumn < 0)
    fail(
      file,
      1,
      `the header has no ${timeColumn < 0 ? 'timestamp' : 'value'} column (found: ${header.join(', ') || 'nothing'})`,
      'give a CSV with the header timestamp,value (NAB) or series_id,date,value (tidy)',
    );
  if (records.length < 2) fail(file, 1, 'the file has no rows', 'give at least one data row');
  const times: number[] = [];
  const rowValues: number[] = [];
  const rowTimestamps: string[] = [];
  let style: TimestampStyle | undefined;
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const stamp = (record[timeColumn] ?? '').trim();
    const parsed = parseTimestamp(stamp);
    if (parsed === undefined)
      fail(file, line, `timestamp "${stamp}" is not a date-time`, 'write YYYY-MM-DD HH:MM:SS');
    style ??= parsed.style;
    const valueText = record[valueColumn] ?? '';
    const value = readValue(valueText, delimiter === ';');
    if (value === undefined)
      fail(
        file,
        line,
        `value "${valueText.trim()}" is not a number`,
        'write a plain number, or leave it empty when missing',
      );
    times.push(parsed.time);
    rowValues.push(value);
    rowTimestamps.push(stamp);
  });
  const step = commonStep(times);
  const notes: string[] = [];
  let length = 1;
  const rowPositions = new Int32Array(times.length);
  if (step === undefined && times.length > 1)
    fail(file, 3, `every row has the timestamp ${rowTimestamps[0]}`, 'give one row per time step');
  let outOfOrder = 0;
  let offGrid = 0;
  if (step !== undefined) {
    // Each row advances from the row before it by its gap in whole steps, at least one: rows
    // keep their file order (NAB scores rows), a repeated or earlier timestamp (a clock set back)
    // takes the next step, and an odd gap (4 or 6 minutes in 5-minute data) shifts nothing after it.
    let previous = 0;
    times.forEach((time, index) => {
      if (index > 0) {
        const gap = (time - (times[index - 1] as number)) / step;
        if (gap <= 0) outOfOrder += 1;
        else if (!Number.isInteger(gap)) offGrid += 1;
        previous += Math.max(1, Math.round(gap));
      }
      rowPositions[index] = previous;
    });
    length = previous + 1;
    if (length > MAX_STEPS)
      fail(
        file,
        times.length + 1,
        `the rows span ${length.toLocaleString('en')} steps of ${step / 1000} s`,
        'check the timestamps for a typo in the year',
      );
  }
  const values = new Array<number>(length).fill(Number.NaN);
  const rowAt = new Int32Array(length).fill(-1);
  rowPositions.forEach((position, row) => {
    rowAt[position] = row;
    values[position] = rowValues[row] as number;
  });
  const missing = length - times.length;
  if (missing > 0)
    notes.push(`${missing.toLocaleString('en')} missing steps filled with gaps (NaN)`);
  if (offGrid > 0)
    notes.push(
      `${offGrid} rows off the ${(step ?? 0) / 1000} s step from the row before them moved to the nearest step`,
    );
  if (outOfOrder > 0)
    notes.push(
      `${outOfOrder} rows with a repeated or earlier timestamp placed after the row before them`,
    );
  const timestampStyle = style as TimestampStyle;
  return {
    id: basename(file, extname(file)),
    values,
    periods: step === undefined ? [] : periodsForStep(step, length),
    stepMs: step ?? 0,
    rowPositions,
    rowTimestamps,
    notes,
    labelAt(position: number): string {
      const row = rowAt[position];
      if (row !== undefined && row >= 0) return rowTimestamps[row] as string;
      // a filled gap: counted on from the last row before it
      let before = Math.min(position, length - 1);
      while (before > 0 && (rowAt[before] as number) < 0) before -= 1;
      const anchor = rowAt[before] as number;
      const time = (times[anchor] as number) + (position - before) * (step ?? 0);
      return formatTimestamp(time, timestampStyle);
    },
  };
}

/** Reads a `timestamp,value` file from disk. */
export function readTimestampSeries(path: string): TimestampSeries {
  return parseTimestampSeries(readFileSync(path, 'utf8'), path);
}
