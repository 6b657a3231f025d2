// The job_runs table (migration 4): one row per job and key (a month, a day). Claiming a key is
// one transaction, so two processes never run the same key at once, a succeeded key is skipped,
// and a failed key or a `running` row left by a crash (older than the stale time) is retried.
import type { SqliteDatabase } from '../store/database';
import { jobNames, type JobName } from './job-names';

export type JobRunStatus = 'running' | 'succeeded' | 'failed';

export interface JobRun {
  job: JobName;
  runKey: string;
  status: JobRunStatus;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  /** the job's JSON summary of what it did, when it succeeded */
  output: unknown;
}

export type ClaimResult =
  | { claimed: true; attempts: number }
  | { claimed: false; reason: 'already_succeeded' | 'running'; run: JobRun };

interface JobRunRow {
  job: string;
  run_key: string;
  status: JobRunStatus;
  attempts: number;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  error: string | null;
  output: string | null;
}

function toRun(row: JobRunRow): JobRun {
  const job = jobNames.find((name) => name === row.job);
  if (job === undefined) throw new Error(`job_runs: unknown job "${row.job}"`);
  return {
    job,
    runKey: row.run_key,
    status: row.status,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    error: row.error,
    output: row.output === null ? null : (JSON.parse(row.output) as unknown),
  };
}

export interface ClaimOptions {
  job: JobName;
  runKey: string;
  now: Date;
  /** a `running` row started longer ago than this is taken as crashed and retried */
  staleAfterMs: number;
  /** run again even when the key succeeded */
  force?: boolean;
}

export function createJobRuns(database: SqliteDatabase) {
  const get = database.prepare<[string, string], JobRunRow>(
    'SELECT * FROM job_runs WHERE job = ? AND run_key = ?',
  );
  const insert = database.prepare(
    `INSERT INTO job_runs (job, run_key, status, attempts, started_at)
     VALUES (?, ?, 'running', 1, ?)`,
  );
  const restart = database.prepare(
    `UPDATE job_runs SET status = 'running', attempts = attempts + 1, started_at = ?,
       finished_at = NULL, duration_ms = NULL, error = NULL, output = NULL
     WHERE job = ? AND run_key = ?`,
  );
  const finish = database.prepare(
    `UPDATE job_runs SET status = @status, finished_at = @finishedAt, duration_ms = @durationMs,
       error = @error, output = @output
     WHERE job = @job AND run_key = @runKey`,
  );
  const recent = database.prepare<[number], JobRunRow>(
    'SELECT * FROM job_runs ORDER BY started_at DESC, job, run_key LIMIT ?',
  );
  const recentOf = database.prepare<[string, number], JobRunRow>(
    'SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, run_key LIMIT ?',
  );
  const claim = database.transaction((options: ClaimOptions): ClaimResult => {
    const startedAt = options.now.toISOString();
    const row = get.get(options.job, options.runKey);
    if (row === undefined) {
      insert.run(options.job, options.runKey, startedAt);
      return { claimed: true, attempts: 1 };
    }
    if (row.status === 'succeeded' && !options.force)
      return { claimed: false, reason: 'already_succeeded', run: toRun(row) };
    if (
      row.status === 'running' &&
      options.now.getTime() - Date.parse(row.started_at) < options.staleAfterMs
    )
      return { claimed: false, reason: 'running', run: toRun(row) };
    restart.run(startedAt, options.job, options.runKey);
    return { claimed: true, attempts: row.attempts + 1 };
  });

  return {
    /** Marks the key running when it may run now (see ClaimResult). */
    claim: (options: ClaimOptions): ClaimResult => claim.immediate(options),
    finish(run: {
      job: JobName;
      runKey: string;
      status: 'succeeded' | 'failed';
      finishedAt: Date;
      durationMs: number;
      error?: string;
      output?: unknown;
    }): void {
      finish.run({
        job: run.job,
        runKey: run.runKey,
        status: run.status,
        finishedAt: run.finishedAt.toISOString(),
        durationMs: run.durationMs,
        error: run.error ?? null,
        output: run.output === undefined ? null : JSON.stringify(run.output),
      });
    },
    get(job: JobName, runKey: string): JobRun | undefined {
      const row = get.get(job, runKey);
      return row && toRun(row);
    },
    /** The latest runs first (of one job when given). */
    recent(limit: number, job?: JobName): JobRun[] {
      return (job === undefined ? recent.all(limit) : recentOf.all(job, limit)).map(toRun);
    },
  };
}

export type JobRuns = ReturnType<typeof createJobRuns>;
