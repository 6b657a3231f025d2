// Holdout benchmark of automatic ETS on a tidy CSV (series_id,date_or_index,value): the last H
// values of each series are the test part; fits on the rest (fitEts, R's ets() defaults) and
// forecasts H steps with 80/95% intervals (as R's forecast() does by default). Scores as
// defined for M4: sMAPE (percent) and MASE scaled by the in-sample seasonal naive MAE of lag M;
// forecasts truncated at 0 when the training data are non-negative.
//   node --import tsx models/forecast/ets/ets.bench.ts FILE H M [--limit N]
// Prints JSON: smape, mase, seconds (wall clock in fit + forecast), msPerSeries, cpuMsPerSeries
// (process CPU time, less sensitive to other jobs on the machine), series, methods (forms chosen).
import { readTidyBenchFile } from '../bench-tidy-file';
import { mase, smape } from '../metrics';
import { fitEts, forecastEts } from './ets';

function main(argv: readonly string[]): void {
  const [file, horizonText, periodText] = argv;
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const horizon = Number(horizonText);
  const period = Number(periodText);
  if (
    file === undefined ||
    !Number.isInteger(horizon) ||
    horizon < 1 ||
    !Number.isInteger(period) ||
    period < 1
  ) {
    throw new Error(
      'usage: node --import tsx models/forecast/ets/ets.bench.ts FILE H M [--limit N]',
    );
  }
  const series = readTidyBenchFile(file);
  let smapeTotal = 0;
  let maseTotal = 0;
  let scored = 0;
  let wallMs = 0;
  let cpuMicroseconds = 0;
  const methods: Record<string, number> = {};
  for (const values of series.values()) {
    if (scored >= limit) break;
    if (values.length <= horizon + period) continue;
    const train = values.slice(0, values.length - horizon);
    const test = values.slice(values.length - horizon);
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const fit = fitEts(train, period);
    const forecast = forecastEts(fit, horizon, [80, 95]);
    wallMs += performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    cpuMicroseconds += cpu.user + cpu.system;
    const nonNegative = train.every((value) => Number.isNaN(value) || value >= 0);
    const mean = nonNegative ? forecast.mean.map((value) => Math.max(0, value)) : forecast.mean;
    smapeTotal += smape(test, mean);
    maseTotal += mase(test, mean, train, period);
    methods[fit.model.method] = (methods[fit.model.method] ?? 0) + 1;
    scored += 1;
  }
  const report = {
    file,
    horizon,
    period,
    smape: Number((smapeTotal / scored).toFixed(3)),
    mase: Number((maseTotal / scored).toFixed(3)),
    seconds: Number((wallMs / 1000).toFixed(3)),
    msPerSeries: Number((wallMs / scored).toFixed(3)),
    cpuMsPerSeries: Number((cpuMicroseconds / 1000 / scored).toFixed(3)),
    series: scored,
    methods,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main(process.argv.slice(2));
