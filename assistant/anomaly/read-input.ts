// The input of `ayni anomalies --input FILE`: NAB's single-series `timestamp,value` (the series id
// is the file name's stem) or a tidy `series_id,date,value` file (read by the batch tidy reader).
import { openSync, readSync, closeSync } from 'node:fs';
import { readTidySeries } from '../batch/tidy-reader';
import { labelAt } from '../batch/tidy-time';
import { periodsForFrequency } from './seasonal-periods';
import { readTimestampSeries, type AnomalySeries } from './timestamp-series';

/** The header line of a file (up to 64 KiB), lower-cased column names. */
function headerColumns(path: string): string[] {
  const handle = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const bytes = readSync(handle, buffer, 0, buffer.length, 0);
    const line =
      buffer
        .subarray(0, bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/, 1)[0] ?? '';
    const delimiter = line.includes(',') || !line.includes(';') ? ',' : ';';
    return line.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  } finally {
    closeSync(handle);
  }
}

/** Whether the file is NAB's `timestamp,value` (no series column). */
export function isTimestampFile(path: string): boolean {
  const columns = headerColumns(path);
  return columns.includes('timestamp') && columns.includes('value');
}

/** Every series of the file, regular in time, with its periods and labels. */
export async function* readAnomalyInput(
  path: string,
  signal?: AbortSignal,
): AsyncGenerator<AnomalySeries> {
  if (isTimestampFile(path)) {
    yield readTimestampSeries(path);
    return;
  }
  for await (const series of readTidySeries(path, { signal })) {
    const { time, values } = series;
    yield {
      id: series.id,
      values,
      periods: time.kind === 'date' ? periodsForFrequency(time.frequency, values.length) : [],
      labelAt: (position: number) => labelAt(time, position),
      notes: [],
    };
  }
}
