// A pool of worker threads for independent per-series jobs (ARCHITECTURE.md 4): one worker per
// core, jobs pulled from the source only while fewer than `maxInFlight` are unfinished or waiting
// for their turn (so memory stays flat however many series there are), results yielded in input
// order, a failing job reported as that job's outcome, and an AbortSignal that terminates the
// workers at once.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HostData, ToPool } from './worker-protocol';

export interface PoolOptions {
  /** file: URL of a module exporting `createJobHandler(options)` (see worker-protocol.ts). */
  jobModule: URL;
  /** Passed to createJobHandler in every worker (structured-cloned). */
  jobOptions?: unknown;
  /** Worker threads; default os.availableParallelism(). */
  threads?: number;
  /** Jobs dispatched but not yet yielded, at most; default 8 per thread. */
  maxInFlight?: number;
  signal?: AbortSignal;
  /** Called when a worker thread has exited (for tests and diagnostics). */
  onWorkerExit?: (exitCode: number) => void;
}

export type PoolOutcome<Job, Result> = { index: number; job: Job } & (
  { ok: true; value: Result } | { ok: false; error: string }
);

/** Jobs a worker holds at once: one running and one queued, so it never waits for the pool. */
const JOBS_PER_WORKER = 2;

const BOOTSTRAP = new URL('./worker-bootstrap.js', import.meta.url);

interface Slot {
  worker: Worker;
  held: Set<number>;
  ready: boolean;
  dead: boolean;
}

function checkCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name}: ${value} must be a whole number >= 1`);
  return value;
}

/** Runs every job in the worker threads and yields the outcomes in the order of `jobs`. */
export async function* runPool<Job, Result>(
  jobs: Iterable<Job> | AsyncIterable<Job>,
  options: PoolOptions,
): AsyncGenerator<PoolOutcome<Job, Result>> {
  const threads = checkCount(options.threads ?? availableParallelism(), 'threads');
  const maxInFlight = checkCount(options.maxInFlight ?? threads * 8, 'maxInFlight');
  const { signal } = options;
  signal?.throwIfAborted();

  const inFlight = new Map<number, Job>();
  const done = new Map<number, PoolOutcome<Job, Result>>();
  const slots: Slot[] = [];
  let fatal: { error: unknown } | undefined;
  // read through a function: TypeScript cannot see that event handlers set it between awaits
  const throwIfFatal = () => {
    if (fatal) throw fatal.error;
  };
  let closing = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    const resume = wakeUp;
    wakeUp = undefined;
    resume?.();
  };

  const settle = (
    index: number,
    outcome: { ok: true; value: Result } | { ok: false; error: string },
  ) => {
    const job = inFlight.get(index);
    if (job === undefined || done.has(index)) return;
    done.set(index, { index, job, ...outcome });
  };

  const lose = (slot: Slot, reason: string) => {
    if (slot.dead) return;
    slot.dead = true;
    if (closing) return;
    if (!slot.ready) {
      fatal ??= { error: new Error(`a worker thread failed to start: ${reason}`) };
    } else {
      // a worker runs its jobs in the order sent: the lowest index held is the one that was
      // running; the others had not started and go to the replacement
      const [running, ...waiting] = [...slot.held].sort((a, b) => a - b);
      if (running !== undefined)
        settle(running, { ok: false, error: `the worker thread died: ${reason}` });
      const replacement = spawn();
      slots[slots.indexOf(slot)] = replacement;
      for (const index of waiting) {
        replacement.held.add(index);
        replacement.worker.postMessage({ index, job: inFlight.get(index) });
      }
    }
    wake();
  };

  const spawn = (): Slot => {
    const data: HostData = { module: options.jobModule.href, options: options.jobOptions };
    const worker = new Worker(BOOTSTRAP, { workerData: data });
    const slot: Slot = { worker, held: new Set(), ready: false, dead: false };
    worker.on('message', (message: ToPool) => {
      if (message.kind === 'ready') {
        slot.ready = true;
        return;
      }
      slot.held.delete(message.index);
      settle(
        message.index,
        message.kind === 'result'
          ? { ok: true, value: message.value as Result }
          : { ok: false, error: message.error },
      );
      wake();
    });
    worker.on('error', (error) => lose(slot, error.message));
    worker.on('exit', (code) => {
      options.onWorkerExit?.(code);
      lose(slot, `it exited with code ${code}`);
    });
    return slot;
  };

  const onAbort = () => {
    fatal ??= { error: signal?.reason };
    wake();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  for (let count = 0; count < threads; count += 1) slots.push(spawn());

  const iterator =
    Symbol.asyncIterator in jobs
      ? (jobs as AsyncIterable<Job>)[Symbol.asyncIterator]()
      : (jobs as Iterable<Job>)[Symbol.iterator]();
  let sourceDone = false;
  let nextIndex = 0;
  let nextToYield = 0;
  try {
    for (;;) {
      throwIfFatal();
      const ready = done.get(nextToYield);
      if (ready) {
        done.delete(nextToYield);
        inFlight.delete(nextToYield);
        nextToYield += 1;
        yield ready;
        continue;
      }
      if (!sourceDone && nextIndex - nextToYield < maxInFlight) {
        const slot = slots.reduce((best, candidate) =>
          candidate.held.size < best.held.size ? candidate : best,
        );
        if (slot.held.size < JOBS_PER_WORKER) {
          const item = await iterator.next();
          throwIfFatal();
          if (item.done) sourceDone = true;
          else {
            const index = nextIndex;
            nextIndex += 1;
            inFlight.set(index, item.value);
            // the slot may have been replaced while the source was read
            const target = slot.dead ? (slots.find((candidate) => !candidate.dead) as Slot) : slot;
            target.held.add(index);
            target.worker.postMessage({ index, job: item.value });
          }
          continue;
        }
      }
      if (sourceDone && nextToYield === nextIndex) return;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
      });
    }
  } finally {
    closing = true;
    signal?.removeEventListener('abort', onAbort);
    if (!sourceDone) await iterator.return?.();
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
