// Where runs are kept: <out>/<run-id>/run.json (the whole EvalRun) beside its reports, and one line
// per run in <out>/runs.jsonl, so `ayni eval runs` can list the trend without reading every run.
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatJunit } from '../reporters/junit-report';
import { renderHtmlReport } from '../reporters/html-report';
import type { EvalRun } from '../runner/run-eval';

export const reportFormats = ['json', 'junit', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportFileNames: Record<ReportFormat, string> = {
  json: 'run.json',
  junit: 'junit.xml',
  html: 'report.html',
};

export interface RunIndexEntry {
  id: string;
  startedAt: string;
  mode: EvalRun['mode'];
  suites: string[];
  providers: string[];
  prompts: string[];
  repeat: number;
  runs: number;
  passed: number;
  passRate: number;
  wallMs: number;
  cells: { provider: string; prompt: string; passRate: number; latencyP50Ms: number }[];
  /** the run's folder, relative to the index */
  dir: string;
}

export class RunNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunNotFoundError';
  }
}

function indexEntry(run: EvalRun): RunIndexEntry {
  return {
    id: run.id,
    startedAt: run.startedAt,
    mode: run.mode,
    suites: run.suites.map((suite) => suite.name),
    providers: run.providers,
    prompts: run.prompts,
    repeat: run.repeat,
    runs: run.summary.runs,
    passed: run.summary.passed,
    passRate: run.summary.passRate,
    wallMs: Math.round(run.wallMs),
    cells: run.summary.cells.map((cell) => ({
      provider: cell.provider,
      prompt: cell.prompt,
      passRate: cell.passRate,
      latencyP50Ms: Math.round(cell.latencyP50Ms),
    })),
    dir: run.id,
  };
}

/** Writes run.json (always) and the asked reports; appends the index line. Returns the paths written. */
export async function saveRun(
  outDir: string,
  run: EvalRun,
  formats: readonly ReportFormat[],
): Promise<string[]> {
  const dir = path.join(outDir, run.id);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (format: ReportFormat, text: string) => {
    const file = path.join(dir, reportFileNames[format]);
    await writeFile(file, text);
    written.push(file);
  };
  await write('json', `${JSON.stringify(run)}\n`);
  if (formats.includes('junit')) await write('junit', formatJunit(run));
  if (formats.includes('html')) await write('html', renderHtmlReport(run));
  await appendFile(path.join(outDir, 'runs.jsonl'), `${JSON.stringify(indexEntry(run))}\n`);
  return written;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A run by its run.json path, its folder, or its id under `outDir`. */
export async function loadRun(outDir: string, reference: string): Promise<EvalRun> {
  const candidates = [
    reference,
    path.join(reference, reportFileNames.json),
    path.join(outDir, reference, reportFileNames.json),
  ];
  for (const file of candidates) {
    if (!(await isFile(file))) continue;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new RunNotFoundError(`${file} is not JSON: ${(error as Error).message}`);
    }
    const run = value as Partial<EvalRun> | null;
    if (!run || typeof run.id !== 'string' || !Array.isArray(run.results) || !run.summary)
      throw new RunNotFoundError(`${file} is not an ayni eval run (no id, results or summary)`);
    return run as EvalRun;
  }
  throw new RunNotFoundError(
    `no run "${reference}": give a run id under ${outDir}, a run folder or its run.json (ayni eval runs lists them)`,
  );
}

/** The index lines in the order written; a damaged line is skipped and named in `skipped`. */
export async function listRuns(
  outDir: string,
): Promise<{ runs: RunIndexEntry[]; skipped: number[] }> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, 'runs.jsonl'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], skipped: [] };
    throw error;
  }
  const runs: RunIndexEntry[] = [];
  const skipped: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      runs.push(JSON.parse(line) as RunIndexEntry);
    } catch {
      skipped.push(index + 1);
    }
  });
  return { runs, skipped };
}

/** One line per run, oldest first, with the change of pass rate from the previous run of the same matrix. */
export function formatRunList(runs: readonly RunIndexEntry[]): string {
  if (runs.length === 0) return 'No runs yet: run ayni eval SUITE_OR_DIR first.\n';
  const previous = new Map<string, number>();
  const lines = runs.map((entry) => {
    const matrix = JSON.stringify([entry.suites, entry.providers, entry.prompts]);
    const before = previous.get(matrix);
    previous.set(matrix, entry.passRate);
    const change =
      before === undefined
        ? ''
        : ` (${entry.passRate >= before ? '+' : ''}${(100 * (entry.passRate - before)).toFixed(1)} pts)`;
    const models = entry.providers
      .map((provider) => provider.replace(/^ollama:chat:/, ''))
      .join(',');
    return `${entry.id}  ${entry.startedAt.slice(0, 16).replace('T', ' ')}  ${entry.mode.padEnd(6)}  ${(100 * entry.passRate).toFixed(1).padStart(5)}%${change}  ${entry.passed}/${entry.runs}  ${entry.suites.join(',')}  ${models}  ${entry.prompts.join(',')}`;
  });
  return `${lines.join('\n')}\n`;
}
