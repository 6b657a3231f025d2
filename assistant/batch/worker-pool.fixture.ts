// A job module for the worker-pool tests: squares a number, fails on a negative one, spins for
// `spinMs` on a job { spinMs }, ends the thread on { exitCode }, and reports the worker's thread
// id so tests can see the spread.
import { threadId } from 'node:worker_threads';
import type { JobHandler } from './worker-protocol';

export interface FixtureJob {
  value: number;
  spinMs?: number;
  /** Ends the worker thread with this exit code (a crash the job cannot catch). */
  exitCode?: number;
}

export function createJobHandler(options: unknown): JobHandler {
  const { offset } = options as { offset: number };
  return (job) => {
    const { value, spinMs, exitCode } = job as FixtureJob;
    if (exitCode !== undefined) process.exit(exitCode);
    if (spinMs !== undefined) {
      const until = Date.now() + spinMs;
      while (Date.now() < until);
    }
    if (value < 0) throw new RangeError(`value: ${value} is negative`);
    return { square: value * value + offset, threadId };
  };
}
