// `ayni anomalies --input FILE`: the anomalies of every series of a file (NAB's single-series
// `timestamp,value`, or tidy `series_id,date,value`), with start and end in the input's own time
// format and a plain explanation; worker threads for files of many series.
import type { Command } from 'commander';
import type { Sensitivity } from '../../../models/anomaly/detector';
import { detectorNames } from '../../../models/anomaly/registry';
import { detectFile, type DetectFileResult } from '../../anomaly/detect-file';
import { createProgressBar } from '../../batch/progress';
import { tryParseIsoDate } from '../../../models/calendar/dates';
import { scanStore, type ScanStoreResult } from '../../anomaly/scan-store';
import { action, configFromEnvironment, UsageError } from '../run-command';
import { checkInputFile, parseThreads, runCancellable } from './forecast-options';

export const SENSITIVITIES: readonly Sensitivity[] = ['low', 'medium', 'high'];
export const DEFAULT_DETECTOR = 'default';

export function parseSensitivity(text: string): Sensitivity {
  if (!(SENSITIVITIES as readonly string[]).includes(text))
    throw new UsageError(`--sensitivity ${text}: choose one of ${SENSITIVITIES.join(', ')}`);
  return text as Sensitivity;
}

/** A detector name from the registry ('default' included), or a UsageError listing them. */
export function checkDetector(name: string): string {
  if (!detectorNames.includes(name))
    throw new UsageError(
      `--detector ${name}: unknown detector; choose one of ${detectorNames.join(', ')}`,
    );
  return name;
}

/** Writes to stdout; a reader that went away (`ayni anomalies ... | head`) ends it quietly. */
export function printOut(text: string): void {
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(text);
}

interface AnomaliesOptions {
  input?: string;
  from?: string;
  to?: string;
  sensitivity: string;
  detector: string;
  threads?: string;
  json?: boolean;
}

function checkDate(flag: string, value: string): string {
  if (tryParseIsoDate(value) === undefined)
    throw new UsageError(`${flag} ${value}: give a calendar date YYYY-MM-DD`);
  return value;
}

function storeText(result: ScanStoreResult): string {
  const lines = result.anomalies.map(
    (anomaly) =>
      `${anomaly.series_id}  ${anomaly.start}${anomaly.end === anomaly.start ? '' : ` .. ${anomaly.end}`}  ${anomaly.kind}  ${anomaly.explanation}`,
  );
  lines.push(
    `${result.anomalies.length} anomalies and rule alerts in ${result.listings} listings (${result.explained} deviations explained by promotions, holidays, prices or stockouts)`,
    ...result.notes,
  );
  return `${lines.join('\n')}\n`;
}

function text(result: DetectFileResult): string {
  if (result.anomalies.length === 0)
    return `no anomalies in ${result.series} series at this sensitivity\n`;
  const lines = result.anomalies.map(
    (anomaly) =>
      `${anomaly.series_id}  ${anomaly.start}${anomaly.end === anomaly.start ? '' : ` .. ${anomaly.end}`}  ${anomaly.kind}  ${anomaly.explanation}`,
  );
  lines.push(`${result.anomalies.length} anomalies in ${result.series} series`);
  return `${lines.join('\n')}\n`;
}

async function runAnomalies(options: AnomaliesOptions): Promise<void> {
  const sensitivity = parseSensitivity(options.sensitivity);
  const threads = parseThreads(options.threads);
  if (options.input === undefined) {
    const { from, to } = options;
    await runCancellable((signal) => {
      let result: ScanStoreResult;
      try {
        result = scanStore({
          dataDir: configFromEnvironment().dataDir,
          sensitivity,
          signal,
          ...(from !== undefined && { from: checkDate('--from', from) }),
          ...(to !== undefined && { to: checkDate('--to', to) }),
        });
      } catch (error) {
        // the store's own complaints (empty store) are the user's to fix
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
      printOut(
        options.json
          ? `${JSON.stringify({ anomalies: result.anomalies, notes: result.notes }, null, 2)}\n`
          : storeText(result),
      );
    });
    return;
  }
  checkInputFile(options.input);
  const input = options.input;
  const detector = checkDetector(options.detector);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'series') : undefined;
  await runCancellable(
    async (signal) => {
      const result = await detectFile({
        input,
        detector,
        sensitivity,
        threads,
        signal,
        onSeries: (done) => bar?.update(done),
      });
      bar?.end();
      printOut(
        options.json
          ? `${JSON.stringify({ anomalies: result.anomalies, notes: result.notes }, null, 2)}\n`
          : text(result),
      );
    },
    () => bar?.end(),
  );
}

export function registerAnomaliesCommand(program: Command): void {
  program
    .command('anomalies')
    .description(
      "find anomalies in a file's series (NAB timestamp,value or tidy series_id,date,value), or in the store's daily sales with the planners' rules",
    )
    .option(
      '--input <file>',
      'CSV: timestamp,value (one series, named after the file) or series_id,date,value; without it, the store at AYNI_DATA_DIR is scanned',
    )
    .option(
      '--from <date>',
      'store scan: report anomalies from this day (default: 90 days before the last sale)',
    )
    .option('--to <date>', 'store scan: up to this day')
    .option('--sensitivity <level>', 'low | medium | high (more anomalies)', 'medium')
    .option('--detector <name>', 'anomaly detector from the registry', DEFAULT_DETECTOR)
    .option('--threads <n>', 'worker threads for tidy files (default: one per core)')
    .option('--json', 'print { "anomalies": [...], "notes": [...] } as JSON')
    .addHelpText(
      'after',
      '\nEach anomaly: { "series_id", "start", "end", "kind", "score", "expected", "observed",\n"explanation" }, start and end in the input\'s own time format. kind is spike, drop,\nlevel_shift or outlier; score is on the detector\'s scale (robust SD for residual detectors);\nexpected is the baseline\'s mean per step over the anomaly. Seasonal periods come from the\ntimestamps (5-minute data: the day, 288 steps; hourly: 24 and 168; daily: 7), each used once\nthe series spans three cycles. Missing steps are gaps, not zeros.',
    )
    .action(action(runAnomalies));
}
