// `ayni bench anomaly --input DIR --labels FILE`: a detector over a corpus in NAB's layout,
// scored at window level (precision, recall, F1) and by NAB's own scoring (three profiles).
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import type { Sensitivity } from '../../../models/anomaly/detector';
import { tryParseIsoDate } from '../../../models/calendar/dates';
import { runDemoBench } from '../../anomaly/demo-bench';
import { runNabBench, type NabBenchResult } from '../../anomaly/nab-bench';
import { syntheticScanBench } from '../../anomaly/synthetic-scan-bench';
import { createProgressBar } from '../../batch/progress';
import { action, UsageError } from '../run-command';
import { checkDetector, DEFAULT_DETECTOR, parseSensitivity, printOut } from './anomalies';
import { parseThreads, runCancellable } from './forecast-options';

interface BenchAnomalyOptions {
  input?: string;
  labels?: string;
  demo?: boolean;
  seed: string;
  today?: string;
  syntheticDaily?: string;
  detector: string;
  sensitivity: string;
  threads?: string;
  perFile?: boolean;
  json?: boolean;
}

const figure = (value: number | null, digits = 3) => (value === null ? '-' : value.toFixed(digits));

function text(result: NabBenchResult): string {
  const lines = [
    `${result.detector} (${result.sensitivity}) on ${result.files} files, ${result.windows} windows: ${result.seconds} s (${result.detect_seconds} s in the detector)`,
    `window level: precision ${figure(result.precision)}, recall ${figure(result.recall)}, F1 ${figure(result.f1)} (${result.true_positives} windows found, ${result.false_positives} false alerts of ${result.alerts})`,
    `NAB: standard ${figure(result.nab_standard, 1)}, reward_low_FP_rate ${figure(result.nab_low_fp, 1)}, reward_low_FN_rate ${figure(result.nab_low_fn, 1)}`,
    `NAB on the alerts alone: standard ${figure(result.nab_alerts.standard?.score ?? null, 1)}`,
  ];
  return `${lines.join('\n')}\n`;
}

function checkFolder(folder: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(
      `--input ${folder}: no such folder; give a folder in NAB's layout (category/file.csv), e.g. ../shared/data/nab/data`,
    );
  }
  if (!isFolder) throw new UsageError(`--input ${folder}: is not a folder`);
}

function wholeNumber(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new UsageError(`${flag} ${text}: give a whole number of at least ${minimum}`);
  return value;
}

function runDemo(options: BenchAnomalyOptions, sensitivity: Sensitivity): void {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (tryParseIsoDate(today) === undefined)
    throw new UsageError(`--today ${today}: give a calendar date YYYY-MM-DD`);
  const result = runDemoBench({ seed: wholeNumber('--seed', options.seed, 0), today, sensitivity });
  printOut(
    options.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `demo company seed ${result.seed}, ${result.listings} listings, ${result.labels} labelled anomalies (${result.sensitivity}): precision ${result.precision}, recall ${result.recall} (${result.truePositives} of ${result.alerts} alerts match a label); false alarms on promotions or in holiday weeks: ${result.alertsOnPromotionsOrHolidays}; ${result.explained} deviations explained; ${result.seconds} s\n${Object.entries(
          result.recallByKind,
        )
          .map(([kind, counts]) => `  ${kind}: ${counts.found} of ${counts.labels}`)
          .join('\n')}\n`,
  );
}

async function runSynthetic(
  options: BenchAnomalyOptions,
  sensitivity: Sensitivity,
  threads: number | undefined,
): Promise<void> {
  const series = wholeNumber('--synthetic-daily', options.syntheticDaily ?? '', 1);
  const result = await syntheticScanBench({
    series,
    days: 1095,
    seed: wholeNumber('--seed', options.seed, 0),
    detector: checkDetector(options.detector),
    sensitivity,
    ...(threads !== undefined && { threads }),
  });
  printOut(
    options.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `${result.series} synthetic daily series of ${result.days} days, ${result.detector} (${result.sensitivity}) on ${result.threads} threads: ${result.seconds} s (${result.seriesPerSecond} series/s, ${result.detectMsPerSeries} ms in detect() each), projected ${result.projectedSecondsFor30000} s for 30,000; peak RSS ${result.peakRssMb} MB\n`,
  );
}

async function runBenchAnomaly(options: BenchAnomalyOptions): Promise<void> {
  const sensitivity = parseSensitivity(options.sensitivity);
  const threads = parseThreads(options.threads);
  if (options.demo) return runDemo(options, sensitivity);
  if (options.syntheticDaily !== undefined) return runSynthetic(options, sensitivity, threads);
  if (options.input === undefined || options.labels === undefined)
    throw new UsageError(
      'give --input DIR --labels FILE (a NAB-layout corpus), or --demo, or --synthetic-daily N',
    );
  checkFolder(options.input);
  const { input, labels } = options;
  const detector = checkDetector(options.detector);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'files') : undefined;
  await runCancellable(
    async (signal) => {
      const result = await runNabBench({
        input,
        labels,
        detector,
        sensitivity,
        threads,
        signal,
        onFile: (done, total) => bar?.update(done, done / total),
      });
      bar?.end();
      const shown = options.perFile ? result : { ...result, per_file: undefined };
      printOut(options.json ? `${JSON.stringify(shown, null, 2)}\n` : text(result));
    },
    () => bar?.end(),
  );
}

export function registerBenchAnomalyCommand(bench: Command): void {
  bench
    .command('anomaly')
    .description(
      "anomaly detection on a labelled corpus in NAB's layout: window-level precision/recall/F1 and NAB scores",
    )
    .option('--input <dir>', 'folder of category/file.csv files (timestamp,value)')
    .option(
      '--labels <file>',
      "windows JSON keyed by relative path, like NAB's labels/combined_windows.json",
    )
    .option(
      '--demo',
      "score detect_anomalies' scan on the demo company's labelled anomalies instead",
    )
    .option(
      '--synthetic-daily <n>',
      'time a full scan of n seeded synthetic daily series of 3 years instead',
    )
    .option('--seed <n>', 'with --demo or --synthetic-daily: the seed', '1')
    .option('--today <date>', 'with --demo: the demo data ends the day before (default today)')
    .option('--detector <name>', 'anomaly detector from the registry', DEFAULT_DETECTOR)
    .option('--sensitivity <level>', 'low | medium | high (for the window-level alerts)', 'medium')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .option('--per-file', "with --json: add each file's counts and notes")
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      '\nJSON: { "precision", "recall", "f1", "seconds", "files", "nab_standard", "nab_low_fp",\n"nab_low_fn", "windows", "alerts", ... }. Window level: a run of consecutive rows inside the\ndetector\'s anomalies is one alert at its first row; an alert inside a labelled window finds\nthat window (each window once), one outside every window is a false positive; the first 15 %\nof each file (at most 750 rows) is probationary and not scored. NAB scores (Lavin & Ahmad\n2015) sweep one threshold over the per-step scores of all files: 0 = never alerting,\n100 = each window found at its start; "nab_alerts" sweeps only the alerts (one row each,\nwith its anomaly score). "seconds" is the wall time of the whole run.',
    )
    .action(action(runBenchAnomaly));
}
