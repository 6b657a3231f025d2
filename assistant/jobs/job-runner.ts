// Runs one job for one key (a month, a day) at most once to success: a succeeded key is skipped,
// a failed one is recorded with its error and retried on the next call, a `running` row older than
// the stale time (a crash mid-run) is retried with attempts + 1. Each run is logged (start, end,
// duration, error) and counted in the job metrics.
import type { Metrics } from '../metrics/metrics';
import type { SqliteDatabase } from '../store/database';
import type { JobName } from './job-names';
import { createJobRuns, type JobRun } from './job-runs';

export interface JobLogger {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export type JobMetrics = Pick<Metrics, 'jobLastSuccess' | 'jobDuration' | 'jobFailures'>;

/** A `running` row older than this is taken as left by a crash (the longest job takes minutes). */
export const DEFAULT_STALE_AFTER_MS = 2 * 60 * 60 * 1000;

export interface RunJobOptions {
  job: JobName;
  runKey: string;
  clock: () => Date;
  logger: JobLogger;
  metrics?: JobMetrics;
  /** run again even when the key succeeded */
  force?: boolean;
  staleAfterMs?: number;
}

export type JobOutcome<Output> =
  | {
      status: 'succeeded';
      job: JobName;
      runKey: string;
      attempts: number;
      durationMs: number;
      output: Output;
    }
  | {
      status: 'failed';
      job: JobName;
      runKey: string;
      attempts: number;
      durationMs: number;
      error: string;
    }
  | {
      status: 'skipped';
      job: JobName;
      runKey: string;
      reason: 'already_succeeded' | 'running';
      run: JobRun;
    };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runJob<Output>(
  store: { database: SqliteDatabase },
  options: RunJobOptions,
  work: () => Output | Promise<Output>,
): Promise<JobOutcome<Output>> {
  const runs = createJobRuns(store.database);
  const { job, runKey, logger } = options;
  const claim = runs.claim({
    job,
    runKey,
    now: options.clock(),
    staleAfterMs: options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
    force: options.force ?? false,
  });
  if (!claim.claimed) {
    logger.info(
      { job, runKey, reason: claim.reason, startedAt: claim.run.startedAt },
      claim.reason === 'already_succeeded'
        ? `job ${job} ${runKey}: already succeeded, skipped`
        : `job ${job} ${runKey}: running elsewhere since ${claim.run.startedAt}, skipped`,
    );
    return { status: 'skipped', job, runKey, reason: claim.reason, run: claim.run };
  }
  const { attempts } = claim;
  logger.info({ job, runKey, attempts }, `job ${job} ${runKey}: started`);
  const started = performance.now();
  try {
    const output = await work();
    const durationMs = performance.now() - started;
    const finishedAt = options.clock();
    runs.finish({ job, runKey, status: 'succeeded', finishedAt, durationMs, output });
    options.metrics?.jobDuration.observe({ job, outcome: 'succeeded' }, durationMs / 1000);
    options.metrics?.jobLastSuccess.set({ job }, finishedAt.getTime() / 1000);
    logger.info(
      { job, runKey, attempts, durationMs: Math.round(durationMs) },
      `job ${job} ${runKey}: succeeded in ${(durationMs / 1000).toFixed(1)} s`,
    );
    return { status: 'succeeded', job, runKey, attempts, durationMs, output };
  } catch (error) {
    const durationMs = performance.now() - started;
    const message = messageOf(error);
    runs.finish({
      job,
      runKey,
      status: 'failed',
      finishedAt: options.clock(),
      durationMs,
      error: message,
    });
    options.metrics?.jobDuration.observe({ job, outcome: 'failed' }, durationMs / 1000);
    options.metrics?.jobFailures.inc({ job });
    logger.error(
      { job, runKey, attempts, durationMs: Math.round(durationMs), err: error },
      `job ${job} ${runKey}: failed: ${message}`,
    );
    return { status: 'failed', job, runKey, attempts, durationMs, error: message };
  }
}
