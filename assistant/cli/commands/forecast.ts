// `ayni forecast --input FILE --horizon H --out FILE.csv`: forecasts every series of a tidy file
// (series_id,date,value) in worker threads, one per core, writing series_id,date,forecast and the
// interval bounds. The output appears only when the run completes (written to a temporary file,
// then renamed), so a cancelled or failed run leaves no half file behind.
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { forecastFile, type ForecastFileSummary } from '../../batch/forecast-file';
import { createProgressBar } from '../../batch/progress';
import { DEFAULT_SEEDS } from '../../ml/global-batch';
import { action, UsageError } from '../run-command';
import {
  Cancelled,
  cancelOnInterrupt,
  checkBatchMethod,
  checkInputFile,
  defaultMethod,
  parseFrequency,
  parseHorizon,
  parseLevels,
  parseSeason,
  parseThreads,
  parseWholeNumber,
} from './forecast-options';

/** The reader of stdout went away (EPIPE): not an error of the run. */
class OutputClosed extends Error {}

interface ForecastCommandOptions {
  input: string;
  horizon: string;
  out: string;
  season?: string;
  method?: string;
  levels: string;
  frequency?: string;
  unsorted?: boolean;
  seed: string;
  globalSeeds: string;
  threads?: string;
  json?: boolean;
}

/** `1 series`, `3 series`: the noun is the same in both numbers. */
const seriesCount = (value: number) => `${value.toLocaleString('en')} series`;

function summaryText(summary: ForecastFileSummary, out: string, seconds: number): string {
  const used = Object.entries(summary.methodsUsed)
    .map(([method, count]) => `${method} ${count.toLocaleString('en')}`)
    .join(', ');
  const lines = [
    `${out}: forecasts of ${seriesCount(summary.written)} in ${seconds.toFixed(1)} s (${used || 'no method'})`,
  ];
  if (summary.global !== undefined)
    lines.push(
      `global MLP: trained in ${summary.global.trainingSeconds.toFixed(1)} s on ${summary.global.windows} windows (input ${summary.global.inputLength} values, seeds ${summary.global.seeds.join(',')}); ${seriesCount(summary.global.fallbackSeries)} too short for its input used auto alone`,
    );
  if (summary.failed > 0) {
    lines.push(
      `${seriesCount(summary.failed)} failed and ${summary.failed === 1 ? 'is' : 'are'} not in the output:`,
    );
    for (const failure of summary.failures) lines.push(`  ${failure.seriesId}: ${failure.error}`);
    if (summary.failed > summary.failures.length)
      lines.push(`  ... and ${summary.failed - summary.failures.length} more`);
  }
  return `${lines.join('\n')}\n`;
}

async function runForecast(options: ForecastCommandOptions): Promise<void> {
  checkInputFile(options.input);
  const horizon = parseHorizon(options.horizon);
  const season = options.season === undefined ? undefined : parseSeason(options.season);
  const method = checkBatchMethod(options.method ?? defaultMethod(), '--method');
  const globalSeed = parseWholeNumber(options.seed, '--seed', 0, 2_147_483_646);
  const globalSeeds = parseWholeNumber(options.globalSeeds, '--global-seeds', 1, 20);
  const levels = parseLevels(options.levels);
  const frequency = parseFrequency(options.frequency);
  const threads = parseThreads(options.threads);
  const toStdout = options.out === '-';
  if (toStdout && options.json)
    throw new UsageError('--json prints the summary on stdout: give --out FILE.csv with it');

  const temporary = `${options.out}.partial-${process.pid}`;
  const output = toStdout ? process.stdout : createWriteStream(temporary);
  const interrupt = cancelOnInterrupt();
  // `ayni forecast ... --out - | head`: a reader that closes the pipe ends the run quietly
  const readerGone = new AbortController();
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') readerGone.abort(new OutputClosed());
  };
  if (toStdout) process.stdout.on('error', onOutputError);
  const signal = AbortSignal.any([interrupt.signal, readerGone.signal]);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'series') : undefined;
  let fraction = 0;
  const started = Date.now();
  let summary: ForecastFileSummary;
  try {
    summary = await forecastFile({
      input: options.input,
      output,
      method,
      horizon,
      season,
      levels,
      globalSeed,
      globalSeeds,
      threads,
      signal,
      read: {
        unsorted: options.unsorted,
        frequency,
        onProgress: (read, total) => {
          fraction = total > 0 ? read / total : 0;
        },
      },
      onSeries: (done) => bar?.update(done, fraction),
    });
    if (!toStdout) {
      output.end();
      await finished(output);
      await rename(temporary, options.out);
    }
  } catch (error) {
    if (!toStdout) {
      output.end();
      await rm(temporary, { force: true });
    }
    if (error instanceof OutputClosed || readerGone.signal.aborted) return;
    if (error instanceof Cancelled) {
      bar?.end();
      process.stderr.write(`ayni: cancelled; ${options.out} not written\n`);
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    bar?.end();
    interrupt.dispose();
    process.stdout.removeListener('error', onOutputError);
  }
  const seconds = (Date.now() - started) / 1000;
  if (summary.written === 0 && summary.series > 0)
    throw new Error(
      `every series failed (${summary.failures[0]?.seriesId}: ${summary.failures[0]?.error})`,
    );
  if (options.json) {
    const json = {
      input: options.input,
      out: options.out,
      method,
      horizon,
      levels,
      seconds,
      ...summary,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else process.stderr.write(summaryText(summary, options.out, seconds));
}

export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description(
      'forecast every series of a tidy CSV (series_id,date,value; or unique_id,ds,y) in worker threads',
    )
    .requiredOption(
      '--input <file>',
      'tidy CSV: series_id,date,value (date ISO or an integer index)',
    )
    .requiredOption('--horizon <h>', 'periods to forecast after each series')
    .requiredOption(
      '--out <file>',
      "output CSV (series_id,date,forecast,lo_L,hi_L...); '-' for stdout",
    )
    .option(
      '--season <m>',
      'seasonal period (default from the dates: daily 7, weekly 52, monthly 12, quarterly 4, yearly 1; index 1)',
    )
    .option(
      '--method <name>',
      'forecasting method (default auto when available, else ets); also global, auto+global (below)',
    )
    .option('--seed <n>', 'global methods: seed of the MLP', '1')
    .option(
      '--global-seeds <n>',
      'global methods: average the forecasts of N networks (seeds seed..seed+N-1)',
      String(DEFAULT_SEEDS),
    )
    .option('--levels <list>', 'prediction-interval levels in percent, comma-separated', '80,95')
    .option(
      '--frequency <f>',
      'daily|weekly|monthly|quarterly|yearly, instead of inferring it from the dates',
    )
    .option(
      '--unsorted',
      'the rows of a series are not together in the file: read it all first (memory grows)',
    )
    .option('--threads <n>', 'worker threads (default: one per core)')
    .option('--json', 'print a JSON summary on stdout')
    .addHelpText(
      'after',
      "\nMissing periods (no row, or an empty/NA value) are missing values, not zeros. Output dates\ncontinue each series at its frequency (month ends stay month ends); integer indexes continue\nwith the next integers. A series that fails is reported and left out; Ctrl-C cancels.\nglobal: one MLP (multi-layer perceptron) trained on all series of the file, then forecasting each;\nit has no intervals (the lo_/hi_ columns are empty). auto+global: per series the mean of auto's and\nthe MLP's forecasts, with auto's intervals shifted by the difference of the point forecasts.\nBoth read the whole file first; series too short for the MLP's input window use auto alone.",
    )
    .action(action(runForecast));
}
