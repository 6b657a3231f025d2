// A corpus in NAB's layout: DIR/category/file.csv (`timestamp,value`) and a labels JSON of
// windows keyed by the relative path ("realKnownCause/nyc_taxi.csv": [[start, end], ...]), the
// window bounds being timestamps of the file. Windows become row indices for the scoring.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { IndexWindow } from '../../models/anomaly/evaluation/window-metrics';
import { AnomalyInputError, readTimestampSeries, type TimestampSeries } from './timestamp-series';
import { parseTimestamp } from './timestamps';

export type NabLabels = Map<string, Array<[string, string]>>;

export interface NabFile {
  /** Path relative to the corpus folder, with `/` (the labels' key). */
  name: string;
  series: TimestampSeries;
  /** Labelled windows as inclusive row indices of the file, in time order. */
  windows: IndexWindow[];
}

/** Parses the labels JSON; throws naming the key or entry at fault. */
export function parseNabLabels(text: string, file: string): NabLabels {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AnomalyInputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new AnomalyInputError(
      `${file}: expected an object keyed by file path, like NAB's combined_windows.json`,
    );
  const labels: NabLabels = new Map();
  for (const [key, value] of Object.entries(json)) {
    const pairs =
      Array.isArray(value) &&
      value.every(
        (pair: unknown) =>
          Array.isArray(pair) &&
          pair.length === 2 &&
          pair.every((bound: unknown) => typeof bound === 'string'),
      );
    if (!pairs)
      throw new AnomalyInputError(
        `${file}: "${key}" must be a list of [start, end] timestamp pairs (an empty list when the file has no anomaly)`,
      );
    labels.set(key.replace(/\\/g, '/'), value as Array<[string, string]>);
  }
  return labels;
}

/** Every .csv under `folder` (recursively), as sorted `/`-separated relative paths. */
export function listCsvFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
        found.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

/** The labels' key of a file: its relative path, or its last two segments (category/file.csv). */
export function labelKeyOf(name: string, labels: NabLabels): string | undefined {
  if (labels.has(name)) return name;
  const short = name.split('/').slice(-2).join('/');
  return labels.has(short) ? short : undefined;
}

/** Windows given as timestamps -> inclusive row ranges (first row at or after the start, last at or before the end). */
export function windowsToRows(
  windows: ReadonlyArray<readonly [string, string]>,
  series: TimestampSeries,
  name: string,
): IndexWindow[] {
  const times = series.rowTimestamps.map((stamp) => parseTimestamp(stamp)?.time as number);
  const rows: IndexWindow[] = windows.map(([startText, endText]) => {
    const start = parseTimestamp(startText);
    const end = parseTimestamp(endText);
    if (start === undefined || end === undefined)
      throw new AnomalyInputError(
        `labels of ${name}: window [${startText}, ${endText}] has a bound that is not a timestamp`,
      );
    const first = times.findIndex((time) => time >= start.time);
    let last = -1;
    for (let row = times.length - 1; row >= 0; row -= 1)
      if ((times[row] as number) <= end.time) {
        last = row;
        break;
      }
    if (first < 0 || last < first)
      throw new AnomalyInputError(
        `labels of ${name}: window [${startText}, ${endText}] holds no row of the file; check that the labels belong to this data`,
      );
    return { start: first, end: last };
  });
  rows.sort((a, b) => a.start - b.start);
  rows.forEach((window, index) => {
    const before = rows[index - 1];
    if (before !== undefined && window.start <= before.end)
      throw new AnomalyInputError(
        `labels of ${name}: windows overlap at row ${window.start + 2}; merge them`,
      );
  });
  return rows;
}

export interface NabCorpusListing {
  /** Relative paths of the files to score, with their labels' key. */
  files: Array<{ name: string; key: string }>;
  labels: NabLabels;
}

/** Checks the folder and labels and pairs each CSV with its labels; throws a one-line reason. */
export function listNabCorpus(folder: string, labelsFile: string): NabCorpusListing {
  if (!isFolder(folder))
    throw new AnomalyInputError(
      `--input ${folder}: no such folder; give a folder in NAB's layout (category/file.csv), e.g. NAB's data/`,
    );
  if (!isFile(labelsFile))
    throw new AnomalyInputError(
      `--labels ${labelsFile}: no such file; give NAB's labels/combined_windows.json or one like it`,
    );
  const labels = parseNabLabels(readFileSync(labelsFile, 'utf8'), labelsFile);
  const names = listCsvFiles(folder);
  if (names.length === 0) throw new AnomalyInputError(`--input ${folder}: no .csv files under it`);
  const files = names.map((name) => {
    const key = labelKeyOf(name, labels);
    if (key === undefined)
      throw new AnomalyInputError(
        `${name}: has no entry in ${labelsFile}; add "${name}": [] (no anomalies) or remove the file`,
      );
    return { name, key };
  });
  return { files, labels };
}

/** Reads one file of a listing with its windows as row ranges. */
export function readNabFile(
  folder: string,
  file: { name: string; key: string },
  labels: NabLabels,
): NabFile {
  const series = readTimestampSeries(join(folder, file.name));
  series.id = file.key;
  return {
    name: file.key,
    series,
    windows: windowsToRows(labels.get(file.key) ?? [], series, file.key),
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
