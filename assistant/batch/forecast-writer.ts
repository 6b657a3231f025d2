// The forecast output file: `series_id,date,forecast` plus `lo_L,hi_L` for each requested level,
// one row per series and future period, the dates continuing each series.
import { once } from 'node:events';
import { csvLine } from '../store/import/report';
import type { SeriesForecast } from './forecast-jobs';
import { futureLabels, type SeriesTime } from './tidy-time';

/** The header fields for the given interval levels (in the order given). */
export function forecastColumns(levels: readonly number[]): string[] {
  return [
    'series_id',
    'date',
    'forecast',
    ...levels.flatMap((level) => [`lo_${level}`, `hi_${level}`]),
  ];
}

/** Numbers as written: shortest round-trip text, at most 6 decimals. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Math.round(value * 1e6) / 1e6);
}

/** The CSV rows (CRLF-terminated, like the import's rejected-rows file) of one series' forecast. */
export function forecastRows(
  seriesId: string,
  time: SeriesTime,
  length: number,
  forecast: SeriesForecast,
  levels: readonly number[],
): string {
  const labels = futureLabels(time, length, forecast.mean.length);
  let text = '';
  labels.forEach((label, step) => {
    const fields = [seriesId, label, formatNumber(forecast.mean[step] as number)];
    for (const level of levels) {
      const interval = forecast.intervals.find((candidate) => candidate.level === level);
      fields.push(
        formatNumber(interval?.lower[step] ?? Number.NaN),
        formatNumber(interval?.upper[step] ?? Number.NaN),
      );
    }
    text += csvLine(fields, ',');
  });
  return text;
}

/** Writes text to a stream, waiting for 'drain' when its buffer is full (memory stays flat). */
export async function writeText(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain');
}
