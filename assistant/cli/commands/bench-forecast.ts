// `ayni bench forecast`: accuracy of the forecasting methods on a tidy file by holdout (sMAPE,
// MASE and OWA as in M4), or, with --synthetic-daily N, the throughput of one method on N
// seeded synthetic daily series in the worker pool (series/s, peak RSS, projected time for 30,000).
import type { Command } from 'commander';
import { forecasterNames } from '../../../models/forecast/registry';
import { holdoutFile, type HoldoutFileSummary } from '../../batch/holdout-file';
import { createProgressBar } from '../../batch/progress';
import { syntheticBench, type SyntheticBenchResult } from '../../batch/synthetic-bench';
import { DEFAULT_SEEDS } from '../../ml/global-batch';
import { action, UsageError } from '../run-command';
import {
  checkBatchMethod,
  checkInputFile,
  checkMethod,
  defaultMethod,
  parseFrequency,
  parseHorizon,
  parseSeason,
  parseThreads,
  parseWholeNumber,
  runCancellable,
} from './forecast-options';

interface BenchForecastOptions {
  input?: string;
  horizon?: string;
  season?: string;
  methods?: string;
  frequency?: string;
  unsorted?: boolean;
  syntheticDaily?: string;
  days: string;
  method?: string;
  seed: string;
  globalSeeds: string;
  dropLast?: string;
  threads?: string;
  json?: boolean;
}

const DEFAULT_METHODS = ['auto', 'ets', 'arima', 'theta', 'snaive', 'naive2'];

const round = (value: number | null, digits = 3) =>
  value === null ? null : Number(value.toFixed(digits));

function holdoutJson(
  summary: HoldoutFileSummary,
  input: string,
  horizon: number,
  season: number | undefined,
  seconds: number,
  dropLast: number,
) {
  const methods: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(summary.methods))
    methods[name] = {
      smape: round(method.smape),
      mase: round(method.mase),
      owa: round(method.owa),
      seconds: round(method.seconds),
      series: method.series,
      failures: method.failures,
      ...(method.firstError === undefined ? {} : { firstError: method.firstError }),
    };
  return {
    input,
    horizon,
    season: season ?? 'from each series frequency',
    ...(dropLast > 0 ? { dropLast } : {}),
    seconds: round(seconds, 2),
    seriesTotal: summary.seriesTotal,
    seriesSkipped: summary.seriesSkipped,
    skipped: summary.skipped,
    methods,
    ...(summary.global === undefined
      ? {}
      : {
          global: {
            ...summary.global,
            trainingSeconds: round(summary.global.trainingSeconds, 2),
            predictSeconds: round(summary.global.predictSeconds, 2),
          },
        }),
  };
}

function holdoutText(json: ReturnType<typeof holdoutJson>): string {
  const lines = [
    `${json.input}: ${json.seriesTotal} series, horizon ${json.horizon}, ${json.seriesSkipped} skipped (${Object.entries(
      json.skipped,
    )
      .map(([reason, count]) => `${reason} ${count}`)
      .join(
        ', ',
      )}), ${json.seconds} s${json.dropLast === undefined ? '' : `, last ${json.dropLast} values of each series dropped first`}`,
    `${'method'.padEnd(20)}${'sMAPE'.padStart(9)}${'MASE'.padStart(9)}${'OWA'.padStart(9)}${'series'.padStart(9)}${'failed'.padStart(8)}${'seconds'.padStart(10)}`,
  ];
  for (const [name, value] of Object.entries(json.methods)) {
    const method = value as {
      smape: number | null;
      mase: number | null;
      owa: number | null;
      series: number;
      failures: number;
      seconds: number;
    };
    const cell = (figure: number | null, width: number) =>
      (figure === null ? '-' : figure.toFixed(3)).padStart(width);
    lines.push(
      `${name.padEnd(20)}${cell(method.smape, 9)}${cell(method.mase, 9)}${cell(method.owa, 9)}${String(method.series).padStart(9)}${String(method.failures).padStart(8)}${method.seconds.toFixed(2).padStart(10)}`,
    );
  }
  if (json.global !== undefined)
    lines.push(
      `global MLP: input ${json.global.inputLength} values, seeds ${json.global.seeds.join(',')}, trained in ${json.global.trainingSeconds} s on ${json.global.windows} windows (epochs ${json.global.epochsRun.join(',')}); ${json.global.fallbackSeries} series too short for its input fell back to auto`,
    );
  return `${lines.join('\n')}\n`;
}

function syntheticText(result: SyntheticBenchResult): string {
  const lines = [
    `${result.method} on ${result.series.toLocaleString('en')} synthetic daily series of ${result.days} days (horizon ${result.horizon}, seed ${result.seed}), ${result.threads} threads:`,
    `  ${result.seriesPerSecond} series/s, ${result.seconds} s in all, ${(result.forecastSecondsPerSeries * 1000).toFixed(2)} ms per series in forecast(), peak RSS ${result.peakRssMb} MB`,
    `  projected for 30,000 series: ${result.projectedSecondsFor30000} s (${(result.projectedSecondsFor30000 / 60).toFixed(1)} min)`,
  ];
  if (result.failures > 0)
    lines.push(`  ${result.failures} series failed (first: ${result.firstError})`);
  return `${lines.join('\n')}\n`;
}

