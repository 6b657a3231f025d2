// Small NAB-layout corpora written to a temporary folder for the tests (never the real data).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRandom } from '../../models/stats/random';

const FIVE_MINUTES = 300_000;

export function stamp(time: number): string {
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A 5-minute `timestamp,value` series of `rows` rows from 2014-04-01 00:00, noise around 100,
 * `spikes` rows set to their value, and `skip` rows left out (gaps).
 */
export function nabCsv(
  rows: number,
  spikes: Record<number, number>,
  seed: number,
  skip: number[] = [],
): string {
  const random = createRandom(seed);
  const start = Date.UTC(2014, 3, 1);
  const lines = ['timestamp,value'];
  for (let row = 0; row < rows; row += 1) {
    const value = spikes[row] ?? 100 + random.normal(0, 5);
    if (!skip.includes(row)) lines.push(`${stamp(start + row * FIVE_MINUTES)},${value.toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

export const rowTime = (row: number) => stamp(Date.UTC(2014, 3, 1) + row * FIVE_MINUTES);

export function writeCorpus(
  folder: string,
  files: Record<string, { csv: string; windows: Array<[number, number]> }>,
): string {
  const labels: Record<string, string[][]> = {};
  for (const [name, file] of Object.entries(files)) {
    const path = join(folder, 'data', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.csv);
    labels[name] = file.windows.map(([start, end]) => [
      `${rowTime(start)}.000000`,
      `${rowTime(end)}.000000`,
    ]);
  }
  const labelsFile = join(folder, 'windows.json');
  writeFileSync(labelsFile, JSON.stringify(labels, null, 2));
  return labelsFile;
}
