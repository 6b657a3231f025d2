// Cost per monthly series of the demand review's forecast jobs (backtest: horizon 1; outlook:
// horizon 3) with Theta (the default) against other methods, on seeded synthetic monthly series
// (level, trend, yearly season, noise; 36 months). Run: npx tsx tools/sop/demand-review-forecasts.bench.ts [series]
import { createAutoForecaster } from '../../models/forecast/auto';
import { etsForecaster } from '../../models/forecast/ets/ets-forecaster';
import type { Forecaster } from '../../models/forecast/forecaster';
import { naive2Forecaster } from '../../models/forecast/naive';
import { thetaForecaster } from '../../models/forecast/theta';
import { createRandom } from '../../models/stats/random';
import { forecastMonthlyJobs, type MonthlyForecastJob } from './demand-review-forecasts';

const count = Number(process.argv[2] ?? 300);
const random = createRandom(42);
const jobs: MonthlyForecastJob[] = [];
for (let index = 0; index < count; index += 1) {
  const level = random.uniform(20, 2000);
  const trend = random.uniform(-0.01, 0.01);
  const season = random.uniform(0, 0.3);
  const values = Array.from({ length: 36 }, (_, month) =>
    Math.max(
      0,
      Math.round(
        level *
          (1 + trend * month) *
          (1 + season * Math.sin((2 * Math.PI * month) / 12)) *
          random.uniform(0.85, 1.15),
      ),
    ),
  );
  const base = { sku: `S${index}`, location: 'L' };
  jobs.push({ id: `backtest:${index}`, ...base, values: values.slice(0, 35), horizon: 1 });
  jobs.push({ id: `outlook:${index}`, ...base, values, horizon: 3 });
}

const methods: Array<[string, Forecaster]> = [
  ['theta (default)', thetaForecaster],
  ['naive2', naive2Forecaster],
  ['ets (auto ETS)', etsForecaster],
  ['auto (createAutoForecaster)', createAutoForecaster()],
];
for (const [name, forecaster] of methods) {
  const started = performance.now();
  forecastMonthlyJobs(jobs, forecaster);
  const milliseconds = performance.now() - started;
  const perSeries = milliseconds / count;
  console.log(
    `${name.padEnd(28)} ${perSeries.toFixed(2)} ms per series (2 jobs); 30,000 series: ${((perSeries * 30_000) / 1000).toFixed(1)} s on one thread`,
  );
}