async function runBenchForecast(options: BenchForecastOptions): Promise<void> {
  const threads = parseThreads(options.threads);
  if ((options.input === undefined) === (options.syntheticDaily === undefined))
    throw new UsageError(
      'give either --input FILE (accuracy by holdout) or --synthetic-daily N (throughput)',
    );
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'series') : undefined;
  const started = Date.now();
  await runCancellable(
    async (signal) => {
      if (options.syntheticDaily !== undefined) {
        const series = parseWholeNumber(options.syntheticDaily, '--synthetic-daily', 1, 10_000_000);
        const days = parseWholeNumber(options.days, '--days', 2, 100_000);
        const horizon = parseHorizon(options.horizon ?? '28');
        const result = await syntheticBench({
          series,
          days,
          horizon,
          method: checkMethod(options.method ?? defaultMethod(), '--method'),
          seed: parseWholeNumber(options.seed, '--seed', 0, Number.MAX_SAFE_INTEGER),
          threads,
          signal,
          onSeries: (done) => bar?.update(done, done / series),
        });
        bar?.end();
        process.stdout.write(
          options.json ? `${JSON.stringify(result, null, 2)}\n` : syntheticText(result),
        );
        return;
      }
      const input = options.input as string;
      checkInputFile(input);
      if (options.horizon === undefined) throw new UsageError('--horizon H is needed with --input');
      const horizon = parseHorizon(options.horizon);
      const season = options.season === undefined ? undefined : parseSeason(options.season);
      const methods = options.methods
        ? options.methods.split(',').map((name) => checkBatchMethod(name.trim(), '--methods'))
        : DEFAULT_METHODS.filter((name) => forecasterNames.includes(name));
      const dropLast =
        options.dropLast === undefined
          ? 0
          : parseWholeNumber(options.dropLast, '--drop-last', 0, 1_000_000);
      let fraction = 0;
      const summary = await holdoutFile({
        input,
        horizon,
        season,
        methods,
        dropLast,
        globalSeed: parseWholeNumber(options.seed, '--seed', 0, 2_147_483_646),
        globalSeeds: parseWholeNumber(options.globalSeeds, '--global-seeds', 1, 20),
        threads,
        signal,
        read: {
          unsorted: options.unsorted,
          frequency: parseFrequency(options.frequency),
          onProgress: (read, total) => {
            fraction = total > 0 ? read / total : 0;
          },
        },
        onSeries: (done) => bar?.update(done, fraction),
      });
      bar?.end();
      const scored = Object.values(summary.methods).some((method) => method.series > 0);
      if (!scored)
        throw new Error(
          `${input}: no series could be scored with horizon ${horizon} (${summary.seriesTotal} series; skipped: ${Object.entries(
            summary.skipped,
          )
            .map(([reason, count]) => `${reason} ${count}`)
            .join(
              ', ',
            )}): a series needs more than horizon + season values and some change in its training part`,
        );
      const json = holdoutJson(
        summary,
        input,
        horizon,
        season,
        (Date.now() - started) / 1000,
        dropLast,
      );
      process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : holdoutText(json));
    },
    () => bar?.end(),
  );
}

export function registerBenchForecastCommand(bench: Command): void {
  bench
    .command('forecast')
    .description(
      'forecast accuracy by holdout on a tidy file (M4 sMAPE/MASE/OWA), or throughput on synthetic daily series',
    )
    .option(
      '--input <file>',
      'tidy CSV (series_id,date,value): the last H points of each series are held out',
    )
    .option(
      '--horizon <h>',
      'points held out and forecast (with --synthetic-daily: periods forecast, default 28)',
    )
    .option(
      '--season <m>',
      'seasonal period m for the methods and the MASE scale (default from the dates)',
    )
    .option(
      '--methods <list>',
      `comma-separated methods (default: those of ${DEFAULT_METHODS.join(',')} that exist); naive2 is always added; also global, auto+global (see below)`,
    )
    .option(
      '--frequency <f>',
      'daily|weekly|monthly|quarterly|yearly, instead of inferring it from the dates',
    )
    .option('--unsorted', 'the rows of a series are not together in the file: read it all first')
    .option('--synthetic-daily <n>', 'throughput instead: forecast N seeded synthetic daily series')
    .option('--days <n>', 'with --synthetic-daily: days per series', '1095')
    .option(
      '--method <name>',
      'with --synthetic-daily: the method (default auto when available, else ets)',
    )
    .option('--seed <n>', 'the seed (of the synthetic series, or of the global MLP)', '1')
    .option(
      '--global-seeds <n>',
      'global methods: average the forecasts of N networks (seeds seed..seed+N-1)',
      String(DEFAULT_SEEDS),
    )
    .option(
      '--drop-last <k>',
      'drop the last K values of every series before the holdout (a validation split)',
    )
    .option('--threads <n>', 'worker threads (default: one per core)')
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      '\nHoldout JSON: { "methods": { NAME: { "smape", "mase", "owa", "seconds", "series", "failures" } }, ... }.\nsMAPE and MASE are averaged over the series each method forecast; OWA relates them to Naive2\non the same series. Forecasts are truncated at 0 for non-negative data; series whose MASE scale\nis 0 are skipped and counted. "seconds" is time inside forecast(), summed over the threads.\nSynthetic: weekly and yearly seasonality, trend, negative-binomial noise; prints series/s, total\nseconds, peak RSS (whole process) and the projected time for 30,000 series.\nglobal: one MLP trained in the main thread on the training parts of all series (never the held-out\nvalues), then forecasting each; auto+global: per series the mean of auto and the MLP. Series too\nshort for the MLP input window use auto alone (counted in "global.fallbackSeries"). The MLP\ntraining time is "global.trainingSeconds", not in any method "seconds".',
    )
    .action(action(runBenchForecast));
}
