// `ayni eval`: run suites (`ayni eval SUITE_OR_DIR ...`), compare two stored runs
// (`ayni eval compare RUN_A RUN_B`) and list stored runs (`ayni eval runs`). Exit codes: 0 the
// pass rate reached the threshold, 1 it did not (or a replay missed a recording, or the run
// failed), 2 bad input, with a one-line reason on stderr.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { createProgressBar } from '../../assistant/batch/progress';
import type { LlmClient } from '../../assistant/llm/llm-client';
import { loadSuites, SuiteLoadError } from '../load-suite';
import { compareRuns, formatComparison } from '../reporters/compare-runs';
import { formatConsoleReport } from '../reporters/console-report';
import { renderComparisonHtml } from '../reporters/html-report';
import {
  formatRunList,
  listRuns,
  loadRun,
  reportFormats,
  RunNotFoundError,
  saveRun,
  type ReportFormat,
} from '../runs/run-store';
import {
  cachedCompanySnapshot,
  evalCompanyOptions,
  type CompanySnapshot,
} from '../runner/eval-company';
import { RecordingFormatError } from '../runner/recording-book';
import type { EvalMode } from '../runner/recording-llm';
import { defaultRecordingsDir, EvalInputError, runEval } from '../runner/run-eval';

export interface EvalCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** progress bar stream, when stderr is a TTY */
  progress?: NodeJS.WriteStream;
  signal?: AbortSignal;
  /** tests: the model client and the company instead of Ollama and the demo company */
  llm?: LlmClient;
  company?: CompanySnapshot;
}

class UsageError extends Error {}

function wholeNumber(text: string, flag: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min)
    throw new UsageError(`${flag} ${text}: give a whole number >= ${min}`);
  return Number(text);
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function defaultOut(env: EvalCliIo['env']): string {
  return path.join(env.AYNI_DATA_DIR ?? '.ayni', 'eval-runs');
}

interface RunFlags {
  models?: string;
  promptVersion?: string;
  repeat: string;
  filter?: string;
  record?: boolean;
  replay?: boolean;
  concurrency: string;
  report: string;
  out?: string;
  threshold?: string;
  judge?: string;
  visionModel?: string;
  recordings?: string;
  instant?: boolean;
}

async function runSuites(target: string, flags: RunFlags, io: EvalCliIo): Promise<number> {
  if (flags.record && flags.replay)
    throw new UsageError('--record and --replay exclude each other; choose one');
  const mode: EvalMode = flags.record ? 'record' : flags.replay ? 'replay' : 'live';
  if (flags.instant && mode !== 'replay')
    throw new UsageError('--instant applies to --replay only');
  const repeat = wholeNumber(flags.repeat, '--repeat', 1);
  const concurrency = wholeNumber(flags.concurrency, '--concurrency', 1);
  const threshold = flags.threshold === undefined ? 1 : Number(flags.threshold);
  if (flags.threshold !== undefined && !(/^\d*\.?\d+$/.test(flags.threshold) && threshold <= 1))
    throw new UsageError(`--threshold ${flags.threshold}: give a pass rate from 0 to 1, e.g. 0.9`);
  const formats = list(flags.report) ?? [];
  for (const format of formats)
    if (!(reportFormats as readonly string[]).includes(format))
      throw new UsageError(`--report ${format}: choose from ${reportFormats.join(', ')}`);
  const promptVersions = list(flags.promptVersion)?.map((version) =>
    wholeNumber(version.replace(/^agent-system@|^v/, ''), '--prompt-version', 1),
  );
  const models = list(flags.models);
  if (models?.length === 0)
    throw new UsageError('--models: give model names, e.g. qwen3:8b,llama3.1:8b');

  const suites = await loadSuites(target);
  const controller = new AbortController();
  io.signal?.addEventListener('abort', () => controller.abort(io.signal?.reason), { once: true });
  const out = flags.out ?? defaultOut(io.env);
  const cacheDir = path.join(out, '.cache');
  const company =
    io.company ??
    (await cachedCompanySnapshot(cacheDir, evalCompanyOptions, () =>
      io.stderr(
        `generating the evaluation company (demo seed ${evalCompanyOptions.seed}, today ${evalCompanyOptions.today}); it is kept in ${cacheDir} for the next runs...\n`,
      ),
    ));
  const bar = io.progress ? createProgressBar(io.progress, 'case runs') : undefined;
  let run;
  try {
    run = await runEval({
      suites,
      ...(models ? { providers: models } : {}),
      ...(promptVersions ? { promptVersions } : {}),
      repeat,
      concurrency,
      ...(flags.filter ? { filter: flags.filter } : {}),
      mode,
      recordingsDir: flags.recordings ?? defaultRecordingsDir,
      ollamaHost: io.env.OLLAMA_HOST ?? 'http://127.0.0.1:11434',
      ...(flags.judge ? { judge: flags.judge } : {}),
      ...(flags.visionModel ? { visionModel: flags.visionModel } : {}),
      ...(flags.instant ? { replayTiming: 'instant' as const } : {}),
      signal: controller.signal,
      onProgress: ({ done, total }) => bar?.update(done, done / total),
      ...(io.llm ? { llm: io.llm } : {}),
      company,
    });
  } finally {
    bar?.end();
  }
  io.stdout(formatConsoleReport(run));
  const written = await saveRun(out, run, formats as ReportFormat[]);
  io.stdout(`Saved ${written.join(', ')}\n`);
  if (run.recordingsWritten.length > 0) io.stdout(`Recorded ${run.recordingsWritten.join(', ')}\n`);
  if (run.replayMisses.length > 0) {
    io.stderr(
      `ayni: ${run.replayMisses[0]} (${run.replayMisses.length} request(s) without a recording)\n`,
    );
    return 1;
  }
  if (run.summary.passRate < threshold) {
    io.stderr(
      `ayni: pass rate ${(100 * run.summary.passRate).toFixed(1)}% is below the threshold ${(100 * threshold).toFixed(1)}%\n`,
    );
    return 1;
  }
  return 0;
}

