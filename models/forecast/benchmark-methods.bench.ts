// Holdout benchmark of the forecasting methods on a tidy CSV (series_id,date_or_index,value):
// the last H values of each series are the test part; sMAPE, MASE (period M) and OWA
// (relative to Naive2) as defined for M4; forecasts truncated at 0.
//   node --import tsx models/forecast/benchmark-methods.bench.ts FILE H M [methods] [--min-train N]
//     [--drop-last K]
// methods: comma-separated names (default: all registered below); --min-train skips series
// with a shorter training part; --drop-last removes the last K values of every series first
// (a validation split that keeps the real test part unseen). Prints JSON: per method sMAPE,
// MASE, OWA (vs Naive2 on the same series), RMSSE (lag-1 scale), scaled bias, seconds spent in
// forecast(), series scored, failures, and otherMethodUsed (results whose `method` differs
// from the name: fallbacks, or the method auto-intermittent picked). Series whose MASE scale
// is 0 (no in-sample seasonal change) are skipped and counted in seriesSkipped.
import { readTidyBenchFile } from './bench-tidy-file';
import { arimaForecaster } from './arima/arima-forecaster';
import { createAutoForecaster } from './auto';
import { createCombinationForecaster } from './combination';
import { etsForecaster } from './ets/ets-forecaster';
import type { Forecaster } from './forecaster';
import { createAutoIntermittentForecaster, sesForecast } from './intermittent-auto';
import {
  createCrostonForecaster,
  createSbaForecaster,
  createTsbForecaster,
  crostonForecaster,
  sbaForecaster,
  tsbForecaster,
} from './intermittent';
import { bias, mase, maseScale, owa, rmsse, smape } from './metrics';
import {
  createNaive2Forecaster,
  naive2Forecaster,
  naiveForecaster,
  seasonalNaiveForecaster,
} from './naive';
import { optimisedThetaForecaster } from './optimised-theta';
import { createThetaForecaster, thetaForecaster } from './theta';

const registry: Record<string, Forecaster> = {
  ets: etsForecaster,
  arima: arimaForecaster,
  auto: createAutoForecaster(),
  'auto-mean': createAutoForecaster({ combine: 'mean' }),
  'auto-no-selection': createAutoForecaster({ origins: 0 }),
  'comb-mean': createCombinationForecaster({
    members: [etsForecaster, arimaForecaster, thetaForecaster],
    combine: 'mean',
    name: 'comb-mean',
  }),
  'comb-median': createCombinationForecaster({
    members: [etsForecaster, arimaForecaster, thetaForecaster],
    combine: 'median',
    name: 'comb-median',
  }),
  naive: naiveForecaster,
  snaive: seasonalNaiveForecaster,
  naive2: naive2Forecaster,
  'naive2-thetaf-rule': createNaive2Forecaster({ seasonalityRule: 'thetaf' }),
  theta: thetaForecaster,
  'theta-m4-rule': createThetaForecaster({ seasonalityRule: 'm4' }),
  'optimised-theta': optimisedThetaForecaster,
  croston: crostonForecaster,
  sba: sbaForecaster,
  tsb: tsbForecaster,
  'croston-opt': createCrostonForecaster({ alpha: 'optimise' }),
  'sba-opt': createSbaForecaster({ alpha: 'optimise' }),
  'tsb-opt': createTsbForecaster({ alpha: 'optimise', beta: 'optimise' }),
  'sba-opt-mae': createSbaForecaster({ alpha: 'optimise', criterion: 'mae' }),
  'auto-intermittent': createAutoIntermittentForecaster(),
  'auto-intermittent-croston': createAutoIntermittentForecaster({ intermittentMethod: 'croston' }),
  'auto-intermittent-fixed': createAutoIntermittentForecaster({ smoothing: {} }),
  'auto-intermittent-mae': createAutoIntermittentForecaster({
    smoothing: { alpha: 'optimise', beta: 'optimise', criterion: 'mae' },
  }),
  'ses-local': { name: 'ses-local', minLength: () => 2, forecast: sesForecast },
};

