// The benchmark scripts' reader of the shared tidy sets (series_id,date_or_index,value; rows in
// time order within a series). Benchmarks only: the product reads tidy files with the streaming,
// validating reader in assistant/batch/tidy-reader.ts.
import { readFileSync } from 'node:fs';

/** Values per series id, in file order; empty or NA values are NaN; an unreadable row throws. */
export function readTidyBenchFile(file: string): Map<string, number[]> {
  const series = new Map<string, number[]>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const [id, , raw] = line.split(',');
    const value = raw === undefined || raw === '' || raw === 'NA' ? Number.NaN : Number(raw);
    if (id === undefined || (raw !== 'NA' && raw !== '' && Number.isNaN(value))) {
      throw new Error(
        `${file}: row ${index + 2}: cannot read "${line}" as series_id,date_or_index,value`,
      );
    }
    const values = series.get(id) ?? [];
    values.push(value);
    series.set(id, values);
  });
  return series;
}
