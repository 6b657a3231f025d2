// Holdout benchmark of the global MLP forecaster against theta and Naive2 (and the mean of global
// and theta), scored as in M4 (models/forecast/holdout.ts): the last H values of each series are
// held out, the network trains once on the training parts of all series, then forecasts each.
//   npx tsx assistant/ml/global-forecast.bench.ts [--set m4-weekly|m3-monthly|all] [--seed N]
//     [--epochs 30] [--input-horizons K] [--hidden 128,128] [--data DIR]
// Prints JSON per set: sMAPE, MASE, OWA (vs Naive2 on the same series), seconds (theta and naive2:
// summed forecast() time; global: prediction time, with training seconds reported apart).
// Reads the shared data in place (default /work/shared/data); wasm backend, one thread.
import { readTidyBenchFile } from '../../models/forecast/bench-tidy-file';
import path from 'node:path';
import {
  disposeGlobalModel,
  forecastGlobalBatch,
  trainGlobalModel,
} from '../../models/forecast/global';
import {
  addSeriesHoldout,
  createHoldoutTotals,
  holdoutSkipReason,
  scoreHoldout,
  splitHoldout,
  summariseHoldout,
} from '../../models/forecast/holdout';
import type { HoldoutSplit, MethodOutcome } from '../../models/forecast/holdout';
import { getForecaster } from '../../models/forecast/registry';
import { loadTensorflow } from './tensorflow-backend';

interface BenchSet {
  file: string;
  horizon: number;
  period: number;
  /** Input window in horizons (N-BEATS uses 2H to 7H; short M3 series limit it here). */
  inputHorizons: number;
}

const SETS: Record<string, BenchSet> = {
  'm4-weekly': { file: 'm4_weekly/m4_weekly.csv', horizon: 13, period: 1, inputHorizons: 3 },
  'm3-monthly': { file: 'm3/m3_monthly.csv', horizon: 18, period: 12, inputHorizons: 2 },
};

function option(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index < 0 ? undefined : args[index + 1];
}

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

function timedForecast(
  name: string,
  split: HoldoutSplit,
  set: BenchSet,
): MethodOutcome & { mean?: number[] } {
  const started = process.hrtime.bigint();
  try {
    const result = getForecaster(name).forecast({
      values: split.train,
      period: set.period,
      horizon: set.horizon,
    });
    const elapsed = seconds(started);
    return {
      score: scoreHoldout(split, result.mean, set.period),
      seconds: elapsed,
      mean: result.mean,
    };
  } catch (error) {
    return { error: (error as Error).message, seconds: seconds(started) };
  }
}

async function runSet(name: string, set: BenchSet, dataFolder: string, args: string[]) {
  const tf = await loadTensorflow();
  const seed = Number(option(args, '--seed') ?? 1);
  const epochs = Number(option(args, '--epochs') ?? 30);
  const inputHorizons = Number(option(args, '--input-horizons') ?? set.inputHorizons);
  const hiddenUnits = (option(args, '--hidden') ?? '128,128').split(',').map(Number);
  const inputLength = Math.round(inputHorizons * set.horizon);
  const splits = [...readTidyBenchFile(path.join(dataFolder, set.file)).values()].map((values) =>
    splitHoldout(values, set.horizon),
  );

  let started = process.hrtime.bigint();
  const model = await trainGlobalModel(
    tf,
    splits.map((split) => split.train),
    { horizon: set.horizon, inputLength, epochs, seed, hiddenUnits },
  );
  const trainSeconds = seconds(started);

  const scored = splits.filter(
    (split) => holdoutSkipReason(split, set.period, set.horizon) === undefined,
  );
  const forecastable = scored.filter((split) => split.train.length >= inputLength);
  started = process.hrtime.bigint();
  const globalForecasts = forecastGlobalBatch(
    model,
    forecastable.map((split) => split.train),
  );
  const predictSeconds = seconds(started);
  const globalBySplit = new Map(
    forecastable.map((split, index) => [split, globalForecasts[index]]),
  );
  disposeGlobalModel(model);

  const methods = ['global-mlp', 'theta', 'global-mlp+theta', 'naive2'];
  const totals = createHoldoutTotals(methods);
  for (const split of splits) {
    const reason = holdoutSkipReason(split, set.period, set.horizon);
    if (reason !== undefined) {
      addSeriesHoldout(totals, { skipped: reason });
      continue;
    }
    const theta = timedForecast('theta', split, set);
    const naive2 = timedForecast('naive2', split, set);
    const global = globalBySplit.get(split);
    const perSeries = predictSeconds / forecastable.length;
    const globalOutcome: MethodOutcome =
      global === undefined
        ? { error: `training part shorter than inputLength ${inputLength}`, seconds: 0 }
        : { score: scoreHoldout(split, global, set.period), seconds: perSeries };
    const combined: MethodOutcome =
      global === undefined || theta.mean === undefined
        ? { error: 'a member failed', seconds: 0 }
        : {
            score: scoreHoldout(
              split,
              global.map((value, step) => (value + (theta.mean?.[step] as number)) / 2),
              set.period,
            ),
            seconds: perSeries + theta.seconds,
          };
    addSeriesHoldout(totals, {
      outcomes: { 'global-mlp': globalOutcome, theta, 'global-mlp+theta': combined, naive2 },
    });
  }
  const summary = summariseHoldout(totals);
  const round = (value: number | null) => (value === null ? null : Number(value.toFixed(3)));
  return {
    set: name,
    horizon: set.horizon,
    period: set.period,
    inputLength,
    hiddenUnits,
    seed,
    series: summary.seriesTotal,
    seriesSkipped: summary.seriesSkipped,
    training: {
      seconds: round(trainSeconds),
      predictSeconds: round(predictSeconds),
      windows: model.training.windows,
      epochsRun: model.training.epochsRun,
      bestEpoch: model.training.bestEpoch,
      validationLosses: model.training.validationLosses.map((loss) => Number(loss.toFixed(4))),
    },
    methods: Object.fromEntries(
      Object.entries(summary.methods).map(([method, figures]) => [
        method,
        {
          smape: round(figures.smape),
          mase: round(figures.mase),
          owa: round(figures.owa),
          seconds: round(figures.seconds),
          series: figures.series,
          failures: figures.failures,
        },
      ]),
    ),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const chosen = option(args, '--set') ?? 'all';
  const dataFolder = option(args, '--data') ?? '/work/shared/data';
  const names = chosen === 'all' ? Object.keys(SETS) : [chosen];
  for (const name of names) {
    const set = SETS[name];
    if (set === undefined) {
      console.error(`--set: unknown "${name}"; known: ${Object.keys(SETS).join(', ')}, all`);
      process.exit(2);
    }
    console.log(JSON.stringify(await runSet(name, set, dataFolder, args), null, 2));
  }
}

await main();