const DEFAULT_METHODS = ['naive', 'snaive', 'naive2', 'theta', 'optimised-theta'];

interface Totals {
  smape: number;
  mase: number;
  rmsse: number;
  bias: number;
  count: number;
  seconds: number;
  failures: number;
  fallbacks: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (flag: string): number | undefined => {
    const index = args.indexOf(flag);
    if (index < 0) return undefined;
    const value = Number(args[index + 1]);
    args.splice(index, 2);
    return value;
  };
  const minTrain = option('--min-train') ?? 1;
  // Validation runs: drop the last K values of every series first (keeps the real test unseen).
  const dropLast = option('--drop-last') ?? 0;
  const positional = args;
  const [file, hText, mText, methodList] = positional;
  if (!file || !hText || !mText) {
    console.error('usage: benchmark-methods.bench.ts FILE H M [methods] [--min-train N]');
    process.exit(2);
  }
  const horizon = Number(hText);
  const period = Number(mText);
  const methods = methodList ? methodList.split(',') : DEFAULT_METHODS;
  for (const name of methods) {
    if (!registry[name]) {
      console.error(`unknown method "${name}"; known: ${Object.keys(registry).join(', ')}`);
      process.exit(2);
    }
  }
  const allNames = methods.includes('naive2') ? methods : ['naive2', ...methods];
  const series = readTidyBenchFile(file);
  const totals = new Map<string, Totals>(
    allNames.map((name) => [
      name,
      { smape: 0, mase: 0, rmsse: 0, bias: 0, count: 0, seconds: 0, failures: 0, fallbacks: 0 },
    ]),
  );
  let skipped = 0;
  for (const full of series.values()) {
    const values = full.slice(0, full.length - dropLast);
    const train = values.slice(0, values.length - horizon);
    const test = values.slice(values.length - horizon);
    // MASE is undefined when the in-sample seasonal differences are all zero.
    if (train.length < minTrain || train.length <= period || !(maseScale(train, period) > 0)) {
      skipped += 1;
      continue;
    }
    for (const name of allNames) {
      const total = totals.get(name) as Totals;
      const started = process.hrtime.bigint();
      try {
        const result = (registry[name] as Forecaster).forecast({ values: train, period, horizon });
        total.seconds += Number(process.hrtime.bigint() - started) / 1e9;
        if (result.method !== name && !name.startsWith(result.method)) total.fallbacks += 1;
        const forecast = result.mean.map((value) => Math.max(0, value));
        total.smape += smape(test, forecast);
        total.mase += mase(test, forecast, train, period);
        total.rmsse += rmsse(test, forecast, train, 1);
        total.bias += bias(test, forecast) / maseScale(train, 1);
        total.count += 1;
      } catch (error) {
        total.failures += 1;
        if (total.failures <= 3) console.error(`${name}: ${(error as Error).message}`);
      }
    }
  }
  const naive2 = totals.get('naive2') as Totals;
  const baseline = { smape: naive2.smape / naive2.count, mase: naive2.mase / naive2.count };
  const output: Record<string, unknown> = {};
  for (const name of methods) {
    const total = totals.get(name) as Totals;
    const summary = { smape: total.smape / total.count, mase: total.mase / total.count };
    output[name] = {
      smape: Number(summary.smape.toFixed(3)),
      mase: Number(summary.mase.toFixed(3)),
      owa: Number(owa(summary, baseline).toFixed(3)),
      // RMSSE (M5, lag-1 scale) and scaled bias (mean forecast - actual over the lag-1 MAE).
      rmsse: Number((total.rmsse / total.count).toFixed(3)),
      scaledBias: Number((total.bias / total.count).toFixed(3)),
      seconds: Number(total.seconds.toFixed(3)),
      series: total.count,
      failures: total.failures,
      otherMethodUsed: total.fallbacks,
    };
  }
  console.log(
    JSON.stringify({ file, horizon, period, seriesSkipped: skipped, methods: output }, null, 2),
  );
}

main();
