// `ayni jobs list [--job J] [--limit N] [--json]`: the latest runs of the scheduled jobs;
// `ayni jobs run <job> [--key K] [--force] [--no-narrate] [--json]`: runs one job now on the store
// at AYNI_DATA_DIR, once per key (the scheduler's key for today unless --key) unless --force.
import type { Command } from 'commander';
import { pino } from 'pino';
import { isJobName, jobNames, type JobName } from '../../jobs/job-names';
import type { JobOutcome } from '../../jobs/job-runner';
import { createJobRuns, type JobRun } from '../../jobs/job-runs';
import { createScheduler } from '../../jobs/scheduler';
import { createStoreToolContext } from '../../store/tool-context';
import { narrationClient, requireSales, withDataStore } from '../open-store';
import { action, configFromEnvironment, UsageError } from '../run-command';

function checkedJob(job: string | undefined): JobName | undefined {
  if (job === undefined) return undefined;
  if (!isJobName(job)) throw new UsageError(`job "${job}": use one of ${jobNames.join(', ')}`);
  return job;
}

function formatRun(run: JobRun): string {
  const duration = run.durationMs === null ? '' : ` ${(run.durationMs / 1000).toFixed(1)} s`;
  const error = run.error === null ? '' : `: ${run.error}`;
  return `${run.startedAt}  ${run.job.padEnd(16)} ${run.runKey.padEnd(10)} ${run.status.padEnd(9)} attempt ${run.attempts}${duration}${error}`;
}

async function runJobsList(flags: { job?: string; limit: string; json?: boolean }): Promise<void> {
  const job = checkedJob(flags.job);
  const limit = Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--limit "${flags.limit}": use a whole number from 1 to 1000`);
  await withDataStore(configFromEnvironment(), (store) => {
    const runs = createJobRuns(store.database).recent(limit, job);
    if (flags.json) process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    else if (runs.length === 0) process.stdout.write('no job runs recorded\n');
    else process.stdout.write(`${runs.map(formatRun).join('\n')}\n`);
  });
}

function describeOutcome(outcome: JobOutcome<unknown>): string {
  const name = `${outcome.job} ${outcome.runKey}`;
  switch (outcome.status) {
    case 'succeeded':
      return `${name}: succeeded in ${(outcome.durationMs / 1000).toFixed(1)} s (attempt ${outcome.attempts}) ${JSON.stringify(outcome.output)}`;
    case 'skipped':
      return outcome.reason === 'already_succeeded'
        ? `${name}: already succeeded at ${outcome.run.finishedAt ?? outcome.run.startedAt}, skipped (--force runs it again)`
        : `${name}: running elsewhere since ${outcome.run.startedAt}, skipped`;
    case 'failed':
      return `${name}: failed (attempt ${outcome.attempts}): ${outcome.error}`;
  }
}

async function runJobsRun(
  jobArgument: string,
  flags: { key?: string; force?: boolean; narrate: boolean; json?: boolean },
): Promise<void> {
  const job = checkedJob(jobArgument) as JobName;
  const config = configFromEnvironment();
  const logger = pino({ level: 'silent' });
  await withDataStore(config, async (store) => {
    requireSales(store, config);
    const clock = () => new Date();
    const llm = narrationClient(config, flags.narrate);
    const scheduler = createScheduler(
      {
        store,
        toolContext: (signal) => createStoreToolContext(store, { signal, now: clock, logger }),
        clock,
        report: { logger, ...(llm && { llm, chatModel: config.models.chat }) },
        language: 'es',
        logger,
        hasSales: () => true,
      },
      config.scheduler,
    );
    let outcome: JobOutcome<unknown>;
    try {
      outcome = await scheduler.runNow(job, {
        ...(flags.key !== undefined && { key: flags.key }),
        force: flags.force ?? false,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(`--key ${error.message}`);
      throw error;
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else process.stdout.write(`${describeOutcome(outcome)}\n`);
    if (outcome.status === 'failed') process.exitCode = 1;
  });
}

export function registerJobsCommand(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('the scheduled jobs (monthly summary, nightly forecast refresh and anomaly scan)');
  jobs
    .command('list')
    .description('the latest job runs, newest first')
    .option('--job <name>', `only this job (${jobNames.join(', ')})`)
    .option('--limit <n>', 'how many runs', '20')
    .option('--json', 'the runs as JSON')
    .action(action(runJobsList));
  jobs
    .command('run')
    .description('runs one job now (once per key: a succeeded key is skipped unless --force)')
    .argument('<job>', jobNames.join(' | '))
    .option(
      '--key <key>',
      "the month (YYYY-MM) for monthly-summary, the day (YYYY-MM-DD) for the nightly jobs; default the scheduler's key for today",
    )
    .option('--force', 'run again even when the key succeeded')
    .option('--no-narrate', 'monthly-summary: the template narrative; no chat model is called')
    .option('--json', 'the outcome as JSON')
    .action(action(runJobsRun));
}
