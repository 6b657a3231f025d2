// The job scheduler (issue 9): croner fires the monthly summary and the nightly forecast refresh
// and anomaly scan at the configured times in the configured time zone. Runs go through runJob, so
// a key runs at most once to success. At start, a job whose last due run has no success (the
// server was down, or the run failed) runs once: this is how the jobs survive a restart.
import { Cron } from 'croner';
import type { JobDeps } from './jobs';
import { jobDefinitions, localDate } from './jobs';
import { jobNames, type JobName } from './job-names';
import { runJob, type JobLogger, type JobMetrics, type JobOutcome } from './job-runner';
import { createJobRuns } from './job-runs';
import { checkSchedule, type SchedulerConfig } from './schedule';

export type { SchedulerConfig } from './schedule';

export interface SchedulerDeps extends JobDeps {
  logger: JobLogger & { warn(fields: Record<string, unknown>, message: string): void };
  metrics?: JobMetrics;
  /** the store has sales to work on (no catch-up on an empty store) */
  hasSales(): boolean;
}

export interface SchedulerOptions {
  /** wait this long after start() before catching up, so start-up is not slowed (default 5 s) */
  catchUpDelayMs?: number;
}

export interface Scheduler {
  start(): void;
  /** Stops the timers and waits for the job in progress, if any. */
  stop(): Promise<void>;
  /** Runs the missed jobs now (what start() does after its delay); resolves when they are done. */
  catchUp(): Promise<JobOutcome<unknown>[]>;
  /** Runs one job for a key now (idempotent unless force). */
  runNow(job: JobName, options?: { key?: string; force?: boolean }): Promise<JobOutcome<unknown>>;
  /** The next time each job fires (null when it never does). */
  nextRuns(from?: Date): Record<JobName, Date | null>;
}

export function createScheduler(
  schedulerDeps: SchedulerDeps,
  config: SchedulerConfig,
  options: SchedulerOptions = {},
): Scheduler {
  checkSchedule(config);
  const deps: SchedulerDeps =
    config.summaryLanguage === undefined
      ? schedulerDeps
      : { ...schedulerDeps, language: config.summaryLanguage };
  const cronOf: Record<JobName, string> = {
    'monthly-summary': config.summaryCron,
    'forecast-refresh': config.nightlyCron,
    'anomaly-scan': config.nightlyCron,
  };
  const patterns = Object.fromEntries(
    jobNames.map((job) => [
      job,
      new Cron(cronOf[job], { paused: true, timezone: config.timezone }),
    ]),
  ) as Record<JobName, Cron>;
  const controller = new AbortController();
  const timers: Cron[] = [];
  let catchUpTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  // one job at a time: they share the CPU and the database
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = (job: JobName, key: string, force: boolean): Promise<JobOutcome<unknown>> => {
    // the jobs compute synchronously: let pending requests through between two of them
    const next = queue.then(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      // a job not yet begun when the scheduler stops is not run (nor recorded as failed)
      controller.signal.throwIfAborted();
      return runJob(
        deps.store,
        {
          job,
          runKey: key,
          clock: deps.clock,
          logger: deps.logger,
          force,
          ...(deps.metrics && { metrics: deps.metrics }),
        },
        () => {
          controller.signal.throwIfAborted();
          return jobDefinitions[job].run(deps, key, controller.signal);
        },
      );
    });
    queue = next.catch(() => undefined);
    return next;
  };

  // runJob records the jobs' own failures; what reaches here is a stop before the job began
  const notRun = (what: string) => (error: unknown) =>
    deps.logger.warn(
      { job: what, err: error },
      `${what} not run: ${error instanceof Error ? error.message : String(error)}`,
    );

  const keyAt = (job: JobName, instant: Date) =>
    jobDefinitions[job].keyFor(localDate(instant, config.timezone));

  return {
    start() {
      if (stopped) throw new Error('the scheduler was stopped: create another');
      for (const job of jobNames) {
        timers.push(
          new Cron(cronOf[job], { timezone: config.timezone, protect: true }, async () => {
            if (deps.hasSales())
              await enqueue(job, keyAt(job, deps.clock()), false).catch(notRun(job));
          }),
        );
      }
      catchUpTimer = setTimeout(() => {
        catchUpTimer = undefined;
        void this.catchUp().catch(notRun('catch-up'));
      }, options.catchUpDelayMs ?? 5000);
      catchUpTimer.unref();
      deps.logger.info({ next: this.nextRuns(), timezone: config.timezone }, 'scheduler started');
    },
    async catchUp() {
      if (!deps.hasSales()) {
        deps.logger.info({}, 'scheduler: the store holds no sales, nothing to catch up');
        return [];
      }
      const runs = createJobRuns(deps.store.database);
      const now = deps.clock();
      const outcomes: JobOutcome<unknown>[] = [];
      for (const job of jobNames) {
        const due = patterns[job].previousRuns(1, now)[0];
        if (due === undefined || stopped) continue;
        const key = keyAt(job, due);
        if (runs.get(job, key)?.status === 'succeeded') continue;
        deps.logger.info({ job, runKey: key, due: due.toISOString() }, `catching up ${job} ${key}`);
        outcomes.push(await enqueue(job, key, false));
      }
      return outcomes;
    },
    runNow(job, runOptions = {}) {
      const key = runOptions.key ?? keyAt(job, deps.clock());
      const problem = jobDefinitions[job].checkKey(key);
      if (problem !== undefined) return Promise.reject(new RangeError(`${job} key ${problem}`));
      return enqueue(job, key, runOptions.force ?? false);
    },
    nextRuns(from = deps.clock()) {
      return Object.fromEntries(
        jobNames.map((job) => [job, patterns[job].nextRun(from)]),
      ) as Record<JobName, Date | null>;
    },
    async stop() {
      stopped = true;
      if (catchUpTimer) clearTimeout(catchUpTimer);
      for (const timer of timers) timer.stop();
      controller.abort(new Error('the scheduler is stopping'));
      await queue;
    },
  };
}