async function compare(
  a: string,
  b: string,
  flags: { out?: string; runs?: string },
  io: EvalCliIo,
) {
  const runsDir = flags.runs ?? defaultOut(io.env);
  const comparison = compareRuns(await loadRun(runsDir, a), await loadRun(runsDir, b));
  io.stdout(formatComparison(comparison));
  if (flags.out) {
    const text = /\.json$/i.test(flags.out)
      ? `${JSON.stringify(comparison, null, 1)}\n`
      : renderComparisonHtml(comparison);
    await writeFile(flags.out, text);
    io.stdout(`Saved ${flags.out}\n`);
  }
  return 0;
}

function program(io: EvalCliIo, settle: (code: number) => void): Command {
  const root = new Command('ayni eval')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .description(
      'Run prompt evaluation suites against the agent. Also: ayni eval compare RUN_A RUN_B [--out FILE], ayni eval runs',
    )
    .argument('<suite-or-dir>', 'a suite .yaml file or a folder of them')
    .option('--models <list>', "Ollama models replacing the suites' providers, comma-separated")
    .option(
      '--prompt-version <list>',
      "agent-system prompt versions, comma-separated (default: the suite's)",
    )
    .option('--repeat <n>', 'runs per case (pass rate = stability)', '1')
    .option('--filter <tag>', 'only cases with this tag or metadata.user')
    .option('--record', 'call the models and store every exchange under --recordings')
    .option('--replay', 'serve the stored exchanges; no model needed')
    .option(
      '--instant',
      'with --replay: skip the recorded model delays (latency and TTFT then measure the runner only)',
    )
    .option('--recordings <dir>', 'recordings folder (default eval/recordings)')
    .option('--concurrency <n>', 'case runs at once', '2')
    .option('--report <list>', `reports besides run.json: ${reportFormats.join(',')}`, 'junit,html')
    .option('--out <dir>', 'where runs are stored (default AYNI_DATA_DIR/eval-runs)')
    .option('--threshold <rate>', 'lowest passing share of case runs, 0..1 (default 1)')
    .option('--judge <model>', 'Ollama model for llm-rubric assertions')
    .option(
      '--vision-model <model>',
      'Ollama vision model inspect_packaging asks (default: checks only)',
    )
    .action(async (target: string, flags: RunFlags) => settle(await runSuites(target, flags, io)));
  return root;
}

function compareProgram(io: EvalCliIo, settle: (code: number) => void): Command {
  return new Command('ayni eval compare')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .description('Compare two stored runs: flipped cases, pass rate and latency per model x prompt')
    .argument('<run-a>', 'run id, run folder or run.json')
    .argument('<run-b>', 'run id, run folder or run.json')
    .option('--out <file>', 'also write the comparison: .html (page) or .json')
    .option('--runs <dir>', 'where runs are stored (default AYNI_DATA_DIR/eval-runs)')
    .action(async (a: string, b: string, flags: { out?: string; runs?: string }) =>
      settle(await compare(a, b, flags, io)),
    );
}

function runsProgram(io: EvalCliIo, settle: (code: number) => void): Command {
  return new Command('ayni eval runs')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .description('List stored runs, oldest first, with the pass-rate trend')
    .option('--out <dir>', 'where runs are stored (default AYNI_DATA_DIR/eval-runs)')
    .option('--json', 'the index entries as JSON')
    .action(async (flags: { out?: string; json?: boolean }) => {
      const { runs, skipped } = await listRuns(flags.out ?? defaultOut(io.env));
      io.stdout(flags.json ? `${JSON.stringify(runs, null, 1)}\n` : formatRunList(runs));
      if (skipped.length > 0)
        io.stderr(`ayni: skipped damaged index lines ${skipped.join(', ')}\n`);
      settle(0);
    });
}

const inputErrors = [
  UsageError,
  SuiteLoadError,
  EvalInputError,
  RunNotFoundError,
  RecordingFormatError,
];

/** Runs `ayni eval` with the arguments after "eval"; resolves to the exit code. */
export async function runEvalCli(argv: readonly string[], io: EvalCliIo): Promise<number> {
  let code = 0;
  const settle = (value: number) => {
    code = value;
  };
  const [first, ...rest] = argv;
  const command =
    first === 'compare'
      ? compareProgram(io, settle)
      : first === 'runs'
        ? runsProgram(io, settle)
        : program(io, settle);
  const args = first === 'compare' || first === 'runs' ? rest : argv;
  try {
    await command.parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ayni: ${message.split('\n')[0]}\n`);
    return inputErrors.some((kind) => error instanceof kind) ? 2 : 1;
  }
}
