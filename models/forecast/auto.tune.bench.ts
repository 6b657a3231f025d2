// Tunes the 'auto' forecaster's choices (mean vs median combination, backtest origins, the
// margin by which a benchmark must win, whether it must win at every origin, Theta among the
// benchmarks) on a validation split: run with --drop-last H so the real test part is never
// scored. Each member is fitted once per training length (memoised), so every variant is
// scored from the same fits.
//   node --import tsx models/forecast/auto.tune.bench.ts FILE H M --drop-last H [--every N]
// --every N keeps every N-th series (a fixed subset, for the slow monthly set).
import { readTidyBenchFile } from './bench-tidy-file';
import { arimaForecaster } from './arima/arima-forecaster';
import {
  type CandidateScore,
  backtestMinimumTrain,
  planBacktest,
  scoreCandidates,
  selectCandidate,
} from './auto-selection';
import { createCombinationForecaster } from './combination';
import { etsForecaster } from './ets/ets-forecaster';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';
import { mase, maseScale, owa, smape } from './metrics';
import { naive2Forecaster, naiveForecaster, seasonalNaiveForecaster } from './naive';
import { optimisedThetaForecaster } from './optimised-theta';
import { thetaForecaster } from './theta';

/** A forecaster that remembers its results by training length (the inputs are prefixes). */
function memoised(forecaster: Forecaster): Forecaster {
  const cache = new Map<string, ForecastResult>();
  return {
    name: forecaster.name,
    minLength: (period) => forecaster.minLength(period),
    forecast(input: ForecastInput): ForecastResult {
      const key = `${input.values.length}/${input.horizon}`;
      let result = cache.get(key);
      if (!result) {
        result = forecaster.forecast({ ...input, levels: [] });
        cache.set(key, result);
      }
      return result;
    },
  };
}

interface Sums {
  smape: number;
  mase: number;
  count: number;
  switched: number;
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
  const dropLast = option('--drop-last') ?? 0;
  const every = option('--every') ?? 1;
  const [file, hText, mText] = args;
  if (!file || !hText || !mText) {
    console.error('usage: auto.tune.bench.ts FILE H M --drop-last H [--every N]');
    process.exit(2);
  }
  if (dropLast === 0) console.error('warning: no --drop-last: this scores the real test part');
  const horizon = Number(hText);
  const period = Number(mText);
  const sums = new Map<string, Sums>();
  const add = (
    name: string,
    test: number[],
    forecast: number[],
    train: number[],
    switched: boolean,
  ) => {
    const total = sums.get(name) ?? { smape: 0, mase: 0, count: 0, switched: 0 };
    const clipped = forecast.map((value) => Math.max(0, value));
    total.smape += smape(test, clipped);
    total.mase += mase(test, clipped, train, period);
    total.count += 1;
    if (switched) total.switched += 1;
    sums.set(name, total);
  };
  const started = Date.now();
  [...readTidyBenchFile(file).values()].forEach((full, seriesIndex) => {
    if (seriesIndex % every !== 0) return;
    const values = full.slice(0, full.length - dropLast);
    const train = values.slice(0, values.length - horizon);
    const test = values.slice(values.length - horizon);
    if (train.length <= period || !(maseScale(train, period) > 0)) return;
    const members = [etsForecaster, arimaForecaster, thetaForecaster].map(memoised);
    const theta = members[2] as Forecaster;
    const optimisedTheta = memoised(optimisedThetaForecaster);
    const four = [...members, optimisedTheta];
    const combos: Record<string, Forecaster> = {
      mean: createCombinationForecaster({ members, combine: 'mean', name: 'comb-mean' }),
      median: createCombinationForecaster({ members, combine: 'median', name: 'comb-median' }),
      '4mean': createCombinationForecaster({ members: four, combine: 'mean', name: 'comb4-mean' }),
      '4median': createCombinationForecaster({
        members: four,
        combine: 'median',
        name: 'comb4-median',
      }),
    };
    const simple =
      period > 1 ? [naiveForecaster, seasonalNaiveForecaster, naive2Forecaster] : [naiveForecaster];
    const input = { values: train, period, horizon };
    const finals = new Map<string, number[]>();
    for (const forecaster of [...four, ...Object.values(combos), ...simple]) {
      finals.set(forecaster.name, forecaster.forecast(input).mean);
      add(forecaster.name, test, finals.get(forecaster.name) as number[], train, false);
    }
    const minimum = (combos['4median'] as Forecaster).minLength(period);
    for (const origins of [2, 3]) {
      const step = Math.max(1, Math.round(horizon / 2));
      const plan = planBacktest(
        train.length,
        horizon,
        origins,
        step,
        backtestMinimumTrain(train.length, period, minimum),
      );
      for (const combine of Object.keys(combos)) {
        for (const withTheta of [false, true]) {
          const candidates = [
            combos[combine] as Forecaster,
            ...simple,
            ...(withTheta ? [theta] : []),
          ];
          const scores: CandidateScore[] = plan
            ? scoreCandidates(candidates, train, period, plan)
            : [];
          for (const margin of [0.1, 0.2, 0.3, 0.5]) {
            for (const everyOrigin of [false, true]) {
              const index = plan ? selectCandidate(scores, { margin, everyOrigin }).index : 0;
              const chosen = candidates[index] as Forecaster;
              const name = `${combine} o${origins} m${margin} ${everyOrigin ? 'all' : 'pool'}${withTheta ? ' +theta' : ''}`;
              add(name, test, finals.get(chosen.name) as number[], train, index > 0);
            }
          }
        }
      }
    }
  });
  const naive2 = sums.get(period > 1 ? 'naive2' : 'naive') as Sums;
  const baseline = { smape: naive2.smape / naive2.count, mase: naive2.mase / naive2.count };
  const rows = [...sums.entries()].map(([name, total]) => {
    const summary = { smape: total.smape / total.count, mase: total.mase / total.count };
    return {
      name,
      ...summary,
      owa: owa(summary, baseline),
      switched: total.switched / total.count,
      series: total.count,
    };
  });
  rows.sort((left, right) => left.owa - right.owa);
  console.log(
    `${file} h=${horizon} m=${period} drop-last=${dropLast} every=${every} seconds=${(Date.now() - started) / 1000}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(32)} sMAPE ${row.smape.toFixed(3)} MASE ${row.mase.toFixed(3)} OWA ${row.owa.toFixed(3)} switched ${(100 * row.switched).toFixed(1)}% n=${row.series}`,
    );
  }
}

main();
