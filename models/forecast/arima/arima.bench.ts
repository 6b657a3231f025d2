// Accuracy and speed of the 'arima' forecaster on a tidy benchmark CSV
// (series_id,date_or_index,value): the last H values of each series are held out.
//   node --import tsx models/forecast/arima/arima.bench.ts FILE H M [LIMIT]
// Prints JSON { smape, mase, seconds, msPerSeries, series } with the M4 definitions: sMAPE =
// mean 200|y - f| / (|y| + |f|), MASE scaled by the in-sample seasonal-naive MAE with lag M;
// forecasts are truncated at 0. Also cpuMsPerSeries (process CPU time, includes file parsing).
import { readFileSync } from 'node:fs';
import { arimaForecaster } from './arima-forecaster';

function readSeries(file: string): Map<string, number[]> {
  const series = new Map<string, number[]>();
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const [id, , value] = line.split(',');
    if (id === undefined || value === undefined)
      throw new Error(`${file}:${index + 1}: expected 3 columns, got "${line}"`);
    const list = series.get(id) ?? [];
    list.push(value === '' || value === 'NA' ? Number.NaN : Number(value));
    series.set(id, list);
  }
  return series;
}

function main(): void {
  const [file, horizonText, periodText, limitText] = process.argv.slice(2);
  if (!file || !horizonText || !periodText) {
    throw new Error(
      'usage: node --import tsx models/forecast/arima/arima.bench.ts FILE H M [LIMIT]',
    );
  }
  const horizon = Number(horizonText);
  const period = Number(periodText);
  const limit = limitText ? Number(limitText) : Infinity;
  let smapeSum = 0;
  let maseSum = 0;
  let count = 0;
  let seconds = 0;
  const cpuStart = process.cpuUsage();
  for (const [, values] of readSeries(file)) {
    if (count >= limit) break;
    const train = values.slice(0, values.length - horizon);
    const test = values.slice(values.length - horizon);
    const started = process.hrtime.bigint();
    const result = arimaForecaster.forecast({ values: train, period, horizon });
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    const forecast = result.mean.map((value) => Math.max(0, value));
    let smape = 0;
    let absolute = 0;
    for (let h = 0; h < horizon; h += 1) {
      const error = Math.abs(test[h]! - forecast[h]!);
      smape += (200 * error) / (Math.abs(test[h]!) + Math.abs(forecast[h]!));
      absolute += error;
    }
    let scale = 0;
    for (let t = period; t < train.length; t += 1)
      scale += Math.abs(train[t]! - train[t - period]!);
    scale /= train.length - period;
    smapeSum += smape / horizon;
    maseSum += absolute / horizon / scale;
    count += 1;
  }
  const cpu = process.cpuUsage(cpuStart);
  const summary = {
    smape: Number((smapeSum / count).toFixed(3)),
    mase: Number((maseSum / count).toFixed(3)),
    seconds: Number(seconds.toFixed(2)),
    msPerSeries: Number(((seconds * 1000) / count).toFixed(2)),
    series: count,
    // Process CPU time per series: less sensitive than wall time to other jobs on the machine.
    cpuMsPerSeries: Number(((cpu.user + cpu.system) / 1000 / count).toFixed(2)),
  };
  console.log(JSON.stringify(summary));
}

main();
